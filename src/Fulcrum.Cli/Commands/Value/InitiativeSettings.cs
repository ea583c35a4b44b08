namespace Fulcrum.Cli.Commands.Value;

/// <summary>Settings of the commands on one registered initiative (show, close): its id.</summary>
public class InitiativeSettings : StoreSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The initiative id.")]
    public string Id { get; init; } = "";
}
