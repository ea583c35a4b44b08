using Fulcrum.Analytics.Cohorts;
using Fulcrum.Analytics.Facts;

namespace Fulcrum.Cli.Commands;

[Description("Cohort transitions: accounts that went from one product to several — NPS, renewal churn and support contacts before vs after, paired by account, against comparable accounts, and the ARR they hold now.")]
public sealed class CohortsCommand : StoreCommand<CohortsCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--window-months <N>")]
        [Description("Months compared on each side of the day an account first held more products.")]
        [DefaultValue(12)]
        public int WindowMonths { get; init; } = 12;

        [CommandOption("--third")]
        [Description("Also analyse accounts that went from two products to three or more.")]
        public bool Third { get; init; }

        [CommandOption("--seed <SEED>")]
        [Description("Seed of the bootstrap intervals (same seed, same intervals).")]
        [DefaultValue(20_240_601)]
        public int Seed { get; init; } = 20_240_601;

        [CommandOption("--as-of <DATE>")]
        [Description("The day \"now\" refers to for ARR held now (yyyy-MM-dd). Default: the last day with a response, ticket or outcome.")]
        public string? AsOf { get; init; }

        [CommandOption("--json")]
        [Description("Print the result as JSON instead of tables.")]
        public bool Json { get; init; }

        public TransitionOptions Options => new(WindowMonths, Third, Seed, AsOf: CliDates.Date("--as-of", AsOf));

        public override ValidationResult Validate() => OptionCheck.Run(() => Options.Validate());
    }

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken) =>
        Print.JsonOrTables(settings.Json, ProductTransitionAnalysis.Run(new AnalysisFacts(store), settings.Options), CohortsView.Render);
}
