using Fulcrum.Web.Store;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fulcrum.Web.Pages;

/// <summary>The drill-down page: the tree, mix vs rate and key drivers come from the API; the page offers only the survey metrics on record.</summary>
public sealed class DrilldownModel(AnalyticsRunner runner) : PageModel
{
    public IReadOnlyList<string> Metrics { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation) => Metrics = await SurveyMetrics.OnRecordAsync(runner, cancellation);
}
