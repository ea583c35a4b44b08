using Fulcrum.Analytics.Facts;
using Fulcrum.Reports.Executive;
using Fulcrum.Reports.Executive.Model;

namespace Fulcrum.Cli.Commands;

[Description("The CX value report for a quarter: an executive summary in plain sentences with intervals, then trends, growth-check, levers, themes, initiatives, references, follow-ups, assumptions and data coverage; written as self-contained HTML, PDF and XLSX.")]
public sealed class ReportCommand : StoreCommand<ReportCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--period <QUARTER>")]
        [Description("The quarter to report, e.g. 2025Q4; refused when no survey answer falls in or before it. Default: the latest quarter with survey answers up to today (answers dated later are passed over, with a note).")]
        public string? Period { get; init; }

        [CommandOption("--compare <WITH>")]
        [Description("Compare with the previous quarter (previous) or the same quarter a year earlier (year).")]
        [DefaultValue("year")]
        public string Compare { get; init; } = "year";

        [CommandOption("--format <FORMATS>")]
        [Description("Comma-separated: html, pdf, xlsx. PDF needs Chromium (/usr/bin/chromium).")]
        [DefaultValue("html,pdf,xlsx")]
        public string Format { get; init; } = "html,pdf,xlsx";

        [CommandOption("--out <DIR>")]
        [Description("Folder to write cx-value-report-QUARTER.html/.pdf/.xlsx into (created if missing).")]
        [DefaultValue("reports")]
        public string Out { get; init; } = "reports";

        [CommandOption("--json")]
        [Description("Print the report's figures as JSON (the same numbers the files hold) instead of the summary.")]
        public bool Json { get; init; }

        public ReportRequest Request => new(Period is null ? null : ReportPeriod.Parse(Period), ReportPeriod.ParseComparison(Compare));
        public IReadOnlyList<ReportFormat> Formats => ReportFormats.Parse(Format);

        public override ValidationResult Validate() => OptionCheck.Run(() =>
        {
            _ = Request;
            _ = Formats;
        });
    }

    protected override bool RequiresExistingDatabase => true;

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken)
    {
        var quiet = settings.Json || !AnsiConsole.Profile.Capabilities.Interactive;
        ExecutiveReport report;
        try
        {
            report = Build(store, settings.Request, quiet);
        }
        catch (ArgumentException e) when (e.ParamName == "period")
        {
            // A quarter with no answers in or before it is a bad --period, refused as the other bad option values (exit 64).
            AnsiConsole.MarkupLine($"[red]Error:[/] {Markup.Escape(e.Message.Split(" (Parameter", 2)[0])}");
            return FulcrumApp.UsageError;
        }
        var files = Write(report, settings.Formats, settings.Out, quiet, cancellationToken);
        return Print.JsonOrTables(settings.Json, report, r =>
        {
            ExecutiveSummaryView.Render(r);
            ExecutiveSummaryView.RenderFiles(files);
        });
    }

    /// <param name="quiet">No spinner (with --json, or when the output is not a terminal, where it would print its lines into the output).</param>
    /// <param name="computed">Analyses already run (by `fulcrum analyze`), not run again.</param>
    internal static ExecutiveReport Build(FulcrumStore store, ReportRequest request, bool quiet, ComputedAnalyses? computed = null)
    {
        ExecutiveReport Run(IProgress<string>? progress) => ExecutiveReportBuilder.Build(new AnalysisFacts(store), request, store.Location.ShortName, progress, computed);
        return quiet ? Run(null)
            : AnsiConsole.Status().Start("Running the analyses behind the report…", status => Run(new SynchronousProgress<string>(step => status.Status($"Report: {Markup.Escape(step)}…"))));
    }

    internal static IReadOnlyList<(ReportFormat Format, string Path)> Write(ExecutiveReport report, IReadOnlyList<ReportFormat> formats, string directory,
        bool quiet, CancellationToken cancellation)
    {
        IReadOnlyList<(ReportFormat, string)> Run() => ReportFiles.WriteAsync(report, formats, directory, cancellation: cancellation).GetAwaiter().GetResult();
        return quiet ? Run() : AnsiConsole.Status().Start("Writing the report…", _ => Run());
    }
}
