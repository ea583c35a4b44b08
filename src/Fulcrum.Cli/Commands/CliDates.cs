using System.Globalization;

namespace Fulcrum.Cli.Commands;

/// <summary>Dates and timestamps given on the command line (yyyy-MM-dd, or yyyy-MM-ddTHH:mm), with errors naming the option.</summary>
static class CliDates
{
    /// <summary>A yyyy-MM-dd date; the error names <paramref name="option"/> (the analysis settings' --from/--to leave it out, null).</summary>
    public static DateOnly? Date(string? option, string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new FormatException($"{(option is null ? "" : $"{option}: ")}'{text}' is not a date in the form yyyy-MM-dd.");

    public static DateTime? Timestamp(string option, string? text) =>
        text is null ? null
        : DateTime.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t
        : throw new FormatException($"{option}: '{text}' is not a date or time (yyyy-MM-dd or yyyy-MM-ddTHH:mm).");
}
