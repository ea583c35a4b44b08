using Fulcrum.Analytics.Drivers;
using Fulcrum.Analytics.Value;
using Fulcrum.Web.Access;
using Fulcrum.Web.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fulcrum.Web.Api;

/// <summary>Value delivered (Fulcrum.Analytics.Value) and key drivers (Fulcrum.Analytics.Drivers), as `fulcrum value` and `fulcrum drivers` report them.</summary>
public static class ValueApi
{
    public static IEndpointRouteBuilder MapValueApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Value and drivers").RequireAuthorization(Policies.Viewer);
        api.MapGet("/value", GetValue).WithName("GetValue")
            .WithSummary("The value ledger by quarter, each initiative's measured impact, the reference funnel and the closed loop.");
        api.MapGet("/drivers", GetDrivers).WithName("GetDrivers")
            .WithSummary("Key drivers of an outcome (relative weights or Shapley) with bootstrap intervals.");
        return app;
    }

    public static async Task<Ok<ValueReport>> GetValue(AnalyticsRunner runner, CancellationToken cancellation) =>
        TypedResults.Ok(await runner.RunAsync("value", facts => ValueAnalysis.Run(facts), cancellation));

    public static async Task<Ok<DriverReport>> GetDrivers(AnalyticsRunner runner, string? outcome, string? predictors, string? method, string? level,
        string? from, string? to, CancellationToken cancellation)
    {
        var options = new DriverOptions(
            string.IsNullOrWhiteSpace(outcome) ? await SurveyMetrics.ResolveAsync(runner, null, cancellation) : outcome.Trim().ToLowerInvariant(),
            QueryParsing.List(predictors) is { Count: > 0 } p ? p : null,
            QueryParsing.Enum(method?.Replace("-", "", StringComparison.Ordinal), DriverMethod.RelativeWeights, "method"),
            QueryParsing.Enum(level?.Replace("-", "", StringComparison.Ordinal), DriverLevel.Response, "level"),
            From: QueryParsing.Date(from, "from"), To: QueryParsing.Date(to, "to"));
        options.Validate();
        var key = $"drivers|{options.Outcome}|{string.Join(',', options.Predictors ?? [])}|{options.Method}|{options.Level}|{options.From}|{options.To}";
        return TypedResults.Ok(await runner.RunAsync(key, facts => KeyDriverAnalysis.Run(facts, options), cancellation));
    }
}
