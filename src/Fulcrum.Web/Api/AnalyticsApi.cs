using Fulcrum.Analytics.Alerts;
using Fulcrum.Analytics.Cohorts;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Analytics.Segments;
using Fulcrum.Web.Access;
using Fulcrum.Web.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fulcrum.Web.Api;

/// <summary>
/// The figures of the dashboard as JSON: metrics over time and by dimension, the NPS overview, the drill-down, the
/// growth-check (mix vs rate), cohorts and alerts. Every handler calls the Fulcrum.Analytics entry point the CLI calls;
/// results are cached until the data changes.
/// </summary>
public static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Analytics").RequireAuthorization(Policies.Viewer);

        api.MapGet("/metrics", GetMetrics).WithName("GetMetrics")
            .WithSummary("NPS, CSAT, CES and service metrics over time and by dimension, each with its 95% CI and n; paged cells.");
        api.MapGet("/metrics/overview", GetOverview).WithName("GetNpsOverview")
            .WithSummary("NPS by year, the groups whose NPS moved most, and the accounts that added products.");
        api.MapGet("/drilldown", GetDrillDown).WithName("GetDrillDown")
            .WithSummary("Top metric → the dimension that explains most of it → down to `depth` levels, with CI, n and ARR per node.");
        api.MapGet("/growth-check", GetGrowthCheck).WithName("GetGrowthCheck")
            .WithSummary("Change of a metric split into mix and rate, and segments whose decline the total hides (FDR-controlled).");
        api.MapGet("/cohorts", GetCohorts).WithName("GetCohorts")
            .WithSummary("Accounts that went from one product to several: NPS, churn, contacts and cost to serve before vs after.");
        api.MapGet("/alerts", GetAlerts).WithName("GetAlerts")
            .WithSummary("Stored control-chart alerts, newest period first; filter by status, metric and dimension; paged.");
        api.MapPost("/alerts/scan", ScanAlerts).WithName("ScanAlerts").RequireAuthorization(Policies.Analyst)
            .WithSummary("Runs the EWMA/CUSUM scan now and stores new alerts (no duplicates).");
        api.MapGet("/dimensions", GetDimensions).WithName("GetDimensions")
            .WithSummary("The dimensions and metrics the other endpoints accept.");
        return app;
    }

    public static async Task<Ok<MetricsPage>> GetMetrics(AnalyticsRunner runner, string? metric, string? by, string? period, string? from, string? to,
        string? weight, string? group, int? page, int? pageSize, CancellationToken cancellation)
    {
        var query = new MetricsQuery(QueryParsing.List(metric), QueryParsing.List(by),
            QueryParsing.Enum(period, PeriodUnit.Quarter, "period"), QueryParsing.Date(from, "from"), QueryParsing.Date(to, "to"),
            QueryParsing.Enum(weight, MetricWeight.Response, "weight"));
        _ = Page<MetricCell>.Normalize(page, pageSize);
        var report = await runner.RunAsync($"metrics|{string.Join(',', query.Metrics)}|{string.Join(',', query.By)}|{query.Period}|{query.From}|{query.To}|{query.Weight}",
            facts => MetricsAnalysis.Run(facts, query), cancellation);
        IReadOnlyList<MetricCell> cells = report.Cells;
        if (!string.IsNullOrWhiteSpace(group))
            cells = cells.Where(c => string.Join(" / ", c.Group).Equals(group, StringComparison.OrdinalIgnoreCase)).ToList();
        return TypedResults.Ok(new MetricsPage(report.Dimensions, Page<MetricCell>.Of(cells, page, pageSize ?? Page<MetricCell>.MaxSize), report.Notes));
    }

    public static async Task<Ok<NpsOverview>> GetOverview(AnalyticsRunner runner, CancellationToken cancellation) =>
        TypedResults.Ok(await runner.RunAsync("overview", NpsOverviewAnalysis.Run, cancellation));

    public static async Task<Ok<DrillNode>> GetDrillDown(AnalyticsRunner runner, string? metric, string? dimensions, int? depth, int? minN,
        string? from, string? to, CancellationToken cancellation)
    {
        var dims = QueryParsing.List(dimensions);
        var options = new DrillOptions(await SurveyMetrics.ResolveAsync(runner, metric, cancellation), dims.Count == 0 ? null : dims, QueryParsing.Between(depth, 3, 1, 5, "depth"),
            QueryParsing.Between(minN, 30, 5, 100_000, "minN"), From: QueryParsing.Date(from, "from"), To: QueryParsing.Date(to, "to"));
        MetricDefinition.Resolve(options.Metric);
        var key = $"drill|{options.Metric}|{string.Join(',', dims)}|{options.Depth}|{options.MinN}|{options.From}|{options.To}";
        return TypedResults.Ok(await runner.RunAsync(key, facts => DrillDown.Run(facts, options), cancellation));
    }

    public static async Task<Ok<GrowthCheckReport>> GetGrowthCheck(AnalyticsRunner runner, string? metric, string? by, string? before, string? after,
        string? scan, double? fdr, int? minN, CancellationToken cancellation)
    {
        var (b, a) = (QueryParsing.Range(before, "before"), QueryParsing.Range(after, "after"));
        if ((b is null) != (a is null)) throw new ArgumentException("Give both before and after, or neither (first and last full year).", b is null ? "before" : "after");
        var scanDims = QueryParsing.List(scan);
        var rate = fdr ?? 0.05;
        if (rate is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(fdr), rate, "fdr must be between 0 and 1.");
        var options = new GrowthCheckOptions(await SurveyMetrics.ResolveAsync(runner, metric, cancellation), string.IsNullOrWhiteSpace(by) ? null : by, b, a, scanDims.Count == 0 ? null : scanDims,
            MinN: QueryParsing.Between(minN, 50, 5, 100_000, "minN"), Fdr: rate);
        var key = $"growth|{options.Metric}|{options.By}|{before}|{after}|{string.Join(',', scanDims)}|{options.MinN}|{options.Fdr}";
        return TypedResults.Ok(await runner.RunAsync(key, facts => GrowthCheck.Run(facts, options), cancellation));
    }

    public static async Task<Ok<ProductTransitionReport>> GetCohorts(AnalyticsRunner runner, int? windowMonths, bool? third, CancellationToken cancellation)
    {
        var options = new TransitionOptions(WindowMonths: windowMonths ?? 12, IncludeSecondToThird: third ?? false);
        options.Validate();
        return TypedResults.Ok(await runner.RunAsync($"cohorts|{options.WindowMonths}|{options.IncludeSecondToThird}",
            facts => ProductTransitionAnalysis.Run(facts, options), cancellation));
    }

    public static async Task<Ok<Page<StoredAlert>>> GetAlerts(StorePool pool, string? status, string? metric, string? dimension, int? page, int? pageSize,
        CancellationToken cancellation)
    {
        AlertStatus? wanted = string.IsNullOrWhiteSpace(status) ? null : QueryParsing.Enum(status, AlertStatus.New, "status");
        _ = Page<StoredAlert>.Normalize(page, pageSize);
        var alerts = await pool.ReadAsync(store => AlertStore.List(store, wanted), cancellation);
        var filtered = alerts
            .Where(a => string.IsNullOrWhiteSpace(metric) || a.Metric.Equals(metric, StringComparison.OrdinalIgnoreCase))
            .Where(a => string.IsNullOrWhiteSpace(dimension) || a.Dimension.Equals(dimension, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return TypedResults.Ok(Page<StoredAlert>.Of(filtered, page, pageSize));
    }

    public static async Task<Ok<AlertScanSummary>> ScanAlerts(AnalyticsRunner runner, string? metric, string? by,
        CancellationToken cancellation)
    {
        var options = new AlertOptions
        {
            Metrics = QueryParsing.List(metric) is { Count: > 0 } m ? m : [await SurveyMetrics.ResolveAsync(runner, null, cancellation)],
            Dimensions = QueryParsing.List(by) is { Count: > 0 } d ? d : ["segment"],
        };
        options.Validate();
        // Not cached: a scan stores what it finds. It runs in the analytics lane, which serialises fact-table builds.
        var result = await runner.RunUncachedAsync(facts => AlertScan.Run(facts, options), cancellation);
        return TypedResults.Ok(new AlertScanSummary(result.Alerts.Count, result.Added.Count, result.Series.Count, result.Notes));
    }

    public static Ok<DimensionsInfo> GetDimensions() => TypedResults.Ok(new DimensionsInfo(
        Dimension.BuiltIn.Select(d => new NamedInfo(d.Name, d.Description)).ToList(),
        MetricDefinition.BuiltIn.Select(m => new NamedInfo(m.Name, m.Description)).ToList(),
        DrillDown.DefaultDimensions));
}

public sealed record MetricsPage(IReadOnlyList<string> Dimensions, Page<MetricCell> Cells, IReadOnlyList<string> Notes);
public sealed record AlertScanSummary(int Alerts, int Added, int Series, IReadOnlyList<string> Notes);
public sealed record NamedInfo(string Name, string Description);
public sealed record DimensionsInfo(IReadOnlyList<NamedInfo> Dimensions, IReadOnlyList<NamedInfo> Metrics, IReadOnlyList<string> DrillDimensions);
