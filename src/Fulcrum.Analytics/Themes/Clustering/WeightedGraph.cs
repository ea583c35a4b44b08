namespace Fulcrum.Analytics.Themes.Clustering;

/// <summary>
/// An undirected weighted graph in compressed rows: every edge is stored in both of its rows; a self-loop (a community
/// collapsed into one node) is stored once and already counts both directions, so a node's strength is its row's sum.
/// </summary>
public sealed class WeightedGraph
{
    public required int[] Offsets { get; init; }
    public required int[] Targets { get; init; }
    public required double[] Weights { get; init; }

    public int NodeCount => Offsets.Length - 1;

    /// <summary>Sum of a node's row (its incident weights, self-loop included).</summary>
    public double Strength(int node)
    {
        var sum = 0.0;
        for (var e = Offsets[node]; e < Offsets[node + 1]; e++) sum += Weights[e];
        return sum;
    }

    /// <summary>The graph of communities: one node per community, edge weights summed, internal weight kept as a self-loop.</summary>
    public WeightedGraph Collapse(int[] community, int communities)
    {
        var rows = new Dictionary<int, double>[communities];
        for (var c = 0; c < communities; c++) rows[c] = [];
        for (var i = 0; i < NodeCount; i++)
        {
            var row = rows[community[i]];
            for (var e = Offsets[i]; e < Offsets[i + 1]; e++)
            {
                var target = community[Targets[e]];
                row[target] = row.GetValueOrDefault(target) + Weights[e];
            }
        }
        return FromRows(rows);
    }

    /// <summary>The graph whose node i has the edges of rows[i] (target → weight), stored by ascending target.</summary>
    public static WeightedGraph FromRows(IReadOnlyList<Dictionary<int, double>> rows)
    {
        var n = rows.Count;
        var offsets = new int[n + 1];
        for (var i = 0; i < n; i++) offsets[i + 1] = offsets[i] + rows[i].Count;
        var targets = new int[offsets[n]];
        var weights = new double[offsets[n]];
        for (var i = 0; i < n; i++)
        {
            var at = offsets[i];
            foreach (var (target, weight) in rows[i].OrderBy(p => p.Key)) (targets[at], weights[at++]) = (target, weight);
        }
        return new WeightedGraph { Offsets = offsets, Targets = targets, Weights = weights };
    }
}
