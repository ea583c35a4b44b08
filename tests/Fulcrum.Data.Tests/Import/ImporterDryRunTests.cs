using Fulcrum.Data.Import;

namespace Fulcrum.Data.Tests.Import;

/// <summary>A dry run validates and counts exactly like a real import, and writes nothing, not even its own run record.</summary>
public sealed class ImporterDryRunTests : IDisposable
{
    readonly ImportWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    const string Header = "account_id,name,segment";

    [Fact]
    public void Dry_run_reports_what_it_would_insert_and_writes_nothing()
    {
        var before = _ws.Snapshot();
        var file = _ws.WriteLines("accounts.csv", Header, "A1,Acme,SMB", "A2,Globex,Enterprise");

        var result = _ws.Import("accounts", file, dryRun: true);

        Assert.Equal(ImportStatus.DryRun, result.Status);
        Assert.Equal(2, result.RowsRead);
        Assert.Equal((2L, 2L, 0L, 0L), ImportAssert.Table(result, "accounts") is var s ? (s.Staged, s.Inserted, s.Updated, s.Unchanged) : default);
        Assert.Equal(before, _ws.Snapshot());
        Assert.Equal(0, _ws.Count("import_runs"));
    }

    [Fact]
    public void Dry_run_of_a_changed_file_reports_updates_and_leaves_values_alone()
    {
        ImportAssert.Committed(_ws.Import("accounts", _ws.WriteLines("v1.csv", Header, "A1,Acme,SMB", "A2,Globex,Enterprise")));
        var before = _ws.Snapshot();

        var result = _ws.Import("accounts", _ws.WriteLines("v2.csv", Header, "A1,Acme,Mid-Market", "A2,Globex,Enterprise", "A3,Initech,SMB"), dryRun: true);

        var stats = ImportAssert.Table(result, "accounts");
        Assert.Equal((1L, 1L, 1L), (stats.Inserted, stats.Updated, stats.Unchanged));
        Assert.Equal(before, _ws.Snapshot());
        Assert.Equal("SMB", _ws.Scalar<string>("SELECT segment FROM accounts WHERE account_id = 'A1'"));
    }

    [Fact]
    public void Dry_run_matches_the_counts_of_the_real_import_that_follows()
    {
        ImportAssert.Committed(_ws.Import("accounts", _ws.WriteLines("v1.csv", Header, "A1,Acme,SMB", "A2,Globex,Enterprise")));
        var file = _ws.WriteLines("v2.csv", Header, "A1,Acme,Mid-Market", "A2,Globex,Enterprise", "A3,Initech,SMB");

        var dry = _ws.Import("accounts", file, dryRun: true);
        var real = _ws.Import("accounts", file);

        Assert.Equal(dry.Tables, real.Tables);
    }

    [Fact]
    public void Dry_run_reports_rejects_without_recording_them()
    {
        var before = _ws.Snapshot();
        var file = _ws.WriteLines("accounts.csv", "account_id,created_at", "A1,2024-01-01", "A2,January");

        var result = _ws.Import("accounts", file, dryRun: true);

        Assert.Equal(ImportStatus.DryRun, result.Status);
        ImportAssert.SingleReject(result, file, 3, "created_at", "January", "not a date");
        Assert.Equal(before, _ws.Snapshot());
    }

    [Fact]
    public void Dry_run_with_skip_invalid_still_writes_nothing()
    {
        var before = _ws.Snapshot();
        var file = _ws.WriteLines("accounts.csv", "account_id,created_at", "A1,2024-01-01", "A2,January");

        var result = _ws.Import("accounts", file, dryRun: true, skipInvalid: true);

        Assert.Equal(ImportStatus.DryRun, result.Status);
        Assert.Equal(1, ImportAssert.Table(result, "accounts").Inserted);
        Assert.Equal(before, _ws.Snapshot());
    }
}
