using System.Text.Json;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Themes.Sentiment.Training;

/// <summary>What is known about the stored model without loading it (for `sentiment show` and the themes output).</summary>
public sealed record StoredSentimentModel(string LabelSource, string Method, SentimentEvaluation Evaluation, long Comments,
    DateTime TrainedAt, long DataVersion);

/// <summary>The trained sentiment model in the sentiment_models table (migration 0016): at most one, replaced by each training.</summary>
public sealed class SentimentModelStore(FulcrumStore store)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Save(TrainedSentimentModel model, SentimentLabelSource source, string method, SentimentEvaluation evaluation, long comments, DateTime trainedAt)
    {
        using var transaction = store.BeginTransaction();
        var dataVersion = store.DataVersion(transaction);
        store.Execute("DELETE FROM sentiment_models", transaction: transaction);
        using (var writer = store.BulkWriter("sentiment_models"))
            writer.Row(1, model.ToBytes(), source.ToString(), method, JsonSerializer.Serialize(evaluation, Json), comments, trainedAt, dataVersion);
        transaction.Commit();
    }

    /// <summary>The stored model's description, or null when none is stored.</summary>
    public StoredSentimentModel? Describe() =>
        store.Query<(string LabelSource, string Method, string Metrics, long Comments, DateTime TrainedAt, long DataVersion)>(
                "SELECT label_source, method, metrics, comments, trained_at, data_version FROM sentiment_models WHERE id = 1")
            .Select(r => new StoredSentimentModel(r.LabelSource, r.Method, JsonSerializer.Deserialize<SentimentEvaluation>(r.Metrics, Json)!,
                r.Comments, r.TrainedAt, r.DataVersion))
            .FirstOrDefault();

    /// <summary>The stored model, loaded for prediction, or null when none is stored.</summary>
    public TrainedSentimentModel? Load()
    {
        var encoded = store.Query<string>("SELECT to_base64(model) FROM sentiment_models WHERE id = 1").FirstOrDefault();
        return encoded is null ? null : TrainedSentimentModel.FromBytes(Convert.FromBase64String(encoded));
    }

    /// <summary>Removes the stored model; true when there was one.</summary>
    public bool Forget() => store.Execute("DELETE FROM sentiment_models") > 0;
}
