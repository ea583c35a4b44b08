using Fulcrum.Analytics.Themes;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Themes;

/// <summary>
/// A company that asks CSAT only (no NPS): each theme's impact is read on CSAT, the mean answer with and without the theme's
/// responses, instead of being absent. Hand-made assignments: a theme on the dissatisfied answers (1–2) and one on the
/// satisfied (5).
/// </summary>
public sealed class ThemeCsatImpactTests : IDisposable
{
    readonly FulcrumStore _store = FulcrumStore.Open(":memory:");
    readonly ThemeImpactReport _report;

    public ThemeCsatImpactTests()
    {
        DemoCompanyGenerator.Generate(_store, new DemoCompanyOptions(Accounts: 300, Years: 2, Seed: 5, CsatOnly: true));
        var now = DateTime.UtcNow;
        foreach (var (id, label) in new[] { ("T001", "dissatisfied complaint"), ("T002", "satisfied praise") })
            _store.Execute("""
                INSERT INTO themes (theme_id, label, origin, status, model, dimension, centroid, created_at, updated_at)
                VALUES ($id, $label, 'discovered', 'active', 'test', 0, ''::BLOB, $now, $now)
                """, new { id, label, now });
        _store.Execute("""
            INSERT INTO response_themes
            SELECT response_id, 'T001', 0.5, -0.5, true FROM responses WHERE comment IS NOT NULL AND csat <= 2
            UNION ALL
            SELECT response_id, 'T002', 0.5, 0.5, true FROM responses WHERE comment IS NOT NULL AND csat = 5 AND hash(response_id) % 3 = 0
            """);
        _report = ThemeImpactAnalysis.Run(_store, new ThemeImpactOptions(Replicates: 300));
    }

    [Fact]
    public void The_impact_is_read_on_CSAT_as_the_mean_answer_minus_the_mean_without_the_themes_responses()
    {
        Assert.Equal(0, _store.Scalar<long>("SELECT COUNT(nps) FROM responses"));
        Assert.Equal("CSAT", _report.ScoreMetric);
        var answers = _store.Query<(string Id, double Csat)>("SELECT response_id, CAST(csat AS DOUBLE) FROM responses WHERE csat IS NOT NULL").ToList();
        var raised = _store.Query<string>("SELECT response_id FROM response_themes WHERE theme_id = 'T001'").ToHashSet();
        var expected = answers.Average(a => a.Csat) - answers.Where(a => !raised.Contains(a.Id)).Average(a => a.Csat);
        var impact = _report.Themes.Single(t => t.ThemeId == "T001").ScoreImpact;
        Assert.Equal(expected, impact.Value, 1e-9);
        Assert.True(impact.Upper < 0, impact.ToString());
        Assert.StartsWith("CSAT minus CSAT without the theme's responses", impact.Method);
        // A difference of two means on the 1–5 scale stays within ±4 (the scale's width), interval included.
        Assert.InRange(impact.Lower, -4, 4);
        Assert.InRange(impact.Upper, -4, 4);
    }

    [Fact]
    public void The_satisfied_customers_theme_lifts_CSAT_and_is_a_strength()
    {
        var praise = _report.Themes.Single(t => t.ThemeId == "T002");
        Assert.True(praise.ScoreImpact.Lower > 0, praise.ScoreImpact.ToString());
        Assert.Equal(ThemeKind.Strength, praise.Kind);
        Assert.Contains("CSAT impact by account bootstrap", _report.Method);
    }

    public void Dispose() => _store.Dispose();
}
