using Fulcrum.Data.Store;
using Fulcrum.Web.Access;
using Fulcrum.Web.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Fulcrum.Web.Api;

public sealed record AssumptionUpdate(double Value);

/// <summary>
/// The named inputs finance owns (cost per agent hour, margin, horizon, lever sizes and costs), through the store's
/// <see cref="AssumptionStore"/> like `fulcrum assumptions`: everyone reads them, analysts change them within their ranges.
/// </summary>
public static class AssumptionsApi
{
    public static IEndpointRouteBuilder MapAssumptionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/assumptions").WithTags("Assumptions").RequireAuthorization(Policies.Viewer);
        api.MapGet("/", List).WithName("GetAssumptions").WithSummary("Every assumption with its value, unit, description, default and allowed range.");
        api.MapPut("/{name}", Update).WithName("UpdateAssumption").RequireAuthorization(Policies.Analyst)
            .WithSummary("Sets an assumption's value (within its range); figures that use it are recomputed on the next request.");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<AssumptionValue>>> List(StorePool pool, CancellationToken cancellation) =>
        TypedResults.Ok(await Read(pool, cancellation));

    public static Task<IReadOnlyList<AssumptionValue>> Read(StorePool pool, CancellationToken cancellation = default) =>
        pool.ReadAsync(store => new AssumptionStore(store).List(), cancellation);

    public static async Task<Results<Ok<AssumptionValue>, NotFound<ProblemDetails>>> Update(
        StoreWriter writer, string name, AssumptionUpdate update, CancellationToken cancellation)
    {
        if (DefaultAssumptions.Find(name) is null)
            return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Unknown assumption", Detail = $"No assumption named '{name}'." });
        return TypedResults.Ok(await Set(writer, name, update.Value, cancellation));
    }

    /// <exception cref="ArgumentException">Unknown name or a value outside the assumption's range.</exception>
    public static Task<AssumptionValue> Set(StoreWriter writer, string name, double value, CancellationToken cancellation = default) =>
        writer.RunAsync(store =>
        {
            var assumptions = new AssumptionStore(store);
            try { assumptions.Set(name, value); }
            catch (StoreException e) { throw new ArgumentException(e.Message, "value"); }
            return assumptions.List().Single(a => a.Name == name);
        }, changesData: true, cancellation);
}
