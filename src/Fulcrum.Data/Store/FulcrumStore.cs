using System.Data.Common;
using Dapper;
using DuckDB.NET.Data;
using Fulcrum.Data.Schema;
using Npgsql;

namespace Fulcrum.Data.Store;

/// <summary>
/// The store holding the canonical tables: an embedded DuckDB file (one analyst) or a PostgreSQL database (a team,
/// many writers). Opening it migrates the schema forward and seeds default assumptions. SQL passed to it is written in
/// DuckDB's spelling of the common subset and adapted to the backend (<see cref="SqlDialect.Adapt"/>).
/// Not thread-safe: one store per unit of work.
/// </summary>
public sealed class FulcrumStore : IDisposable
{
    public const string DefaultPath = "fulcrum.duckdb";

    /// <summary>Serialises schema migrations of concurrent processes on one PostgreSQL database (any fixed number).</summary>
    const long MigrationLockKey = 0x46756c6372756d;

    readonly DbConnection _connection;

    FulcrumStore(StoreLocation location, DbConnection connection, SqlDialect dialect, int schemaVersion)
    {
        Location = location;
        _connection = connection;
        Dialect = dialect;
        SchemaVersion = schemaVersion;
    }

    public StoreLocation Location { get; }

    /// <summary>The database file, or the PostgreSQL server and database without the password: safe to print.</summary>
    public string Path => Location.Display;

    public int SchemaVersion { get; }
    public SqlDialect Dialect { get; }
    public DbConnection Connection => _connection;

    /// <summary>
    /// Opens (creating if needed) the store at <paramref name="location"/>: a DuckDB file path (":memory:" gives a
    /// throw-away store), a postgres:// URL or a PostgreSQL connection string (the database must exist).
    /// </summary>
    public static FulcrumStore Open(string location) => Open(StoreLocation.Parse(location));

    public static FulcrumStore Open(StoreLocation location) =>
        location.IsPostgres ? OpenPostgres(location) : OpenDuckDb(location);

