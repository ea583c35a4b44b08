using Fulcrum.Analytics.Alerts;
using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Cohorts;
using Fulcrum.Analytics.Drivers;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Analytics.Segments;
using Fulcrum.Analytics.Themes;

namespace Fulcrum.Cli.Commands;

[Description("Build the synthetic demo company into the database and run every analysis on it, end to end.")]
public sealed class DemoCommand : Command<GenerateCommand.Settings>
{
    public override int Execute(CommandContext context, GenerateCommand.Settings settings, CancellationToken cancellationToken)
    {
        AnsiConsole.Write(new Rule("[bold]Fulcrum demo[/]: a synthetic B2B SaaS company").LeftJustified());
        using var store = FulcrumStore.Open(settings.Db);
        var result = GenerateCommand.Generate(store, settings.Options, cancellationToken);
        DemoReport.RenderGeneration(store, result);

        AnsiConsole.Write(new Rule("[bold]NPS over time[/] (95% CI)").LeftJustified());
        var facts = new AnalysisFacts(store);
        var overview = AnsiConsole.Status().Start("Building fact tables; NPS by year and segment…", _ => NpsOverviewAnalysis.Run(facts));
        NpsOverviewReport.Render(overview);

        AnsiConsole.Write(new Rule("[bold]Trouble hidden under growth[/] (growth-check: mix vs rate, segment scan with FDR control)").LeftJustified());
        var growth = AnsiConsole.Status().Start("Scanning every segment and pair of segments…", _ => GrowthCheck.Run(facts, new GrowthCheckOptions()));
        GrowthCheckView.Render(growth);

        AnsiConsole.Write(new Rule("[bold]Accounts that added products[/] (cohorts: paired before vs after)").LeftJustified());
        CohortsView.Render(AnsiConsole.Status().Start("Pairing accounts before and after they added products…",
            _ => ProductTransitionAnalysis.Run(facts, new TransitionOptions())));

        AnsiConsole.Write(new Rule("[bold]Alerts[/] (control charts on NPS by segment)").LeftJustified());
        AlertsView.Render(AlertScan.Run(facts, new AlertOptions()), null);

        AnsiConsole.Write(new Rule("[bold]What drives NPS[/] (drill-down, 2 levels)").LeftJustified());
        DrillDownView.Render(DrillDown.Run(facts, new DrillOptions(Depth: 2)), "nps");

        DriversView.Render(AnsiConsole.Status().Start("Decomposing the explained variance of NPS…", _ => KeyDriverAnalysis.Run(facts, new DriverOptions())));

        AnsiConsole.Write(new Rule("[bold]What it is worth[/] (business case: churn, expansion and cost-to-serve models, 1,000 account resamples)").LeftJustified());
        var businessCase = AnsiConsole.Status().Start("Fitting the linkage models and bootstrapping accounts…",
            _ => BusinessCaseAnalysis.Run(facts, new LinkageOptions()));
        BusinessCaseView.Render(businessCase.Report);
        var (markdown, html) = BusinessCaseCommand.Write(businessCase.Report, Path.Combine(store.Location.Folder, "business-case"), store.Location.ShortName);
        AnsiConsole.MarkupLine($"One-page business case: [bold]{Markup.Escape(html)}[/] (and {Markup.Escape(Path.GetFileName(markdown))}).");
        AnsiConsole.Write(new Rule("[bold]Value delivered[/] (initiatives, reference program, closed loop)").LeftJustified());
        ValueView.Render(AnsiConsole.Status().Start("Measuring each initiative against matched accounts…", _ => Fulcrum.Analytics.Value.ValueAnalysis.Run(facts)));

        // After the business case, so its lever list stays short; `fulcrum business-case` afterwards values a "fix theme" lever per theme.
        AnsiConsole.Write(new Rule("[bold]What customers write about[/] (themes: local MiniLM embeddings, ranked by ARR at risk beyond the scores)").LeftJustified());
        var themes = AnsiConsole.Status().Start("Embedding every comment sentence and discovering themes…", _ => ThemeAnalysis.Run(store, new ThemeOptions(), null, cancellationToken));
        var impact = AnsiConsole.Status().Start("Measuring each theme's effect on NPS, churn and ARR…", _ => ThemeImpactAnalysis.Run(store, new ThemeImpactOptions()));
        ThemesView.RenderTop(themes, impact, top: 8);

        AnsiConsole.Write(new Rule("[bold]Planted effects[/] (ground truth the analyses must find)").LeftJustified());
        DemoReport.RenderGroundTruth(store);

        AnsiConsole.Write(new Rule("[bold]Next[/]").LeftJustified());
        AnsiConsole.MarkupLine($"""
            The database is [bold]{Markup.Escape(store.Path)}[/].
              fulcrum metrics --by segment          NPS, CSAT, CES and service metrics with CIs
              fulcrum growth-check                 mix vs rate and declining segments
              fulcrum drilldown                    what explains NPS, 3 levels deep
              fulcrum cohorts                      accounts that added products, before vs after
              fulcrum alerts --webhook URL         control-chart alerts, posted as JSON
              fulcrum linkage                      how NPS and CES move churn, expansion and cost to serve
              fulcrum business-case                levers ranked by NPV, ROI and payback, one-page document
              fulcrum assumptions list             the finance inputs behind every money figure
              fulcrum value                        value delivered: initiatives, references, closed loop, in money
              fulcrum themes                       every theme in the comments; define, rename, merge or split them
              fulcrum drivers                      key drivers of NPS or CSAT, importance vs performance
              fulcrum initiatives show ID          one initiative's effect by quarter, pre-trend and placebo
              fulcrum status                       row counts, imports, rejects
              fulcrum import responses FILE.csv    load your own survey answers (see docs/mapping.md)
              fulcrum generate --accounts 100000   a bigger company
              fulcrum --help                       every command
            """);
        return 0;
    }
}
