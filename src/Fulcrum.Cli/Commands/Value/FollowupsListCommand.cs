using Fulcrum.Analytics.Value.ClosedLoop;

namespace Fulcrum.Cli.Commands.Value;

[Description("List follow-ups (closed-loop cases on the answers that need one: NPS detractors, else dissatisfied CSAT, else high-effort CES), or one with its history, and the loop's measures: time to close, share within SLA, the same score at the next answer and churn (a shop: repeat purchase) of followed-up vs not.")]
public sealed class FollowupsListCommand : StoreCommand<FollowupsListCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "[RESPONSE_ID]")]
        [Description("Show this follow-up with its status history.")]
        public string? ResponseId { get; init; }

        [CommandOption("--status <STATUS>")]
        [Description("open, assigned or closed.")]
        public string? Status { get; init; }

        [CommandOption("--owner <NAME>")]
        [Description("Only this owner's cases.")]
        public string? Owner { get; init; }

        [CommandOption("--overdue")]
        [Description("Only cases not closed and past their due date (as of --as-of).")]
        public bool Overdue { get; init; }

        [CommandOption("--as-of <DATE>")]
        [Description("The day overdue and within-SLA refer to (yyyy-MM-dd). Default: the last day with an answer or a follow-up change.")]
        public string? AsOf { get; init; }

        [CommandOption("--limit <N>")]
        [Description("At most this many cases.")]
        [DefaultValue(50)]
        public int Limit { get; init; } = 50;

        [CommandOption("--json")]
        [Description("Print as JSON.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (Status is not null && Status is not ("open" or "assigned" or "closed")) return ValidationResult.Error($"--status: '{Status}' is not open, assigned or closed.");
            if (Limit < 1) return ValidationResult.Error("--limit must be at least 1.");
            return OptionCheck.Run(() => CliDates.Date("--as-of", AsOf));
        }
    }

    protected override int Run(FulcrumStore store, Settings s, CancellationToken cancellationToken)
    {
        var loop = new Followups(store);
        if (s.ResponseId is not null)
        {
            var one = new { followup = loop.Get(s.ResponseId), history = loop.History(s.ResponseId) };
            return Print.JsonOrTables(s.Json, one, r => FollowupsView.RenderOne(r.followup, r.history));
        }
        var measures = ClosedLoopMeasures.Run(store, CliDates.Date("--as-of", s.AsOf));
        var list = new { measures, cases = loop.List(s.Status, s.Owner, s.Overdue ? measures.AsOf : null, s.Limit) };
        return Print.JsonOrTables(s.Json, list, r =>
        {
            FollowupsView.RenderList(r.cases);
            FollowupsView.RenderMeasures(r.measures);
        });
    }
}
