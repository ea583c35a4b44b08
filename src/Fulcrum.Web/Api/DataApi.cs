using Fulcrum.Data.Import;
using Fulcrum.Data.Store;
using Fulcrum.Data.Survey;
using Fulcrum.Web.Access;
using Fulcrum.Web.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fulcrum.Web.Api;

/// <summary>What is in the store (row counts, imports, rejects) and uploads of files through the importer.</summary>
public static class DataApi
{
    public static IEndpointRouteBuilder MapDataApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Data").RequireAuthorization(Policies.Viewer);
        api.MapGet("/status", GetStatus).WithName("GetStatus").WithSummary("Row counts per table, schema version, the CSAT and CES scales and where each comes from, rejects in all.");
        api.MapGet("/imports", GetImports).WithName("GetImports").WithSummary("Import runs, newest first; paged.");
        api.MapGet("/imports/{importId}/rejects", GetRejects).WithName("GetRejects")
            .WithSummary("The rejects of one import with file, line, column, value and reason; paged.");
        api.MapPost("/imports", PostImport).WithName("PostImport").RequireAuthorization(Policies.Analyst)
            .DisableAntiforgery()
            .WithSummary("Imports an uploaded file (multipart: table, file, optional mapping, dryRun, skipInvalid) with the CLI's importer.");
        return app;
    }

    public static async Task<Ok<StatusInfo>> GetStatus(StatusCache status, CancellationToken cancellation) =>
        TypedResults.Ok(await status.GetAsync(cancellation));

    public static async Task<Ok<Page<ImportRunSummary>>> GetImports(StorePool pool, int? page, int? pageSize, CancellationToken cancellation)
    {
        var (number, size) = Page<ImportRunSummary>.Normalize(page, pageSize);
        var (items, total) = await pool.ReadAsync(store =>
        {
            var all = ImportRunSummary.Recent(store, number * size);
            return (all.Skip((number - 1) * size).ToList(), store.Count("import_runs"));
        }, cancellation);
        return TypedResults.Ok(new Page<ImportRunSummary>(items, number, size, total));
    }

    public static async Task<Results<Ok<RejectsPage>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> GetRejects(StorePool pool, string importId, int? page, int? pageSize,
        CancellationToken cancellation)
    {
        var (number, size) = Page<Reject>.Normalize(page, pageSize);
        var found = await pool.ReadAsync(store =>
        {
            if (store.Scalar<long>("SELECT COUNT(*) FROM import_runs WHERE import_id = $importId", new { importId }) == 0) return null;
            var (_, rejects, total) = RejectQueries.For(store, importId, number * size);
            return new RejectsPage(importId, new Page<Reject>(rejects.Skip((number - 1) * size).ToList(), number, size, total));
        }, cancellation);
        return found is null
            ? TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 404, Title = "Unknown import", Detail = $"No import '{importId}'." })
            : TypedResults.Ok(found);
    }

    public static async Task<Ok<UploadResult>> PostImport(UploadImporter importer, IFormFile file, [Microsoft.AspNetCore.Mvc.FromForm] string table,
        IFormFile? mapping, [Microsoft.AspNetCore.Mvc.FromForm] bool? dryRun, [Microsoft.AspNetCore.Mvc.FromForm] bool? skipInvalid, HttpRequest request,
        CancellationToken cancellation) =>
        TypedResults.Ok(await importer.ImportAsync(table, file, mapping, request.Form.Files.GetFiles("join"), dryRun ?? false, skipInvalid ?? false, cancellation));
}

public sealed record TableRows(string Table, long Rows);
/// <summary>What `GET /api/status` answers; <paramref name="Scales"/> are the CSAT/CES scales with `fulcrum status`'s wording (<see cref="StoredScale.Description"/>).</summary>
public sealed record StatusInfo(int SchemaVersion, IReadOnlyList<TableRows> Tables, IReadOnlyList<ImportRunSummary> RecentImports, long TotalRejects, string? GeneratedBy,
    IReadOnlyList<StoredScale> Scales);
public sealed record RejectsPage(string ImportId, Page<Reject> Rejects);
