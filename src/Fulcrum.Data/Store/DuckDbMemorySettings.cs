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

    public static void Apply(DuckDBConnection connection)
    {
        if (Environment.GetEnvironmentVariable(MemoryLimitVariable) is { Length: > 0 } limit)
            Set(connection, "memory_limit", limit);
        if (Environment.GetEnvironmentVariable(TempDirectoryVariable) is { Length: > 0 } directory)
            Set(connection, "temp_directory", directory);
    }

    static void Set(DuckDBConnection connection, string setting, string value)
    {
        using var command = connection.CreateCommand();
        // SET takes no parameters; the value is quoted as a SQL string literal.
        command.CommandText = $"SET {setting} = '{value.Replace("'", "''", StringComparison.Ordinal)}'";
        command.ExecuteNonQuery();
    }
}
