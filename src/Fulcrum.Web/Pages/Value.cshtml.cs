using Fulcrum.Analytics.Value;
using Fulcrum.Web.Api;
using Fulcrum.Web.Store;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fulcrum.Web.Pages;

/// <summary>Value delivered, from the same entry point as /api/value and `fulcrum value`.</summary>
public sealed class ValueModel(AnalyticsRunner runner, StorePool pool) : PageModel
{
    /// <summary>Null when the store holds nothing the ledger values (no initiatives, reference requests or follow-ups).</summary>
    public ValueReport? Report { get; private set; }

    /// <summary>The answers the closed loop follows up in this store (e.g. "dissatisfied answers (CSAT 1–2)"); null when none has a score.</summary>
    public string? FollowupRule { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        (var anything, FollowupRule) = await pool.ReadAsync(store => (store.Count("initiatives") + store.Count("reference_requests") + store.Count("followups") > 0,
            Fulcrum.Data.Survey.FollowupRule.Of(store)?.Answers), cancellation);
        if (anything) Report = (await ValueApi.GetValue(runner, cancellation)).Value!;
    }
}
