using Fulcrum.Web.Access;
using Fulcrum.Web.Followups;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Fulcrum.Web.Api;

public sealed record FollowupAssignment(string Owner);
public sealed record FollowupClosing(string Resolution);

/// <summary>The follow-up queue: everyone sees it, analysts assign and close.</summary>
public static class FollowupsApi
{
    public static IEndpointRouteBuilder MapFollowupsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/followups").WithTags("Follow-ups").RequireAuthorization(Policies.Viewer);
        api.MapGet("/", List).WithName("GetFollowups").WithSummary("Follow-ups, open first, by due date; filter by status and owner; paged.");
        api.MapPost("/{responseId}/assign", Assign).WithName("AssignFollowup").RequireAuthorization(Policies.Analyst)
            .WithSummary("Assigns an owner (and optionally a due date) to an open follow-up.");
        api.MapPost("/sync", Sync).WithName("SyncFollowups").RequireAuthorization(Policies.Analyst)
            .WithSummary("Opens a follow-up for every answer the closed loop picks (NPS detractors 0–6; where NPS is not answered, dissatisfied CSAT 1–2, else high-effort CES 6–7, on the scales the store declares) that has none (idempotent).");
        api.MapGet("/measures", Measures).WithName("GetClosedLoopMeasures")
            .WithSummary("How well the loop is closed: cases, overdue, days to close, within SLA, later NPS and churn after a closed case.");
        api.MapPost("/{responseId}/close", Close).WithName("CloseFollowup").RequireAuthorization(Policies.Analyst)
            .WithSummary("Closes a follow-up with its resolution.");
        return app;
    }

    public static async Task<Ok<Page<FollowupItem>>> List(FollowupQueue queue, string? status, string? owner, int? page, int? pageSize, CancellationToken cancellation) =>
        TypedResults.Ok(await queue.ListAsync(status, owner, page, pageSize, cancellation));

    public static async Task<Results<NoContent, NotFound<ProblemDetails>>> Assign(FollowupQueue queue, string responseId, FollowupAssignment body, CancellationToken cancellation) =>
        await queue.AssignAsync(responseId, body.Owner, cancellation) ? TypedResults.NoContent() : NotFound(responseId);

    public static async Task<Results<NoContent, NotFound<ProblemDetails>>> Close(FollowupQueue queue, string responseId, FollowupClosing body, CancellationToken cancellation) =>
        await queue.CloseAsync(responseId, body.Resolution, cancellation) ? TypedResults.NoContent() : NotFound(responseId);

    public static async Task<Ok<Fulcrum.Analytics.Value.ClosedLoop.SyncResult>> Sync(FollowupQueue queue, CancellationToken cancellation) =>
        TypedResults.Ok(await queue.SyncAsync(cancellation));

    public static async Task<Ok<Fulcrum.Analytics.Value.ClosedLoop.ClosedLoopReport>> Measures(Fulcrum.Web.Store.StorePool pool, Fulcrum.Web.Store.AnalyticsRunner runner, CancellationToken cancellation) =>
        TypedResults.Ok(await runner.RunAsync("closed-loop", facts => Fulcrum.Analytics.Value.ClosedLoop.ClosedLoopMeasures.Run(facts.Store), cancellation));

    static NotFound<ProblemDetails> NotFound(string responseId) =>
        TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Unknown follow-up", Detail = $"No follow-up for response '{responseId}'." });
}
