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
    public void A_CSAT_scale_declared_wider_widens_the_levels_to_the_answers()
    {
        // A mapping that declares csat: [0, 10]; the bottom quarter is 0–2.5, so 0, 1 and 2 are dissatisfied.
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

    public void Dispose() => _store.Dispose();
}
