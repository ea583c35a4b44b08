using System.ComponentModel;
using System.Globalization;
using Fulcrum.Analytics.Facts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fulcrum.Cli.Commands;

/// <summary>Options shared by the analysis commands.</summary>
public class AnalysisSettings : StoreSettings
{
    [CommandOption("--period <UNIT>")]
    [Description("Period: week, month, quarter or year.")]
    [DefaultValue("quarter")]
    public string Period { get; init; } = "quarter";

    [CommandOption("--from <DATE>")]
    [Description("First day to include (yyyy-MM-dd).")]
    public string? From { get; init; }

    [CommandOption("--to <DATE>")]
    [Description("Last day to include (yyyy-MM-dd).")]
    public string? To { get; init; }

    [CommandOption("--json")]
    [Description("Print the result as JSON instead of tables.")]
    public bool Json { get; init; }

    public PeriodUnit PeriodUnit => PeriodUnits.Parse(Period);
    public DateOnly? FromDate => ParseDate(From);
    public DateOnly? ToDate => ParseDate(To);

    public override ValidationResult Validate()
    {
        try
        {
            _ = PeriodUnit;
            _ = FromDate;
            _ = ToDate;
        }
        catch (ArgumentException e) { return ValidationResult.Error(e.Message); }
        catch (FormatException e) { return ValidationResult.Error(e.Message); }
        if (FromDate > ToDate) return ValidationResult.Error("--from is after --to.");
        return ValidationResult.Success();
    }

    static DateOnly? ParseDate(string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new FormatException($"'{text}' is not a date in the form yyyy-MM-dd.");
}
