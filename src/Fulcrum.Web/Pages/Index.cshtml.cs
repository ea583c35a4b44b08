using Fulcrum.Analytics.Alerts;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Analytics.Segments;
using Fulcrum.Web.Access;
using Fulcrum.Web.Api;
using Fulcrum.Web.Store;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fulcrum.Web.Pages;

/// <summary>Overview: latest NPS/CSAT/CES with intervals, money at risk (or from repeat purchases), trends (drawn from /api/metrics), the growth-check summary and latest alerts.</summary>
public sealed class IndexModel(AnalyticsRunner runner, StorePool pool, SalesModelCache sales) : PageModel
{
    public IReadOnlyList<MetricCell> Latest { get; private set; } = [];
    public string? LatestPeriod { get; private set; }
    /// <summary>The survey metrics customers answered (NPS, CSAT, CES order); the trend chart offers only these.</summary>
    public IReadOnlyList<string> Metrics { get; private set; } = [];
    public int Decimals(string metric) => metric == "nps" ? 1 : 2;
    public GrowthCheckReport? Growth { get; private set; }
    public IReadOnlyList<StoredAlert> Alerts { get; private set; } = [];
    public bool CanScan => User.IsInRole(Roles.Analyst) || User.IsInRole(Roles.Admin);
    public string? Message { get; private set; }
    /// <summary>Orders and no renewals: the money panel shows repeat purchases instead of money at risk.</summary>
    public bool SellsByOrder { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation) => await Load(cancellation);

    public async Task<IActionResult> OnPostScanAsync(CancellationToken cancellation)
    {
        if (!CanScan) return Forbid();
        try
        {
            var summary = (await AnalyticsApi.ScanAlerts(runner, null, null, cancellation)).Value!;
            Message = $"Scanned {summary.Series} series: {summary.Added} new alert(s), {summary.Alerts} in all.";
        }
        catch (MetricNotOnRecordException e)
        {
            Message = $"No scan: {ServerPaths.Hide(e.Message)}";
        }
        await Load(cancellation);
        return Page();
    }

    async Task Load(CancellationToken cancellation)
    {
        Metrics = await SurveyMetrics.OnRecordAsync(runner, cancellation);
        SellsByOrder = (await sales.GetAsync(cancellation)).SellsByOrder;
        var metrics = (await AnalyticsApi.GetMetrics(runner, "nps,csat,ces", null, "quarter", null, null, null, null, 1, Page<MetricCell>.MaxSize, cancellation)).Value!;
        var last = metrics.Cells.Items.Count == 0 ? (DateOnly?)null : metrics.Cells.Items.Max(c => c.Period);
        Latest = metrics.Cells.Items.Where(c => c.Period == last).ToList();
        LatestPeriod = Latest.FirstOrDefault()?.PeriodLabel;
        try
        {
            if (Latest.Count > 0 && Metrics.Count > 0) Growth = (await AnalyticsApi.GetGrowthCheck(runner, Metrics[0], null, null, null, null, null, null, cancellation)).Value;
        }
        catch (Exception e) when (e is ArgumentException or Fulcrum.Analytics.Linkage.MissingDataException)
        {
            // Too little history for a before/after comparison (all answers on one date, a period without any): the section is left out.
        }
        Alerts = (await pool.ReadAsync(store => AlertStore.List(store), cancellation)).Take(10).ToList();
    }
}
