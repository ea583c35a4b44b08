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
    /// On 2,000 accounts the account-level comparison is noisy (intervals span zero), so this asserts what holds: both planted
    /// themes carry positive excess churn and ARR at risk and rank in the top four of all themes by ARR at risk (measured:
    /// 1st and 3rd of about 40; the managers theme's excess churn interval excludes zero, the integration theme's does not).
    /// </summary>
    [Fact]
    public void Planted_themes_rank_near_the_top_by_ARR_at_risk()
    {
        foreach (var t in demo.Impact.Themes)
            output.WriteLine($"{t.ThemeId} {t.Label}: ARR at risk {t.ArrAtRisk} excess churn {t.ExcessChurn} NPS {t.NpsImpact} churn {t.ChurnRaising.Value:P1} vs {t.ChurnOthers.Value:P1}");
        var top = demo.Impact.Themes.Take(4).Select(t => t.ThemeId).ToHashSet();
        Assert.Contains(demo.IntegrationThemeId, top);
        Assert.Contains(demo.ManagersThemeId, top);
        foreach (var id in new[] { demo.IntegrationThemeId, demo.ManagersThemeId })
        {
            var theme = demo.Impact.Themes.Single(t => t.ThemeId == id);
            Assert.True(theme.ArrAtRisk.Value > 0 && theme.ExcessChurn.Value > 0, $"{id}: {theme.ArrAtRisk}, {theme.ExcessChurn}");
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
