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
/// Tropp (2011) with one power iteration: Y = XΩ (Ω of random signs), Q = qr(Y), Q = qr(X·qr(XᵀQ)), B = QᵀX, eigen-decomposition of
/// BBᵀ; the embedding of a text is its row of Q·U_B·Σ (= X·V_k). SVD groups words that occur together, so short texts that
/// share no word but talk about the same thing still land close. Because IDF and the components depend on the corpus, vectors
/// are not cached; themes from this mode are matched across runs by centroid only when the corpus is similar.
/// </remarks>
public sealed class LsaEmbedder(int dimension = 64, int seed = 17) : ITextEmbedder
{
    const int Oversampling = 10;

    public string Model => $"tfidf-lsa-{dimension}";
    public int Dimension => dimension;
    public bool DependsOnTextOnly => false;
    public bool Semantic => false;

    /// <summary>Seconds spent in each stage of the last <see cref="Embed"/> call (terms, tfidf, range, svd, project), for benchmarks.</summary>
    public IReadOnlyDictionary<string, double> LastTimings => _timings;
    readonly Dictionary<string, double> _timings = [];

    public float[][] Embed(IReadOnlyList<string> texts, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 2);
        var n = texts.Count;
        if (n == 0) return [];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Mark(string stage) { _timings[stage] = clock.Elapsed.TotalSeconds; clock.Restart(); }

        var terms = new List<string>[n];
        Parallel.For(0, n, i => terms[i] = Tokens.Terms(texts[i]));
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        Mark("terms");
        foreach (var doc in terms) foreach (var t in doc.Distinct(StringComparer.Ordinal)) df[t] = df.GetValueOrDefault(t) + 1;
        var vocabulary = df.Where(p => p.Value >= 2).Select(p => p.Key).Order(StringComparer.Ordinal)
            .Select((t, j) => (t, j)).ToDictionary(p => p.t, p => p.j, StringComparer.Ordinal);
        var v = vocabulary.Count;
        var idf = new float[v];
        foreach (var (t, j) in vocabulary) idf[j] = (float)(Math.Log((1.0 + n) / (1.0 + df[t])) + 1);

        var rows = new (int[] Index, float[] Value)[n];
        Parallel.For(0, n, () => new Dictionary<int, int>(), (i, _, counts) =>
        {
            counts.Clear();
            foreach (var t in terms[i])
                if (vocabulary.TryGetValue(t, out var j)) counts[j] = counts.GetValueOrDefault(j) + 1;
            var index = new int[counts.Count];
            var value = new float[counts.Count];
            var k = 0;
            foreach (var (j, c) in counts) { index[k] = j; value[k++] = (float)(1 + Math.Log(c)) * idf[j]; }
            VectorMath.Normalize(value);
            rows[i] = (index, value);
            return counts;
        }, _ => { });
        progress?.Report(n / 4);
        Mark("tfidf");

        var l = Math.Min(dimension + Oversampling, Math.Max(1, Math.Min(n, v)));
        var rng = new Random(seed);
        // Rademacher (±1) test matrix, one row of l signs per term: as good as Gaussian for the range finder, and cheap.
        var signs = new byte[v * l];
        rng.NextBytes(signs);
        cancellationToken.ThrowIfCancellationRequested();
        var q = Orthonormalize(TimesSigns(rows, signs, l, n));         // Q = qr(XΩ)
        var z = Orthonormalize(TransposeTimes(rows, q, v));            // power iteration: qr(XᵀQ)
        q = Orthonormalize(Times(rows, z, n));                         // Q = qr(X·Z)
        progress?.Report(n / 2);
        Mark("range");
        cancellationToken.ThrowIfCancellationRequested();
        var b = TransposeTimes(rows, q, v);                            // rows of B = QᵀX, one per column of Q
        var gram = Matrix<double>.Build.Dense(l, l, (r, c) => TensorPrimitives.Dot<float>(b[r], b[c]));
        var evd = gram.Evd(Symmetricity.Symmetric);
        var keep = Math.Min(dimension, l);
        var order = Enumerable.Range(0, l).OrderByDescending(k => evd.EigenValues[k].Real).Take(keep).ToArray();
        var mix = new float[l][];                                      // U_B·Σ, l × keep
        for (var c = 0; c < l; c++)
            mix[c] = order.Select(k => (float)(evd.EigenVectors[c, k] * Math.Sqrt(Math.Max(0, evd.EigenValues[k].Real)))).ToArray();

