using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Languages;
using Fulcrum.Analytics.Themes.Text;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Themes.Languages;

/// <summary>
/// A small demo company (300 accounts, 2 years) whose comments are replaced by the labelled fixture: Portuguese and Spanish
/// negative comments go to detractors' responses and positive ones to promoters', the English, French and German ones to other
/// responses, and 20 accented ones again typed without accents; every other comment is removed. Themes are run once in the fast lexical mode and once more, in a second store, with
/// an embedder that declares itself English-only (as MiniLM does).
/// </summary>
public sealed class MultilingualThemesFixture : IDisposable
{
    public FulcrumStore Store { get; } = FulcrumStore.Open(":memory:");
    public ThemeRunResult Run { get; }
    public ThemeRunResult EnglishOnlyRun { get; }

    public MultilingualThemesFixture()
    {
        Build(Store);
        Run = ThemeAnalysis.Run(Store, new ThemeOptions(Fast: true));
        using var other = FulcrumStore.Open(":memory:");
        Build(other);
        using var embedder = new EnglishOnlyEmbedder();
        EnglishOnlyRun = ThemeAnalysis.Run(other, embedder, new ThemeOptions(Fast: true));
    }

    static void Build(FulcrumStore store)
    {
        DemoCompanyGenerator.Generate(store, new DemoCompanyOptions(Accounts: 300, Years: 2, Seed: 17));
        store.Execute("UPDATE responses SET comment = NULL");
        var detractors = new Queue<string>(store.Query<string>("SELECT response_id FROM responses WHERE nps <= 6 ORDER BY response_id"));
        var promoters = new Queue<string>(store.Query<string>("SELECT response_id FROM responses WHERE nps >= 9 ORDER BY response_id"));
        var passives = new Queue<string>(store.Query<string>("SELECT response_id FROM responses WHERE nps BETWEEN 7 AND 8 ORDER BY response_id"));
        foreach (var c in LabelledComments.All)
        {
            var queue = c.Language is "pt" or "es" ? c.Label == "negative" ? detractors : promoters : passives;
            store.Execute("UPDATE responses SET comment = $comment WHERE response_id = $id", new { comment = c.Text, id = queue.Dequeue() });
        }
        // Twins typed without accents ("Nao recebi o produto ate hoje."), as customers on phones write them.
        foreach (var c in AccentTwins)
            store.Execute("UPDATE responses SET comment = $comment WHERE response_id = $id", new { comment = AccentFolding.Fold(c.Text), id = passives.Dequeue() });
    }

    /// <summary>Five accented comments of each language and label; each is also in the data without its accents.</summary>
    public static IReadOnlyList<LabelledComment> AccentTwins { get; } =
        LabelledComments.All.Where(c => c.Language is "pt" or "es" && AccentFolding.Fold(c.Text) != c.Text)
            .GroupBy(c => (c.Language, c.Label)).SelectMany(g => g.Take(5)).ToList();

    public void Dispose() => Store.Dispose();

    /// <summary>The lexical embedder under another name, declaring itself trained on English only.</summary>
    sealed class EnglishOnlyEmbedder : ITextEmbedder
    {
        readonly LsaEmbedder _inner = new();
        public string Model => "english-only-test-model";
        public int Dimension => _inner.Dimension;
        public bool DependsOnTextOnly => _inner.DependsOnTextOnly;
        public bool Semantic => _inner.Semantic;
        public bool EnglishOnly => true;
        public float[][] Embed(IReadOnlyList<string> texts, IProgress<int>? progress = null, CancellationToken cancellationToken = default) =>
            _inner.Embed(texts, progress, cancellationToken);
        public void Dispose() => _inner.Dispose();
    }
}
