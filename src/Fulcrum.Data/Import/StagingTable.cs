using System.Globalization;
using System.Text;
using System.Data.Common;
using Fulcrum.Data.Schema;
using Fulcrum.Data.Store;

namespace Fulcrum.Data.Import;

/// <summary>
/// A temporary table holding one canonical table's valid rows (with their source line) until the import
/// commits them all at once. Temporary tables vanish with the connection, so an interrupted import leaves nothing.
/// Also detects duplicate keys within the file as rows arrive.
/// </summary>
internal sealed class StagingTable : IDisposable
{
    readonly FulcrumStore _store;
    readonly bool _distinct;
    readonly int[] _keyPositions;
    readonly Dictionary<string, (long Line, int ContentHash)> _seen = new(StringComparer.Ordinal);
    BulkWriter? _writer;

    public StagingTable(FulcrumStore store, TableDefinition table, IReadOnlyList<string> columns, bool distinct)
    {
        _store = store;
        Table = table;
        Columns = columns;
        _distinct = distinct;
        Name = $"staging_{table.Name}_{Guid.NewGuid():N}"[..40];
        _keyPositions = table.Key.Select(k => columns.ToList().IndexOf(k)).ToArray();
        var definitions = columns.Select(c => $"{FulcrumStore.Quote(c)} {store.Dialect.SqlType(table.Field(c).Type)}");
        store.Execute($"CREATE TEMP TABLE {Name} (_line BIGINT NOT NULL, {string.Join(", ", definitions)})");
        _writer = store.BulkWriter(Name);
    }

    public TableDefinition Table { get; }
    public IReadOnlyList<string> Columns { get; }
    public string Name { get; }
    public long Rows { get; private set; }
    public long CollapsedDuplicates { get; private set; }

    /// <summary>Stages a row unless its key was already staged from this file.</summary>
    /// <returns>Null when staged (or collapsed as an identical repeat); otherwise the reject reason.</returns>
    public string? Add(long line, object?[] values)
    {
        var key = KeyText(values);
        var hash = _distinct ? ContentHash(values) : 0;
        if (_seen.TryGetValue(key, out var first))
        {
            if (_distinct && first.ContentHash == hash) { CollapsedDuplicates++; return null; }
            return _distinct
                ? $"duplicate key (first seen on line {first.Line:N0}) with different values"
                : $"duplicate key (first seen on line {first.Line:N0}); a file may hold each key once";
        }
        _seen[key] = (line, hash);
        var row = new object?[Columns.Count + 1];
        row[0] = line;
        Array.Copy(values, 0, row, 1, Columns.Count);
        _writer!.Row(row);
        Rows++;
        return null;
    }

    public void CloseAppender()
    {
        _writer?.Dispose();
        _writer = null;
    }

    string KeyText(object?[] values)
    {
        if (_keyPositions.Length == 1) return Text(values[_keyPositions[0]]);
        var builder = new StringBuilder();
        foreach (var p in _keyPositions) builder.Append(Text(values[p])).Append('\u001f');
        return builder.ToString();
    }

    /// <summary>The key of a staged row as text, e.g. for naming it in a reject.</summary>
    public string KeyDescription(object?[] values) =>
        string.Join(", ", _keyPositions.Select(p => Text(values[p])));

    int ContentHash(object?[] values)
    {
        var hash = new HashCode();
        for (var i = 0; i < Columns.Count; i++) hash.Add(values[i]);
        return hash.ToHashCode();
    }

    static string Text(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };


    public void Dispose()
    {
        CloseAppender();
        try { _store.Execute($"DROP TABLE IF EXISTS {Name}"); }
        catch (DbException) { /* the connection is going away; temp tables go with it */ }
    }
}
