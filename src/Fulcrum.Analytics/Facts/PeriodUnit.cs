namespace Fulcrum.Analytics.Facts;

public enum PeriodUnit { Week, Month, Quarter, Year }

public static class PeriodUnits
{
    public static string Sql(this PeriodUnit unit) => unit.ToString().ToLowerInvariant();

    /// <summary>The period containing a date, as its first day (weeks start on Monday; SQL portable: date_trunc exists in DuckDB and PostgreSQL).</summary>
    public static string Trunc(this PeriodUnit unit, string dateExpression) => $"CAST(date_trunc('{unit.Sql()}', {dateExpression}) AS DATE)";

    public static string Label(this PeriodUnit unit, DateOnly start) => unit switch
    {
        PeriodUnit.Week => $"{System.Globalization.ISOWeek.GetYear(start.ToDateTime(TimeOnly.MinValue))}-W{System.Globalization.ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue)):D2}",
        PeriodUnit.Month => start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        PeriodUnit.Quarter => $"{start.Year}-Q{(start.Month - 1) / 3 + 1}",
        _ => start.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static string Interval(this PeriodUnit unit) => unit switch
    {
        PeriodUnit.Week => "INTERVAL '7 days'",
        PeriodUnit.Month => "INTERVAL '1 month'",
        PeriodUnit.Quarter => "INTERVAL '3 months'",
        _ => "INTERVAL '1 year'",
    };

    public static PeriodUnit Parse(string text) => text.ToLowerInvariant() switch
    {
        "week" or "weekly" or "w" => PeriodUnit.Week,
        "month" or "monthly" or "m" => PeriodUnit.Month,
        "quarter" or "quarterly" or "q" => PeriodUnit.Quarter,
        "year" or "yearly" or "annual" or "y" => PeriodUnit.Year,
        _ => throw new ArgumentException($"Unknown period '{text}'. Use week, month, quarter or year."),
    };
}
