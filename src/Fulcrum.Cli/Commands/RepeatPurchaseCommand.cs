using Fulcrum.Analytics.Transactions;

namespace Fulcrum.Cli.Commands;

[Description("Soft → hard for a business that sells by order: how often customers order again within a window after each score level " +
             "(observed, and adjusted for their earlier orders), the net revenue of a repeat, and what moving some low scores up is worth per year, with customer-bootstrap intervals.")]
public sealed class RepeatPurchaseCommand : StoreCommand<RepeatPurchaseCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--soft <METRIC>")]
        [Description("csat or nps (default: the one with more answers).")]
        public string? Soft { get; init; }

        [CommandOption("--window-days <DAYS>")]
        [Description("An answer counts as followed by a repeat purchase when the customer orders within this many days.")]
        [DefaultValue(180)]
        public int WindowDays { get; init; } = 180;

        [CommandOption("--share <SHARE>")]
        [Description("Share of the last year's lowest-level answers the lever moves to the top level (default: assumption lever_size_csat_dissatisfied_to_satisfied).")]
        public double? Share { get; init; }

        [CommandOption("--resamples <N>")]
        [Description("Customer bootstrap resamples behind every interval.")]
        [DefaultValue(1000)]
        public int Resamples { get; init; } = 1000;

        [CommandOption("--confidence <LEVEL>")]
        [Description("Confidence level of the intervals.")]
        [DefaultValue(0.90)]
        public double Confidence { get; init; } = 0.90;

        [CommandOption("--json")]
        [Description("Print the result as JSON instead of tables.")]
        public bool Json { get; init; }

        public RepeatPurchaseOptions Options => new(Soft?.ToLowerInvariant(), WindowDays, Resamples, Confidence, LeverShare: Share);

        public override ValidationResult Validate() => OptionCheck.Run(base.Validate(), () => Options.Validate());
    }

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken) =>
        Print.JsonOrTables(settings.Json, RepeatPurchaseAnalysis.Run(store, settings.Options), RepeatPurchaseView.Render);
}
