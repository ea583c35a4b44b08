using System.Data.Common;
using Dapper;
using DuckDB.NET.Data;
using Fulcrum.Data.Schema;

namespace Fulcrum.Data.Store;

/// <summary>
/// The embedded analytical store: one DuckDB file holding the canonical tables. Opening it migrates
/// the schema forward and seeds default assumptions. Not thread-safe: one store per unit of work.
/// </summary>
public sealed class FulcrumStore : IDisposable
{
    public const string DefaultPath = "fulcrum.duckdb";

    readonly DuckDBConnection _connection;

    FulcrumStore(string path, DuckDBConnection connection, int schemaVersion)
    {
        Path = path;
        _connection = connection;
        SchemaVersion = schemaVersion;
    }

    public string Path { get; }
    public int SchemaVersion { get; }
    public SqlDialect Dialect => SqlDialect.DuckDb;
    public DuckDBConnection Connection => _connection;

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/>; ":memory:" gives a throw-away store.</summary>
    public static FulcrumStore Open(string path)
    {
        var fullPath = path == ":memory:" ? path : System.IO.Path.GetFullPath(path);
        if (fullPath != ":memory:")
        {
            var directory = System.IO.Path.GetDirectoryName(fullPath);
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        }
        var connection = new DuckDBConnection($"Data Source={fullPath}");
        try
        {
            connection.Open();
            var version = SchemaMigrator.Migrate(connection, SqlDialect.DuckDb);
            SeedAssumptions(connection);
            return new FulcrumStore(fullPath, connection, version);
        }
        catch (DuckDBException e) when (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            connection.Dispose();
            throw new StoreException($"The database {fullPath} is in use by another Fulcrum process (for example `fulcrum serve`). Stop it or use another --db.", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public DbTransaction BeginTransaction() => _connection.BeginTransaction();

    public int Execute(string sql, object? parameters = null, DbTransaction? transaction = null) =>
        _connection.Execute(sql, parameters, transaction);

    public IEnumerable<T> Query<T>(string sql, object? parameters = null, DbTransaction? transaction = null) =>
        _connection.Query<T>(sql, parameters, transaction);

    public T Scalar<T>(string sql, object? parameters = null, DbTransaction? transaction = null) =>
        _connection.ExecuteScalar<T>(sql, parameters, transaction)!;

    public long Count(string table) => Scalar<long>($"SELECT COUNT(*) FROM {Quote(table)}");

    /// <summary>Removes every row of the canonical and bookkeeping tables (used before regenerating the demo company).</summary>
    public void Clear()
    {
        using var transaction = BeginTransaction();
        foreach (var table in CanonicalSchema.Tables.Reverse())
            if (table.Name != CanonicalSchema.Assumptions.Name)
                Execute($"DELETE FROM {table.Name}", transaction: transaction);
        foreach (var table in new[] { "import_rejects", "import_runs", "ground_truth", "store_metadata", "alerts", "followup_events", "response_themes", "response_sentiment", "themes" })
            Execute($"DELETE FROM {table}", transaction: transaction);
        BumpDataVersion(transaction);
        transaction.Commit();
    }

    /// <summary>
    /// A counter every committed write of data bumps in its own transaction (imports, webhook intake, edits, generation),
    /// so fact tables and cached figures notice updates, not only new rows.
    /// </summary>
    public long DataVersion(DbTransaction? transaction = null) =>
        Scalar<long>("SELECT version FROM data_version WHERE id = 1", transaction: transaction);

    public void BumpDataVersion(DbTransaction? transaction = null) =>
        Execute("UPDATE data_version SET version = version + 1 WHERE id = 1", transaction: transaction);

    public string? GetMetadata(string key) =>
        Query<string?>("SELECT value FROM store_metadata WHERE key = $key", new { key }).FirstOrDefault();

    public void SetMetadata(string key, string value, DbTransaction? transaction = null) =>
        Execute("INSERT INTO store_metadata (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            new { key, value }, transaction);

    /// <summary>Quotes an identifier that comes from our own metadata (never from user input).</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    static void SeedAssumptions(DuckDBConnection connection)
    {
        foreach (var a in DefaultAssumptions.All)
            connection.Execute(
                "INSERT INTO assumptions (name, value, unit, description, updated_at) VALUES ($name, $value, $unit, $description, $now) ON CONFLICT (name) DO NOTHING",
                new { name = a.Name, value = a.Value, unit = a.Unit, description = a.Description, now = DateTime.UtcNow });
    }

    public void Dispose() => _connection.Dispose();
}

public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
