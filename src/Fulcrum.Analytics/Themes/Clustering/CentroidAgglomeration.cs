using System.Numerics.Tensors;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Themes.Clustering;

/// <summary>A group of vectors found by <see cref="CentroidAgglomeration"/>: its unit centroid, its members and its partition.</summary>
public sealed record AgglomeratedGroup(float[] Centroid, int[] Members, int Partition);

/// <summary>What the agglomeration did: micro-clusters it started from, merges, and small groups folded into larger ones.</summary>
public sealed record AgglomerationSummary(int MicroClusters, int Merged, int Folded, int Groups);

/// <summary>
/// Clusters unit vectors at a granularity the data decide: spherical k-means first over-partitions each partition into many
/// small, tight micro-clusters (about 2√n), then the most similar pair of groups in the same partition is merged (centroid
/// linkage: the normalised sum of their members) while their cosine similarity is at least the merge threshold, or, with a
/// fixed count, until that many groups remain over all partitions. Groups that end below the minimum size are folded into the
/// most similar group of their partition that is large enough. Partitions (complaints, other remarks) are never mixed.
/// </summary>
/// <remarks>
/// Two stages because exact agglomeration needs all pairwise similarities (n² memory); a few hundred micro-clusters keep the
/// merge step exact at their level. The threshold is on centroids, so near-duplicate themes (two clusters saying the same
/// thing) end up merged whatever their size, and no cap on the number of groups is needed.
/// </remarks>
public static class CentroidAgglomeration
{
    /// <param name="vectors">Unit vectors.</param>
    /// <param name="partition">Partition of each vector (groups never span two).</param>
    /// <param name="mergeSimilarity">Merge groups whose centroids are at least this similar (ignored when <paramref name="count"/> is set).</param>
    /// <param name="count">Fixed number of groups over all partitions, or null.</param>
    /// <param name="minimumSize">Fewest members a group keeps on its own (ignored when <paramref name="count"/> is set).</param>
    public static (IReadOnlyList<AgglomeratedGroup> Groups, AgglomerationSummary Summary) Cluster(IReadOnlyList<float[]> vectors, IReadOnlyList<int> partition,
        double mergeSimilarity, int? count, int minimumSize, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count == 0) return ([], new AgglomerationSummary(0, 0, 0, 0));
        var dimension = vectors[0].Length;
        var groups = new List<Working>();
        foreach (var part in Enumerable.Range(0, vectors.Count).GroupBy(i => partition[i]).OrderBy(g => g.Key))
        {
            var rows = part.ToArray();
            var micro = Math.Min(rows.Length, Math.Max(count ?? 2, (int)Math.Round(2 * Math.Sqrt(rows.Length))));
            var fit = SphericalKMeans.Fit(rows.Select(i => vectors[i]).ToList(), micro, seed + part.Key, maxIterations: 20, cancellationToken);
            var members = new List<int>[micro];
            for (var c = 0; c < micro; c++) members[c] = [];
            for (var r = 0; r < rows.Length; r++) members[fit.Labels[r]].Add(rows[r]);
            groups.AddRange(members.Where(m => m.Count > 0).Select(m => Working.Of(m, vectors, dimension, part.Key)));
        }
        return Agglomerate(groups, mergeSimilarity, count, minimumSize, cancellationToken);
    }

    /// <summary>
    /// Merges and folds given starting groups (e.g. graph communities) as <see cref="Cluster"/> does its k-means groups.
    /// </summary>
    /// <param name="start">Members (indices into <paramref name="vectors"/>) and partition of each starting group.</param>
    public static (IReadOnlyList<AgglomeratedGroup> Groups, AgglomerationSummary Summary) Agglomerate(IReadOnlyList<float[]> vectors,
        IReadOnlyList<(List<int> Members, int Partition)> start, double mergeSimilarity, int minimumSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count == 0) return ([], new AgglomerationSummary(0, 0, 0, 0));
        var groups = start.Where(g => g.Members.Count > 0).Select(g => Working.Of(g.Members, vectors, vectors[0].Length, g.Partition)).ToList();
        return Agglomerate(groups, mergeSimilarity, null, minimumSize, cancellationToken);
    }

    static (IReadOnlyList<AgglomeratedGroup> Groups, AgglomerationSummary Summary) Agglomerate(List<Working> groups, double mergeSimilarity, int? count,
        int minimumSize, CancellationToken cancellationToken)
    {
        var microClusters = groups.Count;
        var merged = MergeMostSimilar(groups, mergeSimilarity, count, cancellationToken);

        var folded = 0;
        if (count is null)
            foreach (var small in groups.Where(g => g.Members.Count < minimumSize).OrderBy(g => g.Members.Count).ToList())
            {
                var target = groups.Where(g => g != small && g.Partition == small.Partition && g.Members.Count >= minimumSize)
                    .MaxBy(g => g.Linkage(small));
                if (target is null) continue; // nothing large enough in its partition: it stays, the whole partition is small
                groups[groups.IndexOf(target)] = target.With(small);
                groups.Remove(small);
                folded++;
            }
        var result = groups.OrderByDescending(g => g.Members.Count)
            .Select(g => new AgglomeratedGroup(g.Centroid, g.Members.Order().ToArray(), g.Partition)).ToList();
        return (result, new AgglomerationSummary(microClusters, merged, folded, result.Count));
    }

    /// <summary>
    /// Merges the most similar pair of groups of the same partition until none is at least <paramref name="mergeSimilarity"/>
    /// similar (or <paramref name="count"/> groups remain). The similarity matrix is kept and only the merged group's row is
    /// recomputed, so g groups cost O(g²) dot products and O(g³) comparisons (cheap for a few hundred).
    /// </summary>
    static int MergeMostSimilar(List<Working> groups, double mergeSimilarity, int? count, CancellationToken cancellationToken)
    {
        var g = groups.Count;
        var similarity = new float[g][];
        Parallel.For(0, g, a =>
        {
            similarity[a] = new float[g];
            for (var b = 0; b < g; b++)
                similarity[a][b] = a == b || groups[a].Partition != groups[b].Partition ? float.NegativeInfinity : groups[a].Linkage(groups[b]);
        });
        var active = Enumerable.Repeat(true, g).ToArray();
        var (remaining, merged) = (g, 0);
        while (count is not { } k || remaining > k)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (bestA, bestB, best) = (-1, -1, float.NegativeInfinity);
            for (var a = 0; a < g; a++)
            {
                if (!active[a]) continue;
                var row = similarity[a];
                for (var b = a + 1; b < g; b++)
                    if (active[b] && row[b] > best) (bestA, bestB, best) = (a, b, row[b]);
            }
            if (bestA < 0 || (count is null && best < mergeSimilarity)) break;
            groups[bestA] = groups[bestA].With(groups[bestB]);
            active[bestB] = false;
            remaining--;
            merged++;
            for (var b = 0; b < g; b++)
            {
                var s = !active[b] || b == bestA || groups[b].Partition != groups[bestA].Partition
                    ? float.NegativeInfinity : groups[bestA].Linkage(groups[b]);
                similarity[bestA][b] = similarity[b][bestA] = s;
            }
        }
        var kept = groups.Where((_, i) => active[i]).ToList();
        groups.Clear();
        groups.AddRange(kept);
        return merged;
    }

    /// <summary>A group while merging: the sum of its member vectors (so a merged centroid weighs members, not groups).</summary>
    sealed record Working(float[] Sum, float[] Centroid, List<int> Members, int Partition)
    {
        public static Working Of(List<int> members, IReadOnlyList<float[]> vectors, int dimension, int partition)
        {
            var sum = new float[dimension];
            foreach (var i in members) TensorPrimitives.Add(sum, vectors[i], sum);
            return new Working(sum, Unit(sum), members, partition);
        }

        public Working With(Working other)
        {
            var sum = new float[Sum.Length];
            TensorPrimitives.Add(Sum, other.Sum, sum);
            return new Working(sum, Unit(sum), [.. Members, .. other.Members], Partition);
        }

        /// <summary>Average linkage: the mean cosine similarity over all pairs of members, one from each group (from the sums alone).</summary>
        public float Linkage(Working other) => VectorMath.Dot(Sum, other.Sum) / ((float)Members.Count * other.Members.Count);

        static float[] Unit(float[] sum)
        {
            var c = (float[])sum.Clone();
            VectorMath.Normalize(c);
            return c;
        }
    }
}
