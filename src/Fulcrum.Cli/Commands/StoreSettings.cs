namespace Fulcrum.Cli.Commands;

/// <summary>Settings shared by every command that opens the store.</summary>
public class StoreSettings : CommandSettings
{
    [CommandOption("--db <PATH>")]
    [Description("The Fulcrum database file (DuckDB). Created if missing.")]
    [DefaultValue(FulcrumStore.DefaultPath)]
    public string Db { get; init; } = FulcrumStore.DefaultPath;
}
