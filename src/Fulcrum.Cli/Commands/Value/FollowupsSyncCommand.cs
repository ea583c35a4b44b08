using Fulcrum.Analytics.Value.ClosedLoop;

namespace Fulcrum.Cli.Commands.Value;

[Description("Open a follow-up for every answer that needs one — NPS detractors (0-6) where NPS is answered, else dissatisfied CSAT answers (1-2 on 1-5; the bottom quarter of another scale), else high-effort CES answers (6-7 on 1-7), that has none: owner from the account, due after followup_sla_days (assumptions). Safe to re-run: it never opens a case twice.")]
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
        if (result.Rule is null)
            AnsiConsole.MarkupLine("Opened no follow-ups: no answer on record has a survey score (NPS, CSAT or CES), so none needs one.");
        else
            AnsiConsole.MarkupLine($"Opened [bold]{result.Opened:N0}[/] follow-ups ({result.Answers:N0} {Markup.Escape(result.Rule)}, {result.AlreadyFollowedUp:N0} already had one; due {result.SlaDays} days after the answer).");
        return 0;
    }
}
