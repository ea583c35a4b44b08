using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Evaluation;
using Fulcrum.Analytics.Themes.Languages;
using Fulcrum.Analytics.Themes.Sentiment;
using Fulcrum.Analytics.Themes.Store;
using Fulcrum.Analytics.Themes.Text;
using Xunit.Abstractions;

namespace Fulcrum.Analytics.Tests.Themes.Sentiment;

/// <summary>
/// Issue 15, item 3: the shipped MiniLM sentiment model against the airline tweets' crowd labels, which it was never fitted
/// to (its weights come from the VADER ground-truth texts, bench/scripts/sentiment-model). Scored as `fulcrum themes` scores
/// a comment: the normalised mean of its sentences' MiniLM vectors, plus the lexicon's scores of the whole text.
/// </summary>
public sealed class AirlineEmbeddingSentimentTests(ITestOutputHelper output)
{
    /// <summary>
    /// Measured 0.6947 (docs/methods.md; 0.6956 before the lexicon's clause-scoped negation and the refit); the floor leaves
    /// room for ONNX Runtime's float differences between machines and stays above issue 15's 0.69.
    /// </summary>
    const double MeasuredMacroF1 = 0.6947, Tolerance = 0.004;

    [Fact]
    public void Untrained_embedding_model_reaches_the_issue_target_on_the_crowd_labels()
    {
        var tweets = AirlineTweets.Load();
        var ids = tweets.Select((_, i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var mentions = Mentions.FromComments(tweets.Select(t => t.Text).ToList());
        var embedder = SharedMiniLm.Embedder;
        var vectors = ThemeEngine.EmbedMentions(mentions, d => embedder.Embed(d));
        var english = Enumerable.Repeat(CommentLanguage.English, tweets.Count).ToList();

        var rows = SentimentScorer.Embedding.CommentSentiment(ids, tweets.Select(t => TextCleaner.Clean(t.Text)).ToList(), english, mentions, vectors).ToList();

        var truth = tweets.Select(t => t.Sentiment).ToList();
        var predicted = rows.Select(r => r.Label!).ToList();
        var f1 = ClassificationAgreement.MacroF1(truth, predicted);
        var lexicon = ClassificationAgreement.MacroF1(truth, tweets.Select(t => LexiconSentiment.Score(TextCleaner.Clean(t.Text)).Label).ToList());
        output.WriteLine($"{tweets.Count} tweets: embedding model macro-F1 {f1:F4}, lexicon {lexicon:F4}");
        Assert.True(f1 >= MeasuredMacroF1 - Tolerance, $"macro-F1 {f1:F4}");
        Assert.True(f1 >= lexicon + 0.08, $"embedding {f1:F4} vs lexicon {lexicon:F4}");
        Assert.All(rows, r => Assert.Equal(EmbeddingSentiment.Method, r.Method));
        Assert.All(rows, r => Assert.InRange(r.Score!.Value, -1, 1));
    }
}
