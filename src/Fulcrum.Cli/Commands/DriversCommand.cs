using Fulcrum.Analytics.Drivers;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage.UserModels;
using Fulcrum.Analytics.Metrics;

namespace Fulcrum.Cli.Commands;

[Description("Key drivers: how much of NPS (the 0–10 answer) or CSAT each structured driver accounts for — survey sub-scores, CES, support tickets, contacts, handle time, reopen rate, account state — by Johnson's relative weights or a Shapley decomposition of R², with account-bootstrap intervals; each driver's performance and its importance-vs-performance quadrant (fix first, keep, secondary, over-invested). With --outcome churn, repeat or revenue: what drives a hard outcome, one row per account (logistic or linear), each soft metric's direction in words.")]
public sealed class DriversCommand : StoreCommand<DriversCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--outcome <OUTCOME>")]
        [Description("What to explain: nps (the 0–10 likelihood-to-recommend answer) or csat (key drivers of a survey score); or a hard outcome per account: churn (a churn on record; logistic), repeat (a customer with orders ordered again; logistic) or revenue (net revenue from its orders, less refunds; linear). Default: the survey score customers gave, NPS where they did, else CSAT (as analyze).")]
        public string? Outcome { get; init; }

        [CommandOption("--predictors <NAMES>")]
        [Description("Comma-separated drivers: ces, csat, nps, tickets, contacts, handle_minutes, reopen_rate, first_contact_resolution, products, managers, tenure_months, arr, log_arr, rattr:NAME (numeric response attribute, e.g. a survey sub-score), attr:NAME (numeric account attribute; yes/no count as 1/0). Default: every numeric response attribute plus ces, tickets, contacts, handle_minutes, reopen_rate, products and tenure_months, those the data has.")]
        public string? Predictors { get; init; }

        [CommandOption("--controls <TERMS>")]
        [Description("With --outcome churn, repeat or revenue: terms added to the soft metrics, comma-separated, as in linkage --controls: attr:NAME (an account attribute; yes/no count as 1/0), segment, region, industry; C(TERM) for categories. --predictors then replaces the soft metrics (nps, csat, ces as the account's mean answer).")]
        public string? Controls { get; init; }

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

        /// <summary>The outcome named with --outcome, normalised; null when none was named.</summary>
        public string? OutcomeName => Outcome?.Trim().ToLowerInvariant();

        /// <summary>The key-driver options for the outcome named, or for "nps" when none was (the store decides at run time).</summary>
        public DriverOptions Options => OptionsFor(OutcomeName ?? "nps");

        public DriverOptions OptionsFor(string outcome) => new(
            outcome,
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

        /// <summary>The hard outcome asked for (churn, repeat, revenue), or null for a survey score.</summary>
        public ModelOutcome? HardOutcome => Outcome is null ? null : HardOutcomeDrivers.Parse(Outcome);

        public override ValidationResult Validate()
        {
            var outcome = OutcomeName ?? "nps or csat";
            if (HardOutcome is not null) return ValidateHardOutcome();
            if (Controls is not null)
                return ValidationResult.Error($"--controls applies to the hard outcomes ({string.Join(", ", HardOutcomeDrivers.Outcomes)}); for {outcome} name the drivers with --predictors.");
            if (OutcomeName is not null && !DriverVariable.Outcomes.Contains(outcome, StringComparer.OrdinalIgnoreCase))
                return ValidationResult.Error($"Unknown outcome '{Outcome!.Trim()}'. Valid outcomes: {string.Join(", ", DriverVariable.Outcomes)} (key drivers of a survey score) "
                    + $"or {string.Join(", ", HardOutcomeDrivers.Outcomes)} (a hard outcome per account)."
                    + (outcome is "expansion" or "tickets" ? $" For {outcome} state your own model: fulcrum model \"{outcome} ~ ces + attr:NAME + C(segment)\"." : ""));
            return OptionCheck.Run(() => Options.Validate());
        }

        /// <summary>A hard outcome is one account-level model: the key-driver options (method, level, dates, bootstrap) do not apply to it.</summary>
        ValidationResult ValidateHardOutcome()
        {
            var keyDriverOnly = new (bool Set, string Option)[]
            {
                (!Method.Trim().Equals("relative-weights", StringComparison.OrdinalIgnoreCase), "--method"),
                (!Level.Trim().Equals("response", StringComparison.OrdinalIgnoreCase), "--level"),
                (WithinAccount, "--within-account"), (From is not null, "--from"), (To is not null, "--to"),
            }.Where(o => o.Set).Select(o => o.Option).ToList();
            if (keyDriverOnly.Count > 0)
                return ValidationResult.Error($"{string.Join(", ", keyDriverOnly)} applies to the key drivers of nps or csat, not to {Outcome!.Trim()} (one model per account).");
            return OptionCheck.Run(() =>
            {
                if (Predictors is not null) ModelFormula.ParseTerms(CliLists.Split(Predictors) ?? []);
                if (Controls is not null) ModelFormula.ParseTerms(CliLists.Split(Controls) ?? []);
                ModelFormula.ParseTerms((CliLists.Split(Predictors) ?? []).Concat(CliLists.Split(Controls) ?? []));
            });
        }
    }

    // A DriverAnalysisException is a data problem, not a bug: FulcrumApp prints its message alone and exits 1.
    // A UserModelException (no outcome data, an unknown attribute) is one too.
    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken) =>
        settings.HardOutcome is { } outcome
            ? Print.JsonOrTables(settings.Json, HardOutcomeDrivers.Run(store, outcome, CliLists.Split(settings.Predictors), CliLists.Split(settings.Controls)), HardOutcomeDriversView.Render)
            : Print.JsonOrTables(settings.Json, KeyDriverAnalysis.Run(new AnalysisFacts(store), settings.OptionsFor(settings.OutcomeName ?? DefaultOutcome(store))), DriversView.Render);

    /// <summary>As analyze: the survey score customers gave, NPS where they did, else CSAT (CES is a driver, not an outcome); "nps" when neither, which the analysis refuses with the reason.</summary>
    static string DefaultOutcome(FulcrumStore store) =>
        PrimarySurveyMetric.OnRecord(store).FirstOrDefault(m => DriverVariable.Outcomes.Contains(m)) ?? "nps";
}
