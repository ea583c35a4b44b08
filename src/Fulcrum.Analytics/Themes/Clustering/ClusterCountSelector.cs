using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Themes.Clustering;

/// <summary>The silhouette of each candidate number of clusters, and the chosen one.</summary>
public sealed record ClusterCountChoice(int K, IReadOnlyDictionary<int, double> Silhouettes, int SampleSize);

/// <summary>
/// Chooses the number of clusters by the mean silhouette (Rousseeuw 1987) with cosine distance, on a random sample:
/// for each k, spherical k-means on the sample, then s(i) = (b − a) / max(a, b) with a the mean distance to the own
/// cluster and b the smallest mean distance to another cluster. The pairwise distances are computed once.
/// </summary>
public static class ClusterCountSelector
{
    public static ClusterCountChoice Choose(IReadOnlyList<float[]> vectors, int minK, int maxK, int seed, int sampleSize = 2000,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (minK < 2 || maxK < minK) throw new ArgumentOutOfRangeException(nameof(minK), $"Need 2 ≤ min k ≤ max k (got {minK}..{maxK}).");
        var rng = new Random(seed);
        var sample = vectors.Count <= sampleSize
            ? vectors.ToArray()
            : Enumerable.Range(0, vectors.Count).OrderBy(_ => rng.Next()).Take(sampleSize).Order().Select(i => vectors[i]).ToArray();
        var n = sample.Length;
        maxK = Math.Min(maxK, n - 1);
        if (maxK < minK) return new ClusterCountChoice(Math.Max(1, Math.Min(minK, n)), new Dictionary<int, double>(), n);

        var distance = new float[n][];
        Parallel.For(0, n, i =>
        {
            var row = new float[n];
            for (var j = 0; j < n; j++) row[j] = i == j ? 0 : 1 - VectorMath.Dot(sample[i], sample[j]);
            distance[i] = row;
        });

        var scores = new Dictionary<int, double>();
        for (var k = minK; k <= maxK; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fit = SphericalKMeans.Fit(sample, k, seed + k, cancellationToken: cancellationToken);
            scores[k] = Silhouette(distance, fit.Labels, k);
        }
        var best = scores.MaxBy(p => p.Value).Key;
        return new ClusterCountChoice(best, scores, n);
    }

    /// <summary>Mean silhouette of a labelling given the full distance matrix (points alone in their cluster score 0).</summary>
    public static double Silhouette(float[][] distance, int[] labels, int k)
    {
        var n = labels.Length;
        var size = new int[k];
        foreach (var l in labels) size[l]++;
        var values = new double[n];
        Parallel.For(0, n, i =>
        {
            var sums = new double[k];
            var row = distance[i];
            for (var j = 0; j < n; j++) sums[labels[j]] += row[j];
            var own = labels[i];
            if (size[own] <= 1) { values[i] = 0; return; }
            var a = sums[own] / (size[own] - 1);
            var b = double.PositiveInfinity;
            for (var c = 0; c < k; c++) if (c != own && size[c] > 0) b = Math.Min(b, sums[c] / size[c]);
            values[i] = double.IsInfinity(b) ? 0 : (b - a) / Math.Max(a, b);
        });
        return values.Average();
    }
}
