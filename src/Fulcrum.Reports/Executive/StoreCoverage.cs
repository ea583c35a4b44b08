using Fulcrum.Data.Store;
using Fulcrum.Reports.Executive.Model;

namespace Fulcrum.Reports.Executive;

/// <summary>What the store holds, table by table, with the date range of each dated table (the report's data coverage).</summary>
public static class StoreCoverage
{
    static readonly (string Table, string? DateColumn)[] Tables =
    [
        ("accounts", null), ("subscriptions", "start_date"), ("responses", "responded_at"), ("tickets", "opened_at"), ("outcomes", "outcome_date"),
        ("reference_requests", "requested_at"), ("opportunities", "closed_at"), ("initiatives", "start_date"), ("followups", "opened_at"),
    ];

    public static IReadOnlyList<TableCoverage> Read(FulcrumStore store) => Tables.Select(t =>
    {
        if (t.DateColumn is null) return new TableCoverage(t.Table, store.Count(t.Table), null, null);
        var (rows, from, to) = store.Query<(long Rows, DateTime? From, DateTime? To)>(
            $"SELECT COUNT(*), CAST(MIN({t.DateColumn}) AS TIMESTAMP), CAST(MAX({t.DateColumn}) AS TIMESTAMP) FROM {t.Table}").Single();
        return new TableCoverage(t.Table, rows, Day(from), Day(to));
    }).ToList();

    static DateOnly? Day(DateTime? t) => t is { } v ? DateOnly.FromDateTime(v) : null;
}
