using System.Globalization;
using System.Text;
using Fulcrum.Data.Import.Mapping;
using Fulcrum.Data.Schema;

namespace Fulcrum.Data.Import;

/// <summary>
/// Folds the mapped rows of one table block that has <c>group_by</c> into one row per group (e.g. several payment rows into
/// one order), applying each field's <see cref="Aggregate"/>. A group that lost a row to a reject, or whose rows disagree on
/// a field without an aggregate, is left out whole: a partial group would fold to a wrong value (a sum missing a payment).
/// Holds one row per group, so its memory is bounded by the rows the import may stage.
/// </summary>
internal sealed class GroupFold
{
    readonly CompiledTable _table;
    readonly int[] _keyPositions;
    readonly FieldSlot[] _slots;
    readonly Dictionary<string, Group> _groups = new(StringComparer.Ordinal);
    readonly List<Group> _order = [];
    readonly int _width;

    readonly record struct FieldSlot(int Position, Aggregate Aggregate, FieldSpec Spec);

    sealed class Group(long firstLine, string key, int width)
    {
        public long FirstLine { get; } = firstLine;
        public string Key { get; } = key;
        public object?[] Values { get; } = new object?[width];
        public decimal[] Sums { get; } = new decimal[width];
        public bool[] SumOverflowed { get; } = new bool[width];
        public long Rows { get; set; }
        public long? PoisonedBy { get; set; }
    }

    public GroupFold(CompiledTable table, int stagingWidth)
    {
        _table = table;
        _width = stagingWidth;
        var positions = table.StagingPositions;
        var fields = table.Mapping.Fields;
        _keyPositions = table.Mapping.GroupBy!.Select(name => positions[IndexOf(fields, name)]).ToArray();
        _slots = fields.Select((f, i) => new FieldSlot(positions[i], f.Aggregate, f))
            .Where(s => !table.Mapping.GroupBy!.Contains(s.Spec.Field.Name)).ToArray();
    }

    /// <summary>Source rows folded into a row staged from an earlier line.</summary>
    public long FoldedRows { get; private set; }

    static int IndexOf(IReadOnlyList<FieldSpec> fields, string name)
    {
        for (var i = 0; i < fields.Count; i++) if (fields[i].Field.Name == name) return i;
        throw new InvalidOperationException($"group_by field '{name}' is not mapped");
    }

    /// <summary>Folds one mapped row into its group; a disagreement adds a reject and leaves the group out.</summary>
    public void Add(long line, object?[] staged, string file, List<Reject> rejects)
    {
        var key = KeyText(staged);
        if (!_groups.TryGetValue(key, out var group))
        {
            group = new Group(line, key, _width);
            _groups.Add(key, group);
            _order.Add(group);
            for (var i = 0; i < _keyPositions.Length; i++) group.Values[_keyPositions[i]] = staged[_keyPositions[i]];
        }
        else FoldedRows++;
        group.Rows++;
        if (group.PoisonedBy is not null) return;
        foreach (var slot in _slots)
        {
            var value = staged[slot.Position];
            ref var held = ref group.Values[slot.Position];
            switch (slot.Aggregate)
            {
                case Aggregate.None:
                    if (group.Rows == 1) held = value;
                    else if (!Equals(held, value))
                    {
                        rejects.Add(new Reject(file, line, _table.Table.Name, slot.Spec.PrimaryColumn, slot.Spec.Field.Name, Text(value),
                            $"rows grouped by {Describe(group)} disagree on {slot.Spec.Field.Name}: line {group.FirstLine} has '{Text(held) ?? "(empty)"}'; " +
                            "give the field an aggregate (sum, count, min, max, first, last) or map it from a column that is the same on every row. " +
                            "The group is not imported."));
                        group.PoisonedBy = line;
                        return;
                    }
                    break;
                case Aggregate.Sum:
                case Aggregate.Count:
                    if (value is null) break;
                    if (group.SumOverflowed[slot.Position]) { held = (held is double h ? h : 0) + Convert.ToDouble(value, CultureInfo.InvariantCulture); break; }
                    try
                    {
                        // decimal keeps money sums exact (10.1 + 20.2 is 30.3, not 30.300000000000004).
                        group.Sums[slot.Position] += value is double d ? (decimal)d : (long)value;
                        held = value is long || slot.Spec.Field.Type == FieldType.Integer
                            ? (object)(long)group.Sums[slot.Position]
                            : (double)group.Sums[slot.Position];
                    }
                    catch (OverflowException)
                    {
                        group.SumOverflowed[slot.Position] = true;
                        held = (double)group.Sums[slot.Position] + Convert.ToDouble(value, CultureInfo.InvariantCulture);
                    }
                    break;
                case Aggregate.Min:
                case Aggregate.Max:
                    if (value is null) break;
                    if (held is null) { held = value; break; }
                    var order = Compare(value, held);
                    if (slot.Aggregate == Aggregate.Min ? order < 0 : order > 0) held = value;
                    break;
                case Aggregate.First:
                    held ??= value;
                    break;
                case Aggregate.Last:
                    if (value is not null) held = value;
                    break;
            }
        }
    }

    /// <summary>A row of the group could not be mapped: the group is left out (when its key is known).</summary>
    public void Poison(long line, object?[] staged)
    {
        if (_keyPositions.Any(p => staged[p] is null)) return;
        var key = KeyText(staged);
        if (!_groups.TryGetValue(key, out var group))
        {
            group = new Group(line, key, _width);
            _groups.Add(key, group);
            _order.Add(group);
            for (var i = 0; i < _keyPositions.Length; i++) group.Values[_keyPositions[i]] = staged[_keyPositions[i]];
        }
        group.Rows++;
        group.PoisonedBy ??= line;
    }

    /// <summary>The folded rows in order of their first line, each checked again; groups left out get a reject on their first line.</summary>
    public IEnumerable<(long Line, object?[] Values)> Results(string file, List<Reject> rejects)
    {
        foreach (var group in _order)
        {
            if (group.PoisonedBy is { } line)
            {
                if (line != group.FirstLine)
                    rejects.Add(new Reject(file, group.FirstLine, _table.Table.Name, null, null, null,
                        $"the {group.Rows:N0} rows grouped by {Describe(group)} are not imported because line {line:N0} was rejected " +
                        "(a partial group would fold to a wrong value)") { CausedByLine = line });
                continue;
            }
            if (!_table.TryCheckFolded(group.Values, file, group.FirstLine, rejects)) continue;
            yield return (group.FirstLine, group.Values);
        }
    }

    string Describe(Group group) =>
        string.Join(", ", _table.Mapping.GroupBy!.Select((name, i) => $"{name} '{Text(group.Values[_keyPositions[i]]) ?? ""}'"));

    string KeyText(object?[] staged)
    {
        if (_keyPositions.Length == 1) return Text(staged[_keyPositions[0]]) ?? "\u0000";
        var builder = new StringBuilder();
        foreach (var p in _keyPositions) builder.Append(Text(staged[p]) ?? "\u0000").Append('\u001f');
        return builder.ToString();
    }

    static int Compare(object a, object b) => (a, b) switch
    {
        (string x, string y) => string.CompareOrdinal(x, y),
        (IComparable x, _) when a.GetType() == b.GetType() => x.CompareTo(b),
        _ => Convert.ToDouble(a, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(b, CultureInfo.InvariantCulture)),
    };

    static string? Text(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
