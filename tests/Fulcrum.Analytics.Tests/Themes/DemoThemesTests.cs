using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Store;
using Fulcrum.Data.Demo;
using Xunit.Abstractions;

namespace Fulcrum.Analytics.Tests.Themes;

public class DemoThemesTests(DemoThemesFixture demo, ITestOutputHelper output) : IClassFixture<DemoThemesFixture>
{
    [Theory]
    // Integration measured 0.647 since the MiniLM sentiment model decides which sentences are complaints (0.747 with the lexicon).
    [InlineData(GroundTruth.IntegrationTheme, "products_dont_integrate", 0.62)]
    [InlineData(GroundTruth.ManagersTheme, "too_many_account_managers", 0.5)]  // measured 0.595
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
    /// predict, refitted without the theme's renewals), the two planted themes come first: the generator makes accounts that
    /// raised each churn 1.6× their score-based rate (both: 2.56×), while other themes mark unhappy accounts whose churn the
    /// scores already explain. Discovery also finds the integration complaints as a theme of its own beside the defined one, and
    /// it ranks with them. Measured (stop 31): defined managers 1st (ratio 4.1, 95% interval 2.3–7.7), the discovered twin of
    /// integration 2nd (2.8, 1.5–5.3; "The products don't share customer data"), defined integration 3rd (2.2, 1.3–3.9). With
    /// ~40 themes none survives the false-discovery control on 2,000 accounts (q 0.12–0.14), which the report shows.
    /// </summary>
    [Fact]
    public void Planted_themes_rank_at_the_top_by_ARR_at_risk_beyond_the_scores()
    {
        foreach (var t in demo.Impact.Themes)
            output.WriteLine($"{t.ThemeId} {t.Label}: beyond scores {t.ArrAtRiskBeyondScores} ratio {t.ChurnRatioBeyondScores} q {t.ExcessChurnQValue:F4}; stratified {t.ArrAtRisk}; NPS {t.ScoreImpact}");
        Assert.Null(demo.Impact.LinkageNote);
        Assert.All(demo.Impact.Themes.Take(5), t => Assert.Equal(ThemeKind.Problem, t.Kind)); // praise never ranks as a risk
        // Nor does a theme spoken of favourably on balance (a mean sentiment above 0 with confidence makes a strength).
        Assert.All(demo.Impact.Themes.Take(5), t => Assert.False(t.MeanSentiment.Lower > 0, $"{t.ThemeId} {t.Label}: sentiment {t.MeanSentiment}"));
        var top = demo.Impact.Themes.Take(3).Select(t => t.ThemeId).ToHashSet();
        Assert.Contains(demo.IntegrationThemeId, top);
        Assert.Contains(demo.ManagersThemeId, top);
        // The third is a planted complaint too: mostly comments raising one of them.
        Assert.All(top, id => Assert.True(
            demo.Precision(id, "products_dont_integrate") >= 0.5 || demo.Precision(id, "too_many_account_managers") >= 0.5,
            $"{id} is mostly neither planted complaint"));
        foreach (var id in new[] { demo.IntegrationThemeId, demo.ManagersThemeId })
        {
            var theme = demo.Impact.Themes.Single(t => t.ThemeId == id);
            Assert.True(theme.ArrAtRiskBeyondScores!.Value > 0 && theme.ChurnRatioBeyondScores!.Value > 1, $"{id}: {theme.ArrAtRiskBeyondScores}, {theme.ChurnRatioBeyondScores}");
            Assert.True(theme.ChurnRaising!.Value > theme.ChurnOthers!.Value, $"{id}: churn {theme.ChurnRaising} vs {theme.ChurnOthers}");
            Assert.True(theme.ScoreImpact.Upper < 0, $"{id}: NPS impact {theme.ScoreImpact}");
        }
    }

    /// <summary>
    /// Unsupervised discovery alone: the planted themes are rare (about 2% and 0.7% of comments). MiniLM discovery (graph
    /// communities) puts the integration complaints mostly into one theme (measured F1 0.704; 0.50 with the earlier k-means
    /// groups); the managers complaints share themes with onboarding remarks, which is why an analyst defines such a theme
    /// with a few keywords (the test above). The floor records what discovery achieves, so a regression shows.
    /// </summary>
    [Fact]
    public void Discovery_alone_puts_integration_complaints_into_one_theme_partly()
    {
        var best = demo.Discovered.Themes.Select(t => (t.ThemeId, F1: demo.F1(t.ThemeId, "products_dont_integrate", demo.DiscoveredAssignments))).MaxBy(p => p.F1);
        output.WriteLine($"best discovered match {best.ThemeId}: F1 {best.F1:F3}");
        Assert.True(best.F1 >= 0.65, $"best discovered theme F1 {best.F1:F3}");
    }

    [Fact]
    /// <remarks>MiniLM vectors do not depend on the corpus, so discovered centroids are compared directly; the fast mode's ids are
    /// kept by comment overlap when its SVD space changes (ThemeEditTests).</remarks>
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
