using Fulcrum.Web.Store;

namespace Fulcrum.Web.Reports;

/// <summary>Report schedules and runs in the store (migration 0008); reads through the pool, writes through the single writer.</summary>
public sealed class ReportRepository(StorePool pool, StoreWriter writer)
{
    const string ScheduleColumns = """
        schedule_id AS ScheduleId, name AS Name, cron AS Cron, time_zone AS TimeZone, period_rule AS PeriodRule, compare_with AS CompareWith,
        formats AS Formats, delivery AS Delivery, target AS Target, enabled AS Enabled, created_by AS CreatedBy, created_at AS CreatedAt, next_run_at AS NextRunAt
        """;
    const string RunColumns = """
        run_id AS RunId, schedule_id AS ScheduleId, period AS Period, compare_with AS CompareWith, formats AS Formats, requested_by AS RequestedBy,
        status AS Status, started_at AS StartedAt, finished_at AS FinishedAt, attempts AS Attempts, delivered_to AS DeliveredTo, error AS Error, folder AS Folder
        """;

    public Task<IReadOnlyList<ReportSchedule>> SchedulesAsync(CancellationToken cancellation = default) =>
        pool.ReadAsync<IReadOnlyList<ReportSchedule>>(s => s.Query<ReportSchedule>($"SELECT {ScheduleColumns} FROM report_schedules ORDER BY name, schedule_id").ToList(), cancellation);

    public Task<ReportSchedule> CreateScheduleAsync(ScheduleRequest request, string createdBy, DateTime now, CancellationToken cancellation = default)
    {
        request.Validate();
        var schedule = new ReportSchedule($"sch-{Guid.NewGuid():N}"[..16], request.Name.Trim(), request.Cron.Trim(), request.TimeZone ?? "UTC",
            request.PeriodRule ?? PeriodRules.LastFullQuarter, request.CompareWith ?? "year", request.Formats ?? "html,pdf,xlsx", request.Delivery, request.Target.Trim(),
            true, createdBy, now, null);
        schedule = schedule with { NextRunAt = schedule.NextAfter(now) };
        return writer.RunAsync(s =>
        {
            s.Execute("""
                INSERT INTO report_schedules VALUES ($ScheduleId, $Name, $Cron, $TimeZone, $PeriodRule, $CompareWith, $Formats, $Delivery, $Target, $Enabled, $CreatedBy, $CreatedAt, $NextRunAt)
                """, schedule);
            return schedule;
        }, changesData: false, cancellation);
    }

    public Task<bool> DeleteScheduleAsync(string scheduleId, CancellationToken cancellation = default) =>
        writer.RunAsync(s => s.Execute("DELETE FROM report_schedules WHERE schedule_id = $scheduleId", new { scheduleId }) > 0, changesData: false, cancellation);

    public Task SetNextRunAsync(string scheduleId, DateTime? next, CancellationToken cancellation = default) =>
        writer.RunAsync(s => s.Execute("UPDATE report_schedules SET next_run_at = $next WHERE schedule_id = $scheduleId", new { scheduleId, next }), changesData: false, cancellation);

    public Task<IReadOnlyList<ReportRun>> RunsAsync(int limit = 100, CancellationToken cancellation = default) =>
        pool.ReadAsync<IReadOnlyList<ReportRun>>(s => s.Query<ReportRun>($"SELECT {RunColumns} FROM report_runs ORDER BY started_at DESC, run_id LIMIT $limit", new { limit }).ToList(), cancellation);

    public Task<ReportRun?> RunAsync(string runId, CancellationToken cancellation = default) =>
        pool.ReadAsync(s => s.Query<ReportRun>($"SELECT {RunColumns} FROM report_runs WHERE run_id = $runId", new { runId }).FirstOrDefault(), cancellation);

    public Task SaveRunAsync(ReportRun run, CancellationToken cancellation = default) => writer.RunAsync(s =>
    {
        s.Execute("DELETE FROM report_runs WHERE run_id = $RunId", run);
        return s.Execute("""
            INSERT INTO report_runs VALUES ($RunId, $ScheduleId, $Period, $CompareWith, $Formats, $RequestedBy, $Status, $StartedAt, $FinishedAt, $Attempts, $DeliveredTo, $Error, $Folder)
            """, run);
    }, changesData: false, cancellation);
}
