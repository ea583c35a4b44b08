using Fulcrum.Web.Access;
using Fulcrum.Web.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Fulcrum.Web.Api;

public sealed record AssumptionInfo(string Name, double Value, string? Unit, string? Description, DateTime? UpdatedAt);
public sealed record AssumptionUpdate(double Value);

/// <summary>The named inputs finance can edit (cost per agent hour, margin, horizon, ...): everyone reads them, analysts change them.</summary>
public static class AssumptionsApi
{
    public static IEndpointRouteBuilder MapAssumptionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/assumptions").WithTags("Assumptions").RequireAuthorization(Policies.Viewer);
        api.MapGet("/", List).WithName("GetAssumptions").WithSummary("Every assumption with its value, unit and description.");
        api.MapPut("/{name}", Update).WithName("UpdateAssumption").RequireAuthorization(Policies.Analyst)
            .WithSummary("Sets an assumption's value; figures that use it are recomputed on the next request.");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<AssumptionInfo>>> List(StorePool pool, CancellationToken cancellation) =>
        TypedResults.Ok(await Read(pool, cancellation));

    public static Task<IReadOnlyList<AssumptionInfo>> Read(StorePool pool, CancellationToken cancellation = default) =>
        pool.ReadAsync<IReadOnlyList<AssumptionInfo>>(store => store.Query<AssumptionInfo>(
            "SELECT name AS Name, value AS Value, unit AS Unit, description AS Description, updated_at AS UpdatedAt FROM assumptions ORDER BY name").ToList(), cancellation);

    public static async Task<Results<Ok<AssumptionInfo>, NotFound<ProblemDetails>, ValidationProblem>> Update(
        StoreWriter writer, string name, AssumptionUpdate update, CancellationToken cancellation)
    {
        if (!double.IsFinite(update.Value))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["value"] = ["value must be a finite number"] });
        var updated = await Set(writer, name, update.Value, cancellation);
        return updated is null
            ? TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Unknown assumption", Detail = $"No assumption named '{name}'." })
            : TypedResults.Ok(updated);
    }

    public static Task<AssumptionInfo?> Set(StoreWriter writer, string name, double value, CancellationToken cancellation = default) =>
        writer.RunAsync(store =>
        {
            var changed = store.Execute("UPDATE assumptions SET value = $value, updated_at = $now WHERE name = $name", new { name, value, now = DateTime.UtcNow });
            return changed == 0 ? null : store.Query<AssumptionInfo>(
                "SELECT name AS Name, value AS Value, unit AS Unit, description AS Description, updated_at AS UpdatedAt FROM assumptions WHERE name = $name", new { name }).Single();
        }, changesData: true, cancellation);
}
