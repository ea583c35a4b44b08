using Fulcrum.Analytics.Value.Initiatives;

namespace Fulcrum.Cli.Commands.Value;

[Description("List the registered CX initiatives.")]
public sealed class InitiativesListCommand : StoreCommand<InitiativesListCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--json")]
        [Description("Print the list as JSON.")]
        public bool Json { get; init; }
    }

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken) =>
        Print.JsonOrTables(settings.Json, new InitiativeRegistry(store).List(), InitiativesView.RenderList);
}
