using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Themes.Text;

/// <summary>
/// The fast lexical mode: TF-IDF of unigrams and bigrams (stop words removed), reduced to a dense vector by a sparse
/// random projection (each term adds ±1/√s to s hashed coordinates; "count sketch"), then L2-normalised.
/// </summary>
/// <remarks>
/// Term frequency is sublinear (1 + ln tf); IDF = ln((1 + N) / (1 + df)) + 1 over the texts embedded together (the
/// smoothed scikit-learn form), with df counted per hashed term. The projection preserves cosine similarities up to
/// O(1/√d) distortion (Johnson–Lindenstrauss; Achlioptas 2003; Weinberger et al. 2009, feature hashing), so k-means on
/// these vectors approximates k-means on the full TF-IDF matrix at a fraction of the memory. Because IDF depends on the
/// corpus, vectors are not cached.
/// </remarks>
public sealed class HashingEmbedder(int dimension = 512, int hashesPerTerm = 4) : ITextEmbedder
{
    public string Model => $"tfidf-hash-{dimension}";
    public int Dimension => dimension;
    public bool DependsOnTextOnly => false;

    public float[][] Embed(IReadOnlyList<string> texts, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(hashesPerTerm, 1);
        var n = texts.Count;
        var termHashes = new ulong[n][];
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, n, options, i =>
            termHashes[i] = Tokens.Terms(texts[i]).Select(DeterministicRandom.StableHash).ToArray());

        var documentFrequency = new Dictionary<ulong, int>();
        foreach (var doc in termHashes)
            foreach (var h in doc.Distinct())
                documentFrequency[h] = documentFrequency.GetValueOrDefault(h) + 1;

        var result = new float[n][];
        var scale = 1 / MathF.Sqrt(hashesPerTerm);
        var done = 0;
        Parallel.For(0, n, options, i =>
        {
            var v = new float[dimension];
            foreach (var group in termHashes[i].GroupBy(h => h))
            {
                var weight = (float)((1 + Math.Log(group.Count())) * (Math.Log((1.0 + n) / (1.0 + documentFrequency[group.Key])) + 1)) * scale;
                var state = group.Key;
                for (var s = 0; s < hashesPerTerm; s++)
                {
                    var r = DeterministicRandom.NextSplitMix64(ref state);
                    var coordinate = (int)(r % (ulong)dimension);
                    v[coordinate] += (r >> 63) == 0 ? weight : -weight;
                }
            }
            VectorMath.Normalize(v);
            result[i] = v;
            var count = Interlocked.Increment(ref done);
            if (count % 4096 == 0) progress?.Report(count);
        });
        progress?.Report(n);
        return result;
    }

    public void Dispose() { }
}
