using Microsoft.ML;

namespace Fulcrum.Analytics.Themes.Sentiment.Training;

/// <summary>A class and the probability of each class (in <see cref="TrainedSentimentModel.Classes"/> order) for one text.</summary>
public sealed record SentimentPrediction(string Label, IReadOnlyList<double> Probabilities)
{
    /// <summary>P(positive) − P(negative), in [−1, 1]: the model's counterpart of the lexicon's compound score.</summary>
    public double Score(IReadOnlyList<string> classes) =>
        Probability(classes, SentimentClasses.Positive) - Probability(classes, SentimentClasses.Negative);

    double Probability(IReadOnlyList<string> classes, string label)
    {
        for (var i = 0; i < classes.Count; i++) if (classes[i] == label) return Probabilities[i];
        return 0;
    }
}

/// <summary>A fitted sentiment classifier: predicts texts in batches, and saves to / loads from bytes for the store.</summary>
public sealed class TrainedSentimentModel
{
    readonly MLContext _context;
    readonly ITransformer _model;
    readonly DataViewSchema _inputSchema;
    readonly float _lexiconWeight;
    readonly float _embeddingWeight;

    internal TrainedSentimentModel(MLContext context, ITransformer model, DataViewSchema inputSchema, IReadOnlyList<string> classes, float lexiconWeight,
        float embeddingWeight)
    {
        _embeddingWeight = embeddingWeight;
        _context = context;
        _model = model;
        _inputSchema = inputSchema;
        _lexiconWeight = lexiconWeight;
        Classes = classes;
    }

    /// <summary>The classes the model knows, in value order (the order of each prediction's probabilities).</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>True when the model reads each text's MiniLM vector besides its words (it was trained with vectors).</summary>
    public bool ReadsVectors => _embeddingWeight > 0;

    /// <summary>
    /// Predictions for cleaned texts (<see cref="Text.TextCleaner.Clean"/>), in order; <paramref name="vectors"/> are their
    /// MiniLM vectors, required when <see cref="ReadsVectors"/>.
    /// </summary>
    public IReadOnlyList<SentimentPrediction> Predict(IReadOnlyList<string> texts, IReadOnlyList<float[]>? vectors = null)
    {
        if (texts.Count == 0) return [];
        if (ReadsVectors && (vectors is null || vectors.Count != texts.Count))
            throw new ArgumentException("This sentiment model reads MiniLM vectors: pass one per text.", nameof(vectors));
        var data = _context.Data.LoadFromEnumerable(texts.Select((t, i) => new SentimentClassifier.Input
        {
            Text = t, Lexicon = SentimentClassifier.LexiconFeatures(t, _lexiconWeight),
            Embedding = SentimentClassifier.EmbeddingFeatures(ReadsVectors ? vectors![i] : null, _embeddingWeight),
        }));
        return _context.Data.CreateEnumerable<SentimentClassifier.Output>(_model.Transform(data), reuseRowObject: false)
            .Select(o => new SentimentPrediction(o.PredictedLabel, o.Score.Select(s => (double)s).ToArray())).ToList();
    }

    /// <summary>The model as bytes (ML.NET's zip format), with the classes and the lexicon weight it needs to predict.</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatTag);
            writer.Write(_lexiconWeight);
            writer.Write(_embeddingWeight);
            writer.Write(string.Join(",", Classes));
        }
        _context.Model.Save(_model, _inputSchema, stream);
        return stream.ToArray();
    }

    public static TrainedSentimentModel FromBytes(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        var tag = reader.ReadString();
        if (tag != FormatTag && tag != WordsOnlyFormatTag)
            throw new InvalidDataException("The stored sentiment model is not in a format this Fulcrum reads; train it again (`fulcrum sentiment train`).");
        var lexiconWeight = reader.ReadSingle();
        var embeddingWeight = tag == FormatTag ? reader.ReadSingle() : 0f;
        var classes = reader.ReadString().Split(',');
        var context = new MLContext(seed: 0);
        var model = context.Model.Load(stream, out var schema);
        return new TrainedSentimentModel(context, model, schema, classes, lexiconWeight, embeddingWeight);
    }

    const string FormatTag = "fulcrum-sentiment-mlnet-2";

    /// <summary>Models stored before vectors could be read (words and lexicon only); still loaded.</summary>
    const string WordsOnlyFormatTag = "fulcrum-sentiment-mlnet-1";
}
