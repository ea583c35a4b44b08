using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace Fulcrum.Analytics.Themes.Text;

/// <summary>
/// The fast lexical mode: TF-IDF of unigrams and bigrams (stop words removed) reduced by truncated SVD (latent semantic
/// analysis, Deerwester et al. 1990) to <c>dimension</c> components, rows L2-normalised.
/// </summary>
/// <remarks>
/// TF is sublinear (1 + ln tf); IDF = ln((1 + N) / (1 + df)) + 1 (scikit-learn's smoothed form); terms seen in fewer than 2
/// texts are dropped; rows are L2-normalised before the SVD. The SVD is the randomised range finder of Halko, Martinsson &amp;
/// Tropp (2011) with one power iteration: Y = XΩ (Gaussian Ω), Q = qr(Y), Q = qr(X·qr(XᵀQ)), B = QᵀX, eigen-decomposition of
/// BBᵀ; the embedding of a text is its row of Q·U_B·Σ (= X·V_k). SVD groups words that occur together, so short texts that
/// share no word but talk about the same thing still land close. Because IDF and the components depend on the corpus, vectors
/// are not cached; themes from this mode are matched across runs by centroid only when the corpus is similar.
/// </remarks>
public sealed class LsaEmbedder(int dimension = 100, int seed = 17) : ITextEmbedder
{
    const int Oversampling = 10;

    public string Model => $"tfidf-lsa-{dimension}";
    public int Dimension => dimension;
    public bool DependsOnTextOnly => false;

    public float[][] Embed(IReadOnlyList<string> texts, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 2);
        var n = texts.Count;
        if (n == 0) return [];

        var terms = new List<string>[n];
        Parallel.For(0, n, i => terms[i] = Tokens.Terms(texts[i]));
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var doc in terms) foreach (var t in doc.Distinct(StringComparer.Ordinal)) df[t] = df.GetValueOrDefault(t) + 1;
        var vocabulary = df.Where(p => p.Value >= 2).Select(p => p.Key).Order(StringComparer.Ordinal)
            .Select((t, j) => (t, j)).ToDictionary(p => p.t, p => p.j, StringComparer.Ordinal);
        var v = vocabulary.Count;
        var idf = new float[v];
        foreach (var (t, j) in vocabulary) idf[j] = (float)(Math.Log((1.0 + n) / (1.0 + df[t])) + 1);

        var rows = new (int[] Index, float[] Value)[n];
        Parallel.For(0, n, i =>
        {
            var counts = terms[i].Where(vocabulary.ContainsKey).GroupBy(t => vocabulary[t]).Select(g => (g.Key, Weight: (float)(1 + Math.Log(g.Count())) * idf[g.Key])).ToArray();
            var value = counts.Select(c => c.Weight).ToArray();
            VectorMath.Normalize(value);
            rows[i] = (counts.Select(c => c.Key).ToArray(), value);
        });
        progress?.Report(n / 4);

        var l = Math.Min(dimension + Oversampling, Math.Max(1, Math.Min(n, v)));
        var rng = new Random(seed);
        var omega = new float[l][];
        for (var c = 0; c < l; c++) { omega[c] = new float[v]; for (var j = 0; j < v; j++) omega[c][j] = (float)Gaussian(rng); }
        cancellationToken.ThrowIfCancellationRequested();
        var q = Orthonormalize(Times(rows, omega, n));                 // Q = qr(XΩ)
        var z = Orthonormalize(TransposeTimes(rows, q, v));            // power iteration: qr(XᵀQ)
        q = Orthonormalize(Times(rows, z, n));                         // Q = qr(X·Z)
        progress?.Report(n / 2);
        cancellationToken.ThrowIfCancellationRequested();
        var b = TransposeTimes(rows, q, v);                            // rows of B = QᵀX, one per column of Q
        var gram = Matrix<double>.Build.Dense(l, l, (r, c) => TensorPrimitives.Dot<float>(b[r], b[c]));
        var evd = gram.Evd(Symmetricity.Symmetric);
        var keep = Math.Min(dimension, l);
        var order = Enumerable.Range(0, l).OrderByDescending(k => evd.EigenValues[k].Real).Take(keep).ToArray();
        var mix = new float[l][];                                      // U_B·Σ, l × keep
        for (var c = 0; c < l; c++)
            mix[c] = order.Select(k => (float)(evd.EigenVectors[c, k] * Math.Sqrt(Math.Max(0, evd.EigenValues[k].Real)))).ToArray();

        var result = new float[n][];
        Parallel.For(0, n, i =>
        {
            var e = new float[dimension];
            for (var c = 0; c < l; c++) TensorPrimitives.MultiplyAdd(mix[c], q[c][i], e.AsSpan(0, keep), e.AsSpan(0, keep));
            VectorMath.Normalize(e);
            result[i] = e;
        });
        progress?.Report(n);
        return result;
    }

    /// <summary>Columns of X·M for M given by its columns (each of length V): returns l columns of length n.</summary>
    static float[][] Times((int[] Index, float[] Value)[] rows, float[][] columns, int n)
    {
        var result = new float[columns.Length][];
        Parallel.For(0, columns.Length, c =>
        {
            var m = columns[c];
            var y = new float[n];
            for (var i = 0; i < n; i++)
            {
                var (index, value) = rows[i];
                var s = 0f;
                for (var k = 0; k < index.Length; k++) s += value[k] * m[index[k]];
                y[i] = s;
            }
            result[c] = y;
        });
        return result;
    }

    /// <summary>Columns of Xᵀ·Q for Q given by its columns (each of length n): returns columns of length V.</summary>
    static float[][] TransposeTimes((int[] Index, float[] Value)[] rows, float[][] columns, int v)
    {
        var result = new float[columns.Length][];
        Parallel.For(0, columns.Length, c =>
        {
            var qc = columns[c];
            var z = new float[v];
            for (var i = 0; i < rows.Length; i++)
            {
                var (index, value) = rows[i];
                var w = qc[i];
                if (w == 0) continue;
                for (var k = 0; k < index.Length; k++) z[index[k]] += value[k] * w;
            }
            result[c] = z;
        });
        return result;
    }

    /// <summary>Modified Gram–Schmidt on the columns (in place); a column that vanishes is left at zero.</summary>
    static float[][] Orthonormalize(float[][] columns)
    {
        for (var c = 0; c < columns.Length; c++)
        {
            var col = columns[c];
            for (var p = 0; p < c; p++)
            {
                var r = TensorPrimitives.Dot<float>(columns[p], col);
                TensorPrimitives.MultiplyAdd(columns[p], -r, col, col);
            }
            var norm = TensorPrimitives.Norm<float>(col);
            if (norm > 1e-6f) TensorPrimitives.Divide(col, norm, col);
            else Array.Clear(col);
        }
        return columns;
    }

    static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    public void Dispose() { }
}
