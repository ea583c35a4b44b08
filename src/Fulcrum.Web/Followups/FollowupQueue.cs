using Fulcrum.Web.Api;
using Fulcrum.Web.Store;

using ClosedLoop = Fulcrum.Analytics.Value.ClosedLoop;

namespace Fulcrum.Web.Followups;

/// <param name="Score">The answer's score on the store's survey metric (the one the closed loop's rule reads: NPS, else CSAT, else CES).</param>
public sealed record FollowupItem(string ResponseId, string? AccountId, string? AccountName, double? Score, string? Comment, string? Owner, string Status,
    DateOnly? Due, string? Resolution, DateTime? OpenedAt, DateTime? ClosedAt);

/// <summary>
/// The closed-loop queue over the <c>followups</c> table: a paged list with filters (with each answer's account, score and
/// comment), and the changes of Fulcrum.Analytics' closed loop (sync, assign, close), run through the single writer.
/// </summary>
public sealed class FollowupQueue(StorePool pool, StoreWriter writer, AnalyticsRunner runner)
{
    /// <summary>
    /// The cached figures a follow-up change touches. The writes do not mark the data changed (that would recompute the
    /// business case and every other figure for a status change), so these two are dropped instead; otherwise the page
    /// kept showing the measures from before the case was closed.
    /// </summary>
    static readonly string[] Touched = ["closed-loop", "value"];

    public static readonly IReadOnlyList<string> Statuses = ["open", "assigned", "closed"];

    public Task<Page<FollowupItem>> ListAsync(string? status, string? owner, int? page, int? pageSize, CancellationToken cancellation = default)
    {
        if (!string.IsNullOrWhiteSpace(status) && !Statuses.Contains(status))
            throw new ArgumentException($"status must be one of: {string.Join(", ", Statuses)}.", nameof(status));
        var (number, size) = Page<FollowupItem>.Normalize(page, pageSize);
        return pool.ReadAsync(store =>
        {
            const string where = "WHERE ($status IS NULL OR f.status = $status) AND ($owner IS NULL OR f.owner = $owner)";
            var parameters = new { status = Blank(status), owner = Blank(owner), limit = size, offset = (number - 1) * size };
            var total = store.Scalar<long>($"SELECT COUNT(*) FROM followups f {where}", parameters);
            var rows = store.Query<FollowupItem>($"""
                SELECT f.response_id AS ResponseId, CAST(NULL AS VARCHAR) AS AccountId, CAST(NULL AS VARCHAR) AS AccountName, CAST(NULL AS DOUBLE PRECISION) AS Score,
                       CAST(NULL AS VARCHAR) AS Comment, f.owner AS Owner, f.status AS Status, f.due AS Due, f.resolution AS Resolution,
                       f.opened_at AS OpenedAt, f.closed_at AS ClosedAt
                FROM followups f {where}
                ORDER BY CASE f.status WHEN 'closed' THEN 1 ELSE 0 END, f.due NULLS LAST, f.opened_at, f.response_id
                LIMIT $limit OFFSET $offset
                """, parameters).ToList();
            // The page's responses and accounts are looked up by key afterwards: joining the queue to every response would scan them all.
            // The metric is one of three column names (FollowupRule), never user text.
            var metric = Fulcrum.Data.Survey.FollowupRule.MetricOf(store) ?? "nps";
            var details = rows.Count == 0 ? [] : store.Query<(string ResponseId, string? AccountId, string? AccountName, double? Score, string? Comment)>($"""
                SELECT r.response_id, r.account_id, a.name, CAST(r.{metric} AS DOUBLE PRECISION), r.comment
                FROM responses r LEFT JOIN accounts a ON a.account_id = r.account_id
                WHERE r.response_id IN (SELECT unnest(string_split($ids, chr(31))))
                """, new { ids = string.Join('\u001f', rows.Select(r => r.ResponseId)) }).ToDictionary(d => d.ResponseId);
            var items = rows.Select(r => details.TryGetValue(r.ResponseId, out var d)
                ? r with { AccountId = d.AccountId, AccountName = d.AccountName, Score = d.Score, Comment = d.Comment } : r).ToList();
            return new Page<FollowupItem>(items, number, size, total);
        }, cancellation);
    }

    /// <summary>open → assigned, or a reassignment (Fulcrum.Analytics closed loop; the change is recorded in followup_events).</summary>
    /// <returns>False when there is no follow-up for the response.</returns>
    public Task<bool> AssignAsync(string responseId, string owner, CancellationToken cancellation = default)
    {
        if (string.IsNullOrWhiteSpace(owner) || owner.Length > 100) throw new ArgumentException("owner must be 1 to 100 characters.", nameof(owner));
        return writer.RunAsync(store =>
        {
            if (!Exists(store, responseId)) return false;
            new ClosedLoop.Followups(store).Assign(responseId, owner.Trim());
            runner.Invalidate(Touched);
            return true;
        }, changesData: false, cancellation);
    }

    /// <summary>assigned → closed with its resolution.</summary>
    public Task<bool> CloseAsync(string responseId, string resolution, CancellationToken cancellation = default)
    {
        if (string.IsNullOrWhiteSpace(resolution) || resolution.Length > 2000) throw new ArgumentException("resolution must be 1 to 2000 characters.", nameof(resolution));
        return writer.RunAsync(store =>
        {
            if (!Exists(store, responseId)) return false;
            new ClosedLoop.Followups(store).Close(responseId, resolution.Trim());
            runner.Invalidate(Touched);
            return true;
        }, changesData: false, cancellation);
    }

    /// <summary>Opens a follow-up for every answer the closed loop's rule picks that has none (idempotent).</summary>
    public Task<ClosedLoop.SyncResult> SyncAsync(CancellationToken cancellation = default) =>
        writer.RunAsync(store =>
        {
            var result = new ClosedLoop.Followups(store).Sync();
            if (result.Opened > 0) runner.Invalidate(Touched);
            return result;
        }, changesData: false, cancellation);

    static bool Exists(Fulcrum.Data.Store.FulcrumStore store, string responseId) =>
        store.Scalar<long>("SELECT COUNT(*) FROM followups WHERE response_id = $responseId", new { responseId }) > 0;

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
