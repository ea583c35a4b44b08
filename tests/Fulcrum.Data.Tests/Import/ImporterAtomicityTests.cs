using Fulcrum.Data.Store;
using Fulcrum.Data.Import;

namespace Fulcrum.Data.Tests.Import;

/// <summary>All or nothing: a bad row, an exception in the write phase or a cancellation leave the canonical tables untouched.</summary>
public abstract class ImporterAtomicityTests(StoreBackend backend) : IDisposable
{
    readonly ImportWorkspace _ws = new(persistent: true, backend: backend); // on disk, so that what was committed can be checked after reopening

    public void Dispose() => _ws.Dispose();

    const string Mapping = """
        tables:
          - table: accounts
            distinct: true
            fields:
              account_id: account
              segment: segment
          - table: responses
            fields:
              response_id: id
              account_id: account
              responded_at: when
              nps: nps
              comment: comment
        """;

    string WriteSurvey(string name, params string[] rows) =>
        _ws.WriteLines(name, ["id,account,segment,when,nps,comment", .. rows]);

    /// <summary>A store that already holds data (two accounts, three responses) from a committed import.</summary>
    string SeedExistingData()
    {
        var mapping = _ws.Write("survey.yaml", Mapping);
        var file = WriteSurvey("survey-1.csv",
            "R1,A1,SMB,2024-03-01T10:00:00Z,9,great",
            "R2,A1,SMB,2024-03-02T10:00:00Z,6,meh",
            "R3,A2,Enterprise,2024-03-03T10:00:00Z,10,");
        ImportAssert.Committed(_ws.Import("all", file, mapping));
        return mapping;
    }

    /// <summary>Updates two existing rows, adds an account and two responses, valid throughout.</summary>
    string ChangedSurvey() => WriteSurvey("survey-2.csv",
        "R1,A1,Mid-Market,2024-03-01T10:00:00Z,10,great",
        "R2,A1,Mid-Market,2024-03-02T10:00:00Z,6,meh",
        "R4,A3,SMB,2024-03-04T10:00:00Z,3,slow support",
        "R5,A3,SMB,2024-03-05T10:00:00Z,8,");

    [Fact]
    public void One_bad_row_in_the_middle_rejects_the_whole_file_and_writes_no_canonical_row()
    {
        var mapping = SeedExistingData();
        var before = _ws.Snapshot();
        var file = WriteSurvey("survey-2.csv",
            "R1,A1,SMB,2024-03-01T10:00:00Z,10,changed",
            "R4,A3,SMB,2024-03-04T10:00:00Z,11,bad score",
            "R5,A4,SMB,2024-03-05T10:00:00Z,8,new");

        var result = _ws.Import("all", file, mapping);

        Assert.Equal(ImportStatus.Rejected, result.Status);
        ImportAssert.SingleReject(result, file, 3, "nps", "11", "out of range");
        foreach (var table in Fulcrum.Data.Schema.CanonicalSchema.Tables.Select(t => t.Name))
            Assert.Equal(before[table], _ws.Rows(table));
        Assert.Equal(0, result.Inserted + result.Updated);
    }

    [Fact]
    public void Rejected_import_is_recorded_in_import_runs_and_import_rejects()
    {
        var mapping = _ws.Write("survey.yaml", Mapping);
        var file = WriteSurvey("survey.csv",
            "R1,A1,SMB,2024-03-01T10:00:00Z,9,ok",
            "R2,A1,SMB,yesterday,99,bad",
            "R3,A1,SMB,2024-03-01T10:00:00Z,9,ok");

        var result = _ws.Import("all", file, mapping);

        Assert.Equal(ImportStatus.Rejected, result.Status);
        Assert.Equal(2, result.Rejects.Count);
        var run = _ws.Store.Query<(string Id, string Status, long Read, long Inserted, long Rejected, string Source, string Mapping)>(
            "SELECT import_id, status, rows_read, rows_inserted, rows_rejected, source_file, mapping_file FROM import_runs").Single();
        Assert.Equal((result.ImportId, "rejected", 3L, 0L, 1L), (run.Id, run.Status, run.Read, run.Inserted, run.Rejected));
        Assert.Equal((Path.GetFullPath(file), Path.GetFullPath(mapping)), (run.Source, run.Mapping));
        var recorded = _ws.Store.Query<(long Seq, string? Table, long Line, string? Column, string? Value, string Reason)>(
            "SELECT seq, table_name, line, column_name, value, reason FROM import_rejects WHERE import_id = $id ORDER BY seq", new { id = result.ImportId }).ToList();
        Assert.Equal(result.Rejects.Count, recorded.Count);
        Assert.Equal(result.Rejects.Select(r => (r.Table, r.Line!.Value, r.Column, r.Value, r.Reason)),
            recorded.Select(r => (r.Table, r.Line, r.Column, r.Value, r.Reason)));
        Assert.Equal(0, _ws.Count("accounts"));
        Assert.Equal(0, _ws.Count("responses"));
    }

