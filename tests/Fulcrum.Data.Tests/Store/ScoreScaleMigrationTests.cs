using Fulcrum.Data.Import.Mapping;
using Fulcrum.Data.Store;
using Fulcrum.Data.Survey;

namespace Fulcrum.Data.Tests.Store;

/// <summary>
/// Migration 0019 (score_scales): a store whose answers were imported under a declared scale before scales were stored keeps
/// the scale those answers imply, so the levels stay as they were and a re-import with the same mapping is not a conflict.
/// </summary>
public sealed class ScoreScaleMigrationTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("fulcrum-scales-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_store_from_before_keeps_the_scale_its_answers_imply_and_defaults_where_they_fit()
    {
        var path = Path.Combine(_folder, "old.duckdb");
        using (var store = FulcrumStore.Open(path))
        {
            // As a store before migration 0019: no score_scales, CSAT imported on a declared 0–10, CES inside 1–7.
            store.Execute("DROP TABLE score_scales");
            store.Execute("DELETE FROM schema_migrations WHERE version = 19");
            store.Execute("INSERT INTO accounts (account_id, name) VALUES ('A1', 'One')");
            store.Execute("""
                INSERT INTO responses (response_id, account_id, responded_at, csat, ces) VALUES
                    ('R1', 'A1', TIMESTAMP '2024-01-01 09:00', 0, 2), ('R2', 'A1', TIMESTAMP '2024-01-02 09:00', 10, 7)
                """);
        }

        using var migrated = FulcrumStore.Open(path);

        var csat = ScoreScales.Declared(migrated)["csat"];
        Assert.Equal(new Scale(0, 10), csat.Scale);
        Assert.Equal("the answers on record when scales were first stored", csat.DeclaredBy);
        Assert.False(ScoreScales.Declared(migrated).ContainsKey("ces"));
        Assert.Equal(new Scale(1, 7), ScoreScales.Of(migrated, "ces"));
        Assert.Equal("CSAT 0–2 on a 0–10 scale", ScoreLevels.Of(migrated, "csat").UnhappyRange);
    }
}
