using System.Globalization;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Transactions;

/// <summary>One scored answer followed for the whole window: its level, the customer's orders before it and what followed.</summary>
internal sealed record RepeatRow(string AccountId, int Level, int PriorBand, bool Repeated, double WindowRevenue);

/// <summary>The answers and orders behind the repeat-purchase linkage, aggregated per answer in SQL (portable: DuckDB and PostgreSQL).</summary>
internal static class RepeatPurchaseData
{
    public const int PriorBands = 3;

    /// <summary>Answers with a score and at least <paramref name="windowDays"/> days of orders after them, with their outcome.</summary>
    public static List<RepeatRow> Load(FulcrumStore store, string soft, int windowDays, Func<double, int> level)
    {
        var window = $"INTERVAL '{windowDays.ToString(CultureInfo.InvariantCulture)} days'";
        var sql = $"""
            WITH bounds AS (SELECT MAX(ordered_at) AS last_order FROM orders),
            followed AS (
                SELECT r.response_id, r.account_id, r.responded_at, CAST(r.{soft} AS DOUBLE PRECISION) AS score
                FROM responses r CROSS JOIN bounds b
                WHERE r.{soft} IS NOT NULL AND r.responded_at + {window} <= b.last_order)
            SELECT f.account_id AS AccountId, f.score AS Score,
                   COUNT(o.order_id) FILTER (WHERE o.ordered_at < f.responded_at) AS PriorOrders,
                   COUNT(o.order_id) FILTER (WHERE o.ordered_at > f.responded_at AND o.ordered_at <= f.responded_at + {window}) AS NextOrders,
                   COALESCE(SUM(o.amount - COALESCE(o.refund_amount, 0)) FILTER (WHERE o.ordered_at > f.responded_at AND o.ordered_at <= f.responded_at + {window}), 0) AS NextRevenue
            FROM followed f LEFT JOIN orders o ON o.account_id = f.account_id
            GROUP BY f.response_id, f.account_id, f.score
            ORDER BY f.response_id
            """;
        return store.Query<(string AccountId, double Score, long PriorOrders, long NextOrders, double NextRevenue)>(sql)
            .Select(r => new RepeatRow(r.AccountId, level(r.Score), PriorBand(r.PriorOrders), r.NextOrders > 0, r.NextRevenue))
            .ToList();
    }

    /// <summary>Orders placed before the answer, banded: at most 1 (a post-purchase review follows its order), 2, 3 or more.</summary>
    static int PriorBand(long priorOrders) => (int)Math.Clamp(priorOrders - 1, 0, PriorBands - 1);

    /// <summary>Answers at each level in the 365 days up to the last order: the yearly base a lever moves.</summary>
    public static long[] LastYearAnswers(FulcrumStore store, string soft, Func<double, int> level)
    {
        var scores = store.Query<double>($"""
            SELECT CAST(r.{soft} AS DOUBLE PRECISION) FROM responses r CROSS JOIN (SELECT MAX(ordered_at) AS last_order FROM orders) b
            WHERE r.{soft} IS NOT NULL AND r.responded_at > b.last_order - INTERVAL '365 days' AND r.responded_at <= b.last_order
            """);
        var counts = new long[3];
        foreach (var s in scores) counts[level(s)]++;
        return counts;
    }
}
