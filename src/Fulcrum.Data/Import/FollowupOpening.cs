using System.Data.Common;
using Fulcrum.Data.Store;
using Fulcrum.Data.Survey;

namespace Fulcrum.Data.Import;

/// <summary>
/// Opens the closed-loop follow-up of every answer the store's <see cref="FollowupRule"/> picks (NPS detractors 0–6 where NPS
/// is answered, else dissatisfied CSAT, else high-effort CES) that has none, inside the caller's transaction:
/// an import or a webhook batch opens them in the same commit as the answers, so a crash leaves both or neither.
/// The owner is the account's owner, else the manager of its most recently started subscription; the case is due
/// <c>followup_sla_days</c> (assumptions table) after the answer.
/// </summary>
public static class FollowupOpening
{
    /// <param name="Count">Follow-ups opened now.</param>
    /// <param name="Answers">Answers the rule picks (since the day given), with or without a follow-up.</param>
    /// <param name="Rule">The rule applied; null when no answer has a score.</param>
    public sealed record Opened(int Count, int Answers, int SlaDays, FollowupRule? Rule);

    /// <param name="since">Only answers on or after this day (null: all).</param>
    public static Opened Open(FulcrumStore store, DbTransaction transaction, DateOnly? since = null)
    {
        var sla = store.Query<double?>("SELECT value FROM assumptions WHERE name = 'followup_sla_days'", transaction: transaction).FirstOrDefault()
                  ?? DefaultAssumptions.Find("followup_sla_days")!.Value;
        if (!(sla >= 0) || sla > 3650) throw new StoreException($"The assumption followup_sla_days is {sla}; it must be a number of days between 0 and 3650.");
        var slaDays = (int)Math.Round(sla);
        var sinceParameter = since is { } s ? s.ToDateTime(TimeOnly.MinValue) : new DateTime(1, 1, 1);
        var rule = FollowupRule.Of(store, transaction);
        var opened = 0;
        var answers = 0L;
        if (rule is not null)
        {
            var parameters = new { since = sinceParameter, followup_bound = rule.Parameter };
            answers = store.Scalar<long>($"SELECT COUNT(*) FROM responses r WHERE {rule.Condition("r")} AND r.responded_at >= $since", parameters, transaction);
            opened = store.Execute($"""
                INSERT INTO followups (response_id, owner, status, due, resolution, opened_at, closed_at)
                SELECT r.response_id,
                       COALESCE(a.owner, (SELECT s.account_manager FROM subscriptions s WHERE s.account_id = r.account_id AND s.account_manager IS NOT NULL
                                          ORDER BY s.start_date DESC LIMIT 1)),
                       'open', CAST(CAST(r.responded_at AS DATE) + INTERVAL '{slaDays} days' AS DATE), NULL, r.responded_at, NULL
                FROM responses r LEFT JOIN accounts a ON a.account_id = r.account_id
                WHERE {rule.Condition("r")} AND r.responded_at >= $since
                  AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.response_id = r.response_id)
                ON CONFLICT (response_id) DO NOTHING
                """, parameters, transaction);
        }
        // Every case without a history gets its opening event (imported follow-ups too), naming the rule it was opened by.
        store.Execute("""
            INSERT INTO followup_events (response_id, seq, from_status, to_status, changed_at, owner, note)
            SELECT f.response_id, 1, NULL, 'open', f.opened_at, f.owner, $note
            FROM followups f
            WHERE NOT EXISTS (SELECT 1 FROM followup_events e WHERE e.response_id = f.response_id)
            """, new { note = rule is null ? "opened" : $"opened on a {rule.Levels.UnhappyWord} answer ({rule.Levels.UnhappyRange})" }, transaction);
        return new Opened(opened, (int)answers, slaDays, rule);
    }
}
