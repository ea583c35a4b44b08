using Fulcrum.Analytics.Transactions;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Value.ClosedLoop;

/// <summary>
/// The hard outcome a follow-up is compared on, chosen by what the store can say: churn within 365 days where renewal
/// decisions are on record; else, for a business that sells by order, another order within the repeat-purchase window
/// (180 days, as <c>fulcrum repeat-purchase</c>); else nothing, with the reason — never a 0% churn no data stand behind.
/// </summary>
/// <param name="HappenedSql">SQL over a response <c>r</c>: true when the outcome followed the answer.</param>
/// <param name="CompleteSql">SQL over <c>r</c> and <c>$now</c>: true when the whole window after the answer is on record.</param>
internal sealed record ClosedLoopOutcome(string Measure, string? Missing, string HappenedSql, string CompleteSql)
{
    public const int ChurnDays = 365;
    public static readonly int RepeatDays = new RepeatPurchaseOptions().WindowDays;

    public static ClosedLoopOutcome For(FulcrumStore store)
    {
        if (store.Scalar<long>("SELECT COUNT(*) FROM (SELECT 1 FROM outcomes WHERE kind IN ('renewal', 'churn', 'contraction', 'expansion') LIMIT 1) o") > 0)
            return new($"churn within {ChurnDays} days", null,
                $"""
                EXISTS (SELECT 1 FROM outcomes o WHERE o.account_id = r.account_id AND o.kind = 'churn'
                        AND o.outcome_date > CAST(r.responded_at AS DATE) AND o.outcome_date <= CAST(r.responded_at AS DATE) + INTERVAL '{ChurnDays} days')
                """,
                $"CAST(r.responded_at AS DATE) + INTERVAL '{ChurnDays} days' <= $now");
        if (store.Scalar<long>("SELECT COUNT(*) FROM (SELECT 1 FROM orders LIMIT 1) o") > 0)
            // As repeat purchase: the last order on record bounds the window, so an answer too recent to have one is left out.
            return new($"repeat purchase within {RepeatDays} days", null,
                $"""
                EXISTS (SELECT 1 FROM orders o WHERE o.account_id = r.account_id
                        AND o.ordered_at > r.responded_at AND o.ordered_at <= r.responded_at + INTERVAL '{RepeatDays} days')
                """,
                $"r.responded_at + INTERVAL '{RepeatDays} days' <= (SELECT MAX(ordered_at) FROM orders)");
        return new($"churn within {ChurnDays} days",
            "No renewal decisions or orders on record, so what followed a follow-up in money terms cannot be measured. Import renewals "
            + "(fulcrum import outcomes FILE: kind renewal, churn, expansion or contraction) or, for a business that sells by order, orders (fulcrum import orders FILE).",
            "FALSE", "FALSE");
    }
}
