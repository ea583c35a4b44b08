using Fulcrum.Analytics.Value.ClosedLoop;

namespace Fulcrum.Cli.Commands.Value;

[Description("Open a follow-up for every detractor answer (0-6) that has none: owner from the account, due after followup_sla_days (assumptions). Safe to re-run: it never opens a case twice.")]
public sealed class FollowupsSyncCommand : StoreCommand<FollowupsSyncCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--since <DATE>")]
        [Description("Only answers on or after this day (yyyy-MM-dd). Default: all.")]
        public string? Since { get; init; }

        public override ValidationResult Validate() => OptionCheck.Run(() => CliDates.Date("--since", Since));
    }

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken)
    {
        var result = new Followups(store).Sync(CliDates.Date("--since", settings.Since));
        AnsiConsole.MarkupLine($"Opened [bold]{result.Opened:N0}[/] follow-ups ({result.DetractorAnswers:N0} detractor answers, {result.AlreadyFollowedUp:N0} already had one; due {result.SlaDays} days after the answer).");
        return 0;
    }
}
