using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Npgsql;

namespace Fulcrum.Data.Store;

/// <summary>
/// Appends many rows to one table, every column in the table's order: a DuckDB appender or a PostgreSQL
/// <c>COPY ... FROM STDIN</c>. The rows are written when the writer is disposed.
/// </summary>
public abstract class BulkWriter : IDisposable
{
    public abstract void Row(params object?[] values);
    public abstract void Dispose();
}

sealed class DuckDbBulkWriter(DuckDBConnection connection, string table) : BulkWriter
{
    readonly DuckDBAppender _appender = connection.CreateAppender(table);

    public override void Row(params object?[] values)
    {
        var row = _appender.CreateRow();
        foreach (var value in values) Append(row, value);
        row.EndRow();
    }

    static void Append(IDuckDBAppenderRow row, object? value)
    {
        switch (value)
        {
            case null: row.AppendNullValue(); break;
            case string s: row.AppendValue(s); break;
            case double d: row.AppendValue(d); break;
            case float f: row.AppendValue(f); break;
            case long l: row.AppendValue(l); break;
            case int i: row.AppendValue(i); break;
            case short s: row.AppendValue(s); break;
            case bool b: row.AppendValue(b); break;
            case DateOnly d: row.AppendValue(d); break;
            case DateTime t: row.AppendValue(t); break;
            case byte[] bytes: row.AppendValue(bytes); break;
            default: throw new InvalidOperationException($"Cannot append a value of type {value.GetType().Name}.");
        }
    }

    public override void Dispose() => _appender.Dispose();
}

/// <summary>
/// COPY in CSV text form: PostgreSQL parses each value into its column's type (JSONB, BYTEA, DATE ...) itself. Rows are
/// buffered and sent a few megabytes at a time, each part its own COPY, because a connection runs one COPY at a time
/// and other statements (or other writers, such as an import's staging tables) use the connection in between.
/// </summary>
sealed class PostgresBulkWriter(NpgsqlConnection connection, string table) : BulkWriter
{
    const int FlushCharacters = 4 << 20;
    readonly StringBuilder _buffer = new();

    public override void Row(params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0) _buffer.Append(',');
            AppendCsv(_buffer, values[i]);
        }
        _buffer.Append('\n');
        if (_buffer.Length >= FlushCharacters) Flush();
    }

    void Flush()
    {
        if (_buffer.Length == 0) return;
        using (var writer = connection.BeginTextImport($"COPY {FulcrumStore.Quote(table)} FROM STDIN (FORMAT csv)"))
            foreach (var chunk in _buffer.GetChunks()) writer.Write(chunk.Span);
        _buffer.Clear();
    }

    /// <summary>NULL is an unquoted empty field; every text is quoted, so an empty string stays an empty string.</summary>
    internal static void AppendCsv(StringBuilder line, object? value)
    {
        switch (value)
        {
            case null: break;
            case string s: line.Append('"').Append(s.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"'); break;
            case double d: line.Append(d.ToString("R", CultureInfo.InvariantCulture)); break;
            case float f: line.Append(f.ToString("R", CultureInfo.InvariantCulture)); break;
            case bool b: line.Append(b ? "true" : "false"); break;
            case DateOnly d: line.Append(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case DateTime t: line.Append(t.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)); break;
            case byte[] bytes: line.Append("\\x").Append(Convert.ToHexString(bytes)); break;
            case IFormattable f: line.Append(f.ToString(null, CultureInfo.InvariantCulture)); break;
            default: throw new InvalidOperationException($"Cannot copy a value of type {value.GetType().Name}.");
        }
    }

    public override void Dispose() => Flush();
}