        Mark("svd");
        var result = new float[n][];
        Parallel.For(0, n, i =>
        {
            var e = new float[dimension];
            for (var c = 0; c < l; c++) TensorPrimitives.MultiplyAdd(mix[c], q[c][i], e.AsSpan(0, keep), e.AsSpan(0, keep));
            VectorMath.Normalize(e);
            result[i] = e;
        });
        progress?.Report(n);
        Mark("project");
        return result;
    }

    /// <summary>Columns of X·Ω for the ±1 matrix Ω (V × l, sign = low bit of the byte), computed row by row.</summary>
    static float[][] TimesSigns((int[] Index, float[] Value)[] rows, byte[] signs, int l, int n)
    {
        var result = new float[l][];
        for (var c = 0; c < l; c++) result[c] = new float[n];
        Parallel.For(0, n, () => new float[l], (i, _, y) =>
        {
            Array.Clear(y);
            var (index, value) = rows[i];
            for (var k = 0; k < index.Length; k++)
            {
                var row = signs.AsSpan(index[k] * l, l);
                var w = value[k];
                for (var c = 0; c < l; c++) y[c] += (row[c] & 1) == 0 ? w : -w;
            }
            for (var c = 0; c < l; c++) result[c][i] = y[c];
            return y;
        }, _ => { });
        return result;
    }

    /// <summary>Columns of X·M for M given by its columns (each of length V): returns l columns of length n (one pass over X).</summary>
    static float[][] Times((int[] Index, float[] Value)[] rows, float[][] columns, int n)
    {
        var l = columns.Length;
        var byTerm = Transpose(columns);
        var result = new float[l][];
        for (var c = 0; c < l; c++) result[c] = new float[n];
        Parallel.For(0, n, () => new float[l], (i, _, y) =>
        {
            Array.Clear(y);
            var (index, value) = rows[i];
            for (var k = 0; k < index.Length; k++) TensorPrimitives.MultiplyAdd(byTerm[index[k]], value[k], y, y);
            for (var c = 0; c < l; c++) result[c][i] = y[c];
            return y;
        }, _ => { });
        return result;
    }

    /// <summary>Columns of Xᵀ·Q for Q given by its columns (each of length n): returns columns of length V (one pass over X per worker).</summary>
    static float[][] TransposeTimes((int[] Index, float[] Value)[] rows, float[][] columns, int v)
    {
        var l = columns.Length;
        var byRow = Transpose(columns);
        var total = new float[v * l];
        var gate = new object();
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, 4));
        Parallel.For(0, workers, w =>
        {
            var z = new float[v * l];
            for (var i = w; i < rows.Length; i += workers)
            {
                var (index, value) = rows[i];
                var q = byRow[i];
                for (var k = 0; k < index.Length; k++) TensorPrimitives.MultiplyAdd(q, value[k], z.AsSpan(index[k] * l, l), z.AsSpan(index[k] * l, l));
            }
            lock (gate) TensorPrimitives.Add(total, z, total);
        });
        var result = new float[l][];
        for (var c = 0; c < l; c++) result[c] = new float[v];
        Parallel.For(0, v, j => { for (var c = 0; c < l; c++) result[c][j] = total[j * l + c]; });
        return result;
    }

    /// <summary>Rows of a matrix given by its columns.</summary>
    static float[][] Transpose(float[][] columns)
    {
        var l = columns.Length;
        var length = columns[0].Length;
        var rows = new float[length][];
        Parallel.For(0, length, i =>
        {
            var r = new float[l];
            for (var c = 0; c < l; c++) r[c] = columns[c][i];
            rows[i] = r;
        });
        return rows;
    }

    /// <summary>
    /// Gram–Schmidt on the columns, in place, with re-orthogonalisation ("twice is enough", CGS2; Giraud et al. 2005): the
    /// projections on the previous columns are computed in parallel. A column that vanishes is left at zero.
    /// </summary>
    static float[][] Orthonormalize(float[][] columns)
    {
        for (var c = 0; c < columns.Length; c++)
        {
            var col = columns[c];
            for (var pass = 0; pass < 2 && c > 0; pass++)
            {
                var r = new float[c];
                Parallel.For(0, c, p => r[p] = TensorPrimitives.Dot<float>(columns[p], col));
                for (var p = 0; p < c; p++) TensorPrimitives.MultiplyAdd(columns[p], -r[p], col, col);
            }
            var norm = TensorPrimitives.Norm<float>(col);
            if (norm > 1e-6f) TensorPrimitives.Divide(col, norm, col);
            else Array.Clear(col);
        }
        return columns;
    }

    public void Dispose() { }
}
