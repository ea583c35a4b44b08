using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Store;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Themes;

/// <summary>User edits persist and are respected by re-runs (small demo, fast mode).</summary>
public class ThemeEditTests
{
    /// <summary>A 300-account, 2-year demo company in memory (seed 5).</summary>
    internal static FulcrumStore DemoStore()
    {
        var store = FulcrumStore.Open(":memory:");
        DemoCompanyGenerator.Generate(store, new DemoCompanyOptions(Accounts: 300, Years: 2, Seed: 5));
        return store;
    }

    [Fact]
    public void A_rerun_on_the_same_data_keeps_every_theme_id()
    {
        using var store = DemoStore();
        var first = ThemeAnalysis.Run(store, new ThemeOptions(Fast: true, K: 8));
        var second = ThemeAnalysis.Run(store, new ThemeOptions(Fast: true, K: 8));
        Assert.Equal(first.Themes.Select(t => t.ThemeId).Order(), second.Themes.Select(t => t.ThemeId).Order());
        Assert.Equal(0, second.Created);
    }

    [Fact]
    public void Rename_merge_and_split_survive_a_rerun()
    {
        using var store = DemoStore();
        var first = ThemeAnalysis.Run(store, new ThemeOptions(Fast: true, K: 8));
        var editor = new ThemeEditor(store);
        var ids = first.Themes.Select(t => t.ThemeId).ToList();
        editor.Rename(ids[0], "Renamed by me");
        var merged = editor.Merge([ids[1], ids[2]], "Merged");
        editor.Split(ids[3], 2);
        var rerun = ThemeAnalysis.Run(store, new ThemeOptions(Fast: true, K: 8));
        var themes = new ThemeRepository(store).Themes();

        Assert.Contains(rerun.Themes, t => t.ThemeId == ids[0] && t.Label == "Renamed by me");
        Assert.Contains(rerun.Themes, t => t.ThemeId == merged.ThemeId && t.Label == "Merged" && t.Comments > 0);
        Assert.DoesNotContain(rerun.Themes, t => t.ThemeId == ids[1] || t.ThemeId == ids[2] || t.ThemeId == ids[3]);
        Assert.Equal(2, themes.Count(t => t.ParentId == ids[3] && t.Origin == ThemeOrigin.Split && t.Status == ThemeStatus.Active));
        Assert.All(themes.Where(t => t.ThemeId == ids[1] || t.ThemeId == ids[2]), t => Assert.Equal(ThemeStatus.Merged, t.Status));
        Assert.Equal(0, store.Scalar<long>("SELECT COUNT(*) FROM response_themes WHERE theme_id IN ($a, $b, $c)", new { a = ids[1], b = ids[2], c = ids[3] }));
    }

    [Fact]
    public void Editing_an_unknown_theme_names_it()
    {
        using var store = DemoStore();
        var e = Assert.Throws<ArgumentException>(() => new ThemeEditor(store).Rename("T999", "x"));
        Assert.Contains("T999", e.Message);
    }

    [Fact]
    public void Every_comment_gets_a_sentiment_and_one_primary_theme()
    {
        using var store = DemoStore();
        var run = ThemeAnalysis.Run(store, new ThemeOptions(Fast: true, K: 6));
        Assert.Equal(run.Comments, store.Scalar<long>("SELECT COUNT(*) FROM response_sentiment"));
        Assert.Equal(run.Comments, store.Scalar<long>("SELECT COUNT(*) FROM response_themes WHERE is_primary"));
    }
}
