namespace Fulcrum.Web.Options;

/// <summary>Where the web app's store lives (configuration section <c>Fulcrum:Store</c>).</summary>
public sealed class StoreOptions
{
    public const string Section = "Fulcrum:Store";

    /// <summary>The DuckDB file or PostgreSQL URL / connection string; default <c>./fulcrum.duckdb</c> like the CLI.</summary>
    public string Path { get; set; } = Fulcrum.Data.Store.FulcrumStore.DefaultPath;

    /// <summary>Read connections kept open for requests (analytics and lists); writes go through the single writer.</summary>
    public int ReadConnections { get; set; } = 4;
}
