using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Themes.Clustering;

/// <summary>
/// The k-nearest-neighbour graph of unit vectors (exact, by cosine similarity): each vector is linked to its k most similar
/// others, an edge kept when either end chose it, weighted by the cosine (edges of cosine ≤ 0 dropped: nothing in common).
/// </summary>
public static class NeighbourGraph
{
    public static WeightedGraph Build(IReadOnlyList<float[]> vectors, int neighbours, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var n = vectors.Count;
        var k = Math.Min(neighbours, n - 1);
        var nearest = new (int Node, float Similarity)[n][];
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, i => nearest[i] = Nearest(vectors, i, k));
        var rows = new Dictionary<int, double>[n];
        for (var i = 0; i < n; i++) rows[i] = [];
        for (var i = 0; i < n; i++)
            foreach (var (j, similarity) in nearest[i])
            {
                if (similarity <= 0) continue;
                rows[i][j] = similarity;
                rows[j][i] = similarity;
            }
        var offsets = new int[n + 1];
        for (var i = 0; i < n; i++) offsets[i + 1] = offsets[i] + rows[i].Count;
        var targets = new int[offsets[n]];
        var weights = new double[offsets[n]];
        for (var i = 0; i < n; i++)
        {
            var at = offsets[i];
            foreach (var (j, w) in rows[i].OrderBy(p => p.Key)) (targets[at], weights[at++]) = (j, w);
        }
        return new WeightedGraph { Offsets = offsets, Targets = targets, Weights = weights };
    }

    /// <summary>The k most similar other vectors, most similar first (ties: the lower index).</summary>
    static (int Node, float Similarity)[] Nearest(IReadOnlyList<float[]> vectors, int i, int k)
    {
        var best = new (int Node, float Similarity)[k];
        var count = 0;
        var vector = vectors[i];
        for (var j = 0; j < vectors.Count; j++)
        {
            if (j == i) continue;
            var s = VectorMath.Dot(vector, vectors[j]);
            if (count == k && s <= best[k - 1].Similarity) continue;
            var at = count < k ? count++ : k - 1;
            while (at > 0 && best[at - 1].Similarity < s) { best[at] = best[at - 1]; at--; }
            best[at] = (j, s);
        }
        return best[..count];
    }
}
