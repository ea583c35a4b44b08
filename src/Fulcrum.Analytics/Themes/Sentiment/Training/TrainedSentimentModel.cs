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

    internal TrainedSentimentModel(MLContext context, ITransformer model, DataViewSchema inputSchema, IReadOnlyList<string> classes, float lexiconWeight)
    {
        _context = context;
        _model = model;
        _inputSchema = inputSchema;
        _lexiconWeight = lexiconWeight;
        Classes = classes;
    }

    /// <summary>The classes the model knows, in value order (the order of each prediction's probabilities).</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Predictions for cleaned texts (<see cref="Text.TextCleaner.Clean"/>), in order.</summary>
    public IReadOnlyList<SentimentPrediction> Predict(IReadOnlyList<string> texts)
    {
        if (texts.Count == 0) return [];
        var data = _context.Data.LoadFromEnumerable(texts.Select(t => new SentimentClassifier.Input
            { Text = t, Lexicon = SentimentClassifier.LexiconFeatures(t, _lexiconWeight) }));
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
            writer.Write(string.Join(",", Classes));
        }
        _context.Model.Save(_model, _inputSchema, stream);
        return stream.ToArray();
    }

    public static TrainedSentimentModel FromBytes(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (reader.ReadString() != FormatTag)
            throw new InvalidDataException("The stored sentiment model is not in a format this Fulcrum reads; train it again (`fulcrum sentiment train`).");
        var lexiconWeight = reader.ReadSingle();
        var classes = reader.ReadString().Split(',');
        var context = new MLContext(seed: 0);
        var model = context.Model.Load(stream, out var schema);
        return new TrainedSentimentModel(context, model, schema, classes, lexiconWeight);
    }

    const string FormatTag = "fulcrum-sentiment-mlnet-1";
}
