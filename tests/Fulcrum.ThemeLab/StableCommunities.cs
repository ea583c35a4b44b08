using Fulcrum.Analytics.Themes.Clustering;
using Fulcrum.Analytics.Themes.Evaluation;

namespace Fulcrum.ThemeLab;

/// <summary>How <see cref="StableCommunities"/> chose: the stability of each resolution tried, the one taken, and the merges.</summary>
/// <param name="Stability">Mean adjusted Rand index between the resamples' partitions, per resolution (same order as tried).</param>
/// <param name="Communities">Communities at the chosen resolution before merging.</param>
/// <param name="Merged">Pairs of communities merged because the resamples put their nodes together.</param>
/// <param name="StandardError">Standard error of that mean (the pairs' standard deviation over √pairs), per resolution.</param>
sealed record StabilityChoice(IReadOnlyList<double> Resolutions, IReadOnlyList<double> Stability, IReadOnlyList<double> StandardError, double Resolution,
    int Communities, int Merged);

/// <summary>
/// Variant tried and not kept (discovery20s; docs/methods.md): Louvain communities at a granularity the data choose by stability (Lange et al. 2004; von Luxburg 2010): the graph is split
/// at each resolution of a ladder on several random subsamples of its nodes, and the resolution whose partitions agree best
/// with each other (mean adjusted Rand index on the nodes two subsamples share) is taken, the coarser on a tie. The full graph
/// is then split at that resolution, and communities whose nodes the subsamples put together in most runs (co-assignment,
/// average linkage over node pairs, at least <paramref name="mergeShare"/>) are merged.
/// </summary>
static class StableCommunities
{
    public static (int[] Community, StabilityChoice Choice) Find(WeightedGraph graph, IReadOnlyList<double> resolutions, int resamples, double sampleShare,
        double? mergeShare, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(resolutions);
        if (resolutions.Zip(resolutions.Skip(1)).Any(p => p.Second <= p.First)) throw new ArgumentException("Resolutions must ascend.", nameof(resolutions));
        var n = graph.NodeCount;
        var samples = Enumerable.Range(0, resamples).Select(r => Sample(n, sampleShare, seed + 1 + r)).ToList();
        var subgraphs = samples.Select(s => Induced(graph, s)).ToList();
        var runs = new int[resolutions.Count][][];
        var stability = new double[resolutions.Count];
        var standardError = new double[resolutions.Count];
        for (var g = 0; g < resolutions.Count; g++)
        {
            var level = runs[g] = new int[resamples][];
            Parallel.For(0, resamples, new ParallelOptions { CancellationToken = cancellationToken },
                r => level[r] = Louvain.Communities(subgraphs[r], resolutions[g], seed + 1 + r, cancellationToken));
            (stability[g], standardError[g]) = Agreement(samples, level);
        }
        var chosen = Choose(stability, standardError);
        var community = Louvain.Communities(graph, resolutions[chosen], seed, cancellationToken);
        var count = community.Max() + 1;
        var merged = 0;
        if (mergeShare is { } share) (community, merged) = MergeCoAssigned(community, count, samples, runs[chosen], share);
        return (community, new StabilityChoice(resolutions, stability, standardError, resolutions[chosen], count, merged));
    }

    /// <summary>
    /// The coarsest resolution (first of the ascending ladder) as stable as the most stable one within that one's standard error
    /// (the one-standard-error rule): differences smaller than the resampling noise do not justify more, smaller communities.
    /// </summary>
    internal static int Choose(IReadOnlyList<double> stability, IReadOnlyList<double> standardError)
    {
        var best = Enumerable.Range(0, stability.Count).MaxBy(g => stability[g]);
        return Enumerable.Range(0, stability.Count).First(g => stability[g] >= stability[best] - standardError[best]);
    }

    /// <summary>The nodes of one subsample, ascending.</summary>
    static int[] Sample(int n, double share, int seed)
    {
        var rng = new Random(seed);
        var take = Math.Max(2, (int)Math.Round(share * n));
        var order = Enumerable.Range(0, n).ToArray();
        rng.Shuffle(order);
        var kept = order.Take(Math.Min(n, take)).ToArray();
        Array.Sort(kept);
        return kept;
    }

