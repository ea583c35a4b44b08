using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Analytics.Themes;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Linkage;

/// <summary>
/// A theme of praise is a strength, never a "Fix theme" lever (issue 15): on a demo company (1,500 accounts, seed 11) with a
/// planted complaint (sentiment −0.5) and a planted praise (+0.6), each raised by the comments of 300 accounts, the business
/// case values fixing the complaint and lists the praise as not valued with the reason, also after re-valuing with other
/// assumptions; the kinds are the theme impact's.
/// </summary>
public sealed class StrengthLeverTests
{
    static readonly LinkageOptions Options = new() { Resamples = 200 };

    static readonly Lazy<(FulcrumStore Store, BusinessCaseRun Run)> Company = new(() =>
    {
        var store = FulcrumStore.Open(":memory:");
        DemoCompanyGenerator.Generate(store, new DemoCompanyOptions(1_500, 3, 11));
        Plant(store, "TPROBLEM", "Planted complaint", -0.5, skip: 0);
        Plant(store, "TPRAISE", "Planted praise", 0.6, skip: 300);
        return (store, BusinessCaseAnalysis.Run(new AnalysisFacts(store), Options));
    });

    static void Plant(FulcrumStore store, string id, string label, double sentiment, int skip)
    {
        var now = DateTime.UtcNow;
        store.Execute("""
            INSERT INTO themes (theme_id, label, origin, model, dimension, centroid, created_at, updated_at)
            VALUES ($id, $label, 'defined', 'test', 1, $centroid, $now, $now)
            """, new { id, label, centroid = new byte[4], now });
        var responses = store.Query<string>("""
            SELECT response_id FROM responses
            WHERE comment IS NOT NULL AND account_id IN (SELECT account_id FROM accounts ORDER BY account_id LIMIT 300 OFFSET $skip)
            """, new { skip }).ToList();
        using var transaction = store.BeginTransaction();
        foreach (var response in responses)
            store.Execute("INSERT INTO response_themes (response_id, theme_id, similarity, sentiment, is_primary) VALUES ($response, $id, 0.9, $sentiment, true)",
                new { response, id, sentiment }, transaction);
        transaction.Commit();
    }

    [Fact]
    public void The_kinds_are_the_theme_impacts()
    {
        var (store, run) = Company.Value;
        Assert.Equal(ThemeKind.Problem, run.ThemeKinds["TPROBLEM"]);
        Assert.Equal(ThemeKind.Strength, run.ThemeKinds["TPRAISE"]);
        var impact = ThemeImpactAnalysis.Run(store, new ThemeImpactOptions(Replicates: Options.Resamples));
        Assert.Equal(impact.Kinds.OrderBy(k => k.Key), run.ThemeKinds.OrderBy(k => k.Key));
    }

    [Fact]
    public void Only_the_problem_is_a_fix_lever_and_the_strength_is_listed_with_the_reason()
    {
        var report = Company.Value.Run.Report;
        var fix = Assert.Single(report.Levers, l => l.Lever.Id.StartsWith(LeverCatalog.FixThemePrefix, StringComparison.Ordinal));
        Assert.Equal(LeverCatalog.FixThemePrefix + "TPROBLEM", fix.Lever.Id);
        Assert.True(fix.At(report.HorizonMonths).Npv.IsDefined);
        var praise = Assert.Single(report.UnavailableLevers, l => l.Id == LeverCatalog.FixThemePrefix + "TPRAISE");
        Assert.Equal(LeverCatalog.StrengthNotFixed, praise.Unavailable);
        Assert.DoesNotContain("Planted praise", report.Headline);
    }

    [Fact]
    public void Levers_not_valued_for_one_reason_are_said_once_naming_three()
    {
        var report = Company.Value.Run.Report;
        var praise = report.UnavailableLevers.Single(l => l.Id == LeverCatalog.FixThemePrefix + "TPRAISE");
        var strengths = Enumerable.Range(1, 5).Select(i => praise with { Id = $"fix_theme:S{i}", Title = $"Fix theme \"S{i}\"" }).ToList();
        var other = praise with { Id = "other", Title = "Other lever", Unavailable = "no data for it" };
        var grouped = report with { UnavailableLevers = [strengths[0], other, .. strengths.Skip(1)] };

        Assert.Equal(
            [$"Fix theme \"S1\", Fix theme \"S2\", Fix theme \"S3\" and 2 more ({LeverCatalog.StrengthNotFixed})", "Other lever (no data for it)"],
            grouped.NotValued);
    }

    [Fact]
    public void Revaluing_keeps_the_strength_out()
    {
        var revalued = BusinessCaseAnalysis.Revalue(Company.Value.Run, new Dictionary<string, double> { ["lever_size_fix_theme"] = 0.8 });
        Assert.DoesNotContain(revalued.Levers, l => l.Lever.Id == LeverCatalog.FixThemePrefix + "TPRAISE");
        Assert.Equal(LeverCatalog.StrengthNotFixed, revalued.UnavailableLevers.Single(l => l.Id == LeverCatalog.FixThemePrefix + "TPRAISE").Unavailable);
        Assert.Contains(revalued.Levers, l => l.Lever.Id == LeverCatalog.FixThemePrefix + "TPROBLEM");
    }

    [Fact]
    public void NPS_answered_but_left_out_by_soft_points_to_soft()
    {
        // The store has NPS answers: the one step that helps is to model them (--soft), not to import them.
        var report = BusinessCaseAnalysis.Run(new AnalysisFacts(Company.Value.Store),
            Options with { SoftMetrics = new HashSet<SoftMetric> { SoftMetric.Csat, SoftMetric.Ces } }).Report;
        Assert.Equal("NPS is not in the linkage model (--soft left it out); run with --soft including nps",
            report.UnavailableLevers.Single(l => l.Id == LeverCatalog.DetractorsToPassive).Unavailable);
    }
}
