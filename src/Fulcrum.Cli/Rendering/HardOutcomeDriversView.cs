using Fulcrum.Analytics.Drivers;

namespace Fulcrum.Cli.Rendering;

/// <summary>`fulcrum drivers --outcome churn|repeat|revenue`: the account-level model, then each soft metric's direction in words.</summary>
public static class HardOutcomeDriversView
{
    public static void Render(HardOutcomeDriverReport report)
    {
        UserModelView.Render(report.Model);
        if (report.Directions.Count == 0) return;
        AnsiConsole.MarkupLine($"[bold]What the soft metrics say about {Markup.Escape(report.Outcome)}:[/]");
        foreach (var d in report.Directions)
        {
            // *more* / *less* in the statement is the word to notice: bold on the terminal.
            var text = Markup.Escape(d.Statement).Replace("*more*", "[bold]more[/]", StringComparison.Ordinal).Replace("*less*", "[bold]less[/]", StringComparison.Ordinal);
            AnsiConsole.MarkupLine(d.Unexpected ? $"[yellow]•[/] {text}" : $"• {text}");
        }
    }
}
