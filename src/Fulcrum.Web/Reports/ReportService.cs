using Fulcrum.Reports.Executive;
using Fulcrum.Reports.Executive.Model;
using Fulcrum.Web.Options;
using Fulcrum.Web.Store;
using Microsoft.Extensions.Options;

namespace Fulcrum.Web.Reports;

/// <summary>A report written to disk: the run and its files by format.</summary>
public sealed record GeneratedReport(ExecutiveReport Report, IReadOnlyList<(ReportFormat Format, string Path)> Files);

/// <summary>
/// Generates the report from the analyses the dashboard caches (AnalyticsRunner, slow lane) and keeps its files for download,
/// one folder per run under <see cref="ReportOptions.Folder"/>.
/// </summary>
public sealed class ReportService(AnalyticsRunner runner, StorePool pool, ReportRepository repository, IOptions<ReportOptions> options, IOptions<StoreOptions> store)
{
    public string Folder => options.Value.Folder ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(store.Value.Path)) ?? ".", "reports");

    public static ReportRun NewRun(ReportRequest request, IReadOnlyList<ReportFormat> formats, string requestedBy, string? scheduleId, DateTime now) =>
        new($"rep-{now:yyyyMMddHHmmss}-{Guid.NewGuid():N}"[..28], scheduleId, request.Period?.Label ?? "latest", request.Comparison.ToString().ToLowerInvariant(),
            string.Join(",", formats.Select(f => f.Extension())), requestedBy, ReportRun.Running, now, null, 0, null, null, null);

    /// <summary>Renders the run's report into its folder.</summary>
    public async Task<GeneratedReport> GenerateAsync(ReportRun run, ReportRequest request, CancellationToken cancellation)
    {
        var key = $"report|{request.Period?.Label ?? "latest"}|{request.Comparison}";
        var report = await runner.RunAsync(key, facts => ExecutiveReportBuilder.Build(facts, request, Path.GetFileName(store.Value.Path)), cancellation);
        var folder = Path.Combine(Folder, run.RunId);
        var files = await ReportFiles.WriteAsync(report, ReportFormats.Parse(run.Formats), folder, options.Value.Chromium, cancellation);
        return new GeneratedReport(report, files);
    }

    /// <summary>
    /// Refuses a quarter the store has nothing to report for before a run is recorded, as `fulcrum report --period` does
    /// (exit 64): one with no survey answer in or before it. The refusal names the quarters that hold answers.
    /// </summary>
    /// <exception cref="ArgumentException">(parameter "period", a 400 naming the field) The quarter has no answers in or before it.</exception>
    public async Task CheckPeriodAsync(ReportRequest request, CancellationToken cancellation)
    {
        if (request.Period is null) return;
        await pool.ReadAsync(s => ExecutiveReportBuilder.Period(s, request.Period, DateOnly.FromDateTime(DateTime.UtcNow)), cancellation);
    }

    /// <summary>Generates now, recording the run (the Reports page and <c>POST /api/reports</c>); a quarter without data is refused first, recording nothing.</summary>
    public async Task<ReportRun> GenerateNowAsync(ReportRequest request, IReadOnlyList<ReportFormat> formats, string requestedBy, CancellationToken cancellation)
    {
        // Up front, not as a failed run: the caller asked for a quarter the data cannot fill and can ask for another.
        await CheckPeriodAsync(request, cancellation);
        var run = NewRun(request, formats, requestedBy, null, DateTime.UtcNow);
        await repository.SaveRunAsync(run, cancellation);
        try
        {
            var generated = await GenerateAsync(run with { Attempts = 1 }, request, cancellation);
            run = run with { Status = ReportRun.Generated, Period = generated.Report.Period.Label, Attempts = 1, FinishedAt = DateTime.UtcNow, Folder = Path.GetDirectoryName(generated.Files[0].Path) };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            run = run with { Status = ReportRun.Failed, Attempts = 1, FinishedAt = DateTime.UtcNow, Error = Api.ServerPaths.Hide(e.Message) };
        }
        await repository.SaveRunAsync(run, CancellationToken.None);
        return run;
    }

    /// <summary>The file of a finished run in one format, or null.</summary>
    public static string? File(ReportRun run, ReportFormat format) =>
        run.Folder is { } folder && Directory.Exists(folder)
            ? Directory.GetFiles(folder, $"*.{format.Extension()}").FirstOrDefault()
            : null;
}
