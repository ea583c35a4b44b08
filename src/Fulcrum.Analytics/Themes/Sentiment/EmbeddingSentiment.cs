using System.Globalization;
using System.Numerics.Tensors;
using Fulcrum.Analytics.Themes.Sentiment.Training;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Themes.Sentiment;

/// <summary>
/// English sentiment read from all-MiniLM-L6-v2 sentence vectors: a multinomial logistic regression on the vector and the
/// lexicon's scores (<see cref="SentimentClassifier.LexiconFeatures"/>), whose weights ship inside Fulcrum
/// (Themes/Sentiment/sentiment-minilm.tsv). It was fitted to the VADER authors' human-rated tweets and Amazon review
/// snippets (MIT licence), never to a user's comments; bench/scripts/sentiment-model rebuilds it.
/// </summary>
public sealed class EmbeddingSentiment
{
    public const string Method = "MiniLM sentiment classifier (logistic regression on all-MiniLM-L6-v2 vectors + lexicon scores, "
        + "trained on the VADER human-rated tweets and review snippets, not on your comments)";

    readonly string[] _classes;
    readonly float _lexiconWeight;
    readonly float[][] _weights; // per class: embedding dimensions, then the lexicon features
    readonly float[] _bias;

    EmbeddingSentiment(string[] classes, float lexiconWeight, float[][] weights, float[] bias)
    {
        _classes = classes;
        _lexiconWeight = lexiconWeight;
        _weights = weights;
        _bias = bias;
    }

    /// <summary>The model shipped with Fulcrum.</summary>
    public static EmbeddingSentiment Default => Shipped.Value;

    static readonly Lazy<EmbeddingSentiment> Shipped = new(() =>
    {
        var assembly = typeof(EmbeddingSentiment).Assembly;
        using var stream = assembly.GetManifestResourceStream(assembly.GetManifestResourceNames().Single(n => n.EndsWith("sentiment-minilm.tsv", StringComparison.Ordinal)))!;
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    /// <summary>Reads the weights file: '#' comments, then 'lexicon_weight W', then one row per class: name, bias, weights.</summary>
    public static EmbeddingSentiment Parse(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToList();
        var lexicon = lines[0].Split('\t');
        if (lexicon[0] != "lexicon_weight") throw new InvalidDataException("sentiment-minilm.tsv: the first row must be lexicon_weight.");
        var rows = lines.Skip(1).Select(l => l.Split('\t')).ToList();
        float F(string s) => float.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        return new EmbeddingSentiment(rows.Select(r => r[0]).ToArray(), F(lexicon[1]),
            rows.Select(r => r.Skip(2).Select(F).ToArray()).ToArray(), rows.Select(r => F(r[1])).ToArray());
    }

    /// <summary>Dimension of the vectors the model reads.</summary>
    public int Dimension => _weights[0].Length - SentimentClassifier.LexiconFeatureCount;

    /// <summary>Sentiment of a cleaned text from its MiniLM vector: P(positive) − P(negative) and the most probable class.</summary>
    public ScoredSentiment Score(ReadOnlySpan<float> vector, string text)
    {
        if (vector.Length != Dimension) throw new ArgumentException($"Expected a {Dimension}-dimensional MiniLM vector.", nameof(vector));
        var lexicon = SentimentClassifier.LexiconFeatures(text, _lexiconWeight);
        var logits = new double[_classes.Length];
        for (var c = 0; c < _classes.Length; c++)
            logits[c] = _bias[c] + TensorPrimitives.Dot(vector, _weights[c].AsSpan(0, Dimension))
                        + TensorPrimitives.Dot(lexicon, _weights[c].AsSpan(Dimension));
        var max = logits.Max();
        var p = logits.Select(l => Math.Exp(l - max)).ToArray();
        var total = p.Sum();
        double P(string label) { var i = Array.IndexOf(_classes, label); return i < 0 ? 0 : p[i] / total; }
        return new ScoredSentiment(P(SentimentClasses.Positive) - P(SentimentClasses.Negative), _classes[Array.IndexOf(p, p.Max())]);
    }

    /// <summary>
    /// A comment's vector: the normalised mean of its sentences' vectors (the theme engine embeds sentences, so a comment
    /// needs no second pass through the model); a zero vector for a comment without text.
    /// </summary>
    public static float[][] CommentVectors(Mentions mentions, IReadOnlyList<float[]> mentionVectors, int dimension)
    {
        var sums = Enumerable.Range(0, mentions.DocumentCount).Select(_ => new float[dimension]).ToArray();
        for (var i = 0; i < mentions.Count; i++)
            TensorPrimitives.Add(sums[mentions.Document[i]], mentionVectors[i], sums[mentions.Document[i]]);
        foreach (var v in sums) VectorMath.Normalize(v);
        return sums;
    }
}
