using System.Globalization;
using Fulcrum.Data.Schema;

namespace Fulcrum.Data.Import.Validation;

/// <summary>
/// Turns a source value (text, or the result of an expression) into the canonical field's type.
/// Returns an error reason instead of throwing, because bad values are expected and reported per row.
/// </summary>
public static class ValueConverter
{
    static readonly string[] IsoDateFormats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd HH:mm:ssK"];

    /// <summary>Dates and timestamps outside these years are refused: they are typos or placeholders (0001-01-01), and
    /// analyses that turn them into periods fail on them.</summary>
    public static readonly DateTime Earliest = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc), Latest = new(2100, 12, 31, 23, 59, 59, DateTimeKind.Utc);

    public static bool TryConvert(object? value, FieldType type, string? format, out object? result, out string? error)
    {
        result = null;
        error = null;
        if (value is null || value is string { Length: 0 }) return true;
        // A NUL ends the text in some tools and not in others, so a key with one could silently name another row.
        if (value is string withNul && withNul.Contains('\0')) { error = "contains a NUL character (\\0)"; return false; }
        switch (type)
        {
            case FieldType.Text:
            case FieldType.Json:
                result = value switch
                {
                    string s => s.Trim(),
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    bool b => b ? "true" : "false",
                    DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
                    _ => Convert.ToString(value, CultureInfo.InvariantCulture),
                };
                if (result is string { Length: 0 }) result = null;
                return true;
            case FieldType.Number:
                if (value is double dn) { result = dn; return CheckFinite(dn, out error); }
                if (value is string sn && sn.Contains(',') && !ThousandsGrouping.IsMatch(sn.Trim()))
                {
                    error = "has a comma that is not a thousands separator (1,234.5); write decimals with a point (1.5, not 1,5)";
                    return false;
                }
                if (value is string sn2 && double.TryParse(sn2.Trim(), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var parsed))
                { result = parsed; return CheckFinite(parsed, out error); }
                error = "not a number";
                return false;
            case FieldType.Integer:
                double whole;
                if (value is double di) whole = di;
                else if (value is string si && double.TryParse(si.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var p)) whole = p;
                else { error = "not a whole number"; return false; }
                if (whole != Math.Floor(whole) || Math.Abs(whole) > long.MaxValue / 2.0) { error = "not a whole number"; return false; }
                result = (long)whole;
                return true;
            case FieldType.Boolean:
                if (value is bool b2) { result = b2; return true; }
                if (value is double db && (db is 0 or 1)) { result = db == 1; return true; }
                switch ((value as string)?.Trim().ToLowerInvariant())
                {
                    case "true" or "yes" or "y" or "1" or "t": result = true; return true;
                    case "false" or "no" or "n" or "0" or "f": result = false; return true;
                }
                error = "not true/false (accepted: true, false, yes, no, y, n, 1, 0)";
                return false;
            case FieldType.Date:
                if (value is DateTime dt) { result = DateOnly.FromDateTime(dt); return InWindow(dt, out error); }
                if (value is string sd && TryParseDateTime(sd.Trim(), format, out var parsedDate, out _))
                { result = DateOnly.FromDateTime(parsedDate); return InWindow(parsedDate, out error); }
                error = format is null ? "not a date (expected yyyy-MM-dd; declare another with 'format' in the mapping)" : $"not a date in the format '{format}'";
                return false;
            case FieldType.Timestamp:
                if (value is DateTime ts) { result = ts; return InWindow(ts, out error); }
                if (value is string st && TryParseDateTime(st.Trim(), format, out var parsedTime, out _))
                { result = parsedTime; return InWindow(parsedTime, out error); }
                error = format is null ? "not a timestamp (expected ISO 8601, e.g. 2024-03-01T14:05:00Z; declare another with 'format')" : $"not a timestamp in the format '{format}'";
                return false;
            default:
                throw new ArgumentOutOfRangeException(nameof(type));
        }
    }

    /// <summary>Parses with the mapping's format(s) ('|'-separated) or ISO 8601; a value with an offset is converted to UTC.</summary>
    public static bool TryParseDateTime(string text, string? format, out DateTime result, out bool hadOffset)
    {
        hadOffset = false;
        // Fast path for ISO 8601 without a declared format: one general parse instead of trying each pattern.
        if (format is null && text.Length >= 10 && text[4] == '-' && text[7] == '-'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso))
        {
            hadOffset = true;
            result = iso.UtcDateTime;
            return true;
        }
        var formats = format?.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? IsoDateFormats;
        if (DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var withOffset))
        {
            hadOffset = true;
            result = withOffset.UtcDateTime;
            return true;
        }
        result = default;
        return false;
    }

    static readonly System.Text.RegularExpressions.Regex ThousandsGrouping = new(@"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    static bool InWindow(DateTime value, out string? error)
    {
        error = value >= Earliest && value <= Latest ? null : $"{value:yyyy-MM-dd} is outside the years {Earliest.Year}–{Latest.Year}";
        return error is null;
    }

    static bool CheckFinite(double value, out string? error)
    {
        error = double.IsFinite(value) ? null : "not a finite number";
        return error is null;
    }
}
