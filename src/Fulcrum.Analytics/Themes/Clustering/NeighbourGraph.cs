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
        var tiles = (n + TileRows - 1) / TileRows;
        Parallel.For(0, tiles, new ParallelOptions { CancellationToken = cancellationToken }, t => NearestInTile(vectors, t * TileRows, Math.Min(n, (t + 1) * TileRows), k, nearest));
        var rows = new Dictionary<int, double>[n];
        for (var i = 0; i < n; i++) rows[i] = [];
        for (var i = 0; i < n; i++)
            foreach (var (j, similarity) in nearest[i])
            {
                if (similarity <= 0) continue;
                rows[i][j] = similarity;
                rows[j][i] = similarity;
            }
        return WeightedGraph.FromRows(rows);
    }

    /// <summary>
    /// Rows are scanned in tiles so each candidate vector is read once per tile rather than once per row (the scan is
    /// bound by memory, not arithmetic); every row still sees the candidates in index order, so the result is unchanged.
    /// </summary>
    const int TileRows = 32;

    /// <summary>For rows [from, to): the k most similar other vectors, most similar first (ties: the lower index).</summary>
    static void NearestInTile(IReadOnlyList<float[]> vectors, int from, int to, int k, (int Node, float Similarity)[][] nearest)
    {
        var rows = to - from;
        var best = new (int Node, float Similarity)[rows][];
        var counts = new int[rows];
        for (var r = 0; r < rows; r++) best[r] = new (int Node, float Similarity)[k];
        for (var j = 0; j < vectors.Count; j++)
        {
            var candidate = vectors[j];
            for (var r = 0; r < rows; r++)
            {
                var i = from + r;
                if (j == i) continue;
                var s = VectorMath.Dot(vectors[i], candidate);
                var rowBest = best[r];
                var count = counts[r];
                if (count == k && s <= rowBest[k - 1].Similarity) continue;
                var at = count < k ? count : k - 1;
                if (count < k) counts[r] = count + 1;
                while (at > 0 && rowBest[at - 1].Similarity < s) { rowBest[at] = rowBest[at - 1]; at--; }
                rowBest[at] = (j, s);
            }
        }
        for (var r = 0; r < rows; r++) nearest[from + r] = best[r][..counts[r]];
    }
}
