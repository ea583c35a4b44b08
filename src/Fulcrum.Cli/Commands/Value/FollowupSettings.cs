namespace Fulcrum.Cli.Commands.Value;

/// <summary>Settings of the commands that move one follow-up along (assign, close): the answer it is on.</summary>
public class FollowupSettings : StoreSettings
{
    [CommandArgument(0, "<RESPONSE_ID>")]
    [Description("The answer the follow-up is on (its response_id).")]
    public string ResponseId { get; init; } = "";
}
