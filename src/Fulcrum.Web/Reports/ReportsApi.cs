using System.Security.Claims;
using Fulcrum.Reports.Executive.Model;
using Fulcrum.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Fulcrum.Web.Reports;

/// <summary>What to generate now: a quarter (default the latest with data), the comparison and the formats.</summary>
public sealed record ReportOrder(string? Period, string? Compare, string? Formats)
{
    public ReportRequest Request => new(Period is null ? null : ReportPeriod.Parse(Period), ReportPeriod.ParseComparison(Compare ?? "year"));
    public IReadOnlyList<ReportFormat> FormatList => ReportFormats.Parse(Formats ?? "html,pdf,xlsx");
}

/// <summary>
/// The CX value report: analysts generate it now, everyone downloads it and sees the history of runs (scheduled ones too);
/// admins manage the schedules.
/// </summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.Viewer);
        api.MapGet("/", List).WithName("GetReportRuns").WithSummary("Report runs, newest first: asked for and scheduled, with status, attempts, delivery and error.");
        api.MapPost("/", Generate).WithName("GenerateReport").RequireAuthorization(Policies.Analyst).ProducesValidationProblem()
            .WithSummary("Generates the report now (body: period such as 2025Q4, compare previous|year, formats html,pdf,xlsx) and returns its run with download links. " +
                         "A period with no survey answers in or before it is refused (400, errors.period naming the quarters that hold answers), as `fulcrum report --period`.");
        api.MapGet("/{id}/{format}", Download).WithName("DownloadReport").WithSummary("A generated report's file: html, pdf or xlsx.");
        var schedules = api.MapGroup("/schedules").RequireAuthorization(Policies.Admin);
        schedules.MapGet("/", Schedules).WithName("GetReportSchedules").WithSummary("Report schedules with their next run time (UTC).");
        schedules.MapPost("/", CreateSchedule).WithName("CreateReportSchedule")
            .WithSummary("Creates a schedule: cron, timeZone, periodRule (last-full-quarter, current-quarter, latest-data), compareWith, formats, delivery (folder, email, webhook), target.");
        schedules.MapDelete("/{id}", DeleteSchedule).WithName("DeleteReportSchedule").WithSummary("Deletes a schedule (its past runs stay in the history).");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<ReportRun>>> List(ReportRepository repository, CancellationToken cancellation) =>
        TypedResults.Ok(await repository.RunsAsync(cancellation: cancellation));

    public static async Task<Results<Created<ReportRun>, UnprocessableEntity<ReportRun>>> Generate(ReportOrder order, ReportService service, ClaimsPrincipal user,
        CancellationToken cancellation)
    {
        var run = await service.GenerateNowAsync(order.Request, order.FormatList, user.Identity?.Name ?? "api", cancellation);
        return run.Status == ReportRun.Failed ? TypedResults.UnprocessableEntity(run) : TypedResults.Created($"/api/reports/{run.RunId}/{run.Formats.Split(',')[0]}", run);
    }

    public static async Task<Results<PhysicalFileHttpResult, NotFound<ProblemDetails>>> Download(string id, string format, ReportRepository repository, CancellationToken cancellation)
    {
        if (!Enum.TryParse<ReportFormat>(format, ignoreCase: true, out var f) || int.TryParse(format, out _)) return NotFound($"Unknown format '{format}': use html, pdf or xlsx.");
        var run = await repository.RunAsync(id, cancellation);
        if (run is null) return NotFound($"No report run '{id}'.");
        var path = ReportService.File(run, f);
        return path is null ? NotFound($"Run '{id}' has no {f.Extension()} file ({run.Status}{(run.Error is null ? "" : ": " + run.Error)}).")
            : TypedResults.PhysicalFile(path, f.ContentType(), Path.GetFileName(path));
    }

    public static async Task<Ok<IReadOnlyList<ReportSchedule>>> Schedules(ReportRepository repository, CancellationToken cancellation) =>
        TypedResults.Ok(await repository.SchedulesAsync(cancellation));

    public static async Task<Created<ReportSchedule>> CreateSchedule(ScheduleRequest request, ReportRepository repository, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var schedule = await repository.CreateScheduleAsync(request, user.Identity?.Name ?? "api", clock.GetUtcNow().UtcDateTime, cancellation);
        return TypedResults.Created($"/api/reports/schedules/{schedule.ScheduleId}", schedule);
    }

    public static async Task<Results<NoContent, NotFound<ProblemDetails>>> DeleteSchedule(string id, ReportRepository repository, CancellationToken cancellation) =>
        await repository.DeleteScheduleAsync(id, cancellation) ? TypedResults.NoContent() : NotFound($"No schedule '{id}'.");

    static NotFound<ProblemDetails> NotFound(string detail) => TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = detail });
}
