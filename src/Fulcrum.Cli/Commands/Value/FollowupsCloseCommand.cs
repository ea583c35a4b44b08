using Fulcrum.Analytics.Value.ClosedLoop;

namespace Fulcrum.Cli.Commands.Value;

[Description("Close an assigned follow-up with its resolution (assigned → closed). Recorded in its history.")]
public sealed class FollowupsCloseCommand : StoreCommand<FollowupsCloseCommand.Settings>
{
    public sealed class Settings : FollowupSettings
    {
        [CommandOption("--resolution <TEXT>")]
        [Description("What was done.")]
        public string? Resolution { get; init; }

        [CommandOption("--at <TIME>")]
        [Description("When (yyyy-MM-dd or yyyy-MM-ddTHH:mm, UTC). Default: now.")]
        public string? At { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Resolution) ? ValidationResult.Error("--resolution is required: what was done.") : OptionCheck.Run(() => CliDates.Timestamp("--at", At));
    }

    protected override int Run(FulcrumStore store, Settings s, CancellationToken cancellationToken)
    {
        var followups = new Followups(store);
        if (followups.Find(s.ResponseId) is null) throw new UsageException(followups.NotFound(s.ResponseId));
        var f = followups.Close(s.ResponseId, s.Resolution!, CliDates.Timestamp("--at", s.At));
        var late = f.Due is { } due && f.ClosedAt is { } closed && DateOnly.FromDateTime(closed) > due;
        AnsiConsole.MarkupLine($"Follow-up [bold]{Markup.Escape(f.ResponseId)}[/] closed {(late ? "[yellow]after[/]" : "within")} its SLA (due {f.Due:yyyy-MM-dd}).");
        return 0;
    }
}
