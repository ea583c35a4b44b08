using Npgsql;

namespace Fulcrum.Data.Store;

public enum StoreBackend { DuckDb, PostgreSql }

/// <summary>
/// Where a store lives, from what a user gave <c>--db</c> or <c>Fulcrum:Store</c>: a DuckDB file path, a PostgreSQL
/// URL (<c>postgres://user:password@host:5432/db?sslmode=require</c>) or an Npgsql connection string
/// (<c>Host=...;Database=...;Username=...</c>). <see cref="Display"/> never shows a password.
/// </summary>
public sealed record StoreLocation(StoreBackend Backend, string Target, string Display)
{
    public bool IsPostgres => Backend == StoreBackend.PostgreSql;

    /// <summary>Where files written "beside the database" go: the file's folder, or the working folder for a server.</summary>
    public string Folder => IsPostgres || Target == ":memory:" ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Target) ?? ".";

    /// <summary>The file name, or the PostgreSQL database name.</summary>
    public string ShortName => IsPostgres ? new NpgsqlConnectionStringBuilder(Target).Database ?? Display : Path.GetFileName(Target);

    public static StoreLocation Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new StoreException("No database given: use a DuckDB file path or a PostgreSQL URL (postgres://user@host/db).");
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return Postgres(FromUrl(text));
        if (LooksLikeConnectionString(text)) return Postgres(ParseConnectionString(text));
        var path = text == ":memory:" ? text : Path.GetFullPath(text);
        return new(StoreBackend.DuckDb, path, path);
    }

    static StoreLocation Postgres(NpgsqlConnectionStringBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Host)) throw new StoreException("The PostgreSQL connection string names no Host.");
        if (string.IsNullOrEmpty(builder.Database)) throw new StoreException("The PostgreSQL connection string names no Database.");
        var display = $"postgres://{(string.IsNullOrEmpty(builder.Username) ? "" : builder.Username + "@")}{builder.Host}:{builder.Port}/{builder.Database}";
        return new(StoreBackend.PostgreSql, builder.ConnectionString, display);
    }

    static bool LooksLikeConnectionString(string text) =>
        text.Contains('=') && text.Split(';').Any(part => part.Trim().StartsWith("host", StringComparison.OrdinalIgnoreCase) && part.Contains('='));

    static NpgsqlConnectionStringBuilder ParseConnectionString(string text)
    {
        try { return new NpgsqlConnectionStringBuilder(text); }
        catch (ArgumentException e) { throw new StoreException($"Not a valid PostgreSQL connection string: {e.Message}", e); }
    }

    /// <summary>postgres://[user[:password]@]host[:port]/database[?key=value&amp;...] → an Npgsql connection string.</summary>
    static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        Uri uri;
        try { uri = new Uri(url); }
        catch (UriFormatException e) { throw new StoreException($"Not a valid PostgreSQL URL (postgres://user:password@host:5432/database): {e.Message}", e); }
        var builder = new NpgsqlConnectionStringBuilder { Host = Uri.UnescapeDataString(uri.Host), Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) };
        if (uri.Port > 0) builder.Port = uri.Port;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':');
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0) builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            try { builder[key == "sslmode" ? "SSL Mode" : key] = value; }
            catch (ArgumentException e) { throw new StoreException($"Unknown PostgreSQL URL option '{key}': {e.Message}", e); }
        }
        return builder;
    }
}