    [Fact]
    public void Skip_invalid_writes_the_valid_rows_and_records_every_reject()
    {
        var mapping = SeedExistingData();
        var file = WriteSurvey("survey-2.csv",
            "R1,A1,SMB,2024-03-01T10:00:00Z,10,changed",
            "R4,A3,SMB,2024-03-04T10:00:00Z,11,bad score",
            "R5,A3,SMB,someday,12,two bad fields",
            "R6,A4,SMB,2024-03-05T10:00:00Z,8,new",
            "R6,A4,SMB,2024-03-05T10:00:00Z,8,duplicate",
            "R7,A4,SMB,2024-03-05T10:00:00Z,x,bad",
            "R8");

        var result = _ws.Import("all", file, mapping, skipInvalid: true);

        ImportAssert.Committed(result);
        Assert.Equal(["R1", "R2", "R3", "R6"], _ws.Store.Query<string>("SELECT response_id FROM responses ORDER BY 1"));
        Assert.Equal(10, _ws.Scalar<long>("SELECT nps FROM responses WHERE response_id = 'R1'"));
        Assert.Equal(["A1", "A2", "A3", "A4"], _ws.Store.Query<string>("SELECT account_id FROM accounts ORDER BY 1"));
        Assert.Equal(result.Rejects.Count, _ws.Scalar<long>("SELECT COUNT(*) FROM import_rejects WHERE import_id = $id", new { id = result.ImportId }));
        // R4 nps, R5 responded_at + nps, the second R6 (duplicate key), R7 nps, R8 ragged
        Assert.Equal([3L, 4L, 4L, 6L, 7L, 8L], result.Rejects.Select(r => r.Line!.Value));
        Assert.Equal(5, result.RejectedRows);
        var run = _ws.Store.Query<(string Status, long Inserted, long Updated, long Rejected, string Message)>(
            "SELECT status, rows_inserted, rows_updated, rows_rejected, message FROM import_runs WHERE import_id = $id", new { id = result.ImportId }).Single();
        Assert.Equal(("committed", result.Inserted, result.Updated, result.RejectedRows), (run.Status, run.Inserted, run.Updated, run.Rejected));
        Assert.Contains("skip-invalid", run.Message, StringComparison.Ordinal);
    }

    sealed class ThrowOnPhase(string phasePrefix) : IProgress<ImportProgress>
    {
        public List<string> Phases { get; } = [];

        public void Report(ImportProgress value)
        {
            Phases.Add(value.Phase);
            if (value.Phase.StartsWith(phasePrefix, StringComparison.Ordinal))
                throw new IOException($"disk unplugged during '{value.Phase}'");
        }
    }

    [Theory]
    [InlineData("writing accounts")]
    [InlineData("writing responses")]
    public void Failure_in_the_write_phase_leaves_exactly_what_the_store_held_before(string phase)
    {
        var mapping = SeedExistingData();
        var before = _ws.Snapshot();
        var progress = new ThrowOnPhase(phase);

        var e = Assert.Throws<IOException>(() => _ws.Import("all", ChangedSurvey(), mapping, progress: progress));

        Assert.Contains(phase, e.Message, StringComparison.Ordinal);
        Assert.Contains(phase, progress.Phases);
        Assert.Equal(before, _ws.Snapshot());
        _ws.Reopen();
        Assert.Equal(before, _ws.Snapshot());
    }

    [Fact]
    public void Store_accepts_the_same_import_after_an_interrupted_one()
    {
        var mapping = SeedExistingData();
        var file = ChangedSurvey();
        Assert.Throws<IOException>(() => _ws.Import("all", file, mapping, progress: new ThrowOnPhase("writing responses")));

        var result = _ws.Import("all", file, mapping);

        ImportAssert.Committed(result);
        Assert.Equal(5, _ws.Count("responses"));
        Assert.Equal(1, ImportAssert.Table(result, "accounts").Inserted);
        Assert.Equal(2, ImportAssert.Table(result, "responses").Inserted);
    }

    [Fact]
    public void Cancelled_token_writes_nothing()
    {
        var mapping = SeedExistingData();
        var before = _ws.Snapshot();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => _ws.Import("all", ChangedSurvey(), mapping, cancellation: cts.Token));

        Assert.Equal(before, _ws.Snapshot());
    }

    sealed class CancelOnPhase(string phase, CancellationTokenSource cts) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (value.Phase == phase) cts.Cancel();
        }
    }

    [Fact]
    public void Cancellation_between_tables_of_the_write_phase_rolls_back_the_tables_already_written()
    {
        var mapping = SeedExistingData();
        var before = _ws.Snapshot();
        using var cts = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            _ws.Import("all", ChangedSurvey(), mapping, progress: new CancelOnPhase("writing accounts", cts), cancellation: cts.Token));

        Assert.Equal(before, _ws.Snapshot());
    }

    [Fact]
    public void Cancellation_while_reading_writes_nothing()
    {
        var mapping = SeedExistingData();
        var before = _ws.Snapshot();
        using var cts = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            _ws.Import("all", ChangedSurvey(), mapping, progress: new CancelOnPhase("reading", cts), cancellation: cts.Token));

        Assert.Equal(before, _ws.Snapshot());
    }

    [Fact]
    public void Progress_reports_reading_checking_and_one_writing_phase_per_table()
    {
        var mapping = _ws.Write("survey.yaml", Mapping);
        var progress = new ThrowOnPhase("never");

        ImportAssert.Committed(_ws.Import("all", ChangedSurvey(), mapping, progress: progress));

        Assert.Equal(["reading", "checking references", "writing accounts", "writing responses"], progress.Phases);
    }
}

/// <summary>The same tests on each store backend.</summary>
public sealed class ImporterAtomicityTestsOnDuckDb() : ImporterAtomicityTests(StoreBackend.DuckDb);

public sealed class ImporterAtomicityTestsOnPostgreSql() : ImporterAtomicityTests(StoreBackend.PostgreSql);
