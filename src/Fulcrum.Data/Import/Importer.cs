using System.Data.Common;
using System.Globalization;
using Fulcrum.Data.Import.Mapping;
using Fulcrum.Data.Import.Sources;
using Fulcrum.Data.Schema;
using Fulcrum.Data.Store;
using Fulcrum.Data.Survey;

namespace Fulcrum.Data.Import;

/// <summary>
/// Imports one source file into canonical tables: read → map → validate → stage → check references →
/// upsert by natural key in one transaction. All or nothing unless <see cref="ImportRequest.SkipInvalid"/>;
/// re-importing the same file changes nothing. Rejects are recorded with file, line, column, value and reason.
/// </summary>
public sealed class Importer(FulcrumStore store)
{
    const int ProgressEvery = 20_000;

    public ImportResult Run(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellation = default)
    {
        var shown = request.Shown ?? ShownPaths.AsGiven;
        try
        {
            return Import(request, shown, progress, cancellation);
        }
        catch (Exception e) when (shown != ShownPaths.AsGiven && e is ImportException or MappingException or SourceFormatException)
        {
            // The file, mapping and joined file in the message by the names the user knows them by.
            throw new ImportException(shown.InText(e.Message), e);
        }
    }

    ImportResult Import(ImportRequest request, ShownPaths shown, IProgress<ImportProgress>? progress, CancellationToken cancellation)
    {
        var started = DateTime.UtcNow;
        var importId = $"imp-{started:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var limits = request.Limits ?? ImportLimits.Default;
        var explicitMapping = request.MappingFile is null ? null : MappingLoader.Load(request.MappingFile);
        using var reader = new ReadAheadSourceReader(OpenSource(request, explicitMapping, limits));
        var mapping = explicitMapping ?? IdentityMapping.For(ResolveTable(request.Table), reader.Columns, request.File);
        var tableMappings = SelectTables(mapping, request.Table);
        // CSAT and CES are checked on the mapping's declared scales over the store's (a conflict with answers on record is refused here).
        var scales = ScoreScales.ForImport(store, mapping);

        var joinFolder = request.JoinFolder ?? Path.GetDirectoryName(Path.GetFullPath(request.File))!;
        var joins = mapping.Joins.Select(j => JoinIndex.Load(j, mapping.MappingFile, joinFolder, limits)).ToList();
        var row = new RowContext(reader.Columns, joins, mapping.Constants);
        CheckColumnsExist(mapping, tableMappings, row, request.File);

        var stagings = new List<StagingTable>();
        try
        {
            foreach (var group in tableMappings.GroupBy(t => t.Table.Name).OrderBy(g => CanonicalSchema.DependencyOrder(g.First().Table)))
            {
                var table = group.First().Table;
                var columns = table.Fields.Select(f => f.Name).Where(n => group.Any(m => m.Fields.Any(f => f.Field.Name == n))).ToList();
                stagings.Add(new StagingTable(store, table, columns, group.Any(m => m.Distinct)));
            }
            var compiled = tableMappings
                .Select(m => (Table: new CompiledTable(m, row, stagings.First(s => s.Table.Name == m.Table.Name).Columns, scales),
                              Staging: stagings.First(s => s.Table.Name == m.Table.Name)))
                .Select(c => (c.Table, c.Staging, Fold: c.Table.Mapping.Groups ? new GroupFold(c.Table, c.Staging.Columns.Count) : null))
                .ToList();

            var rejects = new List<Reject>();
            var filtered = stagings.ToDictionary(s => s.Table.Name, _ => 0L);
            long rowsRead = 0, stagedRows = 0;
            var staged = new object?[compiled.Max(c => c.Staging.Columns.Count)];
            progress?.Report(new ImportProgress("reading", 0, 0));
            while (reader.Read())
            {
                rowsRead++;
                if (rowsRead % ProgressEvery == 0)
                {
                    cancellation.ThrowIfCancellationRequested();
                    progress?.Report(new ImportProgress("reading", rowsRead, reader.Progress));
                }
                if (reader.FieldCount != reader.Columns.Count)
                {
                    rejects.Add(new Reject(request.File, reader.Line, null, null, null, null,
                        $"row has {reader.FieldCount} fields but the header has {reader.Columns.Count}"));
                    continue;
                }
                row.Load(reader);
                foreach (var (table, staging, fold) in compiled)
                {
                    var name = table.Table.Name;
                    if (!table.Includes(row, out var whereError))
                    {
                        if (whereError is null) filtered[name]++;
                        else rejects.Add(new Reject(request.File, reader.Line, name, null, null, null, whereError));
                        continue;
                    }
                    if (!table.TryRepeatCount(row, out var count, out var repeatError))
                    {
                        rejects.Add(new Reject(request.File, reader.Line, name, null, null, null, repeatError!));
                        continue;
                    }
                    for (var k = 1; k <= count; k++)
                    {
                        if (!table.TryMap(row, k, staged, request.File, reader.Line, rejects))
                        {
                            fold?.Poison(reader.Line, staged);
                            continue;
                        }
                        if (++stagedRows > limits.MaxStagedRows)
                            throw new ImportException($"{request.File}, line {reader.Line}: the import would stage more than {limits.MaxStagedRows:N0} rows " +
                                                      "(the most one import may hold, counting the rows 'repeat' makes); split the file or lower the repeat counts.");
                        if (fold is not null) fold.Add(reader.Line, staged, request.File, rejects);
                        else Stage(table, staging, reader.Line, staged, request.File, rejects);
                    }
                }
            }
            // Folded groups are staged once every row has been read, in the order of their first line.
            foreach (var (table, staging, fold) in compiled.Where(c => c.Fold is not null))
                foreach (var (line, values) in fold!.Results(request.File, rejects))
                    Stage(table, staging, line, values, request.File, rejects);
            var folded = compiled.Where(c => c.Fold is not null).GroupBy(c => c.Table.Table.Name)
                .ToDictionary(g => g.Key, g => g.Sum(c => c.Fold!.FoldedRows));
            foreach (var staging in stagings) staging.CloseAppender();
            cancellation.ThrowIfCancellationRequested();

            progress?.Report(new ImportProgress("checking references", rowsRead, 1));
            foreach (var staging in stagings)
                rejects.AddRange(CheckReferences(staging, stagings, request.File, tableMappings));

            var warnings = DateChecks.Find(store, stagings, request.File, DateTime.UtcNow).Select(shown.Of).ToList();
            var stats = stagings.Select(s => Stats(s, rejects, filtered[s.Table.Name]) with { Folded = folded.GetValueOrDefault(s.Table.Name) }).ToList();
            var unmapped = row.ColumnNames.Take(reader.Columns.Count)
                .Where(c => !mapping.ReferencedColumns.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
            // What is wrong first, then the rows kept out only because of it.
            var orderedRejects = rejects.OrderBy(r => r.CausedByLine is not null).ThenBy(r => r.Row ?? 0).ThenBy(r => r.Table).Select(shown.Of).ToList();

            if (request.DryRun)
                return new ImportResult(importId, ImportStatus.DryRun, request.File, request.MappingFile, rowsRead, stats, orderedRejects, unmapped, DateWarnings: warnings,
                    SkipInvalid: request.SkipInvalid);

            if (orderedRejects.Count > 0 && !request.SkipInvalid)
            {
                using var rejectTransaction = store.BeginTransaction();
                Record(importId, request, started, ImportStatus.Rejected, rowsRead, stats, orderedRejects, rejectTransaction);
                rejectTransaction.Commit();
                return new ImportResult(importId, ImportStatus.Rejected, request.File, request.MappingFile, rowsRead,
                    stats.Select(s => s with { Inserted = 0, Updated = 0, Unchanged = 0 }).ToList(), orderedRejects, unmapped, DateWarnings: warnings);
            }

            FollowupOpening.Opened? followups = null;
            using (var transaction = store.BeginTransaction())
            {
                // The declared scales first: the follow-up rule below reads them.
                ScoreScales.Record(store, mapping, transaction);
                foreach (var staging in stagings)
                {
                    cancellation.ThrowIfCancellationRequested();
                    progress?.Report(new ImportProgress($"writing {staging.Table.Name}", rowsRead, 1));
                    Write(staging, stats.Single(t => t.Table == staging.Table.Name), transaction);
                }
                // New answers the closed loop picks (FollowupRule) open their follow-ups in the same commit, so a crash leaves both or neither.
                if (stagings.Any(s => s.Table.Name == CanonicalSchema.Responses.Name))
                    followups = FollowupOpening.Open(store, transaction);
                store.BumpDataVersion(transaction);
                Record(importId, request, started, ImportStatus.Committed, rowsRead, stats, orderedRejects, transaction);
                store.AnnounceChange(hard: true, transaction);
                transaction.Commit();
            }
            return new ImportResult(importId, ImportStatus.Committed, request.File, request.MappingFile, rowsRead, stats, orderedRejects, unmapped, followups?.Count ?? 0, warnings,
                FollowupRule: followups?.Rule?.Answers);
        }
        finally
        {
            foreach (var staging in stagings) staging.Dispose();
        }
    }

    static void Stage(CompiledTable table, StagingTable staging, long line, object?[] values, string file, List<Reject> rejects)
    {
        if (staging.Add(line, values) is { } duplicate)
            rejects.Add(new Reject(file, line, table.Table.Name, table.Mapping.Fields.First(f => f.Field.Name == table.Table.Key[0]).PrimaryColumn,
                table.Table.Key[0], staging.KeyDescription(values), duplicate));
    }

    static ISourceReader OpenSource(ImportRequest request, ImportMapping? mapping, ImportLimits limits)
    {
        var source = SourceReaders.Open(request.File, mapping?.Source);
        if (source.Columns.Count <= limits.MaxColumns) return source;
        source.Dispose();
        throw new SourceFormatException(request.File, 1, $"the file has {source.Columns.Count:N0} columns; at most {limits.MaxColumns:N0} are allowed.");
    }

    static TableDefinition ResolveTable(string table) =>
        table.Equals(ImportRequest.AllTables, StringComparison.OrdinalIgnoreCase)
            ? throw new ImportException("Importing into 'all' tables needs a --mapping that names them; otherwise give the table, e.g. `fulcrum import responses answers.csv`.")
            : CanonicalSchema.Find(table) ?? throw new ImportException(
                $"Unknown table '{table}'. Tables: {string.Join(", ", CanonicalSchema.Tables.Select(t => t.Name))}, or 'all' with a mapping.");

    static List<TableMapping> SelectTables(ImportMapping mapping, string table)
    {
        if (table.Equals(ImportRequest.AllTables, StringComparison.OrdinalIgnoreCase)) return mapping.Tables.ToList();
        var target = ResolveTable(table);
        var selected = mapping.Tables.Where(t => t.Table.Name == target.Name).ToList();
        if (selected.Count == 0)
            throw new ImportException($"The mapping fills {string.Join(", ", mapping.Tables.Select(t => t.Table.Name).Distinct())}, not {target.Name}. Use one of those or 'all'.");
        return selected;
    }

    static void CheckColumnsExist(ImportMapping mapping, IEnumerable<TableMapping> tables, RowContext row, string file)
    {
        var list = tables.ToList();
        var missing = list.SelectMany(t => t.ReferencedColumns).Distinct().Where(c => !row.HasColumn(c)).ToList();
        if (missing.Count > 0)
            throw MissingColumnsError.Build(mapping, list, missing, row.ColumnNames.Where(c => !c.Contains('\0')).ToList(), file);
    }

    /// <summary>Rejects (and removes from staging) rows that point at accounts or responses that exist neither in the store nor in this import.</summary>
    IEnumerable<Reject> CheckReferences(StagingTable staging, List<StagingTable> all, string file, List<TableMapping> mappings)
    {
        var rejects = new List<Reject>();
        foreach (var reference in staging.Table.References)
        {
            if (!staging.Columns.Contains(reference.Field)) continue;
            var field = FulcrumStore.Quote(reference.Field);
            var target = FulcrumStore.Quote(reference.TargetField);
            var stagedTarget = all.FirstOrDefault(s => s.Table.Name == reference.Table && s.Columns.Contains(reference.TargetField));
            var predicate = $"s.{field} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {reference.Table} t WHERE t.{target} = s.{field})" +
                            (stagedTarget is null ? "" : $" AND NOT EXISTS (SELECT 1 FROM {stagedTarget.Name} x WHERE x.{target} = s.{field})");
            var column = mappings.Where(m => m.Table.Name == staging.Table.Name)
                .SelectMany(m => m.Fields).FirstOrDefault(f => f.Field.Name == reference.Field)?.PrimaryColumn;
            foreach (var (line, value) in store.Query<(long, string)>($"SELECT s._line, s.{field} FROM {staging.Name} s WHERE {predicate} ORDER BY s._line"))
                rejects.Add(new Reject(file, line, staging.Table.Name, column, reference.Field, value,
                    $"unknown {reference.TargetField.Replace("_id", "", StringComparison.Ordinal)} '{value}': not in {reference.Table} nor in this import"));
            if (rejects.Count > 0) store.Execute($"DELETE FROM {staging.Name} s WHERE {predicate}");
        }
        return rejects;
    }

    TableImportStats Stats(StagingTable staging, List<Reject> rejects, long filtered)
    {
        var table = staging.Table;
        var join = string.Join(" AND ", table.Key.Select(k => $"t.{FulcrumStore.Quote(k)} = s.{FulcrumStore.Quote(k)}"));
        var changes = staging.Columns.Where(c => !table.IsKey(c)).Select(c =>
        {
            var q = FulcrumStore.Quote(c);
            return table.Field(c).Type == FieldType.Json
                ? $"{NormalizedJson(store.Dialect.MergeJson($"t.{q}", $"CAST(s.{q} AS {store.Dialect.JsonType})"))} IS DISTINCT FROM {NormalizedJson($"t.{q}")}"
                : $"s.{q} IS DISTINCT FROM t.{q}";
        }).ToList();
        var changed = changes.Count == 0 ? "0" : $"COUNT(*) FILTER (WHERE {string.Join(" OR ", changes)})";
        var (existing, updated) = store.Query<(long, long)>(
            $"SELECT COUNT(*), {changed} FROM {staging.Name} s JOIN {table.Name} t ON {join}").Single();
        var rejected = rejects.Where(r => r.Table == table.Name || r.Table is null).Select(r => r.Row).Distinct().LongCount();
        var staged = store.Count(staging.Name);
        return new TableImportStats(table.Name, staged, staged - existing, updated, existing - updated, rejected, filtered, staging.CollapsedDuplicates);
    }

    /// <summary>JSON as canonical text (merging with {} serializes it the same way whatever its origin), for change detection.</summary>
    string NormalizedJson(string json) =>
        $"CASE WHEN ({json}) IS NULL THEN NULL ELSE CAST({store.Dialect.JsonMergeFunction}({json}, CAST('{{}}' AS {store.Dialect.JsonType})) AS VARCHAR) END";

    /// <summary>
    /// Writes a staged table by the cheapest statement that is still exact: nothing when every row is unchanged,
    /// a plain insert when no staged key exists yet, otherwise an upsert on the natural key.
    /// </summary>
    void Write(StagingTable staging, TableImportStats stats, DbTransaction transaction)
    {
        if (stats.Inserted == 0 && stats.Updated == 0) return;
        if (stats.Updated == 0 && stats.Unchanged == 0)
        {
            var columns = string.Join(", ", staging.Columns.Select(FulcrumStore.Quote));
            store.Execute($"INSERT INTO {staging.Table.Name} ({columns}) SELECT {columns} FROM {staging.Name}", transaction: transaction);
            return;
        }
        Upsert(staging, transaction);
    }

    void Upsert(StagingTable staging, DbTransaction transaction)
    {
        var table = staging.Table;
        var columns = string.Join(", ", staging.Columns.Select(FulcrumStore.Quote));
        // The database's key: (account_id, id) for tables distributed by account, whose records may first move account.
        AccountMove.Apply(store, table, staging.Name, transaction);
        var key = string.Join(", ", table.StorageKey.Select(FulcrumStore.Quote));
        var updates = staging.Columns.Where(c => !table.StorageKey.Contains(c, StringComparer.OrdinalIgnoreCase)).Select(c =>
        {
            var q = FulcrumStore.Quote(c);
            return table.Field(c).Type == FieldType.Json
                ? $"{q} = {store.Dialect.MergeJson($"{table.Name}.{q}", $"excluded.{q}")}"
                : $"{q} = excluded.{q}";
        }).ToList();
        var onConflict = updates.Count == 0 ? "DO NOTHING" : $"DO UPDATE SET {string.Join(", ", updates)}";
        store.Execute($"INSERT INTO {table.Name} ({columns}) SELECT {columns} FROM {staging.Name} ON CONFLICT ({key}) {onConflict}", transaction: transaction);
    }

    void Record(string importId, ImportRequest request, DateTime started, ImportStatus status, long rowsRead,
        IReadOnlyList<TableImportStats> stats, IReadOnlyList<Reject> rejects, DbTransaction transaction)
    {
        var committed = status == ImportStatus.Committed;
        store.Execute("""
            INSERT INTO import_runs (import_id, target, source_file, mapping_file, started_at, finished_at, status,
                                     rows_read, rows_inserted, rows_updated, rows_rejected, message)
            VALUES ($id, $target, $file, $mapping, $started, $finished, $status, $read, $inserted, $updated, $rejected, $message)
            """,
            new
            {
                id = importId,
                target = string.Join(",", stats.Select(s => s.Table)),
                file = Recorded(request.File, request.Shown),
                mapping = request.MappingFile is null ? null : Recorded(request.MappingFile, request.Shown),
                started,
                finished = DateTime.UtcNow,
                status = status.ToString().ToLowerInvariant(),
                read = rowsRead,
                inserted = committed ? stats.Sum(s => s.Inserted) : 0,
                updated = committed ? stats.Sum(s => s.Updated) : 0,
                rejected = rejects.Select(r => (r.Table, r.Row)).Distinct().LongCount(),
                message = committed
                    ? (rejects.Count == 0 ? "imported" : "imported valid rows; rejects recorded (--skip-invalid)")
                    : "nothing written: the file has invalid rows (fix them, or use --skip-invalid to import the valid ones)",
            }, transaction);
        using var writer = store.BulkWriter("import_rejects");
        long seq = 0;
        foreach (var reject in rejects)
            writer.Row(importId, ++seq, reject.Table, reject.File, reject.Line, reject.Column, reject.Field, reject.Value, reject.Reason);
    }

    /// <summary>A file as the import's record names it: its full path, or the name it is shown by (an upload's, never the server's copy).</summary>
    static string Recorded(string path, ShownPaths? shown) => shown?.Of(path) is { } name && name != path ? name : Path.GetFullPath(path);
}
