using System.Globalization;
using Fulcrum.Cli.Commands;

namespace Fulcrum.Cli.Rendering;

/// <summary>The summary of `fulcrum analyze`: one row per step with its time, peak memory and key figure, skipped steps with their reason.</summary>
public static class AnalyzeView
{
    public static void Render(AnalyzeReport report)
    {
        var table = new Table().Title($"[bold]Fulcrum analyze[/] · {Markup.Escape(report.Database)}")
            .AddColumn("Step").AddColumn(new TableColumn("Time").RightAligned())
            .AddColumn(new TableColumn("Peak memory").RightAligned()).AddColumn("Key figure");
        foreach (var s in report.Steps)
            table.AddRow(Markup.Escape(s.Step), Seconds(s.Seconds), Megabytes(s.PeakMegabytes),
                s.Skipped is null ? Markup.Escape(s.KeyFigure) : $"[grey]skipped: {Markup.Escape(s.Skipped)}[/]");
        table.AddRow("[bold]total[/]", $"[bold]{Seconds(report.TotalSeconds)}[/]", $"[bold]{Megabytes(report.PeakMegabytes)}[/]", "");
        AnsiConsole.Write(table);
        if (report.SurveyMetric is { } metric) AnsiConsole.MarkupLine(Markup.Escape($"Survey metric: {metric}."));
    }

    /// <summary>Peak resident set in MB; "n/a" where the platform cannot tell.</summary>
    static string Megabytes(double? mb) => mb is { } m ? m.ToString("#,0", CultureInfo.InvariantCulture) + " MB" : "n/a";

    static string Seconds(double s) => s.ToString(s < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " s";
}
