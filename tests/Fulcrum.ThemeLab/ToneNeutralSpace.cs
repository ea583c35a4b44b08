using System.Numerics.Tensors;
using System.Globalization;
using Fulcrum.Analytics.Themes.Sentiment;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.ThemeLab;

/// <summary>
/// Prototype (measured, not kept; docs/methods.md): sentence vectors with the directions along which tone varies removed (the orthogonal complement of those directions,
/// renormalised), so that sentences about one thing group together whatever their tone: "I wish A and B shared data" and
/// "A and B don't share data" differ mostly in tone. Nearest-centroid assignment is unchanged for a centroid in this space:
/// a vector's dot product with it equals its projection's, only scaled by the projection's length.
/// </summary>
static class ToneNeutralSpace
{
    /// <summary>
    /// The directions of the MiniLM space along which the shipped sentiment model's tone varies: each class's embedding weights
    /// minus the first class's (a softmax reads only differences), read from the weights file shipped in Fulcrum.Analytics
    /// (Themes/Sentiment/sentiment-minilm.tsv: '#' comments, 'lexicon_weight', then per class name, bias, 384 + 3 weights).
    /// </summary>
    public static IReadOnlyList<float[]> SentimentToneDirections()
    {
        var assembly = typeof(EmbeddingSentiment).Assembly;
        using var stream = assembly.GetManifestResourceStream(assembly.GetManifestResourceNames().Single(n => n.EndsWith("sentiment-minilm.tsv", StringComparison.Ordinal)))!;
        using var reader = new StreamReader(stream);
        var classes = reader.ReadToEnd().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith('#') && !l.StartsWith("lexicon_weight", StringComparison.Ordinal))
            .Select(l => l.Split('\t').Skip(2).Take(EmbeddingSentiment.Default.Dimension).Select(x => float.Parse(x, CultureInfo.InvariantCulture)).ToArray()).ToList();
        return classes.Skip(1).Select(w => w.Zip(classes[0], (a, b) => a - b).ToArray()).ToList();
    }

    /// <summary>
    /// Each distinct vector (by reference) projected once onto the complement of <paramref name="directions"/> and
    /// renormalised; repeated sentences keep sharing one array, as the clustering expects.
    /// </summary>
    public static float[][] Project(IReadOnlyList<float[]> vectors, IReadOnlyList<float[]> directions)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var basis = Orthonormal(directions);
        var projected = new Dictionary<float[], float[]>(ReferenceEqualityComparer.Instance);
        foreach (var v in vectors) projected.TryAdd(v, v);
        var distinct = projected.Keys.ToArray();
        var results = new float[distinct.Length][];
        Parallel.For(0, distinct.Length, i => results[i] = Complement(distinct[i], basis));
        for (var i = 0; i < distinct.Length; i++) projected[distinct[i]] = results[i];
        return vectors.Select(v => projected[v]).ToArray();
    }

    /// <summary>The direction from the mean of the other remarks to the mean of the complaints (what the partitions differ by).</summary>
    public static float[] PartitionDirection(IReadOnlyList<float[]> vectors, IReadOnlyList<bool> complaint)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var dimension = vectors[0].Length;
        var (complaints, others) = (new float[dimension], new float[dimension]);
        var (nc, no) = (0, 0);
        for (var i = 0; i < vectors.Count; i++)
        {
            if (complaint[i]) { TensorPrimitives.Add(complaints, vectors[i], complaints); nc++; }
            else { TensorPrimitives.Add(others, vectors[i], others); no++; }
        }
        if (nc == 0 || no == 0) return new float[dimension];
        TensorPrimitives.Divide(complaints, nc, complaints);
        TensorPrimitives.Divide(others, no, others);
        TensorPrimitives.Subtract(complaints, others, complaints);
        return complaints;
    }

    /// <summary>Gram–Schmidt (twice, for round-off) over the directions; a direction inside the span of earlier ones is skipped.</summary>
    static List<double[]> Orthonormal(IReadOnlyList<float[]> directions)
    {
        var basis = new List<double[]>();
        foreach (var direction in directions)
        {
            var u = direction.Select(x => (double)x).ToArray();
            var norm0 = Math.Sqrt(u.Sum(x => x * x));
            for (var pass = 0; pass < 2; pass++)
                foreach (var b in basis)
                {
                    var dot = 0.0;
                    for (var j = 0; j < u.Length; j++) dot += u[j] * b[j];
                    for (var j = 0; j < u.Length; j++) u[j] -= dot * b[j];
                }
            var norm = Math.Sqrt(u.Sum(x => x * x));
            if (norm <= 1e-6 * norm0 || norm == 0) continue;
            for (var j = 0; j < u.Length; j++) u[j] /= norm;
            basis.Add(u);
        }
        return basis;
    }

    static float[] Complement(float[] vector, List<double[]> basis)
    {
        var r = new double[vector.Length];
        for (var j = 0; j < r.Length; j++) r[j] = vector[j];
        foreach (var b in basis)
        {
            var dot = 0.0;
            for (var j = 0; j < r.Length; j++) dot += r[j] * b[j];
            for (var j = 0; j < r.Length; j++) r[j] -= dot * b[j];
        }
        var result = r.Select(x => (float)x).ToArray();
        VectorMath.Normalize(result);
        return result;
    }
}
