using Microsoft.Extensions.Options;
using Fulcrum.Reports.Executive.Model;

namespace Fulcrum.Web.Reports;

/// <summary>
/// Runs due report schedules: renders the report, delivers it, records the run (started, finished, delivered, attempts,
/// error) and retries a failure with back-off (<see cref="ReportOptions.RetryDelaySeconds"/>, doubled each time). A run missed
/// while the server was down (next run time in the past at start) runs once, then the schedule moves to its next time.
/// </summary>
public sealed class ReportScheduler(ReportRepository repository, ReportService service, ReportDelivery delivery, IOptions<ReportOptions> options,
    ILogger<ReportScheduler> logger, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), clock);
        do
        {
            try { await RunDueAsync(stopping); }
            catch (Exception e) when (e is not OperationCanceledException) { logger.LogError("Report scheduler: {Error}", e.Message); }
        } while (await timer.WaitForNextTickAsync(stopping));
    }

    /// <summary>Runs every enabled schedule whose time has come (each once, however many times it was missed).</summary>
    public async Task<IReadOnlyList<ReportRun>> RunDueAsync(CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var runs = new List<ReportRun>();
        foreach (var schedule in (await repository.SchedulesAsync(cancellation)).Where(s => s.Enabled && s.NextRunAt <= now))
        {
            // The next time is set first, so a run that crashes the process is not repeated on every start.
            await repository.SetNextRunAsync(schedule.ScheduleId, schedule.NextAfter(now), cancellation);
            runs.Add(await RunAsync(schedule, now, cancellation));
        }
        return runs;
    }

    public async Task<ReportRun> RunAsync(ReportSchedule schedule, DateTime now, CancellationToken cancellation)
    {
        var request = new ReportRequest(PeriodRules.Resolve(schedule.PeriodRule, now, schedule.TimeZone), ReportPeriod.ParseComparison(schedule.CompareWith));
        var run = ReportService.NewRun(request, ReportFormats.Parse(schedule.Formats), $"schedule {schedule.Name}", schedule.ScheduleId, now);
        await repository.SaveRunAsync(run, cancellation);
        var delay = TimeSpan.FromSeconds(options.Value.RetryDelaySeconds);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var generated = await service.GenerateAsync(run, request, cancellation);
                var to = await delivery.DeliverAsync(schedule, generated, cancellation);
                run = run with
                {
                    Status = ReportRun.Delivered, Attempts = attempt, Period = generated.Report.Period.Label, FinishedAt = clock.GetUtcNow().UtcDateTime, DeliveredTo = to,
                    Error = null, Folder = Path.GetDirectoryName(generated.Files[0].Path),
                };
                await repository.SaveRunAsync(run, cancellation);
                logger.LogInformation("Report schedule {Schedule}: {Period} delivered to {Target} (attempt {Attempt})", schedule.Name, run.Period, to, attempt);
                return run;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
            {
                var last = attempt >= options.Value.MaxAttempts;
                run = run with { Attempts = attempt, Error = Api.ServerPaths.Hide(e.Message), Status = last ? ReportRun.Failed : ReportRun.Running, FinishedAt = last ? clock.GetUtcNow().UtcDateTime : null };
                await repository.SaveRunAsync(run, cancellation);
                logger.LogWarning("Report schedule {Schedule}: attempt {Attempt} of {Max} failed: {Error}", schedule.Name, attempt, options.Value.MaxAttempts, e.Message);
                if (last) return run;
                await Task.Delay(delay, clock, cancellation);
                delay *= 2;
            }
        }
    }
}
