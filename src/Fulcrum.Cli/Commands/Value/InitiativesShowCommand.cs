using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Value.Initiatives;

namespace Fulcrum.Cli.Commands.Value;

[Description("Show an initiative and its measured impact on NPS, churn, expansion and cost to serve: difference-in-differences against matched untreated accounts, effect by quarter since the start, pre-trend check, placebo test and money, each with its 95% CI.")]
public sealed class InitiativesShowCommand : StoreCommand<InitiativesShowCommand.Settings>
{
    public sealed class Settings : InitiativeSettings
    {
        [CommandOption("--json")]
        [Description("Print the result as JSON.")]
        public bool Json { get; init; }
    }

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken)
    {
        var registry = new InitiativeRegistry(store);
        var initiative = registry.Find(settings.Id) ?? throw new UsageException(InitiativeRegistry.NotFound(settings.Id));
        var problems = InitiativeRegistry.Problems(initiative).ToList();
        if (problems.Count > 0) throw new InitiativeException($"Initiative '{initiative.InitiativeId}' cannot be measured: {string.Join("; ", problems)}.");
        var all = registry.List().Where(i => !InitiativeRegistry.Problems(i).Any()).ToList();
        var impact = InitiativeImpactAnalysis.Run(ValuePanel.Load(new AnalysisFacts(store)), initiative, all);
        return Print.JsonOrTables(settings.Json, impact, InitiativesView.RenderImpact);
    }
}
