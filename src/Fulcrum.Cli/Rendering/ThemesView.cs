using System.Globalization;
using Fulcrum.Analytics.Themes;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Cli.Rendering;

public static class ThemesView
{
    /// <param name="top">Show only this many themes (the highest ranked), or all when null.</param>
    public static void Render(ThemeRunResult run, ThemeImpactReport? impact, int? top = null)
    {
        AnsiConsole.MarkupLine(Markup.Escape(
            $"{run.Comments:N0} comments, {run.Mentions:N0} sentences ({run.DistinctTexts:N0} distinct, {run.NewlyEmbedded:N0} embedded now) with {run.Model}; " +
            $"{run.Themes.Count} active themes ({run.Matched} kept their id, {run.Created} new, {run.Absorbed} absorbed by your themes, {run.Retired} retired) in {run.Elapsed.TotalSeconds:F1} s"
            + (run.Choice is { } c ? $"; k = {c.K} by silhouette on {c.SampleSize:N0} sentences" : "")));
        var byId = impact?.Themes.ToDictionary(t => t.ThemeId) ?? [];
        var order = (impact is null ? run.Themes.Select(t => t.ThemeId)
            : impact.Themes.Select(t => t.ThemeId).Where(id => run.Themes.Any(t => t.ThemeId == id))).Take(top ?? int.MaxValue).ToList();
        var title = (impact is null ? "Themes" : "Themes by ARR at risk beyond the scores") + (top < run.Themes.Count ? $" (top {top} of {run.Themes.Count})" : "");
        var table = new Table().Border(TableBorder.Rounded).Title(title)
            .AddColumns("id", "theme", "comments (share)", "sentiment", "NPS impact (pts)", "churn raising vs others", "excess churn (adj.)", "ARR at risk (adj.)",
                "churn vs predicted", "ARR at risk beyond scores, 12 mo", "trend");
        foreach (var id in order)
        {
            var t = run.Themes.Single(x => x.ThemeId == id);
            var i = byId.GetValueOrDefault(id);
            table.AddRow(
                id, Markup.Escape(t.Label) + (t.Origin == "discovered" ? "" : $" [grey]({t.Origin})[/]"),
                $"{t.Comments:N0} ({t.Share.Value:P1})",
                Interval(t.Sentiment, "+0.00;-0.00;0.00"),
                i is null ? "" : Interval(i.NpsImpact, "+0.0;-0.0;0.0"),
                i is null ? "" : $"{i.ChurnRaising.Value:P1} vs {i.ChurnOthers.Value:P1}",
                i is null ? "" : Interval(i.ExcessChurn, "+0.0%;-0.0%;0.0%"),
                i is null ? "" : Interval(i.ArrAtRisk, "#,0", money: true),
                i?.ChurnRatioBeyondScores is { } ratio ? Interval(ratio, "0.00×") + (i.ExcessChurnQValue is { } q ? $" [grey]q {q.ToString("0.000", CultureInfo.InvariantCulture)}[/]" : "") : "",
                i?.ArrAtRiskBeyondScores is { } beyond ? Interval(beyond, "#,0", money: true) : "",
                i is null ? "" : Trend(i));
        }
        AnsiConsole.Write(table);
        foreach (var t in run.Themes.Take(5))
            AnsiConsole.MarkupLine($"[bold]{t.ThemeId}[/] {Markup.Escape(string.Join(", ", t.Keywords))}: [grey]{Markup.Escape(string.Join(" | ", t.Representatives))}[/]");
        if (impact is not null)
        {
            foreach (var e in impact.Themes.Where(t => t.Emerging is { Emerging: true }))
                AnsiConsole.MarkupLine($"[yellow]Emerging:[/] {e.ThemeId} {Markup.Escape(e.Label)} — {e.Emerging!.Latest.Value:P1} of comments in {e.Emerging.LatestQuarter} vs {e.Emerging.Before.Value:P1} before (q = {e.Emerging.QValue:G2})");
            AnsiConsole.MarkupLine($"[grey]{Markup.Escape(impact.Method)}. \"Adj.\" columns compare accounts raising a theme with comparable accounts (same segment and product count); \"beyond scores\" columns compare their churn with what the linkage model predicts from NPS, CES and profile (q: false-discovery-adjusted evidence of excess churn). Associations, not proven causes.[/]");
            if (impact.LinkageNote is { } note) AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(note)}[/]");
        }
    }

    static string Trend(ThemeImpact impact)
    {
        const string bars = "▁▂▃▄▅▆▇█";
        var values = impact.Trend.Select(p => p.Share.Value).Where(v => !double.IsNaN(v)).ToList();
        if (values.Count == 0) return "";
        var max = values.Max();
        return string.Concat(values.Select(v => bars[max <= 0 ? 0 : (int)Math.Round(v / max * (bars.Length - 1))]));
    }

    static string Interval(Estimate e, string format, bool money = false)
    {
        if (!e.IsDefined) return "[grey]n/a[/]";
        string F(double x) => (money ? "$" : "") + x.ToString(format, CultureInfo.InvariantCulture);
        return $"{F(e.Value)} [grey]({F(e.Lower)} to {F(e.Upper)})[/]";
    }
}
