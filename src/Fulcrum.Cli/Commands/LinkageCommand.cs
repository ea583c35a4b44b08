using System.ComponentModel;
using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Facts;
using Fulcrum.Cli.Rendering;
using Fulcrum.Data.Store;
using Spectre.Console.Cli;

namespace Fulcrum.Cli.Commands;

[Description("Soft → hard: how NPS, CSAT and CES relate to churn, expansion and cost to serve, as effects and money, with bootstrap intervals and model quality.")]
public sealed class LinkageCommand : Command<LinkageSettings>
{
    public override int Execute(CommandContext context, LinkageSettings settings, CancellationToken cancellationToken)
    {
        using var store = FulcrumStore.Open(settings.Db);
        var run = settings.WithProgress(progress => BusinessCaseAnalysis.Run(new AnalysisFacts(store), settings.Options, progress));
        if (settings.Json) Json.Write(run.Report.Linkage);
        else LinkageView.Render(run.Report.Linkage);
        return 0;
    }
}
