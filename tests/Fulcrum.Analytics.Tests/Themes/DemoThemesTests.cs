using Fulcrum.Analytics.Themes.Store;
using Fulcrum.Data.Demo;
using Xunit.Abstractions;

namespace Fulcrum.Analytics.Tests.Themes;

public class DemoThemesTests(DemoThemesFixture demo, ITestOutputHelper output) : IClassFixture<DemoThemesFixture>
{
    [Theory]
    [InlineData(GroundTruth.IntegrationTheme, "products_dont_integrate", 0.5)]  // measured 0.576
    [InlineData(GroundTruth.ManagersTheme, "too_many_account_managers", 0.4)]  // measured 0.457
    public void Planted_theme_is_found_by_a_theme_defined_with_example_sentences(string groundTruthId, string plantedKey, double floor)
    {
        Assert.Equal(1, demo.Store.Scalar<long>("SELECT COUNT(*) FROM ground_truth WHERE effect_id = $id", new { id = groundTruthId }));
        var themeId = plantedKey == "products_dont_integrate" ? demo.IntegrationThemeId : demo.ManagersThemeId;
        var f1 = demo.F1(themeId, plantedKey);
        output.WriteLine($"{plantedKey}: {themeId} F1 {f1:F3}");
        Assert.True(f1 >= floor, $"{themeId} matches {plantedKey} with F1 {f1:F3}");
    }

    /// <summary>
    /// Ranked by the ARR at risk beyond the scores (linkage model: churn after the theme over what NPS, CES and the profile
    /// predict), the planted themes lead: the generator makes accounts that raised either churn 1.6× their score-based rate,
    /// while other themes mostly mark unhappy accounts whose churn the scores already explain. Measured on these 2,000
    /// accounts: managers 1st (ratio 1.8, interval 1.2–2.4), integration 3rd (1.34, 0.94–1.74) behind a generic "generally fine"
    /// theme (1.18) whose passives' comments often go on to the integration complaint. With ~40 themes none survives the
    /// false-discovery control at this size (q ≈ 0.3), which the report shows.
    /// </summary>
    [Fact]
    public void Planted_themes_rank_at_the_top_by_ARR_at_risk_beyond_the_scores()
    {
        foreach (var t in demo.Impact.Themes)
            output.WriteLine($"{t.ThemeId} {t.Label}: beyond scores {t.ArrAtRiskBeyondScores} ratio {t.ChurnRatioBeyondScores} q {t.ExcessChurnQValue:F4}; stratified {t.ArrAtRisk}; NPS {t.NpsImpact}");
        Assert.Null(demo.Impact.LinkageNote);
        var top = demo.Impact.Themes.Take(3).Select(t => t.ThemeId).ToHashSet();
        Assert.Contains(demo.IntegrationThemeId, top);
        Assert.Contains(demo.ManagersThemeId, top);
        foreach (var id in new[] { demo.IntegrationThemeId, demo.ManagersThemeId })
        {
            var theme = demo.Impact.Themes.Single(t => t.ThemeId == id);
            Assert.True(theme.ArrAtRiskBeyondScores!.Value > 0 && theme.ChurnRatioBeyondScores!.Value > 1, $"{id}: {theme.ArrAtRiskBeyondScores}, {theme.ChurnRatioBeyondScores}");
            Assert.True(theme.ChurnRaising.Value > theme.ChurnOthers.Value, $"{id}: churn {theme.ChurnRaising} vs {theme.ChurnOthers}");
            Assert.True(theme.NpsImpact.Upper < 0, $"{id}: NPS impact {theme.NpsImpact}");
        }
    }

    /// <summary>
    /// Unsupervised discovery alone: the planted themes are rare (about 2% and 0.7% of comments), and the fast lexical mode
    /// mixes them into broader clusters. The floor records what it achieves (measured 0.29 for integration), so a regression shows.
    /// </summary>
    [Fact]
    public void Discovery_alone_puts_integration_complaints_into_one_theme_partly()
    {
        var best = demo.Discovered.Themes.Select(t => (t.ThemeId, F1: demo.F1(t.ThemeId, "products_dont_integrate"))).MaxBy(p => p.F1);
        output.WriteLine($"best discovered match {best.ThemeId}: F1 {best.F1:F3}");
        Assert.True(best.F1 >= 0.25, $"best discovered theme F1 {best.F1:F3}");
    }

    [Fact]
    /// <remarks>Fast mode: adding the defined themes' phrases changes the corpus, hence the SVD space, so ids are matched by comment
    /// overlap when centroids differ; measured 39 of 39 kept (MiniLM vectors do not depend on the corpus, and a re-run on unchanged data keeps all ids: ThemeEditTests).</remarks>
    public void Theme_ids_are_stable_and_user_themes_are_kept_across_runs()
    {
        var discoveredIds = demo.Discovered.Themes.Select(t => t.ThemeId).ToHashSet();
        var rerunIds = demo.Run.Themes.Where(t => t.Origin == ThemeOrigin.Discovered).Select(t => t.ThemeId).ToHashSet();
        var kept = rerunIds.Count(discoveredIds.Contains);
        output.WriteLine($"{kept} of {rerunIds.Count} discovered themes kept their id after two defined themes were added");
        Assert.True(kept >= 0.9 * rerunIds.Count, $"only {kept} of {rerunIds.Count} ids kept");
        Assert.Contains(demo.Run.Themes, t => t.ThemeId == demo.IntegrationThemeId && t.Label == "Products don't integrate");
    }
}
