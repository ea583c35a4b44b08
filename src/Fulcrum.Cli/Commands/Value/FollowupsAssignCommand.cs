using Fulcrum.Analytics.Value.ClosedLoop;

namespace Fulcrum.Cli.Commands.Value;

[Description("Assign a follow-up to someone (open → assigned, or reassign an assigned case). Recorded in its history.")]
public sealed class FollowupsAssignCommand : StoreCommand<FollowupsAssignCommand.Settings>
{
    public sealed class Settings : FollowupSettings
    {
        [CommandOption("--to <OWNER>")]
        [Description("Who takes it.")]
        public string? To { get; init; }

        [CommandOption("--at <TIME>")]
        [Description("When (yyyy-MM-dd or yyyy-MM-ddTHH:mm, UTC). Default: now.")]
        public string? At { get; init; }

        [CommandOption("--note <TEXT>")]
        [Description("A note for the history.")]
        public string? Note { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(To) ? ValidationResult.Error("--to is required: who takes the follow-up.") : OptionCheck.Run(() => CliDates.Timestamp("--at", At));
    }

    protected override int Run(FulcrumStore store, Settings s, CancellationToken cancellationToken)
    {
        var followups = new Followups(store);
        if (followups.Find(s.ResponseId) is null) throw new UsageException(followups.NotFound(s.ResponseId));
        var f = followups.Assign(s.ResponseId, s.To!, CliDates.Timestamp("--at", s.At), s.Note);
        AnsiConsole.MarkupLine($"Follow-up [bold]{Markup.Escape(f.ResponseId)}[/] is {f.Status}, owner {Markup.Escape(f.Owner ?? "")}, due {f.Due:yyyy-MM-dd}.");
        return 0;
    }
}
