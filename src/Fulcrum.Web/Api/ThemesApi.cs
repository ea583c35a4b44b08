using Fulcrum.Analytics.Themes;
using Fulcrum.Web.Access;
using Fulcrum.Web.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Fulcrum.Web.Api;

/// <param name="Nps">The answer's scores, each null where it was not asked or not answered (a CSAT-only survey has no NPS).</param>
public sealed record Verbatim(string ResponseId, string? AccountName, int? Nps, double? Csat, double? Ces, DateTime RespondedAt, string Comment, double? Sentiment, bool IsPrimary);
public sealed record ThemeDiscovery(string Model, int Comments, int Themes, int Created, int Matched, int Retired, double Seconds);

/// <summary>
/// Feedback themes (Fulcrum.Analytics.Themes): each theme's trend, sentiment, score impact (NPS, else CSAT, else CES) and ARR at risk, the comments
/// behind it, and (analysts) a new discovery run, as `fulcrum themes` does.
/// </summary>
public static class ThemesApi
{
    public static IEndpointRouteBuilder MapThemesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/themes").WithTags("Themes").RequireAuthorization(Policies.Viewer);
        api.MapGet("/", Get).WithName("GetThemes")
            .WithSummary("Every active theme: comments, accounts, sentiment, score impact (NPS, CSAT or CES), excess churn, ARR at risk, quarterly trend, emerging test.");
        api.MapGet("/{themeId}/verbatims", Verbatims).WithName("GetThemeVerbatims")
            .WithSummary("The comments assigned to a theme (primary theme first, newest first); paged.");
        api.MapPost("/discover", Discover).WithName("DiscoverThemes").RequireAuthorization(Policies.Analyst)
            .WithSummary("Runs theme discovery over every comment (fast=true: lexical mode; default: local MiniLM model). Can take minutes.");
        return app;
    }

    static Task<bool> HasThemes(StorePool pool, CancellationToken cancellation) =>
        pool.ReadAsync(s => s.Scalar<long>("SELECT COUNT(*) FROM themes WHERE status = 'active'") > 0
                            && s.Scalar<long>("SELECT COUNT(*) FROM response_themes") > 0, cancellation);

    static NotFound<ProblemDetails> NoThemes() => TypedResults.NotFound(new ProblemDetails
    {
        Status = 404, Title = "No themes yet",
        Detail = "No themes are stored: run a discovery (POST /api/themes/discover, the Themes page, or `fulcrum themes`).",
    });

    public static async Task<Results<Ok<ThemeImpactReport>, NotFound<ProblemDetails>>> Get(StorePool pool, AnalyticsRunner runner, CancellationToken cancellation)
    {
        if (!await HasThemes(pool, cancellation)) return NoThemes();
        return TypedResults.Ok(await runner.RunAsync("themes", facts => ThemeImpactAnalysis.Run(facts.Store, new ThemeImpactOptions()), cancellation));
    }

    public static async Task<Results<Ok<Page<Verbatim>>, NotFound<ProblemDetails>>> Verbatims(StorePool pool, string themeId, int? page, int? pageSize,
        CancellationToken cancellation)
    {
        var (number, size) = Page<Verbatim>.Normalize(page, pageSize);
        var result = await pool.ReadAsync(store =>
        {
            if (store.Scalar<long>("SELECT COUNT(*) FROM themes WHERE theme_id = $themeId", new { themeId }) == 0) return null;
            var total = store.Scalar<long>("SELECT COUNT(*) FROM response_themes WHERE theme_id = $themeId", new { themeId });
            var items = store.Query<Verbatim>("""
                WITH page AS (
                    SELECT response_id, sentiment, is_primary FROM response_themes WHERE theme_id = $themeId
                    ORDER BY is_primary DESC, response_id DESC LIMIT $limit OFFSET $offset)
                SELECT r.response_id AS ResponseId, a.name AS AccountName, CAST(r.nps AS INTEGER) AS Nps, r.csat AS Csat, r.ces AS Ces, r.responded_at AS RespondedAt,
                       r.comment AS Comment, p.sentiment AS Sentiment, p.is_primary AS IsPrimary
                FROM page p JOIN responses r ON r.response_id = p.response_id LEFT JOIN accounts a ON a.account_id = r.account_id
                ORDER BY p.is_primary DESC, r.responded_at DESC, r.response_id
                """, new { themeId, limit = size, offset = (number - 1) * size }).ToList();
            return new Page<Verbatim>(items, number, size, total);
        }, cancellation);
        return result is null
            ? TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Unknown theme", Detail = $"No theme '{themeId}'." })
            : TypedResults.Ok(result);
    }

    public static async Task<Ok<ThemeDiscovery>> Discover(AnalyticsRunner runner, bool? fast, CancellationToken cancellation)
    {
        // Theme discovery writes only its own tables (themes, assignments, embeddings cache), so it runs in the analytics
        // lane beside the intake writer rather than holding the writer for minutes.
        var run = await runner.RunUncachedAsync(facts => ThemeAnalysis.Run(facts.Store, new ThemeOptions(Fast: fast ?? false)), cancellation);
        // The theme figures and the business case (its fix-a-theme lever and theme churn evidence) read the theme tables;
        // every other figure stays cached.
        runner.Invalidate("themes", "business-case", "revalue");
        return TypedResults.Ok(new ThemeDiscovery(run.Model, run.Comments, run.Themes.Count, run.Created, run.Matched, run.Retired, run.Elapsed.TotalSeconds));
    }
}
