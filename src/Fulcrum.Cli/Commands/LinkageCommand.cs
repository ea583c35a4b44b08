using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Facts;

namespace Fulcrum.Cli.Commands;

[Description("Soft → hard: how NPS, CSAT and CES relate to churn, expansion and cost to serve, as effects and money, with bootstrap intervals and model quality.")]
public sealed class LinkageCommand : StoreCommand<LinkageSettings>
{
    protected override int Run(FulcrumStore store, LinkageSettings settings, CancellationToken cancellationToken)
    {
        var run = settings.WithProgress(progress => BusinessCaseAnalysis.Run(new AnalysisFacts(store), settings.Options, progress));
        return Print.JsonOrTables(settings.Json, run.Report.Linkage, LinkageView.Render);
    }
}
