using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace Fulcrum.Analytics.Themes.Sentiment.Training;

/// <summary>Settings of the trainable classifier; the defaults are those measured in docs/methods.md.</summary>
/// <param name="L2">L2 penalty weight of the logistic regression (ML.NET's L2Regularization, on the weighted sum of losses).</param>
/// <param name="WordNgrams">Longest word n-gram (all lengths 1..N are used).</param>
/// <param name="CharNgrams">Longest character n-gram (all lengths 1..N are used).</param>
/// <param name="LexiconWeight">Scale of the lexicon scorer's features (its prior); 0 leaves them out.</param>
/// <param name="BalanceClasses">Weight each comment by n / (classes × n of its class), so a rare class counts as much as a common one.</param>
/// <param name="EmbeddingWeight">Scale of the comment's MiniLM vector among the features, when the comments carry one; 0 leaves it out.</param>
public sealed record SentimentClassifierOptions(float L2 = 0.3f, int WordNgrams = 2, int CharNgrams = 5, float LexiconWeight = 1f, bool BalanceClasses = true,
    float EmbeddingWeight = 1f)
{
    public string Describe(bool withVectors = false) =>
        $"TF-IDF word 1–{WordNgrams}-grams + character 1–{CharNgrams}-grams (L2-normalised){(LexiconWeight > 0 ? " + lexicon scores as prior features" : "")}"
        + $"{(withVectors && EmbeddingWeight > 0 ? $" + MiniLM sentence vectors (×{EmbeddingWeight:0.###})" : "")}, "
        + $"{(BalanceClasses ? "class-balanced " : "")}multinomial logistic regression (L-BFGS, L2 = {L2:0.###})";
}

/// <summary>
/// The trainable sentiment classifier (ML.NET): the comment text is featurized into TF-IDF word and character n-grams,
/// the offline lexicon scorer's output is appended as extra features (so the model starts from what the lexicon knows
/// and learns where the user's data differ), and an L-BFGS multinomial logistic regression with an L2 penalty is fitted
/// with class-balanced weights.
/// </summary>
public static class SentimentClassifier
{
    /// <summary>Lexicon features: compound score, and indicators of the lexicon's negative and positive labels.</summary>
    internal const int LexiconFeatureCount = 3;

    /// <summary>Dimension of the MiniLM vectors the classifier can read (all-MiniLM-L6-v2).</summary>
    internal const int EmbeddingDimension = 384;

    internal sealed class Input
    {
        public string Text { get; set; } = "";
        [VectorType(LexiconFeatureCount)] public float[] Lexicon { get; set; } = new float[LexiconFeatureCount];
        [VectorType(EmbeddingDimension)] public float[] Embedding { get; set; } = new float[EmbeddingDimension];
        public string Label { get; set; } = "";
        public float Weight { get; set; } = 1f;
    }

    internal sealed class Output
    {
        public string PredictedLabel { get; set; } = "";
        public float[] Score { get; set; } = [];
    }

    internal static float[] LexiconFeatures(string text, float weight)
    {
        var score = LexiconSentiment.Score(text);
        return [weight * (float)score.Compound, score.Label == SentimentClasses.Negative ? weight : 0f, score.Label == SentimentClasses.Positive ? weight : 0f];
    }

    internal static float[] EmbeddingFeatures(float[]? vector, float weight)
    {
        var features = new float[EmbeddingDimension];
        if (vector is not null && weight > 0)
            for (var i = 0; i < EmbeddingDimension; i++) features[i] = weight * vector[i];
        return features;
    }

    public static TrainedSentimentModel Fit(IReadOnlyList<LabelledComment> comments, SentimentClassifierOptions options, int seed)
    {
        var embeddingWeight = options.EmbeddingWeight > 0 && comments.All(c => c.Vector is not null) ? options.EmbeddingWeight : 0f;
        var classes = SentimentClasses.All.Where(c => comments.Any(x => x.Label == c)).ToList();
        var weights = classes.ToDictionary(c => c, c => options.BalanceClasses
            ? (float)(comments.Count / (double)(classes.Count * comments.Count(x => x.Label == c)))
            : 1f, StringComparer.Ordinal);
        var context = new MLContext(seed);
        var data = context.Data.LoadFromEnumerable(comments.Select(c => new Input
        {
            Text = c.Text, Lexicon = LexiconFeatures(c.Text, options.LexiconWeight), Embedding = EmbeddingFeatures(c.Vector, embeddingWeight),
            Label = c.Label, Weight = weights[c.Label],
        }));
        var text = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false, KeepPunctuations = true, KeepNumbers = true,
            WordFeatureExtractor = new WordBagEstimator.Options
                { NgramLength = options.WordNgrams, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
            CharFeatureExtractor = new WordBagEstimator.Options
                { NgramLength = options.CharNgrams, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var trainer = new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = "LabelKey", FeatureColumnName = "Features", ExampleWeightColumnName = nameof(Input.Weight),
            L2Regularization = options.L2, L1Regularization = 0f, OptimizationTolerance = 1e-5f,
        };
        var pipeline = context.Transforms.Conversion.MapValueToKey("LabelKey", nameof(Input.Label), keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(context.Transforms.Text.FeaturizeText("TextFeatures", text, nameof(Input.Text)))
            .Append(embeddingWeight > 0
                ? context.Transforms.Concatenate("Features", "TextFeatures", nameof(Input.Lexicon), nameof(Input.Embedding))
                : context.Transforms.Concatenate("Features", "TextFeatures", nameof(Input.Lexicon)))
            .Append(context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(trainer))
            .Append(context.Transforms.Conversion.MapKeyToValue(nameof(Output.PredictedLabel), "PredictedLabel"));
        var model = pipeline.Fit(data);
        return new TrainedSentimentModel(context, model, data.Schema, classes, options.LexiconWeight, embeddingWeight);
    }
}
