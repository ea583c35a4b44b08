using Fulcrum.Analytics.Themes.Sentiment;
using Fulcrum.Analytics.Themes.Sentiment.Training;
using Fulcrum.Data.Import;
using Fulcrum.Data.Store;
using Xunit.Abstractions;

namespace Fulcrum.Analytics.Tests.Themes.Sentiment;

/// <summary>
/// Issue 15, item 3: `fulcrum sentiment train --label rattr:airline_sentiment` on the 14,485 airline tweets as imported by
/// the shipped mapping, 5-fold stratified cross-validation. With <see cref="AirlineSentimentTrainingWithMiniLmTests"/>
/// the only tests that train on the full tweets (minutes on a loaded machine; two classes, so they run side by side); the
/// others use small fixtures.
/// </summary>
public sealed class AirlineSentimentTrainingTests
{
    /// <summary>
    /// scikit-learn 1.2.1, same tweets, cleaning, word 1–2-gram + character 1–3-gram TF-IDF, class-balanced L2 logistic
    /// regression (C = 1), stratified 5-fold CV, without the lexicon prior: Reference/sentiment_cv_reference.py → .txt.
    /// </summary>
    const double SklearnMacroF1 = 0.7649;

    /// <summary>Fulcrum adds the lexicon prior and uses ML.NET's featurizer and folds, so it may differ this much either way.</summary>
    const double Tolerance = 0.025;

    [Fact]
    public void Five_fold_macro_F1_on_the_crowd_labels_is_at_least_0_76_and_close_to_scikit_learn()
    {
        using var store = FulcrumStore.Open(":memory:");
        new Importer(store).Run(new ImportRequest("all", RealDataSets.DataFile(RealDataSets.Twitter, "Tweets.csv"),
            RealDataSets.Mapping("twitter-airline.yaml"), SkipInvalid: true));

        var result = SentimentTraining.Train(store, SentimentLabelSource.Parse("rattr:airline_sentiment"));

        Assert.Equal(14_485, result.Comments);
        Assert.Equal(9_082, result.ClassCounts["negative"]);
        Assert.Equal(3_069, result.ClassCounts["neutral"]);
        Assert.Equal(2_334, result.ClassCounts["positive"]);
        var f1 = result.Evaluation.MacroF1;
        Assert.Equal(5, result.Evaluation.Folds);
        Assert.True(f1.Value >= 0.76, $"5-fold macro-F1 {f1}");
        Assert.True(Math.Abs(f1.Value - SklearnMacroF1) <= Tolerance, $"macro-F1 {f1.Value:0.0000} vs scikit-learn {SklearnMacroF1}");
        Assert.True(f1.Lower < f1.Value && f1.Value < f1.Upper && f1.Width < 0.03, $"bootstrap interval {f1}");
        Assert.True(result.Evaluation.Accuracy.Value >= 0.79, $"accuracy {result.Evaluation.Accuracy}");
        // The lexicon alone recalls 0.55 of the negative tweets (issue 15); trained on them, far more.
        Assert.True(result.Evaluation.Classes.Single(c => c.Label == "negative").Recall >= 0.8);
        Assert.All(result.Evaluation.Classes, c => Assert.True(c.Precision >= 0.6 && c.Recall >= 0.6, $"{c}"));

        var scorer = SentimentScorer.For(store);
        Assert.True(scorer.IsTrained);
        var scored = scorer.Score(["thanks for the quick rebooking, great crew", "flight cancelled flightled again, 3 hours on hold"]);
        Assert.Equal("positive", scored[0].Label);
        Assert.Equal("negative", scored[1].Label);
        Assert.True(scored[0].Score > 0.3 && scored[1].Score < -0.3);
    }
}

/// <summary>
/// The same training with the comments' MiniLM vectors added to the features (`fulcrum sentiment train` without --fast).
/// The vectors come from the test process's shared embedder, which <see cref="AirlineEmbeddingSentimentTests"/> reads too.
/// </summary>
public sealed class AirlineSentimentTrainingWithMiniLmTests(ITestOutputHelper output)
{
    /// <summary>Issue 15's target is a 5-fold macro-F1 of at least 0.78.</summary>
    [Fact]
    public void With_MiniLM_vectors_five_fold_macro_F1_reaches_0_78()
    {
        using var store = FulcrumStore.Open(":memory:");
        new Importer(store).Run(new ImportRequest("all", RealDataSets.DataFile(RealDataSets.Twitter, "Tweets.csv"),
            RealDataSets.Mapping("twitter-airline.yaml"), SkipInvalid: true));
        var embedder = SharedMiniLm.Embedder;

        var result = SentimentTraining.Train(store, SentimentLabelSource.Parse("rattr:airline_sentiment"), vectors: embedder);

        var f1 = result.Evaluation.MacroF1;
        output.WriteLine($"macro-F1 {f1.Value:0.0000} ({f1.Lower:0.000}–{f1.Upper:0.000}), accuracy {result.Evaluation.Accuracy.Value:0.000}; "
            + string.Join("; ", result.Evaluation.Classes.Select(c => $"{c.Label} P {c.Precision:0.000} R {c.Recall:0.000}")));
        Assert.Contains("MiniLM sentence vectors", result.Method);
        Assert.True(f1.Value >= 0.78, $"5-fold macro-F1 {f1}");
        var scorer = SentimentScorer.For(store, embedder);
        Assert.True(scorer.IsTrained);
        var scored = scorer.Score(["thanks for the quick rebooking, great crew", "flight cancelled flightled again, 3 hours on hold"]);
        Assert.Equal("positive", scored[0].Label);
        Assert.Equal("negative", scored[1].Label);
    }
}
