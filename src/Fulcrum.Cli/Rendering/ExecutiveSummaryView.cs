using Fulcrum.Reports.Executive.Model;

namespace Fulcrum.Cli.Rendering;

/// <summary>The report's page 1 on the terminal (a screenful): each topic and its sentences; then the files written.</summary>
public static class ExecutiveSummaryView
{
    public static void Render(ExecutiveReport report)
    {
        AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(report.Title)}[/] (vs {Markup.Escape(report.ComparedWith.Label)})").LeftJustified());
        if (report.PeriodNote is { } note) AnsiConsole.MarkupLine($"[yellow]Note:[/] {Markup.Escape(note)}");
        foreach (var point in report.Summary)
        {
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(point.Topic)}[/]");
            foreach (var sentence in point.Sentences) AnsiConsole.MarkupLine($"  • {Markup.Escape(sentence)}");
        }
        foreach (var missing in report.Missing.Where(m => report.Summary.All(p => !p.Sentences.Contains(m.Reason))))
            AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(missing.Section)}[/]: {Markup.Escape(missing.Reason)}");
    }

    public static void RenderFiles(IReadOnlyList<(ReportFormat Format, string Path)> files)
    {
        foreach (var (format, path) in files)
            AnsiConsole.MarkupLine($"Wrote the {format.ToString().ToUpperInvariant()} report: [bold]{Markup.Escape(path)}[/]");
    }
}
