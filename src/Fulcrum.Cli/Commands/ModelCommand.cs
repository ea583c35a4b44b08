using System.Globalization;
using Fulcrum.Analytics.Linkage.UserModels;

namespace Fulcrum.Cli.Commands;

[Description("Your own model, one row per account: churn, expansion or repeat purchase (logistic) or tickets or net revenue (linear) on the account attributes, segment, region, industry and mean scores you name, with coefficients, standard errors, intervals, odds ratios, average marginal effects, a cross-validated AUC and exact rates where a level separates the outcome.")]
public sealed class ModelCommand : StoreCommand<ModelCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<FORMULA>")]
        [Description("OUTCOME ~ TERM + TERM …: outcome churn, expansion, tickets, repeat (a customer with orders ordered again) or revenue (its net revenue from orders); terms attr:NAME (an account attribute; yes/no count as 1/0), segment, region, industry, nps, csat, ces (the account's mean answer); C(TERM) treats a term as categories. Quote the whole formula.")]
        public string Formula { get; init; } = "";

        [CommandOption("--confidence <LEVEL>")]
        [Description("Confidence level of the intervals.")]
        [DefaultValue(0.95)]
        public double Confidence { get; init; } = 0.95;

        [CommandOption("--json")]
        [Description("Print the result as JSON instead of tables.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (!(Confidence is > 0.5 and < 1)) return ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--confidence must be between 0.5 and 1, e.g. 0.95 (got {Confidence})."));
            return OptionCheck.Run(() => ModelFormula.Parse(Formula));
        }
    }

    // A UserModelException is a data problem (a missing attribute, no outcome data): FulcrumApp prints its message alone and exits 1.
    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken) =>
        Print.JsonOrTables(settings.Json, UserModelAnalysis.Run(store, ModelFormula.Parse(settings.Formula), settings.Confidence), UserModelView.Render);
}
