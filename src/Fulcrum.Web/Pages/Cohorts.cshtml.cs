using Fulcrum.Analytics.Cohorts;
using Fulcrum.Web.Api;
using Fulcrum.Web.Store;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fulcrum.Web.Pages;

/// <summary>The product-transition cohorts, from the same entry point as /api/cohorts and `fulcrum cohorts`.</summary>
public sealed class CohortsModel(AnalyticsRunner runner, StorePool pool) : PageModel
{
    public ProductTransitionReport Report { get; private set; } = null!;
    public bool HasSubscriptions { get; private set; }
    /// <summary>The transitions some account made; an empty one would only show zeros (the summary already says none happened).</summary>
    public IReadOnlyList<TransitionCohort> Cohorts => Report.Cohorts.Where(c => c.Accounts > 0).ToList();

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Report = (await AnalyticsApi.GetCohorts(runner, null, null, cancellation)).Value!;
        HasSubscriptions = await pool.ReadAsync(store => store.Count("subscriptions") > 0, cancellation);
    }
}
