namespace Fulcrum.Analytics.Themes.Clustering;

/// <summary>
/// Consensus clustering of graph communities (Lancichinetti &amp; Fortunato 2012), on the graph's own edges (the sparse form of
/// Tandon et al. 2019): Louvain is run several times with different seeds; each edge is weighted by the share of runs that put
/// its two ends in one community, edges below the threshold are dropped (a node that would lose every edge keeps its most
/// agreed one), and Louvain is run again on that graph, until the runs agree on all but a small share of the edges. The
/// partition returned is the run that agrees most with the majority, so what is found no longer hangs on one visiting order
/// (on the demo stores one Louvain run's seed moved a planted theme's F1 by ±0.15; docs/methods.md).
/// </summary>
public static class ConsensusCommunities
{
    public const int DefaultRuns = 10;
    public const double DefaultThreshold = 0.3;
    public const int DefaultMaxRounds = 5;

    /// <summary>Share of edges whose ends some but not all runs put together, below which the runs are taken to agree.</summary>
    const double Agreed = 0.02;

    /// <summary>The community of each node, numbered 0.. as <see cref="Louvain.Communities"/> numbers them.</summary>
    public static int[] Find(WeightedGraph graph, double resolution, int seed, CancellationToken cancellationToken = default,
        int runs = DefaultRuns, double threshold = DefaultThreshold, int maxRounds = DefaultMaxRounds)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var rng = new Random(seed);
        var current = graph;
        for (var round = 1; ; round++)
        {
            var seeds = Enumerable.Range(0, runs).Select(_ => rng.Next()).ToArray();
            var partitions = new int[runs][];
            var level = current;
            Parallel.For(0, runs, new ParallelOptions { CancellationToken = cancellationToken },
                r => partitions[r] = Louvain.Communities(level, resolution, seeds[r], cancellationToken));
            var share = Shares(current, partitions);
            var undecided = share.Count(s => s > 0 && s < 1) / (double)Math.Max(1, share.Length);
            if (undecided <= Agreed || round >= maxRounds) return partitions[MostAgreeing(current, partitions, share)];
            current = ConsensusGraph(current, share, threshold);
        }
    }

    /// <summary>Per edge of the graph (in its storage order): the share of partitions with both ends in one community.</summary>
    static double[] Shares(WeightedGraph graph, int[][] partitions)
    {
        var share = new double[graph.Targets.Length];
        Parallel.For(0, graph.NodeCount, i =>
        {
            for (var e = graph.Offsets[i]; e < graph.Offsets[i + 1]; e++)
            {
                var j = graph.Targets[e];
                var together = 0;
                foreach (var p in partitions) if (p[i] == p[j]) together++;
                share[e] = together / (double)partitions.Length;
            }
        });
        return share;
    }

    /// <summary>The run whose together/apart decisions match the majority's on the most edges (the lowest-numbered on a tie).</summary>
    static int MostAgreeing(WeightedGraph graph, int[][] partitions, double[] share)
    {
        var agreement = new long[partitions.Length];
        Parallel.For(0, partitions.Length, r =>
        {
            var p = partitions[r];
            long count = 0;
            for (var i = 0; i < graph.NodeCount; i++)
                for (var e = graph.Offsets[i]; e < graph.Offsets[i + 1]; e++)
                    if ((p[i] == p[graph.Targets[e]]) == (share[e] >= 0.5)) count++;
            agreement[r] = count;
        });
        return Enumerable.Range(0, partitions.Length).MaxBy(r => agreement[r]);
    }

    /// <summary>
    /// The graph of the current edges that at least <paramref name="threshold"/> of the runs agreed on, weighted by that share;
    /// a node left without edges keeps its most agreed one.
    /// </summary>
    static WeightedGraph ConsensusGraph(WeightedGraph current, double[] share, double threshold)
    {
        var rows = new Dictionary<int, double>[current.NodeCount];
        for (var i = 0; i < rows.Length; i++) rows[i] = [];
        for (var i = 0; i < current.NodeCount; i++)
            for (var e = current.Offsets[i]; e < current.Offsets[i + 1]; e++)
                if (share[e] >= threshold && current.Targets[e] != i) rows[i][current.Targets[e]] = share[e];
        for (var i = 0; i < current.NodeCount; i++)
        {
            if (rows[i].Count > 0 || current.Offsets[i] == current.Offsets[i + 1]) continue;
            var best = -1;
            for (var e = current.Offsets[i]; e < current.Offsets[i + 1]; e++)
                if (current.Targets[e] != i && (best < 0 || share[e] > share[best])) best = e;
            if (best < 0 || share[best] <= 0) continue;
            var j = current.Targets[best];
            rows[i][j] = rows[j][i] = share[best];
        }
        return WeightedGraph.FromRows(rows);
    }
}
