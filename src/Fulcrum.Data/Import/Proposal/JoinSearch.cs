using Fulcrum.Data.Import.Sources;

namespace Fulcrum.Data.Import.Proposal;

/// <summary>
/// Finds the files beside a source file that its rows can be joined to, as a mapping's <c>join:</c> would: a column of the
/// main file (or of a file joined before) whose name a sibling file also has, that sibling's column unique in its sample,
/// and at least half of the main file's sampled key values found there, each once. A chain follows keys through earlier
/// joins (reviews → orders by order_id → customers by customer_id), as the importer does. Bounded: the siblings of
/// <see cref="SiblingFiles"/>, each profiled on the same number of rows as the main file, each looked up in at most
/// <see cref="MaxScanRows"/> rows, and chains of at most <see cref="MaxDepth"/> joins.
/// </summary>
public static class JoinSearch
{
    /// <summary>Rows of a sibling read to look up the main file's sampled keys.</summary>
    public const int MaxScanRows = 1_000_000;

    /// <summary>Longest chain of joins proposed.</summary>
    public const int MaxDepth = 3;

    /// <summary>Share of the sampled key values the sibling must hold for the join to count.</summary>
    const double MinCoverage = 0.5;

    /// <summary>Names too generic to say two files share a key (each file's own row number).</summary>
    static readonly HashSet<string> GenericNames = new(StringComparer.Ordinal) { "id", "key", "index", "row", "rowid", "rownumber", "no", "number", "line", "n" };

    public static JoinedSample Explore(string path, FileSample own, int sampleRows)
    {
        var siblings = SiblingFiles.Find(path);
        if (siblings.Files.Count == 0) return JoinedSample.Alone(own);
        var view = new View(own);
        var joins = new List<ProposedJoin>();
        var pending = new List<string>(siblings.Files);
        var profiles = new Dictionary<string, FileSample?>(StringComparer.Ordinal);
        var tried = new HashSet<(string File, string Column)>();
        for (var found = true; found;)
        {
            found = false;
            foreach (var file in pending.ToList())
            {
                if (!profiles.TryGetValue(file, out var profile)) profiles[file] = profile = TryProfile(file, sampleRows);
                var join = profile is null ? null : BestJoin(file, profile, view, tried);
                if (profile is not null && join is null) continue;
                pending.Remove(file);
                if (join is null) continue;
                joins.Add(join.Value.Join);
                view.Add(join.Value.Join, join.Value.Key, join.Value.Rows);
                found = true;
            }
        }
        return new JoinedSample(own, view.ToSample(), joins, view.Origins, siblings);
    }

    static (ProposedJoin Join, int Key, Lookup Rows)? BestJoin(string file, FileSample sibling, View view, HashSet<(string, string)> tried)
    {
        ((ProposedJoin, int, Lookup) Join, double Coverage)? best = null;
        for (var i = 0; i < view.Count; i++)
        {
            var column = view.Columns[i];
            var via = view.Origins.TryGetValue(column, out var origin) ? origin : null;
            if ((via?.Depth ?? 0) >= MaxDepth || column.Kind == ColumnKind.Empty || GenericNames.Contains(FieldSynonyms.Normalize(column.Name))) continue;
            var key = sibling.Columns.FirstOrDefault(k => k.Unique && string.Equals(k.Name, column.Name, StringComparison.OrdinalIgnoreCase));
            if (key is null || !tried.Add((file, column.Name))) continue;
            var keys = view.Cells[i].OfType<string>().ToHashSet(StringComparer.Ordinal);
            if (keys.Count == 0 || Lookup.Read(file, key.Name, keys) is not { } rows) continue;
            var found = keys.Count(rows.Contains);
            var coverage = (double)found / keys.Count;
            if (coverage < MinCoverage || coverage <= best?.Coverage) continue;
            best = ((new ProposedJoin(Path.GetFileName(file), column.Name, via, keys.Count, found), i, rows), coverage);
        }
        return best?.Join;
    }

    static FileSample? TryProfile(string file, int rows)
    {
        try { return ColumnProfiler.Profile(file, rows); }
        catch (Exception e) when (Unreadable(e)) { return null; }
    }

    /// <summary>A sibling that cannot be read is simply not proposed; the user's own file is what `map` reports on.</summary>
    internal static bool Unreadable(Exception e) =>
        e is SourceFormatException or IOException or UnauthorizedAccessException or InvalidDataException or FormatException or NotSupportedException;

    /// <summary>The sibling's rows whose key is among the sampled keys; null when one of those keys appears twice (no lookup possible).</summary>
    sealed class Lookup
    {
        readonly Dictionary<string, string?[]> _rows = new(StringComparer.Ordinal);

        Lookup(IReadOnlyList<string> columns) => Columns = columns;

        public IReadOnlyList<string> Columns { get; }

        public bool Contains(string key) => _rows.ContainsKey(key);

        public string?[]? Find(string? key) => key is not null && _rows.TryGetValue(key, out var row) ? row : null;

        public static Lookup? Read(string file, string keyColumn, HashSet<string> keys)
        {
            try
            {
                using var reader = SourceReaders.Open(file);
                if (reader.Columns.Count > ImportLimits.Default.MaxColumns) return null;
                var keyIndex = reader.Columns.ToList().FindIndex(c => string.Equals(c, keyColumn, StringComparison.OrdinalIgnoreCase));
                var lookup = new Lookup(reader.Columns);
                for (var read = 0; read < MaxScanRows && reader.Read(); read++)
                {
                    if (reader.Get(keyIndex)?.Trim() is not { } key || !keys.Contains(key)) continue;
                    var row = new string?[reader.Columns.Count];
                    for (var c = 0; c < row.Length; c++) row[c] = reader.Get(c) is { } text && text.Trim() is { Length: > 0 } trimmed ? trimmed : null;
                    if (!lookup._rows.TryAdd(key, row)) return null;
                }
                return lookup;
            }
            catch (Exception e) when (Unreadable(e)) { return null; }
        }
    }

    /// <summary>The columns seen so far, each with its values aligned to the main file's sampled rows; earlier names win, as in the importer.</summary>
    sealed class View
    {
        readonly FileSample _own;
        readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);

        public View(FileSample own)
        {
            _own = own;
            foreach (var column in own.Columns) { Columns.Add(column); Cells.Add(own.Values(column)); _names.Add(column.Name); }
        }

        public List<ColumnProfile> Columns { get; } = [];
        public List<IReadOnlyList<string?>> Cells { get; } = [];
        public Dictionary<ColumnProfile, ProposedJoin> Origins { get; } = new(ReferenceEqualityComparer.Instance);
        public int Count => Columns.Count;

        public void Add(ProposedJoin join, int keyColumn, Lookup rows)
        {
            var keys = Cells[keyColumn];
            for (var c = 0; c < rows.Columns.Count; c++)
            {
                var name = rows.Columns[c];
                if (!_names.Add(name)) continue;
                var values = keys.Select(k => rows.Find(k)?[c]).ToList();
                var profile = ColumnProfiler.Describe(name, values);
                Columns.Add(profile);
                Cells.Add(values);
                Origins[profile] = join;
            }
        }

        public FileSample ToSample() => new(Columns, _own.Rows, Cells);
    }
}
