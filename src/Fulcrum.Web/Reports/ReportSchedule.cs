using Cronos;
using Fulcrum.Reports.Executive.Model;

namespace Fulcrum.Web.Reports;

/// <summary>How a schedule delivers: into a folder, by e-mail to recipients, or posted to a webhook.</summary>
public static class Deliveries
{
    public const string Folder = "folder", Email = "email", Webhook = "webhook";
    public static readonly IReadOnlyList<string> All = [Folder, Email, Webhook];
}

/// <summary>A report schedule as stored.</summary>
/// <param name="Cron">Five-field cron expression, evaluated in <paramref name="TimeZone"/> (IANA id, e.g. Europe/Berlin).</param>
/// <param name="PeriodRule">Which quarter each run reports: see <see cref="PeriodRules"/>.</param>
/// <param name="Target">The folder, the comma-separated recipients or the webhook URL.</param>
public sealed record ReportSchedule(
    string ScheduleId, string Name, string Cron, string TimeZone, string PeriodRule, string CompareWith, string Formats, string Delivery, string Target,
    bool Enabled, string CreatedBy, DateTime CreatedAt, DateTime? NextRunAt)
{
    /// <summary>The first run time after <paramref name="after"/> (UTC), in the schedule's time zone.</summary>
    public DateTime? NextAfter(DateTime after) =>
        CronExpression.Parse(Cron).GetNextOccurrence(DateTime.SpecifyKind(after, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById(TimeZone));
}

/// <summary>What an admin sends to create a schedule (API and Admin page).</summary>
public sealed record ScheduleRequest(string Name, string Cron, string? TimeZone, string? PeriodRule, string? CompareWith, string? Formats, string Delivery, string Target)
{
    /// <summary>Every field checked; the first problem is thrown as an <see cref="ArgumentException"/> naming the field.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 100) throw new ArgumentException("Give the schedule a name (up to 100 characters).", nameof(Name));
        try { CronExpression.Parse(Cron); }
        catch (CronFormatException e) { throw new ArgumentException($"'{Cron}' is not a cron expression (minute hour day month weekday, e.g. \"0 7 1 1,4,7,10 *\"): {e.Message}", nameof(Cron)); }
        try { TimeZoneInfo.FindSystemTimeZoneById(TimeZone ?? "UTC"); }
        catch (TimeZoneNotFoundException) { throw new ArgumentException($"Unknown time zone '{TimeZone}'. Use an IANA id such as Europe/Berlin or UTC.", nameof(TimeZone)); }
        PeriodRules.Check(PeriodRule ?? PeriodRules.LastFullQuarter);
        ReportPeriod.ParseComparison(CompareWith ?? "year");
        ReportFormats.Parse(Formats ?? "html,pdf,xlsx");
        if (!Deliveries.All.Contains(Delivery)) throw new ArgumentException($"Delivery must be one of {string.Join(", ", Deliveries.All)}.", nameof(Delivery));
        if (string.IsNullOrWhiteSpace(Target)) throw new ArgumentException("Say where to deliver: a folder, e-mail recipients or a webhook URL.", nameof(Target));
        if (Delivery == Deliveries.Webhook && !(Uri.TryCreate(Target, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            throw new ArgumentException($"'{Target}' is not an http(s) URL.", nameof(Target));
        if (Delivery == Deliveries.Email && Recipients(Target).Any(r => !MimeKit.MailboxAddress.TryParse(r, out _)))
            throw new ArgumentException($"'{Target}' is not a comma-separated list of e-mail addresses.", nameof(Target));
    }

    public static IEnumerable<string> Recipients(string target) => target.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>One report run: asked for on the page or API (no schedule) or due on a schedule.</summary>
public sealed record ReportRun(
    string RunId, string? ScheduleId, string Period, string CompareWith, string Formats, string RequestedBy, string Status, DateTime StartedAt,
    DateTime? FinishedAt, int Attempts, string? DeliveredTo, string? Error, string? Folder)
{
    public const string Running = "running", Generated = "generated", Delivered = "delivered", Failed = "failed";
}
