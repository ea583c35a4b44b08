using Fulcrum.Data.Import;
using Fulcrum.Data.Import.Mapping;
using Fulcrum.Data.Store;
using Fulcrum.Data.Survey;

namespace Fulcrum.Data.Tests.Import;

/// <summary>
/// A mapping's declared CSAT/CES scale is stored (score_scales) and read by the import's checks, the closed loop's rule and
/// the score levels: a CES asked on 1–5 opens follow-ups on 4–5 (its top quarter), not on 6–7 of the default scale.
/// </summary>
public abstract class ImporterScoreScaleTests(StoreBackend backend) : IDisposable
{
    readonly ImportWorkspace _ws = new(backend: backend);

    public void Dispose() => _ws.Dispose();

    string Mapping(string metric, string? scale) => _ws.Write(scale is null ? $"{metric}-undeclared.yaml" : $"{metric}.yaml", (scale is null ? "" : $$"""
        scales:
          {{metric}}: {{scale}}

        """) + $$"""
        tables:
          - table: responses
            fields:
              response_id: id
              account_id: account
              responded_at: when
              {{metric}}: score
        """);

    string Answers(string name, params int[] scores) => _ws.WriteLines(name,
        ["id,account,when,score", .. scores.Select((s, i) => $"{name[0]}{i + 1},A1,2024-03-{i + 1:00}T10:00:00Z,{s}")]);

    [Fact]
    public void A_CES_declared_on_1_to_5_is_stored_and_opens_follow_ups_on_4_and_5()
    {
        _ws.SeedAccounts("A1");
        var file = Answers("ces.csv", 1, 2, 3, 4, 5);

        var result = _ws.Import("responses", file, Mapping("ces", "[1, 5]"));

        ImportAssert.Committed(result);
        var declared = ScoreScales.Declared(_ws.Store)["ces"];
        Assert.Equal((1.0, 5.0), (declared.Scale.Min, declared.Scale.Max));
        Assert.Equal("the mapping ces.yaml", declared.DeclaredBy);
        // The top quarter of 1–5 (5 − 0.25 × 4 = 4): 4 and 5 are high effort.
        Assert.Equal("high-effort answers (CES 4–5 on a 1–5 scale)", result.FollowupRule);
        Assert.Equal(2, result.FollowupsOpened);
        Assert.Equal(["c4", "c5"], _ws.Store.Query<string>("SELECT response_id FROM followups ORDER BY response_id"));
    }

    [Fact]
    public void A_CSAT_declared_on_1_to_10_has_its_levels_on_that_scale()
    {
        _ws.SeedAccounts("A1");
        var result = _ws.Import("responses", Answers("csat.csv", 1, 3, 4, 6, 10), Mapping("csat", "{ min: 1, max: 10 }"));

        ImportAssert.Committed(result);
        var levels = ScoreLevels.Of(_ws.Store, "csat");
        Assert.Equal((1.0, 10.0), (levels.Min, levels.Max));
        // Bottom quarter 1–3.25, middle up to 5.5, top half above.
        Assert.Equal([0, 0, 0, 1, 1, 2, 2, 2, 2, 2], Enumerable.Range(1, 10).Select(s => levels.Level(s)));
        Assert.Equal(("CSAT 1–3 on a 1–10 scale", "4–5", "6–10"), (levels.UnhappyRange, levels.Points(ScoreLevels.Middle), levels.Points(ScoreLevels.Happy)));
        Assert.Equal("dissatisfied answers (CSAT 1–3 on a 1–10 scale)", result.FollowupRule);
        Assert.Equal(["c1", "c2"], _ws.Store.Query<string>("SELECT response_id FROM followups ORDER BY response_id"));
    }

    [Fact]
    public void A_value_outside_the_declared_scale_is_refused_with_file_line_column_and_reason()
    {
        _ws.SeedAccounts("A1");
        var file = Answers("ces.csv", 2, 6);

        var result = _ws.Import("responses", file, Mapping("ces", "[1, 5]"));

        Assert.Equal(ImportStatus.Rejected, result.Status);
        ImportAssert.SingleReject(result, file, 3, "score", "6", "out of range: ces must be between 1 and 5 (the ces scale declared for this store)");
        // Nothing written, and the refused import declares nothing.
        Assert.Equal(0, _ws.Count("responses"));
        Assert.Empty(ScoreScales.Declared(_ws.Store));
    }

    [Fact]
    public void A_later_import_without_the_mapping_is_checked_on_the_stored_scale()
    {
        _ws.SeedAccounts("A1");
        ImportAssert.Committed(_ws.Import("responses", Answers("csat.csv", 2, 9), Mapping("csat", "[1, 10]")));
        // A plain file into responses (no mapping, no 'scales'): CSAT 8 is on the store's 1–10, 11 is not.
        var plain = _ws.WriteLines("more.csv", "response_id,account_id,responded_at,csat",
            "P1,A1,2024-04-01T10:00:00Z,8",
            "P2,A1,2024-04-02T10:00:00Z,11");

        var result = _ws.Import("responses", plain);

        ImportAssert.SingleReject(result, plain, 3, "csat", "11", "csat must be between 1 and 10 (the csat scale declared for this store)");
    }

    [Fact]
    public void Re_importing_with_the_same_declaration_changes_nothing()
    {
        _ws.SeedAccounts("A1");
        var mapping = Mapping("ces", "[1, 5]");
        var file = Answers("ces.csv", 1, 4, 5);
        ImportAssert.Committed(_ws.Import("responses", file, mapping));
        var before = _ws.Snapshot();
        var scales = _ws.Rows("score_scales", "metric");

        var again = _ws.Import("responses", file, mapping);

        ImportAssert.Committed(again);
        Assert.Equal(0, again.FollowupsOpened);
        Assert.Equal(scales, _ws.Rows("score_scales", "metric"));
        foreach (var table in ImportWorkspace.AllTables.Where(t => t != "import_runs"))
            Assert.Equal(before[table], _ws.Snapshot()[table]);
    }

    [Fact]
    public void Declaring_another_scale_over_answers_on_record_is_refused_before_reading()
    {
        _ws.SeedAccounts("A1");
        ImportAssert.Committed(_ws.Import("responses", Answers("ces.csv", 1, 7), Mapping("ces", scale: null)));
        var mapping = Mapping("ces", "[1, 5]");

        var error = Assert.Throws<ImportException>(() => _ws.Import("responses", Answers("more.csv", 2), mapping));

        Assert.Equal($"{mapping}, line 2: declares ces on 1–5, but the store holds 2 CES answers on 1–7 (the default, no scale was declared). " +
                     "Answers on two scales cannot be compared: declare ces: [1, 7] if the source uses that scale, or import into a new store.", error.Message);
        Assert.Empty(ScoreScales.Declared(_ws.Store));
    }

    [Fact]
    public void Without_a_declaration_CSAT_is_on_1_to_5_and_CES_on_1_to_7()
    {
        Assert.Equal(new Scale(1, 5), ScoreScales.Of(_ws.Store, "csat"));
        Assert.Equal(new Scale(1, 7), ScoreScales.Of(_ws.Store, "ces"));
        Assert.Equal("CES 6–7", ScoreLevels.Of(_ws.Store, "ces").UnhappyRange);
    }
}

/// <summary>The same tests on each store backend.</summary>
public sealed class ImporterScoreScaleTestsOnDuckDb() : ImporterScoreScaleTests(StoreBackend.DuckDb);

public sealed class ImporterScoreScaleTestsOnPostgreSql() : ImporterScoreScaleTests(StoreBackend.PostgreSql);
