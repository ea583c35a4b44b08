using Fulcrum.Data.Import;

namespace Fulcrum.Data.Tests.Import;

/// <summary>A business without recurring revenue imports renewals and churn with ARR left empty (migration 0014), never an invented ARR.</summary>
public sealed class ImporterOutcomesWithoutArrTests : IDisposable
{
    readonly ImportWorkspace _ws = new();

    public ImporterOutcomesWithoutArrTests() => _ws.SeedAccounts("A1", "A2");

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Outcomes_without_arr_are_stored_with_arr_empty()
    {
        var file = _ws.WriteLines("outcomes.csv", "account_id,outcome_date,kind", "A1,2024-01-01,renewal", "A2,2024-01-01,churn");

        ImportAssert.Committed(_ws.Import("outcomes", file));

        Assert.Equal(
            [
                "account_id=A1 | outcome_date=2024-01-01 | kind=renewal | arr_before=∅ | arr_after=∅ | reason=∅ | attributes=∅",
                "account_id=A2 | outcome_date=2024-01-01 | kind=churn | arr_before=∅ | arr_after=∅ | reason=∅ | attributes=∅",
            ],
            _ws.Rows("outcomes"));
    }

    [Fact]
    public void Rules_on_arr_still_hold_where_arr_is_given()
    {
        var file = _ws.WriteLines("outcomes.csv", "account_id,outcome_date,kind,arr_before,arr_after", "A1,2024-01-01,churn,100,50");

        var reject = Assert.Single(_ws.Import("outcomes", file).Rejects);

        Assert.Equal("a churn must end at arr_after = 0", reject.Reason);
    }
}
