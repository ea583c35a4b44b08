using System.Globalization;
using Fulcrum.Analytics.Segments;

namespace Fulcrum.Web.Api;

/// <summary>Turns query-string values into analysis options, with errors that name the parameter.</summary>
public static class QueryParsing
{
    public static IReadOnlyList<string> List(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static DateOnly? Date(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : throw new ArgumentException($"{name} must be a date like 2025-01-31, not '{text}'.", name);
    }

    /// <summary>FROM:TO, both dates (yyyy-MM-dd).</summary>
    public static PeriodRange? Range(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split(':');
        if (parts.Length != 2) throw new ArgumentException($"{name} must be FROM:TO, e.g. 2023-01-01:2023-12-31, not '{text}'.", name);
        var (from, to) = (Date(parts[0], name)!.Value, Date(parts[1], name)!.Value);
        if (to < from) throw new ArgumentException($"{name} ends before it starts.", name);
        return new PeriodRange($"{from:yyyy-MM-dd}–{to:yyyy-MM-dd}", from, to);
    }

    public static T Enum<T>(string? text, T fallback, string name) where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value)
            ? value
            : throw new ArgumentException($"{name} must be one of: {string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.", name);
    }

    public static int Between(int? value, int fallback, int min, int max, string name)
    {
        var v = value ?? fallback;
        return v >= min && v <= max ? v : throw new ArgumentOutOfRangeException(name, v, $"{name} must be {min} to {max}.");
    }
}
