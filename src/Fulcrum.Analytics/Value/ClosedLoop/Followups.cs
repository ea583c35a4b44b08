using Fulcrum.Data.Store;
using Fulcrum.Data.Survey;

namespace Fulcrum.Analytics.Value.ClosedLoop;

/// <summary>A closed-loop case on an answer that needed one (table <c>followups</c>).</summary>
/// <param name="Score">The answer's score on the store's survey metric (the one the <see cref="FollowupRule"/> reads).</param>
public sealed record Followup(
    string ResponseId, string? AccountId, double? Score, string? Owner, string Status, DateOnly? Due, string? Resolution, DateTime? OpenedAt, DateTime? ClosedAt);

/// <summary>One status change of a follow-up (table <c>followup_events</c>).</summary>
public sealed record FollowupEvent(string ResponseId, int Seq, string? FromStatus, string ToStatus, DateTime ChangedAt, string? Owner, string? Note);

/// <summary>A follow-up that does not exist, or a status change that is not allowed, with a message that says which and why.</summary>
public sealed class FollowupException(string message) : Exception(message);

/// <summary>What <see cref="Followups.Sync"/> did.</summary>
/// <param name="Answers">Answers the rule picks (since the day given).</param>
/// <param name="Rule">Which answers get a follow-up, e.g. "detractor answers (NPS 0–6)"; null when no answer has a score.</param>
/// <param name="Metric">The rule's survey metric ("nps", "csat", "ces"); null with <paramref name="Rule"/>.</param>
public sealed record SyncResult(int Opened, int Answers, int AlreadyFollowedUp, int SlaDays, string? Rule, string? Metric);

/// <summary>
/// The closed loop: every answer the store's <see cref="FollowupRule"/> picks (NPS detractors 0–6 where NPS is answered, else
/// dissatisfied CSAT, else high-effort CES) gets a follow-up, owned by the account's owner (or, failing that, its
/// latest account manager) and due <c>followup_sla_days</c> (assumptions table) after the answer. Status moves
/// open → assigned → closed only; every change is recorded in <c>followup_events</c>.
/// </summary>
public sealed class Followups(FulcrumStore store)
{
    public const string Open = "open", Assigned = "assigned", Closed = "closed";

    /// <summary>Opens a follow-up for every answer the rule picks that has none. Idempotent: a second run opens nothing.</summary>
    /// <param name="since">Only answers on or after this day (null: all).</param>
    public SyncResult Sync(DateOnly? since = null)
    {
        var sla = store.Assumption("followup_sla_days");
        if (!(sla >= 0) || sla > 3650) throw new FollowupException($"The assumption followup_sla_days is {sla}; it must be a number of days between 0 and 3650.");
        using var transaction = store.BeginTransaction();
        var opened = Fulcrum.Data.Import.FollowupOpening.Open(store, transaction, since);
        if (opened.Count > 0) store.BumpDataVersion(transaction);
        transaction.Commit();
        return new SyncResult(opened.Count, opened.Answers, opened.Answers - opened.Count, opened.SlaDays, opened.Rule?.Answers, opened.Rule?.Metric);
    }

    public Followup Get(string responseId) => Find(responseId) ?? throw new FollowupException(NotFound(responseId));

    /// <summary>The follow-up of this response, or null when it has none.</summary>
    public Followup? Find(string responseId) => List(responseId: responseId).FirstOrDefault();

    /// <summary>Why a response id has no follow-up: no such response, or not an answer the follow-up rule covers.</summary>
    public string NotFound(string responseId) =>
        store.Scalar<long>("SELECT COUNT(*) FROM responses WHERE response_id = $responseId", new { responseId }) > 0
            ? $"Response '{responseId}' has no follow-up (only {FollowupRule.Of(store)?.Answers ?? "answers with a survey score"} get one; run `fulcrum followups sync`)."
            : $"No follow-up for '{responseId}': there is no such response.";

