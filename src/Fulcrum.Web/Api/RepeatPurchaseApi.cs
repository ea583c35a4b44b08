using System.Globalization;
using Fulcrum.Analytics.Transactions;
using Fulcrum.Web.Access;
using Fulcrum.Web.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fulcrum.Web.Api;

/// <summary>
/// Repeat purchases (Fulcrum.Analytics.Transactions), the soft → hard link of a business that sells by order, as
/// `fulcrum repeat-purchase` reports it: repeat rates per score level, the odds ratio lowest vs top, net revenue per
/// repeat and the lever's money, each with its customer-bootstrap interval, n and method. When the data cannot give it
/// (no orders, no scored answers, none followed by a full window of orders) the answer is 422 with the reason.
/// </summary>
public static class RepeatPurchaseApi
{
    static readonly OneRunPerCaller Asking = new("repeat-purchase computation with other options");

    public static IEndpointRouteBuilder MapRepeatPurchaseApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").WithTags("Repeat purchases").RequireAuthorization(Policies.Viewer)
            .MapGet("/repeat-purchase", Get).WithName("GetRepeatPurchase")
            .WithSummary("Repeat purchases after each CSAT/NPS level (observed and adjusted), odds ratio lowest vs top, net revenue per repeat and the lever's " +
                         "yearly money and NPV, with customer-bootstrap intervals; 422 with the reason when the store has no orders or no scored answers linked to them.");
        return app;
    }

    /// <summary>The options a request asks for; checked here, before any work, with errors that name the query parameter.</summary>
    public static RepeatPurchaseOptions Options(string? soft, int? windowDays, double? share)
    {
        var metric = string.IsNullOrWhiteSpace(soft) ? null : soft.Trim().ToLowerInvariant();
        if (metric is not (null or "csat" or "nps")) throw new ArgumentException($"soft must be csat or nps, not '{soft}'.", nameof(soft));
        if (share is { } s && !(s is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(share), share, "share must be between 0 and 1.");
        var options = new RepeatPurchaseOptions(metric, QueryParsing.Between(windowDays, 180, 7, 1_095, nameof(windowDays)), LeverShare: share);
        options.Validate();
        return options;
    }

    /// <summary>The cache key of a result: one per set of options, kept until the data (or an assumption) changes.</summary>
    public static string CacheKey(RepeatPurchaseOptions o) =>
        string.Create(CultureInfo.InvariantCulture, $"repeat-purchase|{o.Soft}|{o.WindowDays}|{o.LeverShare:R}");

    public static Task<RepeatPurchaseReport> RunAsync(AnalyticsRunner runner, RepeatPurchaseOptions options, CancellationToken cancellation) =>
        runner.RunAsync(CacheKey(options), Analysis(options), cancellation);

    static Func<Analytics.Facts.AnalysisFacts, RepeatPurchaseReport> Analysis(RepeatPurchaseOptions options) =>
        facts => RepeatPurchaseAnalysis.Run(facts.Store, options);

    /// <param name="wait">false: answer at once with the default figure if it is ready, else 202 Accepted with the computation's
    /// progress (it keeps running; ask again), as the dashboard asks. Other options are always computed before answering.</param>
    public static async Task<Results<Ok<RepeatPurchaseReport>, Accepted<ComputingState>, ProblemHttpResult>> Get(AnalyticsRunner runner, HttpContext context,
        string? soft, int? windowDays, double? share, bool? wait, CancellationToken cancellation)
    {
        var options = Options(soft, windowDays, share);
        var key = CacheKey(options);
        RepeatPurchaseReport report;
        if (options == new RepeatPurchaseOptions())
        {
            // The dashboard's figure: shared by every caller, computed once per data version.
            if (wait == false)
            {
                var (ready, progress) = runner.GetOrStart(key, Analysis(options));
                if (ready is null)
                {
                    context.Response.Headers.RetryAfter = "2";
                    return TypedResults.Accepted((string?)null, ComputingState.Of(progress));
                }
                report = ready;
            }
            else report = await RunAsync(runner, options, cancellation);
        }
        else report = runner.TryGetFresh<RepeatPurchaseReport>(key, out var fresh) ? fresh
            : await Asking.RunAsync(context, () => RunAsync(runner, options, cancellation));
        return report.IsDefined
            ? TypedResults.Ok(report)
            : TypedResults.Problem(report.Missing, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The analysis cannot run on this data");
    }
}
