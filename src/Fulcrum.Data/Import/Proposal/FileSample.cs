namespace Fulcrum.Data.Import.Proposal;

/// <summary>The first rows of a source file: each column's profile and its values row by row (null where empty).</summary>
public sealed class FileSample(IReadOnlyList<ColumnProfile> columns, long rows, IReadOnlyList<IReadOnlyList<string?>> cells)
{
    public IReadOnlyList<ColumnProfile> Columns { get; } = columns;

    public long Rows { get; } = rows;

    /// <summary>The sampled values of <paramref name="column"/>, one per row, null where empty.</summary>
    public IReadOnlyList<string?> Values(ColumnProfile column) => cells[Index(column)];

    /// <summary>Each distinct non-empty value of <paramref name="column"/> with its number of rows, in order of first appearance.</summary>
    public IReadOnlyList<(string Value, long Rows)> Levels(ColumnProfile column)
    {
        var order = new List<string>();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var value in Values(column).OfType<string>())
            if (counts.TryGetValue(value, out var n)) counts[value] = n + 1;
            else { counts[value] = 1; order.Add(value); }
        return order.Select(v => (v, counts[v])).ToList();
    }

    int Index(ColumnProfile column)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (ReferenceEquals(Columns[i], column)) return i;
        throw new ArgumentException($"'{column.Name}' is not a column of this sample.", nameof(column));
    }
}
