using Fulcrum.Analytics.Segments;

namespace Fulcrum.Cli.Rendering;

public static class DrillDownView
{
    public static void Render(DrillNode root, string metric)
    {
        var tree = new Tree(Label(root, metric));
        Add(tree.AddNode, root, metric);
        AnsiConsole.Write(tree);
        AnsiConsole.MarkupLine("[grey]Each split is the dimension explaining most of the variation (η²), significant at 5% after Bonferroni; 95% CIs.[/]");
    }

    static void Add(Func<string, TreeNode> add, DrillNode node, string metric)
    {
        foreach (var child in node.Children)
        {
            var branch = add(Label(child, metric));
            Add(branch.AddNode, child, metric);
        }
    }

    static string Label(DrillNode node, string metric)
    {
        var v = node.Value;
        var split = node.SplitDimension is null ? "" : $" [grey]→ split by {Markup.Escape(node.SplitDimension)} (explains {node.ExplainedShare:P1})[/]";
        return $"[bold]{Markup.Escape(node.Label)}[/]  {Markup.Escape(metric.ToUpperInvariant())} {v.Value:0.0} [grey][[{v.Lower:0.0}, {v.Upper:0.0}]] n={v.N:N0}[/]  {node.Arr:$#,0} ARR{split}";
    }
}
