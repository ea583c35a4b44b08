using Fulcrum.Analytics.Themes.Sentiment.Training;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Themes.Sentiment;

/// <summary>Labels that cannot train a model are clear errors naming what is wrong; label strings and scores map as documented.</summary>
public sealed class SentimentTrainingErrorTests : IDisposable
{
    readonly FulcrumStore _store = FulcrumStore.Open(":memory:");

    [Theory]
    [InlineData("negative", "negative")]
    [InlineData(" Negative ", "negative")]
    [InlineData("NEG", "negative")]
    [InlineData("detractor", "negative")]
    [InlineData("neutral", "neutral")]
    [InlineData("Mixed", "neutral")]
    [InlineData("passive", "neutral")]
    [InlineData("positive", "positive")]
    [InlineData("pos", "positive")]
    [InlineData("promoter", "positive")]
    [InlineData("meh", null)]
    public void Label_strings_map_to_the_three_classes(string value, string? expected) =>
        Assert.Equal(expected, SentimentLabelSource.Parse("rattr:x").Map(value));

    [Theory]
    [InlineData("nps", "0", "negative")]
    [InlineData("nps", "6", "negative")]
    [InlineData("nps", "7", "neutral")]
    [InlineData("nps", "8", "neutral")]
    [InlineData("nps", "9", "positive")]
    [InlineData("nps", "10", "positive")]
    [InlineData("nps", "11", null)]
    [InlineData("csat", "1.0", "negative")]
    [InlineData("csat", "2", "negative")]
    [InlineData("csat", "3", "neutral")]
    [InlineData("csat", "4", "positive")]
    [InlineData("csat", "5.0", "positive")]
    [InlineData("csat", "3.5", null)]
    [InlineData("csat", "7", null)]
    public void Scores_give_weak_labels(string source, string value, string? expected) =>
        Assert.Equal(expected, SentimentLabelSource.Parse(source).Map(value));

    [Fact]
    public void An_unknown_label_source_says_which_sources_exist()
    {
        var error = Assert.Throws<SentimentTrainingException>(() => SentimentLabelSource.Parse("stars"));
        Assert.Contains("rattr:NAME", error.Message);
        Assert.Contains("nps", error.Message);
    }

    [Fact]
    public void Values_that_are_not_labels_are_listed_with_their_counts()
    {
        LabelledComments.Insert(_store, label: (i, l) => i % 9 == 0 ? "meh" : i % 31 == 0 ? "5 stars" : l);
        var error = Assert.Throws<SentimentTrainingException>(() => SentimentTraining.Train(_store, SentimentLabelSource.Parse("rattr:mood"), folds: 3));
        Assert.Contains("'meh' (10)", error.Message);
        Assert.Contains("'5 stars' (2)", error.Message);
        Assert.Contains("rattr:mood", error.Message);
        Assert.Contains("Accepted: negative", error.Message);
        Assert.Equal(0, _store.Count("sentiment_models"));
    }

    [Fact]
    public void Too_few_comments_in_a_class_names_the_counts_and_the_minimum()
    {
        LabelledComments.Insert(_store, label: (i, l) => l == "positive" && i > 20 ? null : l);
        var error = Assert.Throws<SentimentTrainingException>(() => SentimentTraining.Train(_store, SentimentLabelSource.Parse("rattr:mood"), folds: 5));
        Assert.Contains("positive 7", error.Message);
        Assert.Contains("negative 30", error.Message);
        Assert.Contains("at least 10", error.Message);
    }

    [Fact]
    public void One_class_only_is_refused()
    {
        LabelledComments.Insert(_store, label: (_, _) => "negative");
        var error = Assert.Throws<SentimentTrainingException>(() => SentimentTraining.Train(_store, SentimentLabelSource.Parse("rattr:mood"), folds: 3));
        Assert.Contains("at least two classes", error.Message);
    }

    [Fact]
    public void A_missing_attribute_and_missing_scores_say_what_to_import()
    {
        LabelledComments.Insert(_store);
        var attribute = Assert.Throws<SentimentTrainingException>(() => SentimentTraining.Train(_store, SentimentLabelSource.Parse("rattr:tone"), folds: 3));
        Assert.Contains("response attribute 'tone'", attribute.Message);
        var csat = Assert.Throws<SentimentTrainingException>(() => SentimentTraining.Train(_store, SentimentLabelSource.Parse("csat"), folds: 3));
        Assert.Contains("csat score", csat.Message);
    }

    [Fact]
    public void Without_comments_the_error_says_to_import_them() =>
        Assert.Contains("fulcrum import responses", Assert.Throws<SentimentTrainingException>(
            () => SentimentTraining.Train(_store, SentimentLabelSource.Parse("nps"))).Message);

    [Fact]
    public void Folds_outside_2_to_20_are_refused() =>
        Assert.Contains("--folds", Assert.Throws<SentimentTrainingException>(
            () => SentimentTraining.Train(_store, SentimentLabelSource.Parse("nps"), folds: 1)).Message);

    [Fact]
    public void Stratified_folds_keep_each_class_mix()
    {
        var labels = Enumerable.Range(0, 103).Select(i => i % 10 < 6 ? "negative" : i % 10 < 8 ? "neutral" : "positive").ToList();
        var fold = SentimentCrossValidation.StratifiedFolds(labels, 5, 7);
        foreach (var c in labels.Distinct())
        {
            var perFold = Enumerable.Range(0, 5).Select(k => Enumerable.Range(0, labels.Count).Count(i => labels[i] == c && fold[i] == k)).ToList();
            Assert.True(perFold.Max() - perFold.Min() <= 1, $"{c}: {string.Join(",", perFold)}");
        }
        Assert.Equal(fold, SentimentCrossValidation.StratifiedFolds(labels, 5, 7));
    }

    public void Dispose() => _store.Dispose();
}
