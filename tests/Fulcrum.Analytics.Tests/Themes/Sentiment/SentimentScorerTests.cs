using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Evaluation;
using Fulcrum.Analytics.Themes.Sentiment;
using Fulcrum.Analytics.Themes.Sentiment.Training;
using Fulcrum.Analytics.Themes.Text;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Themes.Sentiment;

/// <summary>
/// Training on the small made-up comments, storing the model, and `themes` picking it over the lexicon (and back after
/// forgetting it). The comments' praise and complaints are mostly in words the lexicon does not score, so the trained
/// model's fit on them is visibly better than the lexicon's.
/// </summary>
public sealed class SentimentScorerTests : IDisposable
{
    readonly FulcrumStore _store = FulcrumStore.Open(":memory:");

    public SentimentScorerTests() => LabelledComments.Insert(_store);

    [Fact]
    public void Without_a_trained_model_the_lexicon_scores()
    {
        var scorer = SentimentScorer.For(_store);
        Assert.False(scorer.IsTrained);
        Assert.Equal(LexiconSentiment.Method, scorer.Method);
        Assert.Equal(LexiconSentiment.Score("terrible service").Compound, scorer.Score(["terrible service"])[0].Score, 12);
    }

    [Fact]
    public void Training_reports_cross_validated_metrics_and_stores_the_model()
    {
        var result = SentimentTraining.Train(_store, SentimentLabelSource.Parse("rattr:mood"), folds: 3);
        Assert.Equal(90, result.Comments);
        Assert.Equal(30, result.ClassCounts["neutral"]);
        Assert.Equal(3, result.Evaluation.Folds);
        Assert.Equal(90, result.Evaluation.N);
        Assert.Equal(3, result.Evaluation.Classes.Count);
        Assert.True(result.Evaluation.MacroF1.Lower <= result.Evaluation.MacroF1.Value && result.Evaluation.MacroF1.Value <= result.Evaluation.MacroF1.Upper);
        // Templates repeat across the ten topics, so held-out comments share their template's wording: near-perfect.
        Assert.True(result.Evaluation.MacroF1.Value >= 0.9, $"macro-F1 {result.Evaluation.MacroF1}");

        var stored = new SentimentModelStore(_store).Describe();
        Assert.NotNull(stored);
        Assert.Equal("rattr:mood", stored.LabelSource);
        Assert.Equal(90, stored.Comments);
        Assert.Equal(_store.DataVersion(), stored.DataVersion);
        Assert.Equal(result.Evaluation.MacroF1.Value, stored.Evaluation.MacroF1.Value, 12);
        Assert.Equal(result.Evaluation.Classes, stored.Evaluation.Classes);
    }

    [Fact]
    public void The_stored_model_predicts_what_the_fitted_one_did()
    {
        var comments = LabelledComments.All().Select(c => new LabelledComment("", TextCleaner.Clean(c.Text), c.Label)).ToList();
        var fitted = SentimentClassifier.Fit(comments, new SentimentClassifierOptions(), seed: 3);
        var loaded = TrainedSentimentModel.FromBytes(fitted.ToBytes());
        var texts = comments.Select(c => c.Text).Append("the lounge agent rebooked me").ToList();
        var before = fitted.Predict(texts);
        var after = loaded.Predict(texts);
        Assert.Equal(["negative", "neutral", "positive"], loaded.Classes);
        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(before[i].Label, after[i].Label);
            for (var c = 0; c < 3; c++) Assert.Equal(before[i].Probabilities[c], after[i].Probabilities[c], 6);
            Assert.Equal(1.0, after[i].Probabilities.Sum(), 5);
        }
    }

    [Fact]
    public void Themes_use_the_trained_model_when_stored_and_the_lexicon_after_forget()
    {
        SentimentTraining.Train(_store, SentimentLabelSource.Parse("nps"), folds: 3);
        var scorer = SentimentScorer.For(_store);
        Assert.True(scorer.IsTrained);
        Assert.Contains("trained classifier", scorer.Method);
        Assert.Contains("--label nps", scorer.Method);

        var run = ThemeAnalysis.Run(_store, new ThemeOptions(Fast: true, K: 3));
        Assert.Equal(scorer.Method, run.SentimentMethod);
        var stored = _store.Query<(string ResponseId, string Label, string Method)>("SELECT response_id, label, method FROM response_sentiment ORDER BY response_id").ToList();
        Assert.Equal(90, stored.Count);
        Assert.All(stored, s => Assert.Equal(scorer.Method, s.Method));
        var truth = LabelledComments.All().Select(c => c.Label).ToList();
        var trainedF1 = ClassificationAgreement.MacroF1(truth, stored.Select(s => s.Label).ToList());
        var lexiconF1 = ClassificationAgreement.MacroF1(truth, LabelledComments.All().Select(c => LexiconSentiment.Score(TextCleaner.Clean(c.Text)).Label).ToList());
        Assert.True(trainedF1 > lexiconF1 + 0.2, $"trained {trainedF1:0.000} vs lexicon {lexiconF1:0.000}");

        Assert.True(new SentimentModelStore(_store).Forget());
        Assert.False(new SentimentModelStore(_store).Forget());
        var again = ThemeAnalysis.Run(_store, new ThemeOptions(Fast: true, K: 3));
        Assert.Equal(LexiconSentiment.Method, again.SentimentMethod);
        Assert.Equal(LexiconSentiment.Method, _store.Scalar<string>("SELECT DISTINCT method FROM response_sentiment"));
    }

    [Fact]
    public void In_the_fast_mode_a_trained_model_reads_MiniLM_vectors_from_the_embedding_cache()
    {
        using (var miniLm = new MiniLmEmbedder()) SentimentTraining.Train(_store, SentimentLabelSource.Parse("rattr:mood"), folds: 3, vectors: miniLm);
        Assert.True(new SentimentModelStore(_store).Load()!.ReadsVectors);
        // Training cached the comments' vectors; the run must find the sentences' itself.
        _store.Execute("DELETE FROM text_embeddings");
        var scorer = SentimentScorer.For(_store, new LsaEmbedder());
        Assert.True(scorer.NeedsMiniLmVectors);
        Assert.False(scorer.WithMiniLmVectors().NeedsMiniLmVectors);

        // The lexical run embeds the sentences with MiniLM once, for the classifier, and keeps them: the next run embeds none.
        var first = ThemeAnalysis.Run(_store, new ThemeOptions(Fast: true, K: 3));
        const string miniLmRows = "SELECT COUNT(*) FROM text_embeddings WHERE model = 'all-MiniLM-L6-v2'";
        var cached = _store.Scalar<long>(miniLmRows);
        Assert.True(cached > 0, "the classifier's MiniLM vectors are cached");
        var sentiment = _store.Query<(string, double)>("SELECT response_id, score FROM response_sentiment ORDER BY response_id").ToList();
        var second = ThemeAnalysis.Run(_store, new ThemeOptions(Fast: true, K: 3));
        Assert.Equal(cached, _store.Scalar<long>(miniLmRows));
        Assert.Equal(first.SentimentMethod, second.SentimentMethod);
        Assert.Equal(sentiment, _store.Query<(string, double)>("SELECT response_id, score FROM response_sentiment ORDER BY response_id").ToList());
    }

    public void Dispose() => _store.Dispose();
}
