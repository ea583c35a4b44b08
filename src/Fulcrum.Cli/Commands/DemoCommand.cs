using Fulcrum.Analytics.Alerts;
using Fulcrum.Analytics.Cohorts;
using Fulcrum.Analytics.Drivers;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Analytics.Segments;
using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Value.ClosedLoop;
using Fulcrum.Reports.Executive;
using Fulcrum.Reports.Executive.Model;
using Fulcrum.Reports.Executive.Pdf;

namespace Fulcrum.Cli.Commands;

[Description("Build the synthetic demo company into the database, run every analysis on it (`fulcrum analyze`) and end with the executive summary; writes the CX value report (HTML, PDF, XLSX) beside the database.")]
public sealed class DemoCommand : Command<DemoCommand.Settings>
{
    public sealed class Settings : GenerateCommand.Settings
    {
        [CommandOption("--verbose")]
        [Description("Also print every analysis's detailed tables (NPS by segment, growth-check, cohorts, alerts, drill-down, drivers, business case, value, themes, planted effects).")]
        public bool Verbose { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        AnsiConsole.Write(new Rule("[bold]Fulcrum demo[/]: a synthetic B2B SaaS company").LeftJustified());
        using var store = FulcrumStore.Open(settings.Db);
        var result = GenerateCommand.Generate(store, settings.Options, cancellationToken);
        if (settings.Verbose) DemoReport.RenderGeneration(store, result);
        else DemoReport.RenderGenerationLine(store, result);
        var facts = new AnalysisFacts(store);
        new Followups(store).Sync(null);

        // Every analysis once (themes with the local MiniLM model); the report and the details below reuse the results.
        var analysis = AnalyzeCommand.RunWithProgress(store, fast: false, quiet: !AnsiConsole.Profile.Capabilities.Interactive, cancellationToken);
        AnalyzeView.Render(analysis);
        var results = analysis.Results;
        if (settings.Verbose) RenderDetails(facts, results);
        var report = ReportCommand.Build(store, new ReportRequest(), quiet: false, new ComputedAnalyses(results.BusinessCase, results.ThemeImpact, results.Value));
        if (settings.Verbose) RenderReportDetails(report, results.Themes, store);

        ExecutiveSummaryView.Render(report);
        WriteReport(report, store.Location.Folder, cancellationToken);
        AnsiConsole.MarkupLine($"""
            The database is [bold]{Markup.Escape(store.Path)}[/]. Details: `fulcrum demo --verbose`, or one command per analysis
            (metrics, growth-check, business-case, themes, value, drivers, …; `fulcrum --help` lists them). `fulcrum serve` opens the dashboard.
            """);
        return 0;
    }

    /// <summary>The analyses the report does not include, as tables (--verbose); those `analyze` ran are shown, not run again.</summary>
    static void RenderDetails(AnalysisFacts facts, AnalyzeResults results)
    {
        AnsiConsole.Write(new Rule("[bold]NPS over time[/] (95% CI)").LeftJustified());
        NpsOverviewReport.Render(AnsiConsole.Status().Start("NPS by year and segment…", _ => NpsOverviewAnalysis.Run(facts)));
        AnsiConsole.Write(new Rule("[bold]Trouble hidden under growth[/] (first vs last year: mix vs rate, segment scan with FDR control)").LeftJustified());
        GrowthCheckView.Render(results.GrowthCheck ?? GrowthCheck.Run(facts, new GrowthCheckOptions()));
        AnsiConsole.Write(new Rule("[bold]Accounts that added products[/] (cohorts: paired before vs after)").LeftJustified());
        CohortsView.Render(results.Cohorts ?? ProductTransitionAnalysis.Run(facts, new TransitionOptions()));
        AnsiConsole.Write(new Rule("[bold]Alerts[/] (control charts on NPS by segment)").LeftJustified());
        AlertsView.Render(AlertScan.Run(facts, new AlertOptions()), null);
        AnsiConsole.Write(new Rule("[bold]What drives NPS[/] (drill-down, 2 levels)").LeftJustified());
        DrillDownView.Render(DrillDown.Run(facts, new DrillOptions(Depth: 2)), "nps");
        DriversView.Render(results.Drivers ?? KeyDriverAnalysis.Run(facts, new DriverOptions()));
    }

    /// <summary>The report's own analyses as the individual commands print them (--verbose); nothing is computed again.</summary>
    static void RenderReportDetails(ExecutiveReport report, ThemeRunResult? themes, FulcrumStore store)
    {
        if (report.BusinessCase is { } businessCase) BusinessCaseView.Render(businessCase);
        if (report.Value is { } value)
        {
            AnsiConsole.Write(new Rule("[bold]Value delivered[/] (initiatives, reference program, closed loop)").LeftJustified());
            ValueView.Render(value);
        }
        if (report.Themes is { } impact && themes is not null)
        {
            AnsiConsole.Write(new Rule("[bold]What customers write about[/] (themes, ranked by ARR at risk beyond the scores)").LeftJustified());
            ThemesView.RenderTop(themes, impact, top: 8);
        }
        AnsiConsole.Write(new Rule("[bold]Planted effects[/] (ground truth the analyses must find)").LeftJustified());
        DemoReport.RenderGroundTruth(store);
    }

    /// <summary>Writes the report beside the database; without Chromium the HTML and XLSX are still written and the PDF's absence explained.</summary>
    static void WriteReport(ExecutiveReport report, string directory, CancellationToken cancellation)
    {
        try
        {
            ExecutiveSummaryView.RenderFiles(ReportCommand.Write(report, ReportFormats.All, directory, quiet: false, cancellation));
        }
        catch (ReportRenderException e)
        {
            ExecutiveSummaryView.RenderFiles(ReportFiles.Existing(report, directory));
            AnsiConsole.MarkupLine($"[yellow]No PDF:[/] {Markup.Escape(e.Message)}");
        }
    }
}
