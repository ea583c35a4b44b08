using System.Globalization;
using Fulcrum.Data.Schema;
using Fulcrum.Data.Store;

namespace Fulcrum.Data.Import;

/// <summary>One row behind a <see cref="DateWarning"/>, named down to file and line.</summary>
public sealed record DateWarningExample(string File, long Line, string Table, string Field, string Value, string Detail);

/// <summary>
/// Dates that are possible to store but not to believe: an answer, ticket or order before its account was created (tenure
/// would be negative), or a date in the future. Import warns and still imports: the user decides whether the source is wrong.
/// </summary>
/// <param name="Kind"><c>before_account_created</c> or <c>in_future</c>.</param>
public sealed record DateWarning(string Table, string Field, string Kind, long Count, string Message, IReadOnlyList<DateWarningExample> Examples)
{
    public const string BeforeAccountCreated = "before_account_created", InFuture = "in_future";
}

/// <summary>Finds <see cref="DateWarning"/>s in the staged rows of an import, against the accounts staged with them or already stored.</summary>
internal static class DateChecks
{
    const int ExamplesPerWarning = 5;

    /// <summary>Dated events of an account: the date an analysis measures tenure at.</summary>
    static readonly (string Table, string Field)[] AccountEvents =
        [("responses", "responded_at"), ("tickets", "opened_at"), ("orders", "ordered_at")];

    /// <summary>Fields that record something that has happened (an end date or a due date may rightly lie ahead).</summary>
    static readonly (string Table, string Field)[] PastOnly =
    [
        ("accounts", "created_at"), ("responses", "responded_at"), ("tickets", "opened_at"), ("tickets", "closed_at"),
        ("orders", "ordered_at"), ("outcomes", "outcome_date"), ("reference_requests", "requested_at"), ("reference_requests", "used_at"),
    ];

    public static List<DateWarning> Find(FulcrumStore store, IReadOnlyList<StagingTable> stagings, string file, DateTime nowUtc)
    {
        var warnings = new List<DateWarning>();
        var accounts = stagings.FirstOrDefault(s => s.Table.Name == CanonicalSchema.Accounts.Name && s.Columns.Contains("created_at"));
        var created = accounts is null
            ? "SELECT account_id, created_at FROM accounts"
            : $"SELECT account_id, created_at FROM {accounts.Name} UNION ALL " +
              $"SELECT a.account_id, a.created_at FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM {accounts.Name} x WHERE x.account_id = a.account_id)";

        foreach (var (table, field) in AccountEvents)
        {
            if (stagings.FirstOrDefault(s => s.Table.Name == table && s.Columns.Contains(field) && s.Columns.Contains("account_id")) is { } events)
            {
                var from = $"FROM {events.Name} s JOIN ({created}) c ON c.account_id = s.account_id WHERE c.created_at IS NOT NULL AND CAST(s.{field} AS DATE) < c.created_at";
                var count = store.Scalar<long>($"SELECT COUNT(*) {from}");
                if (count > 0)
                {
                    var examples = store.Query<(long, string, string, string)>(
                            $"SELECT s._line, s.account_id, CAST(s.{field} AS VARCHAR), CAST(c.created_at AS VARCHAR) {from} ORDER BY s._line LIMIT {ExamplesPerWarning}")
                        .Select(e => new DateWarningExample(file, e.Item1, table, field, e.Item3, $"account {e.Item2} was created {e.Item4}"))
                        .ToList();
                    warnings.Add(new DateWarning(table, field, DateWarning.BeforeAccountCreated, count,
                        $"{count:N0} {table} dated ({field}) before their account was created; tenure there would be negative. " +
                        "Check the dates, or the accounts' created_at.", examples));
                }
            }
            if (accounts is null) continue;
            // The other way round: accounts imported now with a creation date after events already in the store.
            var stored = $"FROM {accounts.Name} x JOIN {table} e ON e.account_id = x.account_id WHERE x.created_at IS NOT NULL AND CAST(e.{field} AS DATE) < x.created_at";
            var accountsAfter = store.Scalar<long>($"SELECT COUNT(DISTINCT x.account_id) {stored}");
            if (accountsAfter == 0) continue;
            var late = store.Query<(long, string, string, long, string)>(
                    $"SELECT MIN(x._line), x.account_id, CAST(x.created_at AS VARCHAR), COUNT(*), CAST(MIN(e.{field}) AS VARCHAR) {stored} " +
                    $"GROUP BY x.account_id, x.created_at ORDER BY MIN(x._line) LIMIT {ExamplesPerWarning}")
                .Select(e => new DateWarningExample(file, e.Item1, "accounts", "created_at", e.Item3,
                    $"account {e.Item2} already has {e.Item4:N0} {table} before that (the first on {e.Item5})"))
                .ToList();
            warnings.Add(new DateWarning("accounts", "created_at", DateWarning.BeforeAccountCreated, accountsAfter,
                $"{accountsAfter:N0} accounts are created after {table} already stored for them; tenure there would be negative. " +
                "Check the accounts' created_at.", late));
        }

        // A day's grace: a source's local time may run ahead of UTC.
        var limit = nowUtc.Date.AddDays(2);
        var literal = $"CAST('{limit.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}' AS DATE)";
        foreach (var (table, field) in PastOnly)
        {
            if (stagings.FirstOrDefault(s => s.Table.Name == table && s.Columns.Contains(field)) is not { } staging) continue;
            var from = $"FROM {staging.Name} s WHERE CAST(s.{field} AS DATE) >= {literal}";
            var count = store.Scalar<long>($"SELECT COUNT(*) {from}");
            if (count == 0) continue;
            var examples = store.Query<(long, string)>($"SELECT s._line, CAST(s.{field} AS VARCHAR) {from} ORDER BY s._line LIMIT {ExamplesPerWarning}")
                .Select(e => new DateWarningExample(file, e.Item1, table, field, e.Item2, "in the future"))
                .ToList();
            warnings.Add(new DateWarning(table, field, DateWarning.InFuture, count,
                $"{count:N0} {table}.{field} values lie in the future (after {nowUtc:yyyy-MM-dd} UTC). Check the date format (day and month swapped?) " +
                "or the source system's clock.", examples));
        }
        return warnings;
    }
}
