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
    static readonly OneRunPerCaller Revaluing = new("re-valuation");

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
        runner.RunAsync(RunKey, Analysis(runner), cancellation);

    static Func<Analytics.Facts.AnalysisFacts, BusinessCaseRun> Analysis(AnalyticsRunner runner)
    {
        var progress = runner.ProgressOf(RunKey);
        return facts => BusinessCaseAnalysis.Run(facts, new LinkageOptions(),
            new InlineProgress<LinkageProgress>(p => progress.Report((p.Stage, p.Done, p.Total))));
    }

    /// <param name="wait">false: answer at once — the report if it is ready, else 202 Accepted with the computation's
    /// progress (it keeps running; ask again). The dashboard asks this way, so a cold figure shows progress, not a hang.</param>
    public static async Task<Results<Ok<BusinessCaseReport>, Accepted<ComputingState>>> Get(AnalyticsRunner runner, HttpResponse response, bool? wait, CancellationToken cancellation)
    {
        if (wait != false) return TypedResults.Ok((await RunAsync(runner, cancellation)).Report);
        var (run, progress) = runner.GetOrStart(RunKey, Analysis(runner));
        if (run is not null) return TypedResults.Ok(run.Report);
        response.Headers.RetryAfter = "2";
        return TypedResults.Accepted((string?)null, ComputingState.Of(progress));
    }

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
        return TypedResults.Ok(await Revaluing.RunAsync(request.HttpContext, () => runner.RunAsync(key, _ => BusinessCaseAnalysis.Revalue(run, overrides), cancellation)));
    }
}

/// <summary>The answer while a figure is still being computed: what it is doing and how far it has got.</summary>
public sealed record ComputingState(string State, string Stage, int Done, int Total, double ElapsedSeconds, string Message)
{
    public static ComputingState Of(AnalysisProgress p) => new(p.State, p.Stage, p.Done, p.Total, p.ElapsedSeconds,
        p.State == "queued" ? "Queued behind another analysis; this page updates when it is ready."
        : p.Total > 0 ? $"{p.Stage}: {p.Done:N0} of {p.Total:N0} ({p.ElapsedSeconds:0} s so far)" : $"{p.Stage} ({p.ElapsedSeconds:0} s so far)");
}

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread (Progress&lt;T&gt; posts to the pool and may report late or out of order).</summary>
sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
