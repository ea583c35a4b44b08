using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Value;
using Fulcrum.Analytics.Value.Initiatives;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Value;

/// <summary>
/// Expansions imported without ARR (a status like "Upgraded" with no arr_before/arr_after) are expansions of unknown size:
/// the value panel's expansion ARR is unknown (NaN, never 0) in their account-quarters, which the initiatives' expansion
/// outcome leaves out and says so; when no expansion carries ARR, expansion ARR is not measured, with the reason.
/// </summary>
public sealed class ExpansionsWithoutArrValueTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-expansions-without-arr-").FullName;

    FulcrumStore Store(string which)
    {
        var path = Path.Combine(_directory, $"{which}.duckdb");
        DemoCompanyTemplates.CopyTo(path, new DemoCompanyOptions(800, 3, 11));
        var store = FulcrumStore.Open(path);
        store.Execute(which == "all"
            ? "UPDATE outcomes SET arr_before = NULL, arr_after = NULL WHERE kind = 'expansion'"
            : "UPDATE outcomes SET arr_before = NULL, arr_after = NULL WHERE kind = 'expansion' AND account_id IN (SELECT account_id FROM accounts ORDER BY account_id LIMIT 400)");
        return store;
    }

    [Fact]
    public void Quarters_with_an_expansion_without_ARR_have_no_expansion_ARR_rather_than_zero()
    {
        using var store = Store("half");
        var unvalued = store.Scalar<long>("""
            SELECT COUNT(*) FROM (SELECT DISTINCT account_id, date_trunc('quarter', outcome_date) FROM outcomes
                                  WHERE kind = 'expansion' AND arr_before IS NULL) x
            """);
        Assert.True(unvalued > 0);
        var panel = ValuePanel.Load(new AnalysisFacts(store));
        var expansionArr = panel.AccountQuarters.ExpansionArr;
        Assert.Equal(unvalued, expansionArr.Count(double.IsNaN));
        Assert.Contains(expansionArr, v => v > 0);
        Assert.False(panel.Unmeasurable.ContainsKey(InitiativeImpactAnalysis.Expansion));

        var report = ValueAnalysis.Run(new AnalysisFacts(store));
        var measured = report.Initiatives.Select(i => i.Outcome(InitiativeImpactAnalysis.Expansion)).OfType<OutcomeImpact>().ToList();
        Assert.NotEmpty(measured);
        Assert.All(measured, o => Assert.Contains("with an expansion without ARR (no arr_before or arr_after) left out", o.Method, StringComparison.Ordinal));
        Assert.All(measured, o => Assert.False(double.IsNaN(o.AverageSinceStart.Value)));
    }

    [Fact]
    public void When_no_expansion_carries_ARR_expansion_ARR_is_not_measured_with_the_count_and_reason()
    {
        using var store = Store("all");
        var expansions = store.Scalar<long>("SELECT COUNT(*) FROM outcomes WHERE kind = 'expansion'");
        Assert.True(expansions > 0);
        var reason = ValuePanel.NoExpansionArr(expansions);
        Assert.StartsWith($"{expansions:N0} expansions without ARR", reason, StringComparison.Ordinal);
        Assert.Contains("counted as expansions but not valued", reason, StringComparison.Ordinal);

        var report = ValueAnalysis.Run(new AnalysisFacts(store));
        var designed = report.Initiatives.Where(i => i.Design is not null).ToList();
        Assert.NotEmpty(designed);
        foreach (var impact in designed)
        {
            Assert.Null(impact.Outcome(InitiativeImpactAnalysis.Expansion));
            Assert.Equal(reason, impact.NotMeasured[InitiativeImpactAnalysis.Expansion]);
            // Churn is still measured: the expansions' missing ARR takes nothing else away.
            Assert.NotNull(impact.Outcome(InitiativeImpactAnalysis.Churn));
        }
        Assert.Contains(report.Ledger.LeftOut, l => l.Contains(reason, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
