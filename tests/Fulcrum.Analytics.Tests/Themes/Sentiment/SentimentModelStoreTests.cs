using Fulcrum.Analytics.Themes.Sentiment;
using Fulcrum.Analytics.Themes.Sentiment.Training;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Themes.Sentiment;

/// <summary>The sentiment_models table (migration 0016) keeps one model, its description and its bytes, in DuckDB and PostgreSQL alike.</summary>
public sealed class SentimentModelStoreTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_trained_model_round_trips_through_the_store_and_is_replaced_by_the_next(bool postgres)
    {
        using var store = FulcrumStore.Open(postgres ? PostgresCluster.Instance.CreateDatabase("fulcrum_sentiment") : ":memory:");
        LabelledComments.Insert(store);
        var models = new SentimentModelStore(store);
        Assert.Null(models.Describe());
        Assert.Null(models.Load());

        var first = SentimentTraining.Train(store, SentimentLabelSource.Parse("rattr:mood"), folds: 3);
        var second = SentimentTraining.Train(store, SentimentLabelSource.Parse("nps"), folds: 4);
        Assert.Equal(1, store.Count("sentiment_models"));
        var stored = models.Describe()!;
        Assert.Equal("nps", stored.LabelSource);
        Assert.Equal(4, stored.Evaluation.Folds);
        Assert.Equal(second.Evaluation.MacroF1.Value, stored.Evaluation.MacroF1.Value, 12);
        Assert.Equal(second.Method, stored.Method);
        Assert.Equal(90, stored.Comments);
        Assert.Equal(3, stored.Evaluation.Classes.Count);
        Assert.True(first.TrainedAt <= stored.TrainedAt.AddSeconds(1));

        var loaded = models.Load()!;
        var predictions = loaded.Predict(["lost two days because of the wifi", "the gate agent rebooked me in minutes"]);
        Assert.Equal("negative", predictions[0].Label);
        Assert.Equal("positive", predictions[1].Label);
        Assert.True(SentimentScorer.For(store).IsTrained);
        Assert.True(models.Forget());
        Assert.Null(models.Describe());
        Assert.False(SentimentScorer.For(store).IsTrained);
    }
}
