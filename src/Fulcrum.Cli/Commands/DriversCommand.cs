using Fulcrum.Analytics.Drivers;
using Fulcrum.Analytics.Facts;

namespace Fulcrum.Cli.Commands;

[Description("Key drivers: how much of NPS (the 0–10 answer) or CSAT each structured driver accounts for — survey sub-scores, CES, support tickets, contacts, handle time, reopen rate, account state — by Johnson's relative weights or a Shapley decomposition of R², with account-bootstrap intervals; each driver's performance and its importance-vs-performance quadrant (fix first, keep, secondary, over-invested).")]
public sealed class DriversCommand : StoreCommand<DriversCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--outcome <OUTCOME>")]
        [Description("What to explain: nps (the 0–10 likelihood-to-recommend answer) or csat.")]
        [DefaultValue("nps")]
        public string Outcome { get; init; } = "nps";

        [CommandOption("--predictors <NAMES>")]
        [Description("Comma-separated drivers: ces, csat, nps, tickets, contacts, handle_minutes, reopen_rate, first_contact_resolution, products, managers, tenure_months, arr, log_arr, rattr:NAME (numeric response attribute, e.g. a survey sub-score), attr:NAME (numeric account attribute; yes/no count as 1/0). Default: every numeric response attribute plus ces, tickets, contacts, handle_minutes, reopen_rate, products and tenure_months, those the data has.")]
        public string? Predictors { get; init; }

        [CommandOption("--method <METHOD>")]
        [Description("relative-weights (Johnson 2000; any number of drivers) or shapley (exact Shapley/LMG decomposition of R²; at most 12 drivers).")]
        [DefaultValue("relative-weights")]
        public string Method { get; init; } = "relative-weights";

        [CommandOption("--level <LEVEL>")]
        [Description("One row per response (answer), or per account-period (an account's mean answers in a quarter).")]
        [DefaultValue("response")]
        public string Level { get; init; } = "response";

        [CommandOption("--within-account")]
        [Description("Use only the variation within accounts (deviations from each account's own means, i.e. account fixed effects): what goes with an account's score changing over time, with stable differences between accounts set aside.")]
        public bool WithinAccount { get; init; }

        [CommandOption("--from <DATE>")]
        [Description("First day of answers to include (yyyy-MM-dd).")]
        public string? From { get; init; }

        [CommandOption("--to <DATE>")]
        [Description("Last day of answers to include (yyyy-MM-dd).")]
        public string? To { get; init; }

        [CommandOption("--replicates <N>")]
        [Description("Bootstrap resamples of accounts (100 to 100,000).")]
        [DefaultValue(2000)]
        public int Replicates { get; init; } = 2000;

        [CommandOption("--seed <SEED>")]
        [Description("Seed of the bootstrap intervals (same seed, same intervals).")]
        [DefaultValue(20_240_601)]
        public int Seed { get; init; } = 20_240_601;

        [CommandOption("--json")]
        [Description("Print the result as JSON instead of tables.")]
        public bool Json { get; init; }

        public DriverOptions Options => new(
            Outcome.Trim().ToLowerInvariant(),
            CliLists.Split(Predictors),
            Method.Trim().ToLowerInvariant() switch
            {
                "relative-weights" or "relative_weights" or "johnson" or "rw" => DriverMethod.RelativeWeights,
                "shapley" or "lmg" or "dominance" => DriverMethod.Shapley,
                _ => throw new ArgumentException($"Unknown method '{Method}'. Use relative-weights or shapley."),
            },
            Level.Trim().ToLowerInvariant() switch
            {
                "response" or "responses" => DriverLevel.Response,
                "account-period" or "account_period" or "account" => DriverLevel.AccountPeriod,
                _ => throw new ArgumentException($"Unknown level '{Level}'. Use response or account-period."),
            },
            WithinAccount, CliDates.Date("--from", From), CliDates.Date("--to", To), Seed, Replicates);

        public override ValidationResult Validate()
        {
            // Key drivers explain a survey score; a yes/no or count outcome of the account needs a model of its own.
            if (Outcome.Trim().ToLowerInvariant() is "churn" or "expansion" or "tickets")
                return ValidationResult.Error($"drivers explains a survey score (nps or csat). For {Outcome.Trim()} state your own model: "
                    + $"fulcrum model \"{Outcome.Trim().ToLowerInvariant()} ~ ces + attr:NAME + C(segment)\", or fulcrum linkage --outcome {Outcome.Trim().ToLowerInvariant()} --controls attr:NAME,…");
            return OptionCheck.Run(() => Options.Validate());
        }
    }

    // A DriverAnalysisException is a data problem, not a bug: FulcrumApp prints its message alone and exits 1.
    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken) =>
        Print.JsonOrTables(settings.Json, KeyDriverAnalysis.Run(new AnalysisFacts(store), settings.Options), DriversView.Render);
}
