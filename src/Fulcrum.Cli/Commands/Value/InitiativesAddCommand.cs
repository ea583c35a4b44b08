using Fulcrum.Analytics.Value.Initiatives;

namespace Fulcrum.Cli.Commands.Value;

[Description("Register a CX initiative: what it is, whom it targets (a segment filter), when it runs and what it costs.")]
public sealed class InitiativesAddCommand : StoreCommand<InitiativesAddCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("A short unique id, e.g. INIT-CALLBACK.")]
        public string Id { get; init; } = "";

        [CommandOption("--name <NAME>")]
        [Description("What the initiative is called.")]
        public string? Name { get; init; }

        [CommandOption("--kind <KIND>")]
        [Description("quick_win or long_term.")]
        public string? Kind { get; init; }

        [CommandOption("--start <DATE>")]
        [Description("First day it was live (yyyy-MM-dd).")]
        public string? Start { get; init; }

        [CommandOption("--end <DATE>")]
        [Description("Last day, if it has ended (yyyy-MM-dd).")]
        public string? End { get; init; }

        [CommandOption("--cost <AMOUNT>")]
        [Description("Total cost in the reporting currency.")]
        public double? Cost { get; init; }

        [CommandOption("--target <FILTER>")]
        [Description("Accounts it targets: conditions on segment, region, industry, owner or account_id joined by AND, e.g. \"region = 'EMEA'\" or \"segment IN ('SMB','Mid-Market')\". Empty: every account.")]
        public string? Target { get; init; }

        [CommandOption("--lever <TEXT>")]
        [Description("The lever or theme it pulls (e.g. detractor follow-up, onboarding).")]
        public string? Lever { get; init; }

        [CommandOption("--owner <NAME>")]
        [Description("Who owns it.")]
        public string? Owner { get; init; }

        [CommandOption("--status <STATUS>")]
        [Description("planned, active or closed.")]
        [DefaultValue("active")]
        public string Status { get; init; } = "active";

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Name)) return ValidationResult.Error("--name is required.");
            if (string.IsNullOrWhiteSpace(Kind)) return ValidationResult.Error("--kind is required: quick_win or long_term.");
            if (string.IsNullOrWhiteSpace(Start)) return ValidationResult.Error("--start is required (yyyy-MM-dd).");
            if (!Initiative.Kinds.Contains(Kind.ToLowerInvariant())) return ValidationResult.Error($"--kind: '{Kind}' is not one of {string.Join(", ", Initiative.Kinds)}.");
            if (!Initiative.Statuses.Contains(Status.ToLowerInvariant())) return ValidationResult.Error($"--status: '{Status}' is not one of {string.Join(", ", Initiative.Statuses)}.");
            return OptionCheck.Run(() => { CliDates.Date("--start", Start); CliDates.Date("--end", End); TargetFilter.Parse(Target); });
        }
    }

    protected override int Run(FulcrumStore store, Settings s, CancellationToken cancellationToken)
    {
        var added = new InitiativeRegistry(store).Add(new Initiative(s.Id, s.Name!, s.Kind!.ToLowerInvariant(), CliDates.Date("--start", s.Start)!.Value,
            CliDates.Date("--end", s.End), s.Cost, s.Target, s.Lever, s.Owner, s.Status.ToLowerInvariant()));
        AnsiConsole.MarkupLine($"Added initiative [bold]{Markup.Escape(added.InitiativeId)}[/].");
        InitiativesView.RenderList([added]);
        return 0;
    }
}
