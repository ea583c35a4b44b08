using Fulcrum.Web.Access;
using Fulcrum.Web.Api;
using Fulcrum.Web.Followups;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fulcrum.Web.Pages;

/// <summary>The follow-up queue (the same queue as /api/followups): filter, assign, close.</summary>
public sealed class FollowupsModel(FollowupQueue queue) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Owner { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    public Page<FollowupItem> Items { get; private set; } = null!;
    public bool CanEdit => User.IsInRole(Roles.Analyst) || User.IsInRole(Roles.Admin);
    public string? Message { get; private set; }
    public bool Failed { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation) => await Load(cancellation);

    public async Task<IActionResult> OnPostAssignAsync(string responseId, string owner, CancellationToken cancellation) =>
        await Change(() => queue.AssignAsync(responseId, owner, null, cancellation), $"{responseId} assigned to {owner}.", cancellation);

    public async Task<IActionResult> OnPostCloseAsync(string responseId, string resolution, CancellationToken cancellation) =>
        await Change(() => queue.CloseAsync(responseId, resolution, cancellation), $"{responseId} closed.", cancellation);

    async Task<IActionResult> Change(Func<Task<bool>> change, string done, CancellationToken cancellation)
    {
        if (!CanEdit) return Forbid();
        try
        {
            (Message, Failed) = await change() ? (done, false) : ("No such follow-up.", true);
        }
        catch (ArgumentException e)
        {
            (Message, Failed) = (e.Message.Split(" (Parameter")[0], true);
        }
        await Load(cancellation);
        return Page();
    }

    async Task Load(CancellationToken cancellation)
    {
        try { Items = await queue.ListAsync(Status, Owner, PageNumber, 50, cancellation); }
        catch (ArgumentException e)
        {
            (Message, Failed) = (e.Message.Split(" (Parameter")[0], true);
            Items = await queue.ListAsync(null, null, 1, 50, cancellation);
        }
    }
}
