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

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Report = (await AnalyticsApi.GetCohorts(runner, null, null, cancellation)).Value!;
        HasSubscriptions = await pool.ReadAsync(store => store.Count("subscriptions") > 0, cancellation);
    }
}
