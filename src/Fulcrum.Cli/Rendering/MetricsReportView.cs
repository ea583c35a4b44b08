using Fulcrum.Analytics.Metrics;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Cli.Rendering;

public static class MetricsReportView
{
    public static void Render(MetricsReport report)
    {
        if (report.Cells.Count == 0)
        {
            AnsiConsole.MarkupLine("[yellow]No data for these metrics.[/] Import responses or tickets first (`fulcrum status` shows what is loaded).");
            return;
        }
        foreach (var metric in report.Cells.GroupBy(c => c.Metric))
        {
            var definition = MetricDefinition.Resolve(metric.Key);
            var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(definition.Description)}[/] ({Markup.Escape(definition.Unit)})")
                .AddColumn("period");
            foreach (var d in report.Dimensions) table.AddColumn(Markup.Escape(d));
            table.AddColumns("value", "95% CI", "n", "vs previous", "vs rest");
            foreach (var cell in metric)
            {
                var row = new List<string> { cell.PeriodLabel };
                row.AddRange(cell.Group.Select(Markup.Escape));
                row.Add(Format(cell.Estimate.Value, definition.Unit));
                row.Add($"{Format(cell.Estimate.Lower, definition.Unit)} – {Format(cell.Estimate.Upper, definition.Unit)}");
                row.Add(cell.Estimate.N.ToString("N0"));
                row.Add(Change(cell.VsPrevious, cell.QVsPrevious, definition.Unit));
                row.Add(Change(cell.VsRest, cell.QVsRest, definition.Unit));
                table.AddRow(row.ToArray());
            }
            AnsiConsole.Write(table);
        }
        foreach (var note in report.Notes) AnsiConsole.MarkupLine($"[grey]{Markup.Escape(note)}[/]");
    }

    static string Change(Comparison? comparison, double? q, string unit)
    {
        if (comparison is null || !comparison.Difference.IsDefined) return "";
        var d = comparison.Difference.Value;
        var text = $"{(d >= 0 ? "+" : "")}{Format(d, unit)}";
        if (q is not < 0.05) return $"[grey]{text}[/]";
        return $"[{(d < 0 ? "red" : "green")}]{text} (q{(q < 0.001 ? "<0.001" : $"={q:0.###}")})[/]";
    }

    static string Format(double value, string unit) => double.IsNaN(value) ? "—" : unit switch
    {
        "share" => value.ToString("P1"),
        "USD" => value.ToString("#,0"),
        _ => value.ToString("0.0#"),
    };
}
