using Fulcrum.Analytics.Value;
using Fulcrum.Web.Api;
using Fulcrum.Web.Store;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fulcrum.Web.Pages;

/// <summary>Value delivered, from the same entry point as /api/value and `fulcrum value`.</summary>
public sealed class ValueModel(AnalyticsRunner runner) : PageModel
{
    public ValueReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellation) => Report = (await ValueApi.GetValue(runner, cancellation)).Value!;
}
