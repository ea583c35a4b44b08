namespace Fulcrum.Cli.Commands;

/// <summary>Settings shared by every command that opens the store.</summary>
public class StoreSettings : CommandSettings
{
    [CommandOption("--db <PATH_OR_URL>")]
    [Description("The Fulcrum store: a DuckDB file (created if missing) or a PostgreSQL database as postgres://user:password@host:5432/db or Host=...;Database=...;Username=... (FULCRUM_DB works too).")]
    public string Db { get; init; } = Environment.GetEnvironmentVariable("FULCRUM_DB") is { Length: > 0 } fromEnvironment ? fromEnvironment : FulcrumStore.DefaultPath;
}
