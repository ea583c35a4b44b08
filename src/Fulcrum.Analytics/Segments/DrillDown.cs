using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Core.Statistics;
using MathNet.Numerics.Distributions;

namespace Fulcrum.Analytics.Segments;

public sealed record DrillOptions(
    string Metric = "nps",
    IReadOnlyList<string>? Dimensions = null,
    int Depth = 3,
    int MinN = 30,
    int MaxChildren = 8,
    DateOnly? From = null,
    DateOnly? To = null);

/// <summary>A node of the drill-down tree: a segment, its metric with CI and n, its ARR, and how it splits further.</summary>
/// <param name="ExplainedShare">Share of the node's response-level variance explained by the split (η², between-group sum of squares / total).</param>
/// <param name="SplitPValue">F-test of the split against the variation between accounts (nested ANOVA), Bonferroni-adjusted over the candidate dimensions.</param>
public sealed record DrillNode(
    string Label,
    IReadOnlyList<SegmentCondition> Path,
    Estimate Value,
    double Arr,
    string? SplitDimension,
    double? ExplainedShare,
    double? SplitPValue,
    IReadOnlyList<DrillNode> Children);

public sealed record SegmentCondition(string Dimension, string Value)
{
    public override string ToString() => $"{Dimension} = {Value}";
}

/// <summary>
/// Top metric → the dimension that explains most of its variation (largest η² among splits significant at 5% after
/// Bonferroni over the candidate dimensions) → each part in turn, down to <see cref="DrillOptions.Depth"/> levels.
/// Groups smaller than MinN are pooled as "(other)" and not split further.
/// </summary>
public static class DrillDown
{
    public static readonly IReadOnlyList<string> DefaultDimensions =
        ["segment", "region", "industry", "product_count", "account_managers", "tenure_band", "arr_band"];

    public static DrillNode Run(AnalysisFacts facts, DrillOptions options)
    {
        var metric = MetricDefinition.Resolve(options.Metric);
        var dimensions = (options.Dimensions ?? DefaultDimensions).Select(Dimension.Resolve).ToList();
        var cube = SegmentCube.Build(facts, metric, dimensions, from: options.From, to: options.To);
        // No answer of the metric: nothing to drill into, said so (never a root of NaN with n = 0).
        if (cube.Cells.Sum(c => c.Stats.N) == 0)
        {
            var name = metric.Name.ToUpperInvariant();
            var others = PrimarySurveyMetric.OnRecord(facts.Store).Where(m => !m.Equals(metric.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            throw new MissingDataException($"No {name} answers on record{(options.From is not null || options.To is not null ? " in the dates asked for" : "")}, so there is no {name} to drill into."
                + (others.Count > 0 ? $" The answers carry {string.Join(" and ", others.Select(m => m.ToUpperInvariant()))}: use --metric {others[0]}."
                    : $" Import survey responses with {name} answers (`fulcrum import responses FILE`)."),
                [$"survey responses with {name} answers: fulcrum import responses FILE"]);
        }
        return Node(cube, options, "All customers", [], cube.Cells.ToList(), []);
    }

    static DrillNode Node(SegmentCube cube, DrillOptions options, string label, List<SegmentCondition> path, List<CubeCell> cells, HashSet<int> used)
    {
        var (stats, cluster, arr) = Sum(cells);
        var value = ClusteredEstimator.Estimate(cube.Metric.Kind, stats, cluster);
        if (path.Count >= options.Depth || stats.N < 2 * options.MinN)
            return new DrillNode(label, path, value, arr, null, null, null, []);

        var kind = cube.Metric.Kind;
        var candidates = Enumerable.Range(0, cube.Dimensions.Count).Where(d => !used.Contains(d)).ToList();
        (int Dimension, double Eta, double P)? best = null;
        foreach (var d in candidates)
        {
            // Nested one-way ANOVA with accounts as the error term: responses of one account are not independent,
            // so the split is tested against the variation between accounts within groups.
            var groups = cells.GroupBy(c => c.Values[d]).Select(g => Sum(g.ToList())).Where(g => g.Stats.N >= options.MinN).ToList();
            if (groups.Count < 2) continue;
            var n = groups.Sum(g => g.Stats.N);
            var accounts = groups.Sum(g => g.Cluster.K);
            if (accounts <= groups.Count) continue;
            var total = groups.Sum(g => kind.Moments(g.Stats).Sum);
            var groupTerm = groups.Sum(g => { var m = kind.Moments(g.Stats).Sum; return m * m / g.Stats.N; });
            var between = groupTerm - total * total / n;
            var betweenAccounts = groups.Sum(g => g.Cluster.Q) - groupTerm;
            var withinAccounts = groups.Sum(g => kind.Moments(g.Stats).SumOfSquares) - groups.Sum(g => g.Cluster.Q);
            if (betweenAccounts <= 0) continue;
            var f = between / (groups.Count - 1) / (betweenAccounts / (accounts - groups.Count));
            var p = Math.Min(1, (1 - FisherSnedecor.CDF(groups.Count - 1, accounts - groups.Count, f)) * candidates.Count);
            var eta = between / (between + betweenAccounts + Math.Max(0, withinAccounts));
            if (p < 0.05 && (best is null || eta > best.Value.Eta)) best = (d, eta, p);
        }
        if (best is not { } split)
            return new DrillNode(label, path, value, arr, null, null, null, []);

        var dimension = cube.Dimensions[split.Dimension].Name;
        var parts = cells.GroupBy(c => c.Values[split.Dimension])
            .Select(g => (Value: g.Key, Cells: g.ToList(), N: Sum(g.ToList()).Stats.N))
            .OrderByDescending(g => g.N).ToList();
        var large = parts.Where(p => p.N >= options.MinN).Take(options.MaxChildren).ToList();
        var children = new List<DrillNode>();
        var nextUsed = new HashSet<int>(used) { split.Dimension };
        foreach (var part in large)
        {
            var childPath = new List<SegmentCondition>(path) { new(dimension, part.Value) };
            children.Add(Node(cube, options, part.Value, childPath, part.Cells, nextUsed));
        }
        var rest = parts.Except(large).SelectMany(p => p.Cells).ToList();
        if (rest.Count > 0)
        {
            var (restStats, restCluster, restArr) = Sum(rest);
            children.Add(new DrillNode("(other)", [.. path, new SegmentCondition(dimension, "(other)")],
                ClusteredEstimator.Estimate(kind, restStats, restCluster), restArr, null, null, null, []));
        }
        return new DrillNode(label, path, value, arr, dimension, split.Eta, split.P, children);
    }

    static (SufficientStats Stats, ClusterStats Cluster, double Arr) Sum(List<CubeCell> cells)
    {
        var stats = default(SufficientStats);
        var cluster = default(ClusterStats);
        double arr = 0;
        foreach (var c in cells) { stats += c.Stats; cluster += c.Cluster; arr += c.Arr; }
        return (stats, cluster, arr);
    }
}