    /// <param name="status">open, assigned or closed (null: any).</param>
    /// <param name="overdueOn">Only cases not closed whose due date is before this day.</param>
    public IReadOnlyList<Followup> List(string? status = null, string? owner = null, DateOnly? overdueOn = null, int? limit = null, string? responseId = null)
    {
        if (status is not null && status is not (Open or Assigned or Closed))
            throw new FollowupException($"Unknown status '{status}'. Use open, assigned or closed.");
        if (limit is < 1) throw new FollowupException("The limit must be at least 1.");
        var metric = FollowupRule.MetricOf(store) ?? "nps";
        return store.Read($"""
            SELECT f.response_id, r.account_id, CAST(r.{metric} AS DOUBLE PRECISION), f.owner, f.status, CAST(f.due AS DATE), f.resolution, f.opened_at, f.closed_at
            FROM followups f LEFT JOIN responses r ON r.response_id = f.response_id
            WHERE ($status IS NULL OR f.status = $status) AND ($owner IS NULL OR f.owner = $owner)
              AND ($responseId IS NULL OR f.response_id = $responseId)
              AND ($overdue IS NULL OR (f.status <> 'closed' AND f.due < $overdue))
            ORDER BY f.due, f.response_id
            {(limit is { } l ? $"LIMIT {l}" : "")}
            """, r => new Followup(r.Text(0)!, r.Text(1), r.NullableDouble(2), r.Text(3), r.Text(4)!, r.Date(5), r.Text(6), r.Timestamp(7), r.Timestamp(8)),
            new { status, owner, responseId, overdue = overdueOn is { } d ? StoreReader.Day(d) : (DateTime?)null });
    }

    public IReadOnlyList<FollowupEvent> History(string responseId) =>
        store.Read("SELECT response_id, seq, from_status, to_status, changed_at, owner, note FROM followup_events WHERE response_id = $responseId ORDER BY seq",
            r => new FollowupEvent(r.Text(0)!, (int)r.Long(1), r.Text(2), r.Text(3)!, r.Timestamp(4)!.Value, r.Text(5), r.Text(6)), new { responseId });

    /// <summary>open → assigned (or a reassignment of an assigned case to another owner).</summary>
    public Followup Assign(string responseId, string owner, DateTime? at = null, string? note = null)
    {
        if (string.IsNullOrWhiteSpace(owner)) throw new FollowupException("An owner is needed to assign a follow-up.");
        var current = Get(responseId);
        if (current.Status == Closed)
            throw new FollowupException($"Follow-up {responseId} is closed ({current.ClosedAt:yyyy-MM-dd}); a closed case cannot be assigned again.");
        if (current.Status == Assigned && current.Owner == owner)
            throw new FollowupException($"Follow-up {responseId} is already assigned to {owner}.");
        return Change(current, Assigned, owner, null, at, note ?? (current.Status == Assigned ? $"reassigned from {current.Owner}" : "assigned"));
    }

    /// <summary>assigned → closed, with the resolution. An open case must be assigned first.</summary>
    public Followup Close(string responseId, string resolution, DateTime? at = null)
    {
        if (string.IsNullOrWhiteSpace(resolution)) throw new FollowupException("A resolution is needed to close a follow-up (what was done).");
        var current = Get(responseId);
        if (current.Status == Closed) throw new FollowupException($"Follow-up {responseId} is already closed ({current.ClosedAt:yyyy-MM-dd}).");
        if (current.Status == Open)
            throw new FollowupException($"Follow-up {responseId} is open and has no one on it: assign it first (open → assigned → closed).");
        return Change(current, Closed, current.Owner, resolution, at, resolution);
    }

    Followup Change(Followup current, string to, string? owner, string? resolution, DateTime? at, string note)
    {
        var when = at ?? DateTime.UtcNow;
        if (current.OpenedAt is { } opened && when < opened)
            throw new FollowupException($"Follow-up {current.ResponseId} was opened {opened:yyyy-MM-dd HH:mm}; a change cannot be dated before that ({when:yyyy-MM-dd HH:mm}).");
        using var transaction = store.BeginTransaction();
        var seq = store.Scalar<int>("SELECT CAST(COALESCE(MAX(seq), 0) + 1 AS INTEGER) FROM followup_events WHERE response_id = $id", new { id = current.ResponseId }, transaction);
        // The update is conditional on the status read above, so a concurrent change cannot slip through unvalidated.
        var updated = store.Execute("""
            UPDATE followups SET status = $to, owner = $owner, resolution = COALESCE($resolution, resolution),
                   closed_at = CASE WHEN $to = 'closed' THEN $when ELSE closed_at END
            WHERE response_id = $id AND status = $from
            """, new { to, owner, resolution, when, id = current.ResponseId, from = current.Status }, transaction);
        if (updated != 1) throw new FollowupException($"Follow-up {current.ResponseId} changed while updating it; try again.");
        store.Execute("""
            INSERT INTO followup_events (response_id, seq, from_status, to_status, changed_at, owner, note)
            VALUES ($id, $seq, $from, $to, $when, $owner, $note)
            """, new { id = current.ResponseId, seq, from = current.Status, to, when, owner, note }, transaction);
        store.BumpDataVersion(transaction);
        transaction.Commit();
        return Get(current.ResponseId);
    }
}
