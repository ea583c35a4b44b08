using Fulcrum.Web.Access;
using Fulcrum.Web.Api;
using Fulcrum.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fulcrum.Web.Pages;

/// <summary>The CX value report: generate now (analysts), download, and the history of runs with failures (the same service as /api/reports).</summary>
public sealed class ReportsModel(ReportService service, ReportRepository repository) : PageModel
{
    public IReadOnlyList<ReportRun> Runs { get; private set; } = [];
    public bool CanGenerate => User.IsInRole(Roles.Analyst) || User.IsInRole(Roles.Admin);
    public bool IsAdmin => User.IsInRole(Roles.Admin);
    public string? Message { get; private set; }
    public bool Failed { get; private set; }
    /// <summary>The quarter asked for, kept in the form after a refusal.</summary>
    public string? Period { get; private set; }
    /// <summary>Why the quarter was refused (no data in or before it, or not a quarter), shown at the field.</summary>
    public string? PeriodError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation) => Runs = await repository.RunsAsync(cancellation: cancellation);

    public async Task<IActionResult> OnPostGenerateAsync(string? period, string compare, string[] formats, CancellationToken cancellation)
    {
        if (!CanGenerate) return Forbid();
        Period = period;
        try
        {
            var order = new ReportOrder(string.IsNullOrWhiteSpace(period) ? null : period, compare, formats.Length == 0 ? null : string.Join(",", formats));
            var run = await service.GenerateNowAsync(order.Request, order.FormatList, User.Identity?.Name ?? "web", cancellation);
            (Message, Failed) = run.Status == ReportRun.Failed ? ($"The report failed: {run.Error}", true) : ($"Report {run.Period} generated.", false);
        }
        catch (ArgumentException e)
        {
            (Message, Failed) = (ServerPaths.Hide(e.Message.Split(" (Parameter")[0]), true);
            if (e.ParamName == "period") PeriodError = Message;
        }
        Runs = await repository.RunsAsync(cancellation: cancellation);
        return Page();
    }

    public static IEnumerable<string> Files(ReportRun run) =>
        Fulcrum.Reports.Executive.Model.ReportFormats.All.Where(f => ReportService.File(run, f) is not null).Select(f => f.ToString().ToLowerInvariant());
}
