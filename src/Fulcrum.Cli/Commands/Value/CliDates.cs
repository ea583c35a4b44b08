using System.Globalization;

namespace Fulcrum.Cli.Commands.Value;

/// <summary>Dates and timestamps given on the command line (yyyy-MM-dd, or yyyy-MM-ddTHH:mm), with errors naming the option.</summary>
static class CliDates
{
    public static DateOnly? Date(string option, string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new FormatException($"{option}: '{text}' is not a date in the form yyyy-MM-dd.");

    public static DateTime? Timestamp(string option, string? text) =>
        text is null ? null
        : DateTime.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t
        : throw new FormatException($"{option}: '{text}' is not a date or time (yyyy-MM-dd or yyyy-MM-ddTHH:mm).");

    /// <summary>Runs a validation that throws FormatException and turns it into a Spectre validation result.</summary>
    public static Spectre.Console.ValidationResult Check(Action validate)
    {
        try { validate(); }
        catch (FormatException e) { return Spectre.Console.ValidationResult.Error(e.Message); }
        return Spectre.Console.ValidationResult.Success();
    }
}
