using Fulcrum.Data.Store;
using Fulcrum.Data.Survey;

namespace Fulcrum.Data.Tests.Survey;

/// <summary>The one definition of an unhappy answer: NPS detractors, dissatisfied CSAT, high-effort CES, on the store's scale.</summary>
public sealed class ScoreLevelsTests : IDisposable
{
    readonly FulcrumStore _store = FulcrumStore.Open(":memory:");

    void Answers(string column, params double[] scores)
    {
        _store.Execute("INSERT INTO accounts (account_id, name) SELECT 'A1', 'One' WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE account_id = 'A1')");
        for (var i = 0; i < scores.Length; i++)
            _store.Execute($"INSERT INTO responses (response_id, account_id, responded_at, {column}) VALUES ($id, 'A1', TIMESTAMP '2024-01-01 09:00', $score)",
                new { id = $"R{column}{i}", score = scores[i] });
    }

    [Fact]
    public void NPS_levels_are_detractor_passive_promoter()
    {
        var levels = ScoreLevels.Nps;
        Assert.Equal([0, 0, 1, 1, 2, 2], new[] { 0.0, 6, 7, 8, 9, 10 }.Select(levels.Level));
        Assert.Equal("NPS 0–6", levels.UnhappyRange);
        Assert.Equal("detractor", levels.UnhappyWord);
    }

    [Fact]
    public void CSAT_on_its_default_scale_calls_1_and_2_dissatisfied()
    {
        Answers("csat", 1, 3, 5);
        var levels = ScoreLevels.Of(_store, "csat");
        Assert.Equal([0, 0, 1, 2, 2], new[] { 1.0, 2, 3, 4, 5 }.Select(levels.Level));
        Assert.Equal("CSAT 1–2", levels.UnhappyRange);
        Assert.Equal("dissatisfied", levels.UnhappyWord);
    }

    [Fact]
    public void CSAT_answers_written_outside_the_stored_scale_widen_the_levels_to_them()
    {
        // Answers written around the import (which refuses them): 0–10 in a store on the default 1–5. The bottom quarter
        // of 0–10 is 0–2.5, so 0, 1 and 2 are dissatisfied; no answer falls off the scale.
        Answers("csat", 0, 4, 10);
        var levels = ScoreLevels.Of(_store, "csat");
        Assert.Equal((0.0, 10.0), (levels.Min, levels.Max));
        Assert.Equal([0, 0, 0, 1, 1, 1, 2], new[] { 0.0, 1, 2, 3, 4, 5, 6 }.Select(levels.Level));
        Assert.Equal("CSAT 0–2 on a 0–10 scale", levels.UnhappyRange);
    }

    [Fact]
    public void CES_mirrors_the_rule_6_and_7_are_high_effort()
    {
        Answers("ces", 2, 7);
        var levels = ScoreLevels.Of(_store, "ces");
        Assert.Equal([2, 2, 2, 1, 1, 0, 0], new[] { 1.0, 2, 3, 4, 5, 6, 7 }.Select(levels.Level));
        Assert.Equal("CES 6–7", levels.UnhappyRange);
        Assert.Equal("high-effort", levels.UnhappyWord);
    }

    void Declare(string metric, double min, double max) =>
        _store.Execute("INSERT INTO score_scales (metric, min_value, max_value, declared_by, declared_at) VALUES ($metric, $min, $max, 'a test', TIMESTAMP '2024-01-01 00:00')",
            new { metric, min, max });

    [Fact]
    public void CES_declared_on_1_to_5_calls_4_and_5_high_effort()
    {
        Declare("ces", 1, 5);
        Answers("ces", 1, 5);
        var levels = ScoreLevels.Of(_store, "ces");
        // Top quarter: 5 − 0.25 × 4 = 4; the middle down to 5 − 0.5 × 4 = 3.
        Assert.Equal([2, 2, 1, 0, 0], new[] { 1.0, 2, 3, 4, 5 }.Select(levels.Level));
        Assert.Equal("CES 4–5 on a 1–5 scale", levels.UnhappyRange);
        Assert.Equal(("3", "1–2"), (levels.Points(ScoreLevels.Middle), levels.Points(ScoreLevels.Happy)));
    }

    [Fact]
    public void CSAT_declared_on_1_to_10_keeps_its_scale_though_the_answers_use_part_of_it()
    {
        Declare("csat", 1, 10);
        Answers("csat", 2, 3);
        var levels = ScoreLevels.Of(_store, "csat");
        Assert.Equal((1.0, 10.0), (levels.Min, levels.Max));
        Assert.Equal("CSAT 1–3 on a 1–10 scale", levels.UnhappyRange);
        Assert.Equal(["1–3", "4–5", "6–10"], new[] { ScoreLevels.Unhappy, ScoreLevels.Middle, ScoreLevels.Happy }.Select(levels.Points));
    }

    public void Dispose() => _store.Dispose();
}
