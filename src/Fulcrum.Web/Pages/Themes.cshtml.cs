using Fulcrum.Analytics.Themes;
using Fulcrum.Web.Access;
using Fulcrum.Web.Api;
using Fulcrum.Web.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fulcrum.Web.Pages;

/// <summary>Themes with their impact (the same entry point as /api/themes and `fulcrum themes`); analysts run a discovery.</summary>
public sealed class ThemesModel(StorePool pool, AnalyticsRunner runner) : PageModel
{
    public ThemeImpactReport? Report { get; private set; }
    /// <summary>False when no theme has a score impact (no NPS, CSAT or CES answers, e.g. tweets): the column is left out with a note.</summary>
    public bool HasScoreImpact => Report?.Themes.Any(t => t.ScoreImpact.IsDefined) ?? false;
    /// <summary>NPS impact in points to one decimal; a mean score's (CSAT, CES) is a fraction of a point: two decimals.</summary>
    public int ImpactDigits => Report?.ScoreMetric == "NPS" ? 1 : 2;
    public bool CanDiscover => User.IsInRole(Roles.Analyst) || User.IsInRole(Roles.Admin);
    public string? Message { get; private set; }
    public bool Failed { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation) => await Load(cancellation);

    public async Task<IActionResult> OnPostDiscoverAsync(bool fast, CancellationToken cancellation)
    {
        if (!CanDiscover) return Forbid();
        try
        {
            var run = (await ThemesApi.Discover(runner, fast, cancellation)).Value!;
            Message = $"Found {run.Themes} themes in {run.Comments:N0} comments ({run.Model}, {run.Seconds:0.0} s): {run.Created} new, {run.Matched} matched, {run.Retired} retired.";
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            (Message, Failed) = (ServerPaths.Hide(e.Message), true);
        }
        await Load(cancellation);
        return Page();
    }

    async Task Load(CancellationToken cancellation)
    {
        if ((await ThemesApi.Get(pool, runner, cancellation)).Result is Ok<ThemeImpactReport> ok) Report = ok.Value;
    }
}
