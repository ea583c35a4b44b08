using Fulcrum.Analytics.Value.Initiatives;

namespace Fulcrum.Cli.Commands.Value;

[Description("Close an initiative: set its status to closed and its end date.")]
public sealed class InitiativesCloseCommand : StoreCommand<InitiativesCloseCommand.Settings>
{
    public sealed class Settings : InitiativeSettings
    {
        [CommandOption("--end <DATE>")]
        [Description("Its last day (yyyy-MM-dd). Default: today (UTC).")]
        public string? End { get; init; }

        public override ValidationResult Validate() => OptionCheck.Run(() => CliDates.Date("--end", End));
    }

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken)
    {
        var registry = new InitiativeRegistry(store);
        if (registry.Find(settings.Id) is null) throw new UsageException(InitiativeRegistry.NotFound(settings.Id));
        var closed = registry.Close(settings.Id, CliDates.Date("--end", settings.End) ?? DateOnly.FromDateTime(DateTime.UtcNow));
        AnsiConsole.MarkupLine($"Closed [bold]{Markup.Escape(closed.InitiativeId)}[/].");
        InitiativesView.RenderList([closed]);
        return 0;
    }
}
