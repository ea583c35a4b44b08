using Fulcrum.Data.Schema;

namespace Fulcrum.Data.Store;

/// <summary>What is in the store: row counts, recent imports and their rejects, and the CSAT/CES scales its answers are on.</summary>
public sealed record StoreStatus(
    string Path,
    int SchemaVersion,
    IReadOnlyList<(string Table, long Rows)> Tables,
    IReadOnlyList<ImportRunSummary> RecentImports,
    long TotalRejects,
    string? GeneratedBy,
    IReadOnlyList<Survey.StoredScale> Scales)
{
    public static StoreStatus Read(FulcrumStore store, int recentImports = 10) => new(
        store.Path,
        store.SchemaVersion,
        CanonicalSchema.Tables.Select(t => (t.Name, store.Count(t.Name))).ToList(),
        ImportRunSummary.Recent(store, recentImports),
        store.Count("import_rejects"),
        store.GetMetadata("generated_by"),
        Survey.ScoreScales.Stored(store));
}

public sealed record ImportRunSummary(
    string ImportId, string Target, string SourceFile, string? MappingFile, DateTime StartedAt, string Status,
    long RowsRead, long RowsInserted, long RowsUpdated, long RowsRejected, string? Message)
{
    public static IReadOnlyList<ImportRunSummary> Recent(FulcrumStore store, int limit) =>
        store.Query<ImportRunSummary>("""
            SELECT import_id AS ImportId, target AS Target, source_file AS SourceFile, mapping_file AS MappingFile,
                   started_at AS StartedAt, status AS Status, rows_read AS RowsRead, rows_inserted AS RowsInserted,
                   rows_updated AS RowsUpdated, rows_rejected AS RowsRejected, message AS Message
            FROM import_runs ORDER BY started_at DESC LIMIT $limit
            """, new { limit }).ToList();
}

public static class RejectQueries
{
    /// <summary>Rejects of one import, or of the latest import that had any.</summary>
    public static (string? ImportId, IReadOnlyList<Import.Reject> Rejects, long Total) For(FulcrumStore store, string? importId, int limit)
    {
        importId ??= store.Query<string>("SELECT import_id FROM import_runs WHERE rows_rejected > 0 ORDER BY started_at DESC LIMIT 1").FirstOrDefault();
        if (importId is null) return (null, [], 0);
        var total = store.Scalar<long>("SELECT COUNT(*) FROM import_rejects WHERE import_id = $importId", new { importId });
        var rejects = store.Query<Import.Reject>("""
            SELECT file AS File, line AS Line, table_name AS "Table", column_name AS "Column", field AS Field, value AS Value, reason AS Reason
            FROM import_rejects WHERE import_id = $importId ORDER BY seq LIMIT $limit
            """, new { importId, limit }).ToList();
        return (importId, rejects, total);
    }
}
