using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Themes.Clustering;

/// <summary>A partition of unit vectors: the cluster of each row and the unit-length centroids.</summary>
public sealed record KMeansResult(int[] Labels, float[][] Centroids, double MeanSimilarity);

/// <summary>
/// Spherical k-means (Dhillon &amp; Modha 2001): k-means with cosine similarity on unit vectors; a centroid is the
/// normalised mean of its members. Seeded by k-means++ (Arthur &amp; Vassilvitskii 2007) on the distance 1 − cos, with a
/// deterministic random source; assignment steps run in parallel. Empty clusters are re-seeded with the point farthest
/// from its centroid.
/// </summary>
public static class SphericalKMeans
{
    public static KMeansResult Fit(IReadOnlyList<float[]> vectors, int k, int seed, int maxIterations = 40, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count == 0) throw new ArgumentException("No vectors to cluster.", nameof(vectors));
        if (k < 1 || k > vectors.Count) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be between 1 and the number of vectors ({vectors.Count}).");
        var dimension = vectors[0].Length;
        var centroids = Seed(vectors, k, seed);
        var labels = new int[vectors.Count];
        var similarity = new float[vectors.Count];
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var changed = Assign(vectors, centroids, labels, similarity, iteration == 0);
            if (changed == 0 && iteration > 0) break;
            centroids = Update(vectors, labels, similarity, k, dimension);
        }
        Assign(vectors, centroids, labels, similarity, false);
        return new KMeansResult(labels, centroids, similarity.Average(s => (double)s));
    }

    /// <summary>Index of the most similar centroid and its similarity.</summary>
    public static (int Index, float Similarity) Nearest(float[] vector, IReadOnlyList<float[]> centroids)
    {
        var best = -1;
        var bestSimilarity = float.NegativeInfinity;
        for (var c = 0; c < centroids.Count; c++)
        {
            var s = VectorMath.Dot(vector, centroids[c]);
            if (s > bestSimilarity) { bestSimilarity = s; best = c; }
        }
        return (best, bestSimilarity);
    }

    static int Assign(IReadOnlyList<float[]> vectors, float[][] centroids, int[] labels, float[] similarity, bool first)
    {
        var changed = 0;
        Parallel.For(0, vectors.Count, () => 0, (i, _, local) =>
        {
            var (best, s) = Nearest(vectors[i], centroids);
            similarity[i] = s;
            if (first || labels[i] != best) { labels[i] = best; local++; }
            return local;
        }, local => Interlocked.Add(ref changed, local));
        return changed;
    }

    static float[][] Update(IReadOnlyList<float[]> vectors, int[] labels, float[] similarity, int k, int dimension)
    {
        var sums = new float[k][];
        for (var c = 0; c < k; c++) sums[c] = new float[dimension];
        var counts = new int[k];
        for (var i = 0; i < vectors.Count; i++)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(sums[labels[i]], vectors[i], sums[labels[i]]);
            counts[labels[i]]++;
        }
        var taken = new HashSet<int>();
        for (var c = 0; c < k; c++)
        {
            if (counts[c] == 0)
            {
                // Re-seed an empty cluster with the worst-fitting point not already used for that.
                var worst = Enumerable.Range(0, vectors.Count).Where(i => !taken.Contains(i)).MinBy(i => similarity[i]);
                taken.Add(worst);
                vectors[worst].CopyTo(sums[c], 0);
            }
            VectorMath.Normalize(sums[c]);
        }
        return sums;
    }

    static float[][] Seed(IReadOnlyList<float[]> vectors, int k, int seed)
    {
        var rng = new Random(seed);
        var n = vectors.Count;
        var centroids = new List<float[]> { (float[])vectors[rng.Next(n)].Clone() };
        var distance = new double[n];
        for (var i = 0; i < n; i++) distance[i] = Math.Max(0, 1 - VectorMath.Dot(vectors[i], centroids[0]));
        while (centroids.Count < k)
        {
            var total = distance.Sum();
            int pick;
            if (total <= 0) pick = rng.Next(n);
            else
            {
                var target = rng.NextDouble() * total;
                pick = 0;
                for (var acc = 0.0; pick < n - 1; pick++) { acc += distance[pick]; if (acc >= target) break; }
            }
            var c = (float[])vectors[pick].Clone();
            centroids.Add(c);
            Parallel.For(0, n, i => distance[i] = Math.Min(distance[i], Math.Max(0, 1 - VectorMath.Dot(vectors[i], c))));
        }
        return centroids.ToArray();
    }
}
