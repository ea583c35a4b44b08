using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Value;

namespace Fulcrum.Cli.Commands.Value;

[Description("Value delivered: per quarter, money saved (cost to serve), retained (churn avoided) and made (expansion, referenced deals) by initiative, quick wins vs long-term, and in total, cumulative, each with its 95% CI; plus each initiative's measured effect, the reference program and the closed loop.")]
public sealed class ValueCommand : StoreCommand<ValueCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--json")]
        [Description("Print the whole report as JSON.")]
        public bool Json { get; init; }
    }

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken) =>
        Print.JsonOrTables(settings.Json, ValueAnalysis.Run(new AnalysisFacts(store)), ValueView.Render);
}