    /// <summary>The subgraph on the given nodes (ascending), renumbered 0.. in that order.</summary>
    static WeightedGraph Induced(WeightedGraph graph, int[] nodes)
    {
        var index = new int[graph.NodeCount];
        Array.Fill(index, -1);
        for (var k = 0; k < nodes.Length; k++) index[nodes[k]] = k;
        var rows = new Dictionary<int, double>[nodes.Length];
        for (var k = 0; k < nodes.Length; k++)
        {
            var row = rows[k] = [];
            for (var e = graph.Offsets[nodes[k]]; e < graph.Offsets[nodes[k] + 1]; e++)
                if (index[graph.Targets[e]] is var t && t >= 0) row[t] = graph.Weights[e];
        }
        return WeightedGraph.FromRows(rows);
    }

    /// <summary>Mean adjusted Rand index over pairs of resamples, each pair compared on the nodes both drew, and its standard error.</summary>
    static (double Mean, double StandardError) Agreement(IReadOnlyList<int[]> samples, int[][] communities)
    {
        var agreement = new List<double>();
        for (var a = 0; a < samples.Count; a++)
            for (var b = a + 1; b < samples.Count; b++)
            {
                var (x, y) = (new List<int>(), new List<int>());
                int i = 0, j = 0;
                while (i < samples[a].Length && j < samples[b].Length)
                {
                    if (samples[a][i] < samples[b][j]) i++;
                    else if (samples[a][i] > samples[b][j]) j++;
                    else { x.Add(communities[a][i++]); y.Add(communities[b][j++]); }
                }
                if (x.Count < 2) continue;
                agreement.Add(ClusteringAgreement.AdjustedRandIndex(x, y));
            }
        if (agreement.Count == 0) return (0, 0);
        var mean = agreement.Average();
        var spread = agreement.Count < 2 ? 0 : Math.Sqrt(agreement.Sum(a => (a - mean) * (a - mean)) / (agreement.Count - 1) / agreement.Count);
        return (mean, spread);
    }

    /// <summary>
    /// Merges communities of the full graph by average linkage on co-assignment: the share of their node pairs (one node from
    /// each, both drawn) that a resample put in one community, pooled over resamples; the most co-assigned pair is merged while
    /// that share is at least <paramref name="share"/>.
    /// </summary>
    internal static (int[] Community, int Merged) MergeCoAssigned(int[] community, int count, IReadOnlyList<int[]> samples, int[][] runs, double share)
    {
        var together = new double[count, count];
        var pairs = new double[count, count];
        for (var r = 0; r < samples.Count; r++)
        {
            var drawn = new double[count];
            var byRunCommunity = new Dictionary<int, Dictionary<int, int>>();
            for (var k = 0; k < samples[r].Length; k++)
            {
                var c = community[samples[r][k]];
                drawn[c]++;
                if (!byRunCommunity.TryGetValue(runs[r][k], out var counts)) byRunCommunity[runs[r][k]] = counts = [];
                counts[c] = counts.GetValueOrDefault(c) + 1;
            }
            for (var a = 0; a < count; a++)
                for (var b = 0; b < count; b++)
                    pairs[a, b] += drawn[a] * drawn[b];
            foreach (var counts in byRunCommunity.Values)
                foreach (var (a, na) in counts)
                    foreach (var (b, nb) in counts)
                        together[a, b] += (double)na * nb;
        }
        var group = Enumerable.Range(0, count).ToArray();
        var active = Enumerable.Repeat(true, count).ToArray();
        var merged = 0;
        while (true)
        {
            var (bestA, bestB, best) = (-1, -1, double.NegativeInfinity);
            for (var a = 0; a < count; a++)
                for (var b = a + 1; b < count; b++)
                    if (active[a] && active[b] && pairs[a, b] > 0 && together[a, b] / pairs[a, b] is var s && s > best) (bestA, bestB, best) = (a, b, s);
            if (bestA < 0 || best < share) break;
            for (var c = 0; c < count; c++)
            {
                together[bestA, c] += together[bestB, c];
                together[c, bestA] = together[bestA, c];
                pairs[bestA, c] += pairs[bestB, c];
                pairs[c, bestA] = pairs[bestA, c];
            }
            active[bestB] = false;
            for (var c = 0; c < count; c++) if (group[c] == bestB) group[c] = bestA;
            merged++;
        }
        var number = new Dictionary<int, int>();
        return (community.Select(c => number.TryGetValue(group[c], out var k) ? k : number[group[c]] = number.Count).ToArray(), merged);
    }
}
