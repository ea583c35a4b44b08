using DuckDB.NET.Data;

namespace Fulcrum.Data.Store;

/// <summary>
/// DuckDB's memory cap for a store, from the environment. By default DuckDB may use 80% of RAM for its buffer pool and
/// keeps it; FULCRUM_DUCKDB_MEMORY_LIMIT (a DuckDB size such as "1GB") caps it, and operators that outgrow the cap spill
/// to FULCRUM_DUCKDB_TEMP_DIRECTORY (default: DuckDB's own, "&lt;database&gt;.tmp" beside the file).
/// </summary>
static class DuckDbMemorySettings
{
    public const string MemoryLimitVariable = "FULCRUM_DUCKDB_MEMORY_LIMIT";
    public const string TempDirectoryVariable = "FULCRUM_DUCKDB_TEMP_DIRECTORY";

    public static void Apply(DuckDBConnection connection, bool inMemory)
    {
        if (Environment.GetEnvironmentVariable(MemoryLimitVariable) is { Length: > 0 } limit)
            Set(connection, "memory_limit", limit);
        if (Environment.GetEnvironmentVariable(TempDirectoryVariable) is { Length: > 0 } directory)
            Set(connection, "temp_directory", directory);
        else if (inMemory)
            // An in-memory database spills to ".tmp" in the working directory by default, a path every other in-memory
            // database of the process (and of other processes there) shares: their spill files overwrite each other. Each
            // gets its own directory under the system's temporary folder; DuckDB creates it only when it spills.
            Set(connection, "temp_directory", Path.Combine(Path.GetTempPath(), $"fulcrum-duckdb-{Guid.NewGuid():N}"));
    }

    /// <summary>The memory limit in force, as DuckDB prints it (e.g. "18.8 GiB"), to set again after <see cref="ReleaseCache"/>.</summary>
    public static string CurrentLimit(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT current_setting('memory_limit')";
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Gives back the memory DuckDB's buffer pool keeps once a query is done (the blocks of the tables it read stay cached up
    /// to the limit): lowering the limit evicts every block not in use, then <paramref name="limit"/> is set again (RESET would
    /// change the setting but leave the buffer pool at the lowered limit). Evicted table data is read back from the file when
    /// a later query needs it.
    /// </summary>
    public static void ReleaseCache(DuckDBConnection connection, string limit)
    {
        try
        {
            Set(connection, "memory_limit", "16MB");
        }
        catch (DuckDBException)
        {
            // Blocks in use (an open result, a large temporary table) cannot be evicted; the others were.
        }
        Set(connection, "memory_limit", limit);
    }

    static void Set(DuckDBConnection connection, string setting, string value)
    {
        using var command = connection.CreateCommand();
        // SET takes no parameters; the value is quoted as a SQL string literal.
        command.CommandText = $"SET {setting} = '{value.Replace("'", "''", StringComparison.Ordinal)}'";
        command.ExecuteNonQuery();
    }
}
