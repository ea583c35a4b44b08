using System.Globalization;
using System.Text.RegularExpressions;

namespace Fulcrum.Reports.Executive.Model;

/// <summary>What the report's period is compared with: the quarter before, or the same quarter a year earlier.</summary>
public enum CompareWith { Previous, Year }

/// <summary>A calendar quarter, the unit of the executive report (e.g. 2025Q4 = 2025-10-01 to 2025-12-31).</summary>
public sealed partial record ReportPeriod(int Year, int Quarter)
{
    public DateOnly From => new(Year, 3 * (Quarter - 1) + 1, 1);
    public DateOnly To => From.AddMonths(3).AddDays(-1);
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Quarter}");

    public ReportPeriod PreviousQuarter() => Quarter == 1 ? new(Year - 1, 4) : new(Year, Quarter - 1);
    public ReportPeriod YearEarlier() => new(Year - 1, Quarter);
    public ReportPeriod ComparedWith(CompareWith comparison) => comparison == CompareWith.Year ? YearEarlier() : PreviousQuarter();

    public static ReportPeriod Containing(DateOnly day) => new(day.Year, (day.Month - 1) / 3 + 1);

    /// <summary>The last quarter that ended on or before <paramref name="today"/>.</summary>
    public static ReportPeriod LastFull(DateOnly today) => Containing(today).PreviousQuarter();

    /// <summary>Parses 2025Q4, 2025-Q4 or 2025q4.</summary>
    public static ReportPeriod Parse(string text)
    {
        var m = QuarterPattern().Match(text.Trim());
        if (!m.Success) throw new ArgumentException($"'{text}' is not a quarter. Write it like 2025Q4.", "period");
        return new ReportPeriod(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    public static CompareWith ParseComparison(string text) => text.Trim().ToLowerInvariant() switch
    {
        "previous" or "quarter" => CompareWith.Previous,
        "year" or "yoy" => CompareWith.Year,
        _ => throw new ArgumentException($"Unknown comparison '{text}'. Use previous (the quarter before) or year (the same quarter a year earlier).", "compare"),
    };

    [GeneratedRegex(@"^(\d{4})-?[Qq]([1-4])$")]
    private static partial Regex QuarterPattern();
}
