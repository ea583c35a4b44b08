using Fulcrum.Web.Api;
using Fulcrum.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fulcrum.Web.Pages.Admin;

/// <summary>Report schedules (the same operations as /api/reports/schedules); admins only (folder policy).</summary>
public sealed class SchedulesModel(ReportRepository repository, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ReportSchedule> Schedules { get; private set; } = [];
    public IReadOnlyList<ReportRun> Failures { get; private set; } = [];
    public string? Message { get; private set; }
    public bool Failed { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation) => await Load(cancellation);

    public async Task<IActionResult> OnPostCreateAsync(ScheduleRequest request, CancellationToken cancellation)
    {
        try
        {
            var schedule = await repository.CreateScheduleAsync(request, User.Identity?.Name ?? "admin", clock.GetUtcNow().UtcDateTime, cancellation);
            (Message, Failed) = ($"Schedule {schedule.Name} created; first run {Format.Date(schedule.NextRunAt)} UTC.", false);
        }
        catch (ArgumentException e)
        {
            (Message, Failed) = (ServerPaths.Hide(e.Message.Split(" (Parameter")[0]), true);
        }
        await Load(cancellation);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string scheduleId, CancellationToken cancellation)
    {
        (Message, Failed) = await repository.DeleteScheduleAsync(scheduleId, cancellation) ? ("Schedule deleted.", false) : ("No such schedule.", true);
        await Load(cancellation);
        return Page();
    }

    async Task Load(CancellationToken cancellation)
    {
        Schedules = await repository.SchedulesAsync(cancellation);
        Failures = (await repository.RunsAsync(cancellation: cancellation)).Where(r => r.ScheduleId is not null && r.Error is not null).Take(20).ToList();
    }
}
