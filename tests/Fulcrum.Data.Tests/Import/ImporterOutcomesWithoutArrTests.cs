using Fulcrum.Data.Import;
using Fulcrum.Data.Store;

namespace Fulcrum.Data.Tests.Import;

/// <summary>A business without recurring revenue imports renewals and churn with ARR left empty (migration 0014), never an invented ARR.</summary>
public abstract class ImporterOutcomesWithoutArrTests(StoreBackend backend) : IDisposable
{
    readonly ImportWorkspace _ws = WithAccounts(new ImportWorkspace(backend: backend));

    static ImportWorkspace WithAccounts(ImportWorkspace ws)
    {
        ws.SeedAccounts("A1", "A2");
        return ws;
    }

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Outcomes_without_arr_are_stored_with_arr_empty()
    {
        var file = _ws.WriteLines("outcomes.csv", "account_id,outcome_date,kind", "A1,2024-01-01,renewal", "A2,2024-01-01,churn");

        ImportAssert.Committed(_ws.Import("outcomes", file));

        Assert.Equal(["A1 renewal", "A2 churn"], _ws.Store.Query<(string, string)>(
                "SELECT account_id, kind FROM outcomes WHERE arr_before IS NULL AND arr_after IS NULL ORDER BY account_id")
            .Select(o => $"{o.Item1} {o.Item2}").ToList());
    }

    [Fact]
    public void Rules_on_arr_still_hold_where_arr_is_given()
    {
        var file = _ws.WriteLines("outcomes.csv", "account_id,outcome_date,kind,arr_before,arr_after", "A1,2024-01-01,churn,100,50");

        var reject = Assert.Single(_ws.Import("outcomes", file).Rejects);

        Assert.Equal("a churn must end at arr_after = 0", reject.Reason);
    }
}

/// <summary>The same tests on each store backend (the warnings and migration 0014 are SQL that both must run).</summary>
public sealed class ImporterOutcomesWithoutArrTestsOnDuckDb() : ImporterOutcomesWithoutArrTests(StoreBackend.DuckDb);

public sealed class ImporterOutcomesWithoutArrTestsOnPostgreSql() : ImporterOutcomesWithoutArrTests(StoreBackend.PostgreSql);
