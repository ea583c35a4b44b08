namespace Fulcrum.Cli.Commands;

[Description("Run every analysis in one pass over shared fact tables (metrics, growth-check, cohorts, drivers, themes and their impact, " +
             "linkage and business case, repeat purchase, value) with one progress display, then a summary: each step's time and key figure with its interval.")]
public sealed class AnalyzeCommand : StoreCommand<AnalyzeCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--fast")]
        [Description("Find themes with the fast lexical vectors instead of the MiniLM sentence model.")]
        public bool Fast { get; init; }

        [CommandOption("--json")]
        [Description("Print the summary as JSON instead of a table (no progress display).")]
        public bool Json { get; init; }
    }

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken)
    {
        var report = RunWithProgress(store, settings.Fast, quiet: settings.Json || !AnsiConsole.Profile.Capabilities.Interactive, cancellationToken);
        return Print.JsonOrTables(settings.Json, report, AnalyzeView.Render);
    }

    /// <summary>The pass with one progress bar per step (none when <paramref name="quiet"/>).</summary>
    internal static AnalyzeReport RunWithProgress(FulcrumStore store, bool fast, bool quiet, CancellationToken cancellationToken)
    {
        if (quiet) return AnalyzePipeline.Run(store, fast, null, cancellationToken);
        return ProgressBars.Create().AutoClear(false).Start(ctx =>
        {
            var tasks = AnalyzePipeline.StepNames.ToDictionary(n => n, n => ctx.AddTask(Markup.Escape(n), autoStart: false, maxValue: 1));
            ProgressTask? current = null;
            void Finish(ProgressTask task) { task.Value = task.MaxValue; task.StopTask(); }
            var result = AnalyzePipeline.Run(store, fast, new SynchronousProgress<StepProgress>(p =>
            {
                var task = tasks[p.Step];
                if (!ReferenceEquals(task, current))
                {
                    if (current is not null) Finish(current);
                    (current = task).StartTask();
                }
                task.Description = Markup.Escape(p.Stage.Length > 0 ? $"{p.Step}: {p.Stage}" : p.Step);
                if (p.Total > 0) { task.MaxValue = p.Total; task.Value = p.Done; }
            }), cancellationToken);
            if (current is not null) Finish(current);
            return result;
        });
    }
}
