using System.Globalization;
using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Data.Store;
using Fulcrum.Web.Access;
using Fulcrum.Web.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fulcrum.Web.Api;

/// <summary>
/// The business case (Fulcrum.Analytics.BusinessCase): levers ranked by NPV with ROI and payback and their bootstrap
/// intervals. The fitted run is cached; <c>/revalue</c> re-prices the levers with other assumption values on the same
/// fitted models and bootstrap replicates (what the Levers page's sliders call), without saving anything.
/// </summary>
public static class BusinessCaseApi
{
    const string RunKey = "business-case-run";
    // Callers with a re-valuation under way: each takes seconds in the slow lane, so a queue of them would hold it for everyone.
    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> Revaluing = new(StringComparer.Ordinal);

    public static IEndpointRouteBuilder MapBusinessCaseApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/business-case").WithTags("Business case").RequireAuthorization(Policies.Viewer);
        api.MapGet("/", Get).WithName("GetBusinessCase")
            .WithSummary("Levers ranked by NPV over the assumed horizon, each with ARR, cost saved, NPV, ROI and payback and their intervals.");
        api.MapGet("/revalue", Revalue).WithName("RevalueBusinessCase")
            .WithSummary("The same levers re-priced with other assumption values, given as query parameters (e.g. ?gross_margin=0.7&lever_size_ces_reduction=1); nothing is saved.");
        return app;
    }

    public static Task<BusinessCaseRun> RunAsync(AnalyticsRunner runner, CancellationToken cancellation) =>
        runner.RunAsync(RunKey, facts => BusinessCaseAnalysis.Run(facts, new LinkageOptions()), cancellation);

    public static async Task<Ok<BusinessCaseReport>> Get(AnalyticsRunner runner, CancellationToken cancellation) =>
        TypedResults.Ok((await RunAsync(runner, cancellation)).Report);

    public static async Task<Ok<BusinessCaseReport>> Revalue(HttpRequest request, AnalyticsRunner runner, CancellationToken cancellation)
    {
        var overrides = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Query)
        {
            var known = DefaultAssumptions.Find(name)
                        ?? throw new ArgumentException($"Unknown assumption '{name}'. Known: {string.Join(", ", DefaultAssumptions.All.Select(a => a.Name))}.", name);
            if (!double.TryParse(values.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < known.Min || value > known.Max)
                throw new ArgumentException($"{name} must be a number between {known.Min.ToString(CultureInfo.InvariantCulture)} and {known.Max.ToString(CultureInfo.InvariantCulture)} ({known.Unit}).", name);
            overrides[name] = value;
        }
        var run = await RunAsync(runner, cancellation);
        if (overrides.Count == 0) return TypedResults.Ok(run.Report);
        // Re-pricing reuses the fitted models and replicates; cheap enough per slider move, and cached per setting.
        var key = "revalue|" + string.Join("&", overrides.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value.ToString("R", CultureInfo.InvariantCulture)}"));
        var caller = request.HttpContext.User.Identity?.Name ?? "?";
        if (!Revaluing.TryAdd(caller, 0)) throw new TooManyRequestsException("A re-valuation of yours is still running; wait for it before asking for another.");
        try { return TypedResults.Ok(await runner.RunAsync(key, _ => BusinessCaseAnalysis.Revalue(run, overrides), cancellation)); }
        finally { Revaluing.TryRemove(caller, out _); }
    }
}
