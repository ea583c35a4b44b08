using Fulcrum.Analytics.Themes.Clustering;

namespace Fulcrum.ThemeLab;

/// <summary>How a consensus was reached: rounds of runs, and the share of edges the last round's runs still disagreed on.</summary>
sealed record ConsensusOutcome(int[] Community, int Rounds, double Undecided, int Communities);

/// <summary>
/// Consensus clustering of graph communities (Lancichinetti &amp; Fortunato 2012), on the graph's own edges (the sparse form of
/// Tandon et al. 2019): Louvain is run several times with different seeds; each edge is weighted by the share of runs that put
/// its two ends in one community, edges below the threshold are dropped (a node that would lose every edge keeps its most
/// agreed one), and Louvain is run again on that graph, until the runs agree on all but a small share of the edges. The
/// partition returned is the run that agrees most with the majority on every edge, so what is found no longer hangs on one
/// visiting order.
/// </summary>
static class ConsensusCommunities
{
    /// <summary>Share of edges whose ends some but not all runs put together, below which the runs are taken to agree.</summary>
    const double Agreed = 0.02;

    /// <param name="weighting">"share": edge weight = share of runs; "similarity": share × the edge's original weight.</param>
    public static ConsensusOutcome Find(WeightedGraph graph, double resolution, int runs, double threshold, int maxRounds, string weighting, int seed,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
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
            if (undecided <= Agreed || round >= maxRounds)
            {
                var chosen = MostAgreeing(current, partitions, share);
                return new ConsensusOutcome(partitions[chosen], round, undecided, partitions[chosen].Max() + 1);
            }
            current = ConsensusGraph(graph, current, share, threshold, weighting);
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
    /// The graph of the current edges that at least <paramref name="threshold"/> of the runs agreed on, weighted by that share
    /// (times the original similarity with "similarity" weighting); a node left without edges keeps its most agreed one.
    /// </summary>
    static WeightedGraph ConsensusGraph(WeightedGraph original, WeightedGraph current, double[] share, double threshold, string weighting)
    {
        var rows = new Dictionary<int, double>[current.NodeCount];
        for (var i = 0; i < rows.Length; i++) rows[i] = [];
        double Weight(int i, int j, double s) => weighting == "similarity" ? s * OriginalWeight(original, i, j) : s;
        for (var i = 0; i < current.NodeCount; i++)
            for (var e = current.Offsets[i]; e < current.Offsets[i + 1]; e++)
                if (share[e] >= threshold && current.Targets[e] != i) rows[i][current.Targets[e]] = Weight(i, current.Targets[e], share[e]);
        for (var i = 0; i < current.NodeCount; i++)
        {
            if (rows[i].Count > 0 || current.Offsets[i] == current.Offsets[i + 1]) continue;
            var best = -1;
            for (var e = current.Offsets[i]; e < current.Offsets[i + 1]; e++)
                if (current.Targets[e] != i && (best < 0 || share[e] > share[best])) best = e;
            if (best < 0 || share[best] <= 0) continue;
            var j = current.Targets[best];
            rows[i][j] = rows[j][i] = Weight(i, j, share[best]);
        }
        return WeightedGraph.FromRows(rows);
    }

    static double OriginalWeight(WeightedGraph graph, int i, int j)
    {
        var at = Array.BinarySearch(graph.Targets, graph.Offsets[i], graph.Offsets[i + 1] - graph.Offsets[i], j);
        return at >= 0 ? graph.Weights[at] : 0;
    }
}
