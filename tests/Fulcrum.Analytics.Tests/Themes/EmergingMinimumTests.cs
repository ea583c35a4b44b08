using Fulcrum.Analytics.Themes;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Themes;

/// <summary>
/// Emerging themes need a minimum count in the latest quarter: a theme put on a handful of the last quarter's detractor comments
/// (and on none before, the strongest possible rise) is shown with its trend but never tested or flagged below the minimum, and
/// is tested once the minimum is lowered to its count.
/// </summary>
public sealed class EmergingMinimumTests : IDisposable
{
    readonly FulcrumStore _store = FulcrumStore.Open(":memory:");

    public EmergingMinimumTests()
    {
        DemoCompanyGenerator.Generate(_store, new DemoCompanyOptions(Accounts: 300, Years: 2, Seed: 11));
        var now = DateTime.UtcNow;
        foreach (var (id, label) in new[] { ("T001", "few late complaints"), ("T002", "steady remark") })
            _store.Execute("""
                INSERT INTO themes (theme_id, label, origin, status, model, dimension, centroid, created_at, updated_at)
                VALUES ($id, $label, 'discovered', 'active', 'test', 0, ''::BLOB, $now, $now)
                """, new { id, label, now });
        _store.Execute("""
            INSERT INTO response_themes
            SELECT response_id, 'T002', 0.5, 0.5, true FROM responses WHERE comment IS NOT NULL AND hash(response_id) % 3 = 0
            """);
    }

    void PlantLateComplaints(int count)
    {
        _store.Execute("DELETE FROM response_themes WHERE theme_id = 'T001'");
        var last = _store.Scalar<DateTime>("SELECT date_trunc('quarter', MAX(responded_at)) FROM responses WHERE comment IS NOT NULL");
        _store.Execute("""
            INSERT INTO response_themes
            SELECT response_id, 'T001', 0.5, -0.5, false FROM responses
            WHERE comment IS NOT NULL AND nps <= 6 AND responded_at >= $last ORDER BY response_id LIMIT $count
            """, new { last, count });
        Assert.Equal(count, _store.Scalar<long>("SELECT COUNT(*) FROM response_themes WHERE theme_id = 'T001'"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(19)]
    public void Under_the_default_minimum_a_rise_is_shown_but_never_tested(int count)
    {
        PlantLateComplaints(count);
        var report = ThemeImpactAnalysis.Run(_store, new ThemeImpactOptions(Replicates: 100));
        var late = report.Themes.Single(t => t.ThemeId == "T001");
        Assert.False(late.Emerging!.Emerging);
        Assert.Null(late.Emerging.PValue);
        Assert.Null(late.Emerging.QValue);
        Assert.Contains($"{count} comments", late.Emerging.NotTested);
        Assert.Contains("minimum of 20", late.Emerging.NotTested);
        Assert.True(late.Trend[^1].Share.Value > 0); // the cell is shown
        Assert.Contains("at least 20 comments", report.Method);
    }

    [Fact]
    public void At_the_minimum_the_same_rise_is_tested()
    {
        PlantLateComplaints(5);
        var report = ThemeImpactAnalysis.Run(_store, new ThemeImpactOptions(Replicates: 100, EmergingMinimum: 5));
        var late = report.Themes.Single(t => t.ThemeId == "T001");
        Assert.NotNull(late.Emerging!.PValue);
        Assert.Null(late.Emerging.NotTested);
        Assert.True(late.Emerging.PValue < 0.05, $"p = {late.Emerging.PValue}");
    }

    [Fact]
    public void A_minimum_below_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ThemeImpactAnalysis.Run(_store, new ThemeImpactOptions(Replicates: 100, EmergingMinimum: 0)));

    public void Dispose() => _store.Dispose();
}
