using Fulcrum.Analytics.Themes;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Themes;

/// <summary>What discovery reports is what it created (small demo company, fast mode).</summary>
public class ThemeDiscoveryTests
{
    static FulcrumStore DemoStore() => ThemeEditTests.DemoStore();

    [Fact]
    public void Clusters_N_creates_N_themes_and_reports_N()
    {
        using var store = DemoStore();
        var run = ThemeAnalysis.Run(store, new ThemeOptions(Fast: true, K: 12));
        Assert.Equal(12, run.Discovery.Created);
        Assert.Equal(12, run.Discovery.Complaints + run.Discovery.Other);
        Assert.Equal(12, run.Themes.Count);
        Assert.Equal(12, store.Scalar<long>("SELECT COUNT(*) FROM themes WHERE status = 'active'"));
    }

    [Fact]
    public void Without_a_count_every_theme_has_the_minimum_size_and_a_label_from_its_own_sentences()
    {
        using var store = DemoStore();
        var run = ThemeAnalysis.Run(store, new ThemeOptions(Fast: true));
        Assert.Equal(run.Discovery.Created, run.Themes.Count);
        Assert.True(run.Discovery.Complaints > 0 && run.Discovery.Other > 0, run.Discovery.ToString());
        var minimum = run.Discovery.MinimumSize!.Value;
        var products = store.Query<string>("SELECT DISTINCT lower(product) FROM subscriptions").SelectMany(p => p.Split(' ')).ToHashSet();
        var texts = Mentions.FromComments(store.Query<string>("SELECT comment FROM responses WHERE comment IS NOT NULL").ToList()).Text
            .Select(t => t.ToLowerInvariant()).ToList();
        foreach (var theme in run.Themes)
        {
            Assert.DoesNotMatch(@"^theme \d+$", theme.Label);
            Assert.DoesNotContain(theme.Label.ToLowerInvariant().Split(' '), products.Contains);
            // Every word of the label was written by customers.
            var words = theme.Label.ToLowerInvariant().Split(' ', '/').Select(w => w.Trim('.', ',', '!', '?', ';', ':')).Where(w => w.Length > 0);
            Assert.All(words, w => Assert.Contains(texts, t => t.Contains(w, StringComparison.Ordinal)));
        }
        var sentences = store.Query<(string ThemeId, long Comments)>("SELECT theme_id, COUNT(*) FROM response_themes GROUP BY theme_id").ToList();
        Assert.All(run.Themes, t => Assert.True(t.Comments > 0));
        Assert.True(minimum >= ThemeOptions.MinimumThemeSentences);
        Assert.Equal(run.Themes.Count, sentences.Count);
    }
}
