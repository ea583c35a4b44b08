namespace Fulcrum.Cli.Rendering;

/// <summary>The progress display of the long-running commands (generate, import, linkage, themes): what, bar, percent, time taken.</summary>
public static class ProgressBars
{
    public static Progress Create() =>
        AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn());
}
