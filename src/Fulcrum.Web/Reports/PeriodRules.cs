using Fulcrum.Reports.Executive.Model;

namespace Fulcrum.Web.Reports;

/// <summary>Which quarter a scheduled run reports, decided when it runs (in the schedule's time zone).</summary>
public static class PeriodRules
{
    /// <summary>The last quarter that ended before the run (a run on 1 April reports Q1).</summary>
    public const string LastFullQuarter = "last-full-quarter";
    /// <summary>The quarter the run falls in, to date.</summary>
    public const string CurrentQuarter = "current-quarter";
    /// <summary>The latest quarter with survey data (what `fulcrum report` reports by default).</summary>
    public const string LatestData = "latest-data";

    public static readonly IReadOnlyList<string> All = [LastFullQuarter, CurrentQuarter, LatestData];

    public static void Check(string rule)
    {
        if (!All.Contains(rule)) throw new ArgumentException($"Unknown period rule '{rule}'. Use {string.Join(", ", All)}.", "PeriodRule");
    }

    /// <returns>The quarter to report, or null for the latest with data.</returns>
    public static ReportPeriod? Resolve(string rule, DateTime runAtUtc, string timeZone)
    {
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(runAtUtc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById(timeZone)));
        return rule switch
        {
            LastFullQuarter => ReportPeriod.LastFull(local),
            CurrentQuarter => ReportPeriod.Containing(local),
            _ => null,
        };
    }
}
