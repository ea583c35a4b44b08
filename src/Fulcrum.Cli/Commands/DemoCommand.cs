using System.ComponentModel;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Cli.Rendering;
using Fulcrum.Data.Store;
using Spectre.Console;
using Spectre.Console.Cli;

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
        var overview = AnsiConsole.Status().Start("Computing NPS by year, segment and products held…", _ => NpsOverviewAnalysis.Run(store));
        NpsOverviewReport.Render(overview);

        AnsiConsole.Write(new Rule("[bold]Planted effects[/] (ground truth the analyses must find)").LeftJustified());
        DemoReport.RenderGroundTruth(store);

        AnsiConsole.Write(new Rule("[bold]Next[/]").LeftJustified());
        AnsiConsole.MarkupLine($"""
            The database is [bold]{Markup.Escape(store.Path)}[/].
              fulcrum status                       row counts, imports, rejects
              fulcrum import responses FILE.csv    load your own survey answers (see docs/mapping.md)
              fulcrum generate --accounts 100000   a bigger company
              fulcrum --help                       every command
            """);
        return 0;
    }
}
