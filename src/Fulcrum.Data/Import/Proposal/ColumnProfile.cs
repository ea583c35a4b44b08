using System.Globalization;
using Fulcrum.Data.Import.Sources;
using Fulcrum.Data.Import.Validation;

namespace Fulcrum.Data.Import.Proposal;

public enum ColumnKind { Empty, Boolean, Integer, Number, Date, Timestamp, Text }

/// <summary>What a sample of one source column looks like: its kind, date format, range, fill and a few examples.</summary>
/// <param name="Format">The .NET date format every value parsed with; null for ISO 8601 (the importer's default) or non-dates.</param>
public sealed record ColumnProfile(
    string Name, ColumnKind Kind, string? Format, long Rows, long Filled, int Distinct, bool Unique, double? Min, double? Max,
    IReadOnlyList<string> Examples)
{
    /// <summary>Distinct values are counted up to this many (enough to tell a code from free text); more is "over" it.</summary>
    public const int DistinctCap = 2_000;

    /// <summary>Counting stopped at <see cref="DistinctCap"/>: <see cref="Distinct"/> is a floor, not a count.</summary>
    public bool DistinctCapped => Distinct > DistinctCap;

    /// <summary>The distinct count as a reader should see it: "over 2,000" when counting stopped, never a capped number shown as exact.</summary>
    public string DistinctLabel => DistinctCapped
        ? string.Create(CultureInfo.InvariantCulture, $"over {DistinctCap:N0}")
        : Distinct.ToString("N0", CultureInfo.InvariantCulture);

    public double FillRate => Rows == 0 ? 0 : (double)Filled / Rows;

    public bool IsNumeric => Kind is ColumnKind.Integer or ColumnKind.Number;

    public bool IsTime => Kind is ColumnKind.Date or ColumnKind.Timestamp;
}

/// <summary>Reads the first rows of a source file and profiles each column (for proposing a mapping; nothing is imported).</summary>
public static class ColumnProfiler
{
    // Tried in order; ISO 8601 needs no format in a mapping.
    static readonly string[] DateFormats = ["MM/dd/yyyy", "M/d/yyyy", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy", "yyyy/MM/dd", "dd-MM-yyyy"];
    static readonly string[] TimestampFormats = ["MM/dd/yyyy HH:mm:ss", "M/d/yyyy H:mm", "M/d/yyyy H:mm:ss", "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm",
        "dd.MM.yyyy HH:mm:ss", "yyyy/MM/dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss zzz", "yyyy-MM-dd HH:mm"];
    static readonly HashSet<string> BooleanWords = new(StringComparer.OrdinalIgnoreCase) { "true", "false", "yes", "no", "y", "n", "t", "f" };

    public static FileSample Profile(string path, int maxRows)
    {
        using var reader = SourceReaders.Open(path);
        // Row-aligned (null where empty), so that columns can be compared row by row (what encodes the outcome).
        var cells = reader.Columns.Select(_ => new List<string?>()).ToArray();
        long rows = 0;
        while (rows < maxRows && reader.Read())
        {
            rows++;
            for (var i = 0; i < cells.Length; i++)
                cells[i].Add(reader.Get(i) is { } text && text.Trim() is { Length: > 0 } trimmed ? trimmed : null);
        }
        var columns = reader.Columns.Select((name, i) => Describe(name, cells[i].OfType<string>().ToList(), rows)).ToList();
        return new FileSample(columns, rows, cells);
    }

    /// <summary>Profiles row-aligned values (null where empty), e.g. a joined file's column as seen from the main file's rows.</summary>
    public static ColumnProfile Describe(string name, IReadOnlyList<string?> cells) => Describe(name, cells.OfType<string>().ToList(), cells.Count);

    static ColumnProfile Describe(string name, List<string> values, long rows)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in values)
        {
            distinct.Add(v);
            // One past the cap, so that exactly DistinctCap values still read as exact.
            if (distinct.Count > ColumnProfile.DistinctCap) break;
        }
        // Every sampled row has its own value: a key candidate.
        var unique = values.Count == rows && rows > 0 && new HashSet<string>(values, StringComparer.Ordinal).Count == values.Count;
        var examples = distinct.Take(3).ToList();
        var (kind, format) = Infer(values, distinct);
        double? min = null, max = null;
        if (kind is ColumnKind.Integer or ColumnKind.Number)
        {
            var numbers = values.Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToList();
            (min, max) = (numbers.Min(), numbers.Max());
        }
        return new ColumnProfile(name, kind, format, rows, values.Count, distinct.Count, unique, min, max, examples);
    }

    static (ColumnKind Kind, string? Format) Infer(List<string> values, HashSet<string> distinct)
    {
        if (values.Count == 0) return (ColumnKind.Empty, null);
        if (distinct.All(BooleanWords.Contains)) return (ColumnKind.Boolean, null);
        if (values.All(v => long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))) return (ColumnKind.Integer, null);
        if (values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))) return (ColumnKind.Number, null);
        if (values.All(v => ValueConverter.TryParseDateTime(v, null, out _, out _)))
            return (values.All(v => v.Length == 10) ? ColumnKind.Date : ColumnKind.Timestamp, null);
        foreach (var f in DateFormats)
            if (values.All(v => DateTime.TryParseExact(v, f, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))) return (ColumnKind.Date, f);
        foreach (var f in TimestampFormats)
            if (values.All(v => DateTime.TryParseExact(v, f, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))) return (ColumnKind.Timestamp, f);
        return (ColumnKind.Text, null);
    }
}
