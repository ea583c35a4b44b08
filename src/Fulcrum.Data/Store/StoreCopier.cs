using System.Buffers.Binary;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fulcrum.Data.Store;

/// <summary>One table as copied: rows and an order-independent checksum of its values in each store.</summary>
public sealed record TableCopy(string Table, long SourceRows, long TargetRows, string SourceChecksum, string TargetChecksum)
{
    public bool Verified => SourceRows == TargetRows && SourceChecksum == TargetChecksum;
}

/// <summary>
/// Moves a whole store to another (DuckDB ↔ PostgreSQL, or between two of a kind): every table the schema migrations
/// created, in one transaction on the target, then verified table by table with row counts and checksums computed the
/// same way from both stores. Derived fact tables (facts_*) are not copied; the first analysis rebuilds them.
/// </summary>
public static class StoreCopier
{
    /// <param name="replace">Clear the target's tables first; without it a target holding data is refused.</param>
    public static IReadOnlyList<TableCopy> Copy(FulcrumStore source, FulcrumStore target, bool replace = false)
    {
        if (source.SchemaVersion != target.SchemaVersion)
            throw new StoreException($"The stores have different schema versions ({source.SchemaVersion} and {target.SchemaVersion}); open both with this Fulcrum first.");
        var tables = CopiedTables(source);
        var missing = tables.Except(CopiedTables(target), StringComparer.Ordinal).ToList();
        if (missing.Count > 0) throw new StoreException($"The target lacks the tables {string.Join(", ", missing)}.");
        if (!replace)
        {
            // Opening a store seeds the default assumptions and the data-version counter, so those alone do not count as data.
            var holding = tables.Where(t => t is not ("assumptions" or "data_version") && target.Count(t) > 0).ToList();
            if (holding.Count > 0)
                throw new StoreException($"The target {target.Path} already holds data ({string.Join(", ", holding)}). Copy into an empty store, or add --replace to overwrite it.");
        }

        using (var transaction = target.BeginTransaction())
        {
            foreach (var table in tables) target.Execute($"DELETE FROM {FulcrumStore.Quote(table)}", transaction: transaction);
            foreach (var table in tables) CopyTable(source, target, table);
            transaction.Commit();
        }
        return tables.Select(t =>
        {
            var (sourceRows, sourceSum) = Checksum(source, t);
            var (targetRows, targetSum) = Checksum(target, t);
            return new TableCopy(t, sourceRows, targetRows, sourceSum, targetSum);
        }).ToList();
    }

    /// <summary>Base tables of the store except the migrations' own record and the derived fact tables, in name order.</summary>
    public static IReadOnlyList<string> CopiedTables(FulcrumStore store) =>
        store.Query<string>($"""
            SELECT table_name FROM information_schema.tables
            WHERE table_type = 'BASE TABLE' AND table_schema = '{(store.Dialect.IsPostgres ? "public" : "main")}'
              AND table_name <> 'schema_migrations' AND table_name NOT LIKE 'facts\_%' ESCAPE '\'
            ORDER BY table_name
            """).ToList();

    static void CopyTable(FulcrumStore source, FulcrumStore target, string table)
    {
        var columns = Columns(target, table);
        var sourceColumns = Columns(source, table);
        if (!columns.Select(c => c.Name).SequenceEqual(sourceColumns.Select(c => c.Name), StringComparer.Ordinal))
            throw new StoreException($"Table {table} has different columns in the two stores.");
        var list = string.Join(", ", columns.Select(c => FulcrumStore.Quote(c.Name)));
        using var reader = source.ExecuteReader($"SELECT {list} FROM {FulcrumStore.Quote(table)}");
        using var writer = target.BulkWriter(table);
        var row = new object?[columns.Count];
        while (reader.Read())
        {
            for (var i = 0; i < columns.Count; i++) row[i] = Coerce(reader.IsDBNull(i) ? null : reader.GetValue(i), columns[i].Type);
            writer.Row(row);
        }
    }

    sealed record Column(string Name, string Type);

    static List<Column> Columns(FulcrumStore store, string table) =>
        store.Query<(string Name, string Type)>($"""
            SELECT column_name, UPPER(data_type) FROM information_schema.columns
            WHERE table_name = $table AND table_schema = '{(store.Dialect.IsPostgres ? "public" : "main")}' ORDER BY ordinal_position
            """, new { table }).Select(c => new Column(c.Name, c.Type)).ToList();

    /// <summary>A value as the target column's type wants it (DuckDB's appender takes only the exact type).</summary>
    static object? Coerce(object? value, string type) => value switch
    {
        null => null,
        _ when type is "DATE" => value switch { DateOnly d => d, DateTime t => DateOnly.FromDateTime(t), _ => DateOnly.Parse(value.ToString()!, CultureInfo.InvariantCulture) },
        _ when type.StartsWith("TIMESTAMP", StringComparison.Ordinal) => Convert.ToDateTime(value, CultureInfo.InvariantCulture),
        _ when type is "SMALLINT" => Convert.ToInt16(value, CultureInfo.InvariantCulture),
        _ when type is "INTEGER" => Convert.ToInt32(value, CultureInfo.InvariantCulture),
        _ when type is "BIGINT" => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        _ when type is "DOUBLE" or "DOUBLE PRECISION" => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ when type is "BOOLEAN" => Convert.ToBoolean(value, CultureInfo.InvariantCulture),
        _ when type is "BLOB" or "BYTEA" => Bytes(value),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    static byte[] Bytes(object value)
    {
        if (value is byte[] bytes) return bytes;
        using var stream = (Stream)value;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>
    /// Row count and the sum (mod 2^64) of a SHA-256 prefix of each row's canonical text: independent of row order and
    /// of how each backend spells a value (dates, timestamps to the microsecond, doubles round-trip, JSON with sorted keys).
    /// </summary>
    public static (long Rows, string Checksum) Checksum(FulcrumStore store, string table)
    {
        var columns = Columns(store, table);
        var list = string.Join(", ", columns.Select(c => FulcrumStore.Quote(c.Name)));
        using var reader = store.ExecuteReader($"SELECT {list} FROM {FulcrumStore.Quote(table)}");
        ulong sum = 0;
        long rows = 0;
        var text = new StringBuilder();
        Span<byte> hash = stackalloc byte[32];
        while (reader.Read())
        {
            text.Clear();
            for (var i = 0; i < columns.Count; i++)
                text.Append(Canonical(reader.IsDBNull(i) ? null : Coerce(reader.GetValue(i), columns[i].Type), columns[i].Type)).Append('\u001f');
            SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt64LittleEndian(hash));
            rows++;
        }
        return (rows, sum.ToString("x16", CultureInfo.InvariantCulture));
    }

    static string Canonical(object? value, string type) => value switch
    {
        null => "\u2400",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "t" : "f",
        byte[] b => Convert.ToHexString(b),
        string s when type is "JSON" or "JSONB" => CanonicalJson(s),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>JSON with object keys sorted and no spacing: PostgreSQL's JSONB reorders keys and respaces.</summary>
    static string CanonicalJson(string json)
    {
        try { return Sorted(JsonNode.Parse(json))?.ToJsonString() ?? "null"; }
        catch (JsonException) { return json; }
    }

    static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };
}