    static FulcrumStore OpenDuckDb(StoreLocation location)
    {
        var fullPath = location.Target;
        if (fullPath != ":memory:")
        {
            var directory = System.IO.Path.GetDirectoryName(fullPath);
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        }
        var connection = new DuckDBConnection($"Data Source={fullPath}");
        try
        {
            connection.Open();
            DuckDbMemorySettings.Apply(connection, inMemory: fullPath == ":memory:");
            var version = SchemaMigrator.Migrate(connection, SqlDialect.DuckDb);
            var store = new FulcrumStore(location, connection, SqlDialect.DuckDb, version);
            store.SeedAssumptions();
            return store;
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

    static NpgsqlConnection ConnectPostgres(StoreLocation location)
    {
        // Timestamps are stored without time zone and mean UTC; the session says so, so UTC DateTimes compare correctly.
        var settings = new NpgsqlConnectionStringBuilder(location.Target) { Timezone = "UTC" };
        // Npgsql cancels a statement after 30 s by default; building the fact tables of 100,000 accounts takes longer.
        // Analyses run as long as they need unless the connection string sets its own limit.
        if (!location.Target.Replace(" ", "", StringComparison.Ordinal).Contains("commandtimeout", StringComparison.OrdinalIgnoreCase)) settings.CommandTimeout = 0;
        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            connection.Dispose();
            throw new StoreException($"Cannot connect to the PostgreSQL store {location.Display}: {e.Message}", e);
        }
    }

    static FulcrumStore OpenPostgres(StoreLocation location)
    {
        var connection = ConnectPostgres(location);
        try
        {
            connection.Execute("SELECT pg_advisory_lock(@key)", new { key = MigrationLockKey });
            int version;
            try { version = SchemaMigrator.Migrate(connection, SqlDialect.PostgreSql); }
            finally { connection.Execute("SELECT pg_advisory_unlock(@key)", new { key = MigrationLockKey }); }
            var store = new FulcrumStore(location, connection, SqlDialect.PostgreSql, version);
            store.SeedAssumptions();
            return store;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Another connection to the same database (schema migrated, assumptions seeded), owned by the caller: for reading in
    /// parallel with this store, which is not thread-safe. It sees what has been committed, not this store's open transaction.
    /// </summary>
    public FulcrumStore OpenSibling()
    {
        DbConnection connection = _connection switch
        {
            // An in-memory database is reachable only through its connections; a file is shared by every connection to it in the process.
            DuckDBConnection memory when Location.Target == ":memory:" => memory.Duplicate(),
            DuckDBConnection => new DuckDBConnection($"Data Source={Location.Target}"),
            _ => ConnectPostgres(Location),
        };
        try
        {
            if (connection.State != System.Data.ConnectionState.Open) connection.Open();
            return new FulcrumStore(Location, connection, Dialect, SchemaVersion);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Returns the memory the database keeps cached between queries (DuckDB's buffer pool; at 100,000 accounts 0.3–0.6 GB
    /// after an analysis) to the system, so the next piece of work starts from the process's own memory. PostgreSQL keeps its
    /// cache in the server: nothing to do.
    /// </summary>
    public void ReleaseCachedMemory()
    {
        // An in-memory store's tables exist only in the buffer pool: evicting them would write them out to spill files.
        if (_connection is not DuckDBConnection duckDb || Location.Target == ":memory:") return;
        // Read once: DuckDB prints the limit rounded, so reading it back after each release would let it drift down.
        _duckDbMemoryLimit ??= DuckDbMemorySettings.CurrentLimit(duckDb);
        DuckDbMemorySettings.ReleaseCache(duckDb, _duckDbMemoryLimit);
    }

    string? _duckDbMemoryLimit;

    public DbTransaction BeginTransaction() => _connection.BeginTransaction();

    public int Execute(string sql, object? parameters = null, DbTransaction? transaction = null) =>
        _connection.Execute(Observed(sql, parameters, transaction), parameters, transaction);

    public IEnumerable<T> Query<T>(string sql, object? parameters = null, DbTransaction? transaction = null) =>
        _connection.Query<T>(Observed(sql, parameters, transaction), parameters, transaction);

    public T Scalar<T>(string sql, object? parameters = null, DbTransaction? transaction = null) =>
        _connection.ExecuteScalar<T>(Observed(sql, parameters, transaction), parameters, transaction)!;

    /// <summary>A reader over a query's rows, for analyses that stream many rows.</summary>
    public DbDataReader ExecuteReader(string sql, object? parameters = null, DbTransaction? transaction = null) =>
        (DbDataReader)_connection.ExecuteReader(Observed(sql, parameters, transaction), parameters, transaction);

    /// <summary>A statement about to run, as sent to the backend, with its parameters and transaction.</summary>
    public sealed record Statement(FulcrumStore Store, string Sql, object? Parameters, DbTransaction? Transaction);

    static readonly AsyncLocal<Action<Statement>?> StatementObserver = new();

    /// <summary>
    /// Shows every statement run through any store on this flow of execution to <paramref name="observer"/> before it
    /// runs, until disposed. For checks over the SQL an analysis sends (e.g. that it stays co-located on Citus).
    /// </summary>
    public static IDisposable ObserveStatements(Action<Statement> observer)
    {
        var previous = StatementObserver.Value;
        StatementObserver.Value = observer;
        return new Restore(() => StatementObserver.Value = previous);
    }

    sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    string Observed(string sql, object? parameters, DbTransaction? transaction)
    {
        var adapted = Dialect.Adapt(sql);
        StatementObserver.Value?.Invoke(new Statement(this, adapted, parameters, transaction));
        return adapted;
    }

    /// <summary>Appends rows to <paramref name="table"/> (every column, in the table's order) by the backend's bulk path.</summary>
    public BulkWriter BulkWriter(string table) => _connection switch
    {
        DuckDBConnection duck => new DuckDbBulkWriter(duck, table),
        NpgsqlConnection postgres => new PostgresBulkWriter(postgres, table),
        _ => throw new InvalidOperationException($"No bulk writer for {_connection.GetType().Name}."),
    };

    /// <summary>The PostgreSQL channel on which every committed change of data is announced to the other processes.</summary>
    public const string ChangeChannel = "fulcrum_data_changed";

    /// <summary>
    /// Tells other processes on a PostgreSQL store that data changed (payload "hard": cached figures are stale at once;
    /// "soft": a trickle of new rows). Inside a transaction it is delivered only if that commits. A DuckDB file has one
    /// writing process, so there is nobody to tell.
    /// </summary>
    public void AnnounceChange(bool hard, DbTransaction? transaction = null)
    {
        if (Dialect.IsPostgres) Execute($"SELECT pg_notify('{ChangeChannel}', $kind)", new { kind = hard ? "hard" : "soft" }, transaction);
    }

    public long Count(string table) => Scalar<long>($"SELECT COUNT(*) FROM {Quote(table)}");

    /// <summary>Removes every row of the canonical and bookkeeping tables (used before regenerating the demo company).</summary>
    public void Clear()
    {
        using var transaction = BeginTransaction();
        foreach (var table in CanonicalSchema.Tables.Reverse())
            if (table.Name != CanonicalSchema.Assumptions.Name)
                Execute($"DELETE FROM {table.Name}", transaction: transaction);
        foreach (var table in new[] { "import_rejects", "import_runs", "ground_truth", "store_metadata", "alerts", "followup_events", "response_themes", "response_sentiment", "themes", "sentiment_models", "score_scales" })
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

    /// <summary>Bumps the version and, on PostgreSQL, tells the other instances once the transaction commits.</summary>
    public void BumpDataVersion(DbTransaction? transaction = null)
    {
        Execute("UPDATE data_version SET version = version + 1 WHERE id = 1", transaction: transaction);
        AnnounceChange(hard: true, transaction);
    }

    public string? GetMetadata(string key) =>
        Query<string?>("SELECT value FROM store_metadata WHERE key = $key", new { key }).FirstOrDefault();

    public void SetMetadata(string key, string value, DbTransaction? transaction = null) =>
        Execute("INSERT INTO store_metadata (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            new { key, value }, transaction);

    /// <summary>Quotes an identifier that comes from our own metadata (never from user input).</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    void SeedAssumptions()
    {
        // One read on every open; the inserts (a write transaction each) only when a default is missing.
        var present = Query<string>("SELECT name FROM assumptions").ToHashSet(StringComparer.Ordinal);
        foreach (var a in DefaultAssumptions.All.Where(a => !present.Contains(a.Name)))
            Execute(
                "INSERT INTO assumptions (name, value, unit, description, updated_at) VALUES ($name, $value, $unit, $description, $now) ON CONFLICT (name) DO NOTHING",
                new { name = a.Name, value = a.Value, unit = a.Unit, description = a.Description, now = DateTime.UtcNow });
    }

    public void Dispose() => _connection.Dispose();
}

public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
