using System.ComponentModel;
using Fulcrum.Analytics.Value.Initiatives;
using Fulcrum.Cli.Rendering;
using Fulcrum.Data.Store;
using Spectre.Console.Cli;

namespace Fulcrum.Cli.Commands.Value;

[Description("List the registered CX initiatives.")]
public sealed class InitiativesListCommand : Command<InitiativesListCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--json")]
        [Description("Print the list as JSON.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var store = FulcrumStore.Open(settings.Db);
        var list = new InitiativeRegistry(store).List();
        if (settings.Json) Json.Write(list);
        else InitiativesView.RenderList(list);
        return 0;
    }
}
