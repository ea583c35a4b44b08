using Fulcrum.Data.Import.Mapping;
using Fulcrum.Data.Import.Sources;

namespace Fulcrum.Data.Import;

/// <summary>A joined file held in memory by its key column (joined files are lookups: small next to the main file).</summary>
internal sealed class JoinIndex
{
    readonly Dictionary<string, (string?[] Values, long Line)> _rows = new(StringComparer.Ordinal);

    JoinIndex(string file, string on, IReadOnlyList<string> columns)
    {
        File = file;
        On = on;
        Columns = columns;
    }

    public string File { get; }
    public string On { get; }
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The joined row with this key and its line in the joined file (for rejects to name where a value came from), or null.</summary>
    public (string?[] Values, long Line)? Find(string key) => _rows.TryGetValue(key.Trim(), out var row) ? row : null;

    /// <param name="folder">The only folder joined files may come from (the main file's, or the web upload's).</param>
    public static JoinIndex Load(JoinSpec spec, string? mappingFile, string folder, ImportLimits limits)
    {
        var path = JoinPath.Resolve(spec, mappingFile, folder);
        var size = new FileInfo(path).Length;
        if (size > limits.MaxJoinBytes)
            throw new SourceFormatException(path, null, $"joined file is {size / 1024 / 1024:N0} MB; a joined file may have at most {limits.MaxJoinBytes / 1024 / 1024:N0} MB.");
        using var reader = SourceReaders.Open(path, spec.Options);
        if (reader.Columns.Count > limits.MaxColumns)
            throw new SourceFormatException(path, 1, $"joined file has {reader.Columns.Count:N0} columns; at most {limits.MaxColumns:N0} are allowed.");
        var keyIndex = reader.Columns.ToList().FindIndex(c => string.Equals(c, spec.On, StringComparison.OrdinalIgnoreCase));
        if (keyIndex < 0)
            throw new SourceFormatException(path, 1, $"joined file has no column '{spec.On}' to join on. Columns: {string.Join(", ", reader.Columns)}.");
        var index = new JoinIndex(path, spec.On, reader.Columns);
        var firstLine = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var key = reader.Get(keyIndex)?.Trim();
            if (key is null) continue;
            if (firstLine.TryGetValue(key, out var first))
                throw new SourceFormatException(path, reader.Line, $"join key '{key}' appears twice (first on line {first}); a joined file needs a unique '{spec.On}'.");
            if (firstLine.Count >= limits.MaxJoinRows)
                throw new SourceFormatException(path, reader.Line, $"joined file has more than {limits.MaxJoinRows:N0} rows, the most a join may hold.");
            var line = reader.Line;
            firstLine[key] = line;
            var values = new string?[reader.Columns.Count];
            for (var i = 0; i < values.Length; i++) values[i] = reader.Get(i);
            index._rows[key] = (values, line);
        }
        return index;
    }
}
