using System.Globalization;
using Fulcrum.Analytics.Segments;

namespace Fulcrum.Cli.Rendering;

public static class DrillDownView
{
    public static void Render(DrillNode root, string metric)
    {
        // A company without ARR (a shop) has none to show: "$0 ARR" on every node would read as a figure.
        var withArr = root.Arr > 0;
        var tree = new Tree(Label(root, metric, withArr));
        Add(tree.AddNode, root, metric, withArr);
        AnsiConsole.Write(tree);
        AnsiConsole.MarkupLine("[grey]Each split is the dimension explaining most of the variation (η²), significant at 5% after Bonferroni; 95% CIs.[/]");
    }

    static void Add(Func<string, TreeNode> add, DrillNode node, string metric, bool withArr)
    {
        foreach (var child in node.Children)
        {
            var branch = add(Label(child, metric, withArr));
            Add(branch.AddNode, child, metric, withArr);
        }
    }

    static string Label(DrillNode node, string metric, bool withArr)
    {
        var v = node.Value;
        // NPS in points; a mean score (CSAT, CES) or a share in two decimals.
        var format = metric.Equals("nps", StringComparison.OrdinalIgnoreCase) ? "0.0" : "0.00";
        var value = v.IsDefined ? $"{v.Value.ToString(format, CultureInfo.InvariantCulture)} [grey][[{v.Lower.ToString(format, CultureInfo.InvariantCulture)}, {v.Upper.ToString(format, CultureInfo.InvariantCulture)}]] n={v.N:N0}[/]"
            : $"[grey]n/a (n={v.N:N0})[/]";
        var split = node.SplitDimension is null ? "" : $" [grey]→ split by {Markup.Escape(node.SplitDimension)} (explains {node.ExplainedShare:P1})[/]";
        return $"[bold]{Markup.Escape(node.Label)}[/]  {Markup.Escape(metric.ToUpperInvariant())} {value}" + (withArr ? $"  {node.Arr:$#,0} ARR" : "") + split;
    }
}
