using System.Globalization;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Linkage.UserModels;

/// <summary>One account as a user model sees it: the outcome and each term's raw value (null when missing).</summary>
internal sealed record UserModelRow(string AccountId, double Outcome, string?[] Values);

/// <summary>
/// Loads one row per account: the outcome (churn or expansion on record, tickets opened, or — for a customer with orders —
/// a repeat order and net revenue) and the value of every term. Refuses an outcome the store holds no data for, naming what
/// to import, rather than modelling zeros. Cancelled orders do not count; a customer without orders has no repeat or revenue
/// outcome (it never bought), so it is left out rather than counted as a customer who did not come back.
/// </summary>
internal static class UserModelData
{
    public static IReadOnlyList<UserModelRow> Load(FulcrumStore store, ModelFormula formula)
    {
        RequireOutcomeData(store, formula.Outcome);
        var columns = formula.Terms.Select((t, i) => $"{ValueSql(t)} AS v{i}");
        var sql = $"""
            WITH scores AS (
                SELECT account_id, AVG(nps) AS nps, AVG(csat) AS csat, AVG(ces) AS ces FROM responses GROUP BY account_id),
            results AS (
                SELECT account_id, MAX(CASE WHEN kind = 'churn' THEN 1 ELSE 0 END) AS churned,
                       MAX(CASE WHEN kind = 'expansion' THEN 1 ELSE 0 END) AS expanded
                FROM outcomes GROUP BY account_id),
            support AS (
                SELECT account_id, COUNT(*) AS tickets FROM tickets GROUP BY account_id),
            purchases AS (
                SELECT account_id, COUNT(*) AS orders, SUM(amount - COALESCE(refund_amount, 0)) AS net_revenue
                FROM orders WHERE COALESCE(LOWER(status), '') NOT IN ('cancelled', 'canceled') GROUP BY account_id)
            SELECT a.account_id, CAST({OutcomeSql(formula.Outcome)} AS DOUBLE PRECISION) AS outcome{string.Concat(columns.Select(c => ", " + c))}
            FROM accounts a
            LEFT JOIN scores s ON s.account_id = a.account_id
            LEFT JOIN results o ON o.account_id = a.account_id
            LEFT JOIN support t ON t.account_id = a.account_id
            LEFT JOIN purchases p ON p.account_id = a.account_id
            {(formula.Outcome is ModelOutcome.Repeat or ModelOutcome.Revenue ? "WHERE p.account_id IS NOT NULL" : "")}
            ORDER BY a.account_id
            """;
        using var command = store.Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<UserModelRow>();
        while (reader.Read())
        {
            var values = new string?[formula.Terms.Count];
            for (var i = 0; i < values.Length; i++)
                values[i] = reader.IsDBNull(2 + i) ? null : Convert.ToString(reader.GetValue(2 + i), CultureInfo.InvariantCulture);
            rows.Add(new UserModelRow(reader.GetString(0), reader.GetDouble(1), values));
        }
        return rows;
    }

    /// <summary>Churn and expansion are read from outcomes, tickets from the tickets table, repeat and revenue from orders: none on record is a missing input, not a zero.</summary>
    static void RequireOutcomeData(FulcrumStore store, ModelOutcome outcome)
    {
        var (sql, missing) = outcome switch
        {
            ModelOutcome.Churn => ("SELECT COUNT(*) FROM outcomes WHERE kind IN ('churn', 'renewal')",
                "No renewal or churn outcomes on record, so churn cannot be modelled. Import them: fulcrum import outcomes FILE (kind renewal or churn)."),
            ModelOutcome.Expansion => ("SELECT COUNT(*) FROM outcomes WHERE kind = 'expansion'",
                "No expansion outcomes on record, so expansion cannot be modelled. Import them: fulcrum import outcomes FILE (kind expansion)."),
            ModelOutcome.Repeat or ModelOutcome.Revenue => ("SELECT COUNT(*) FROM orders WHERE COALESCE(LOWER(status), '') NOT IN ('cancelled', 'canceled')",
                $"No orders on record, so {outcome.Name()} cannot be modelled (it is read from each customer's orders). Import them: fulcrum import orders FILE."),
            _ => ("SELECT COUNT(*) FROM tickets",
                "No support tickets on record, so tickets cannot be modelled. Import them: fulcrum import tickets FILE."),
        };
        if (store.Scalar<long>(sql) == 0) throw new UserModelException(missing);
    }

    static string OutcomeSql(ModelOutcome outcome) => outcome switch
    {
        ModelOutcome.Churn => "COALESCE(o.churned, 0)",
        ModelOutcome.Expansion => "COALESCE(o.expanded, 0)",
        ModelOutcome.Repeat => "CASE WHEN p.orders >= 2 THEN 1 ELSE 0 END",
        ModelOutcome.Revenue => "p.net_revenue",
        _ => "COALESCE(t.tickets, 0)",
    };

    static string ValueSql(ModelTerm term) => term.Variable switch
    {
        "segment" or "region" or "industry" => $"a.{term.Variable}",
        "nps" or "csat" or "ces" => $"s.{term.Variable}",
        _ => $"a.attributes ->> '{term.Variable[5..].Replace("'", "''", StringComparison.Ordinal)}'",
    };
}

/// <summary>The model cannot be fitted as stated; the message says why and what to do.</summary>
public sealed class UserModelException(string message) : Exception(message);
