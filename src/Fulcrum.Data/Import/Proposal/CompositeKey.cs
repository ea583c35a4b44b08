namespace Fulcrum.Data.Import.Proposal;

/// <summary>
/// Columns that together identify each sampled row, for a template id where no single column does (a review id that an
/// export repeats across orders: "{review_id}-{order_id}"). Only columns filled in every sampled row are used, since a
/// template with an empty part is empty, and only columns named like ids; two columns are tried before three, an id named
/// for the table first.
/// </summary>
public static class CompositeKey
{
    /// <summary>Columns considered for combinations beyond the named id, so the search stays small on wide files.</summary>
    const int MaxColumns = 8;

    /// <param name="named">A column named for the id that repeats (it is part of every combination tried), or null.</param>
    /// <returns>The columns in template order, or null when no pair or triple is unique in the sample.</returns>
    public static IReadOnlyList<ColumnProfile>? Find(FileSample sample, ColumnProfile? named)
    {
        if (sample.Rows < 2) return null;
        var filled = sample.Columns.Where(c => c != named && c.Kind != ColumnKind.Empty && c.Filled == sample.Rows && !c.IsTime).ToList();
        // Only ids: a template that told two answers apart by their score or text would be an id that changes when they do.
        var others = filled.Where(IsIdName).Take(MaxColumns).ToList();
        var combinations = named is not null
            ? others.Select(o => new[] { named, o }).Concat(Pairs(others).Select(p => new[] { named, p.A, p.B }))
            : Pairs(others).Select(p => new[] { p.A, p.B });
        return combinations.FirstOrDefault(c => Unique(sample, c));
    }

    /// <summary>Names like an id or a key: the normalised name ends with "id", "key", "code" or "number".</summary>
    static bool IsIdName(ColumnProfile column) =>
        FieldSynonyms.Normalize(column.Name) is var name && (name.EndsWith("id", StringComparison.Ordinal) || name.EndsWith("key", StringComparison.Ordinal)
            || name.EndsWith("code", StringComparison.Ordinal) || name.EndsWith("number", StringComparison.Ordinal));

    static IEnumerable<(ColumnProfile A, ColumnProfile B)> Pairs(IReadOnlyList<ColumnProfile> columns)
    {
        for (var i = 0; i < columns.Count; i++)
            for (var j = i + 1; j < columns.Count; j++) yield return (columns[i], columns[j]);
    }

    /// <summary>Whether the template's text ("a-b") differs on every sampled row: the text, not the tuple, is the id.</summary>
    static bool Unique(FileSample sample, IReadOnlyList<ColumnProfile> columns)
    {
        var values = columns.Select(sample.Values).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var row = 0; row < sample.Rows; row++)
            if (!seen.Add(string.Join("-", values.Select(v => v[row])))) return false;
        return true;
    }

    public static string Template(IEnumerable<ColumnProfile> columns) => string.Join("-", columns.Select(c => $"{{{c.Name}}}"));
}
