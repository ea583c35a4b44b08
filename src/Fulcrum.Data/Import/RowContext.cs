using Fulcrum.Data.Import.Expressions;
using Fulcrum.Data.Import.Sources;

namespace Fulcrum.Data.Import;

/// <summary>
/// The current source row as expressions and templates see it: the file's own columns, then the columns
/// of each joined file (looked up by key), then the mapping's constants. Earlier names win.
/// </summary>
internal sealed class RowContext : IExpressionRow
{
    readonly Dictionary<string, int> _slots = new(StringComparer.OrdinalIgnoreCase);
    readonly string?[] _values;
    readonly int _sourceColumns;
    readonly (JoinIndex Index, int KeySlot, int FirstSlot)[] _joins;
    /// <summary>Per join, the joined file's line of the current row's match (null when none matched).</summary>
    readonly long?[] _joinedLines;

    public RowContext(IReadOnlyList<string> sourceColumns, IReadOnlyList<JoinIndex> joins, IReadOnlyDictionary<string, string> constants)
    {
        var names = new List<string>();
        void Add(string name) { if (_slots.TryAdd(name, names.Count)) names.Add(name); else names.Add(name + "\u0000shadowed"); }
        foreach (var c in sourceColumns) Add(c);
        _sourceColumns = sourceColumns.Count;
        var joinSlots = new List<(JoinIndex, int, int)>();
        foreach (var join in joins)
        {
            if (!_slots.TryGetValue(join.On, out var keySlot))
                throw new ImportException($"join on '{join.On}' ({join.File}): no column '{join.On}' in the source or an earlier join.");
            joinSlots.Add((join, keySlot, names.Count));
            foreach (var c in join.Columns) Add(c);
        }
        _joins = joinSlots.ToArray();
        _joinedLines = new long?[_joins.Length];
        var constantStart = names.Count;
        foreach (var name in constants.Keys) Add(name);
        _values = new string?[names.Count];
        var i = constantStart;
        foreach (var value in constants.Values) _values[i++] = value;
        ColumnNames = names;
    }

    public IReadOnlyList<string> ColumnNames { get; }

    public bool HasColumn(string name) => _slots.ContainsKey(name);

    public int Slot(string name) => _slots.TryGetValue(name, out var slot) ? slot : -1;

    public string? Value(int slot) => _values[slot];

    public string? Get(string column) => _slots.TryGetValue(column, out var slot) ? _values[slot] : null;

    public void Load(ISourceReader reader)
    {
        for (var i = 0; i < _sourceColumns; i++) _values[i] = reader.Get(i);
        for (var j = 0; j < _joins.Length; j++)
        {
            var (index, keySlot, firstSlot) = _joins[j];
            var key = _values[keySlot];
            var joined = key is null ? null : index.Find(key);
            _joinedLines[j] = joined?.Line;
            for (var c = 0; c < index.Columns.Count; c++) _values[firstSlot + c] = joined?.Values[c];
        }
    }

    /// <summary>
    /// Where the current row's value of a column came from when it was looked up in a joined file: that file, the line of
    /// the joined row and the key it was joined on. Null for the main file's own columns, constants, and joins that found no row.
    /// </summary>
    public (string File, long Line, string On)? JoinedFrom(string? column)
    {
        if (column is null || !_slots.TryGetValue(column, out var slot) || slot < _sourceColumns) return null;
        for (var j = 0; j < _joins.Length; j++)
        {
            var (index, _, firstSlot) = _joins[j];
            if (slot >= firstSlot && slot < firstSlot + index.Columns.Count)
                return _joinedLines[j] is { } line ? (index.File, line, index.On) : null;
        }
        return null;
    }

    /// <summary>
    /// A reject of the current row (main file <paramref name="file"/>, line <paramref name="line"/>) for a column's value:
    /// when the value came from a joined file it names that file and line, and says which row of the main file it kept out.
    /// </summary>
    public Reject Reject(string file, long line, string? table, string? column, string? field, string? value, string reason) =>
        JoinedFrom(column) is var (joinedFile, joinedLine, on)
            ? new Reject(joinedFile, joinedLine, table, column, field, value,
                $"{reason} (joined by '{on}' to line {line} of {Path.GetFileName(file)})") { RowLine = line }
            : new Reject(file, line, table, column, field, value, reason);
}
