namespace Fulcrum.Analytics.Themes.Clustering;

/// <summary>
/// Communities of a weighted graph by the Louvain method (Blondel et al. 2008): each node moves to the neighbouring community
/// that raises modularity most, until no move does; the communities are then collapsed into nodes and the same is done on
/// that graph, until nothing moves. Modularity with a resolution γ (Reichardt &amp; Bornholdt 2006):
/// Q = Σ_c [ in_c / 2m − γ (Σ_c / 2m)² ]; a larger γ makes more, smaller communities. Nodes are visited in a seeded random
/// order, so the same seed gives the same communities.
/// </summary>
public static class Louvain
{
    /// <summary>The community of each node, numbered 0.. by first appearance.</summary>
    public static int[] Communities(WeightedGraph graph, double resolution, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var membership = Enumerable.Range(0, graph.NodeCount).ToArray();
        var rng = new Random(seed);
        var level = graph;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (community, count) = MoveNodes(level, resolution, rng);
            if (count == level.NodeCount) break; // no node joined another: nothing left to collapse
            for (var i = 0; i < membership.Length; i++) membership[i] = community[membership[i]];
            level = level.Collapse(community, count);
        }
        return Renumber(membership).Community;
    }

    /// <summary>Modularity of a partition at the given resolution (for tests and reports).</summary>
    public static double Modularity(WeightedGraph graph, int[] community, double resolution)
    {
        var total = 0.0;
        var inside = new Dictionary<int, double>();
        var strength = new Dictionary<int, double>();
        for (var i = 0; i < graph.NodeCount; i++)
            for (var e = graph.Offsets[i]; e < graph.Offsets[i + 1]; e++)
            {
                total += graph.Weights[e];
                strength[community[i]] = strength.GetValueOrDefault(community[i]) + graph.Weights[e];
                if (community[graph.Targets[e]] == community[i]) inside[community[i]] = inside.GetValueOrDefault(community[i]) + graph.Weights[e];
            }
        return strength.Keys.Sum(c => inside.GetValueOrDefault(c) / total - resolution * Math.Pow(strength[c] / total, 2));
    }

    /// <summary>
    /// Local moving: repeated sweeps in which each node joins the community with the largest gain
    /// k_i,c − γ k_i Σ_c / 2m (its own community, without it, when none is larger), until a sweep moves no node.
    /// </summary>
    static (int[] Community, int Count) MoveNodes(WeightedGraph graph, double resolution, Random rng)
    {
        var n = graph.NodeCount;
        var community = Enumerable.Range(0, n).ToArray();
        var strength = new double[n];
        for (var i = 0; i < n; i++) strength[i] = graph.Strength(i);
        var total = strength.Sum();
        if (total <= 0) return (community, n);
        var communityStrength = (double[])strength.Clone();
        var order = Enumerable.Range(0, n).ToArray();
        rng.Shuffle(order);
        var linkTo = new double[n];
        var touched = new List<int>();
        bool moved;
        do
        {
            moved = false;
            foreach (var i in order)
            {
                var own = community[i];
                touched.Clear();
                for (var e = graph.Offsets[i]; e < graph.Offsets[i + 1]; e++)
                {
                    var j = graph.Targets[e];
                    if (j == i) continue;
                    var c = community[j];
                    if (linkTo[c] == 0) touched.Add(c);
                    linkTo[c] += graph.Weights[e];
                }
                communityStrength[own] -= strength[i];
                var scale = resolution * strength[i] / total;
                var best = own;
                var bestGain = linkTo[own] - scale * communityStrength[own];
                foreach (var c in touched)
                {
                    var gain = linkTo[c] - scale * communityStrength[c];
                    if (gain > bestGain + 1e-12) (best, bestGain) = (c, gain); // ties keep the node where it is
                }
                communityStrength[best] += strength[i];
                foreach (var c in touched) linkTo[c] = 0;
                if (best == own) continue;
                community[i] = best;
                moved = true;
            }
        } while (moved);
        return Renumber(community);
    }

    static (int[] Community, int Count) Renumber(int[] community)
    {
        var number = new Dictionary<int, int>();
        var result = new int[community.Length];
        for (var i = 0; i < community.Length; i++)
        {
            if (!number.TryGetValue(community[i], out var c)) number[community[i]] = c = number.Count;
            result[i] = c;
        }
        return (result, number.Count);
    }
}
