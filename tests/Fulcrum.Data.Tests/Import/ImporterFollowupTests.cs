using Fulcrum.Data.Import;

namespace Fulcrum.Data.Tests.Import;

/// <summary>An import opens the follow-ups of the new answers that need one, in its own commit, by the store's rule.</summary>
public sealed class ImporterFollowupTests : IDisposable
{
    readonly ImportWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Importing_CSAT_only_answers_opens_a_follow_up_for_each_dissatisfied_one()
    {
        _ws.SeedAccounts("A1", "A2");
        var file = _ws.WriteLines("responses.csv",
            "response_id,account_id,responded_at,csat",
            "R1,A1,2024-01-01T10:00:00Z,1",
            "R2,A2,2024-01-02T10:00:00Z,4",
            "R3,A2,2024-01-03T10:00:00Z,2");
        var result = _ws.Import("responses", file);
        ImportAssert.Committed(result);
        Assert.Equal(2, result.FollowupsOpened);
        Assert.Equal("dissatisfied answers (CSAT 1–2)", result.FollowupRule);
        Assert.Equal(["R1", "R3"], _ws.Store.Query<string>("SELECT response_id FROM followups ORDER BY response_id"));
    }
}
