using Fulcrum.Data.Import.Mapping;
using Fulcrum.Data.Store;
using Fulcrum.Data.Survey;
using Fulcrum.Tests.Shared;

namespace Fulcrum.Data.Tests.Store;

/// <summary>
/// Migration 0019 (score_scales): a store whose answers were imported under a declared scale before scales were stored keeps
/// the scale those answers imply, so the levels stay as they were and a re-import with the same mapping is not a conflict.
/// Run on both backends: the backfill is portable SQL (LEAST/GREATEST over a HAVING without GROUP BY), which each reads its own way.
/// </summary>
public abstract class ScoreScaleMigrationTests(StoreBackend backend) : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("fulcrum-scales-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A new store: a DuckDB file in the test's folder, or a fresh database in the test PostgreSQL cluster.</summary>
    string NewStore() => backend == StoreBackend.PostgreSql
        ? PostgresCluster.Instance.CreateDatabase("fulcrum_scales")
        : Path.Combine(_folder, "old.duckdb");

    /// <summary>Takes the store back to before migration 0019 (no score_scales) and writes the given answers.</summary>
    static void AsBeforeMigration(string path, string responses, string? tickets = null)
    {
        using var store = FulcrumStore.Open(path);
        store.Execute("DROP TABLE score_scales");
        store.Execute("DELETE FROM schema_migrations WHERE version = 19");
        store.Execute("INSERT INTO accounts (account_id, name) VALUES ('A1', 'One')");
        store.Execute($"INSERT INTO responses (response_id, account_id, responded_at, csat, ces) VALUES {responses}");
        if (tickets is not null) store.Execute($"INSERT INTO tickets (ticket_id, account_id, opened_at, csat) VALUES {tickets}");
    }

    [Fact]
    public void A_store_from_before_keeps_the_scale_its_answers_imply_and_defaults_where_they_fit()
    {
        var path = NewStore();
        // CSAT imported on a declared 0–10, CES inside 1–7.
        AsBeforeMigration(path, "('R1', 'A1', TIMESTAMP '2024-01-01 09:00', 0, 2), ('R2', 'A1', TIMESTAMP '2024-01-02 09:00', 10, 7)");

        using var migrated = FulcrumStore.Open(path);

        var csat = ScoreScales.Declared(migrated)["csat"];
        Assert.Equal(new Scale(0, 10), csat.Scale);
        Assert.Equal("the answers on record when scales were first stored", csat.DeclaredBy);
        Assert.False(ScoreScales.Declared(migrated).ContainsKey("ces"));
        Assert.Equal(new Scale(1, 7), ScoreScales.Of(migrated, "ces"));
        Assert.Equal("CSAT 0–2 on a 0–10 scale", ScoreLevels.Of(migrated, "csat").UnhappyRange);
    }

    [Fact]
    public void Tickets_widen_the_CSAT_scale_and_a_CES_above_7_is_recorded_with_the_default_low_end()
    {
        var path = NewStore();
        // Responses inside CSAT 1–5; a ticket's satisfaction of 10 implies 1–10. CES of 9 implies 1–9 (the low end stays 1), its top quarter 7–9.
        AsBeforeMigration(path, "('R1', 'A1', TIMESTAMP '2024-01-01 09:00', 2, 3), ('R2', 'A1', TIMESTAMP '2024-01-02 09:00', 5, 9)",
            "('T1', 'A1', TIMESTAMP '2024-01-03 09:00', 10)");

        using var migrated = FulcrumStore.Open(path);

        var declared = ScoreScales.Declared(migrated);
        Assert.Equal((new Scale(1, 10), new Scale(1, 9)), (declared["csat"].Scale, declared["ces"].Scale));
        Assert.Equal("CES 7–9 on a 1–9 scale", ScoreLevels.Of(migrated, "ces").UnhappyRange);
    }

    [Fact]
    public void A_store_whose_answers_fit_the_defaults_records_no_scale()
    {
        var path = NewStore();
        AsBeforeMigration(path, "('R1', 'A1', TIMESTAMP '2024-01-01 09:00', 1, 1), ('R2', 'A1', TIMESTAMP '2024-01-02 09:00', 5, 7)");

        using var migrated = FulcrumStore.Open(path);

        Assert.Empty(ScoreScales.Declared(migrated));
        Assert.Equal((new Scale(1, 5), new Scale(1, 7)), (ScoreScales.Of(migrated, "csat"), ScoreScales.Of(migrated, "ces")));
    }
}

public sealed class ScoreScaleMigrationTestsOnDuckDb() : ScoreScaleMigrationTests(StoreBackend.DuckDb);

public sealed class ScoreScaleMigrationTestsOnPostgreSql() : ScoreScaleMigrationTests(StoreBackend.PostgreSql);
