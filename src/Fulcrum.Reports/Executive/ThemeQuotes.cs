using Fulcrum.Data.Store;
using Fulcrum.Reports.Executive.Model;

namespace Fulcrum.Reports.Executive;

/// <summary>Verbatims for the report: the latest comments whose main theme is the one shown (as the Themes page lists them).</summary>
public static class ThemeQuotes
{
    public static IReadOnlyList<ThemeQuote> Read(FulcrumStore store, IReadOnlyList<string> themeIds, int perTheme) =>
        themeIds.SelectMany(id => store.Query<(string Comment, long? Nps, DateTime At, double? Csat)>("""
            SELECT r.comment, CAST(r.nps AS BIGINT), r.responded_at, CAST(r.csat AS DOUBLE)
            FROM response_themes t JOIN responses r ON r.response_id = t.response_id
            WHERE t.theme_id = $id AND t.is_primary AND r.comment IS NOT NULL
            ORDER BY r.responded_at DESC, r.response_id LIMIT $perTheme
            """, new { id, perTheme }).Select(q => new ThemeQuote(id, q.Comment, q.Nps is { } n ? (int)n : null, DateOnly.FromDateTime(q.At), q.Csat))).ToList();
}
