using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Data.Tests.Store;

/// <summary>`fulcrum store copy`: DuckDB → PostgreSQL → DuckDB leaves every table identical, verified by counts and checksums.</summary>
public sealed class StoreCopyTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-copy-").FullName;

    [Fact]
    public void A_demo_company_survives_the_round_trip_DuckDB_PostgreSQL_DuckDB_unchanged()
    {
        using var original = FulcrumStore.Open(Path.Combine(_directory, "original.duckdb"));
        DemoCompanyGenerator.Generate(original, new DemoCompanyOptions(Accounts: 250, Years: 3, Seed: 11));
        original.Execute("INSERT INTO users (username, password_hash, role, created_at) VALUES ('ana', 'x', 'admin', TIMESTAMP '2025-01-02 03:04:05.123456')");
        original.Execute("INSERT INTO text_embeddings VALUES ('h1', 'm', 2, from_hex('00ff10'), TIMESTAMP '2025-01-01 00:00:00')");

        using var server = FulcrumStore.Open(PostgresCluster.Instance.CreateDatabase("fulcrum_copy"));
        var there = StoreCopier.Copy(original, server);
        using var back = FulcrumStore.Open(Path.Combine(_directory, "back.duckdb"));
        var backAgain = StoreCopier.Copy(server, back);

        Assert.All(there.Concat(backAgain), t => Assert.True(t.Verified, $"{t.Table}: {t.SourceRows} vs {t.TargetRows} rows, {t.SourceChecksum} vs {t.TargetChecksum}"));
        Assert.Equal(StoreCopier.CopiedTables(original), StoreCopier.CopiedTables(back));
        foreach (var table in StoreCopier.CopiedTables(original))
            Assert.Equal(StoreCopier.Checksum(original, table), StoreCopier.Checksum(back, table));
        Assert.Equal(250, back.Count("accounts"));
        Assert.True(there.Single(t => t.Table == "tickets").TargetRows > 10_000);
        Assert.Equal("00FF10", Convert.ToHexString(server.Scalar<byte[]>("SELECT vector FROM text_embeddings")));
        Assert.Equal(original.Query<string>("SELECT CAST(responded_at AS VARCHAR) FROM responses ORDER BY response_id LIMIT 5"),
            back.Query<string>("SELECT CAST(responded_at AS VARCHAR) FROM responses ORDER BY response_id LIMIT 5"));
    }

    [Fact]
    public void A_target_holding_data_is_refused_unless_replaced()
    {
        using var source = FulcrumStore.Open(Path.Combine(_directory, "a.duckdb"));
        DemoCompanyGenerator.Generate(source, new DemoCompanyOptions(Accounts: 50, Years: 1, Seed: 1));
        using var target = FulcrumStore.Open(Path.Combine(_directory, "b.duckdb"));
        target.Execute("INSERT INTO accounts (account_id) VALUES ('other')");

        var error = Assert.Throws<StoreException>(() => StoreCopier.Copy(source, target));
        Assert.Contains("already holds data (accounts)", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, target.Count("accounts"));

        Assert.All(StoreCopier.Copy(source, target, replace: true), t => Assert.True(t.Verified));
        Assert.Equal(50, target.Count("accounts"));
        Assert.Equal(0, target.Scalar<long>("SELECT COUNT(*) FROM accounts WHERE account_id = 'other'"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }
}
