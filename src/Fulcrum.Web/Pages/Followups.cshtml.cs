using Fulcrum.Web.Access;
using Fulcrum.Web.Api;
using Fulcrum.Web.Followups;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fulcrum.Web.Pages;

/// <summary>The follow-up queue (the same queue as /api/followups): filter, assign, close.</summary>
public sealed class FollowupsModel(FollowupQueue queue, Fulcrum.Web.Store.StorePool pool, Fulcrum.Web.Store.AnalyticsRunner runner) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Owner { get; set; }
    /// <summary>The ?page= of the pager. Read from the query itself: Razor Pages keep the route value "page" for the page's own path.</summary>
    public int? PageNumber => int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
    public Page<FollowupItem> Items { get; private set; } = null!;
    public bool CanEdit => User.IsInRole(Roles.Analyst) || User.IsInRole(Roles.Admin);
    public string? Message { get; private set; }
    public Fulcrum.Analytics.Value.ClosedLoop.SyncResult? Synced { get; private set; }
    public Fulcrum.Analytics.Value.ClosedLoop.ClosedLoopReport? Measures { get; private set; }
    public bool Failed { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation) => await Load(cancellation);

    public async Task<IActionResult> OnPostAssignAsync(string responseId, string owner, CancellationToken cancellation) =>
        await Change(() => queue.AssignAsync(responseId, owner, cancellation), $"{responseId} assigned to {owner}.", cancellation);

    public async Task<IActionResult> OnPostSyncAsync(CancellationToken cancellation) =>
        await Change(async () => { var r = await queue.SyncAsync(cancellation); Synced = r; return true; }, "Synced.", cancellation);

    public async Task<IActionResult> OnPostCloseAsync(string responseId, string resolution, CancellationToken cancellation) =>
        await Change(() => queue.CloseAsync(responseId, resolution, cancellation), $"{responseId} closed.", cancellation);

    async Task<IActionResult> Change(Func<Task<bool>> change, string done, CancellationToken cancellation)
    {
        if (!CanEdit) return Forbid();
        try
        {
            (Message, Failed) = await change() ? (done, false) : ("No such follow-up.", true);
        }
        catch (Exception e) when (e is ArgumentException or Fulcrum.Analytics.Value.ClosedLoop.FollowupException)
        {
            (Message, Failed) = (ServerPaths.Hide(e.Message.Split(" (Parameter")[0]), true);
        }
        if (Synced is { } sync) Message = sync.Rule is null
            ? "No answer on record has a survey score (NPS, CSAT or CES), so none needs a follow-up."
            : $"Opened {sync.Opened:N0} follow-up(s) for {sync.Answers:N0} {sync.Rule}; {sync.AlreadyFollowedUp:N0} already had one.";
        await Load(cancellation);
        return Page();
    }

    async Task Load(CancellationToken cancellation)
    {
        Measures = (await FollowupsApi.Measures(pool, runner, cancellation)).Value;
        try { Items = await queue.ListAsync(Status, Owner, PageNumber, 50, cancellation); }
        catch (ArgumentException e)
        {
            (Message, Failed) = (ServerPaths.Hide(e.Message.Split(" (Parameter")[0]), true);
            Items = await queue.ListAsync(null, null, 1, 50, cancellation);
        }
    }
}
