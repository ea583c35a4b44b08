using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Value;
using Fulcrum.Analytics.Value.Initiatives;
using Fulcrum.Analytics.Value.References;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Value;

/// <summary>
/// The value ledger on a demo company without the table behind a figure: without tickets cost saved is absent, without
/// renewal outcomes churn avoided and expansion are, each with the reason and what to import; totals sum only what is
/// defined and say what they leave out, never 0 [0 to 0].
/// </summary>
public sealed class ValueWithoutTablesTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-value-without-").FullName;

    ValueReport Report(string dropped)
    {
        var path = Path.Combine(_directory, $"without-{dropped}.duckdb");
        DemoCompanyTemplates.CopyTo(path, new DemoCompanyOptions(800, 3, 11));
        using var store = FulcrumStore.Open(path);
        store.Execute($"DELETE FROM {dropped}");
        return ValueAnalysis.Run(new AnalysisFacts(store));
    }

    [Theory]
    [InlineData("tickets", ValuePanel.NoTickets, new[] { InitiativeImpactAnalysis.CostToServe })]
    [InlineData("outcomes", ValuePanel.NoOutcomes, new[] { InitiativeImpactAnalysis.Churn, InitiativeImpactAnalysis.Expansion })]
    public void A_figure_without_its_table_is_absent_with_the_reason_and_the_totals_say_what_they_leave_out(string dropped, string reason, string[] outcomes)
    {
        var report = Report(dropped);
        Assert.NotEmpty(report.Initiatives);
        foreach (var impact in report.Initiatives.Where(i => i.Design is not null))
            foreach (var outcome in outcomes)
            {
                Assert.Null(impact.Outcome(outcome));
                Assert.Equal(reason, impact.NotMeasured[outcome]);
                Assert.Contains(reason, impact.Summary, StringComparison.Ordinal);
            }

        var ledger = report.Ledger;
        Assert.Contains(ledger.LeftOut, l => l.Contains(reason, StringComparison.Ordinal));
        var total = ledger.Total;
        Assert.NotEmpty(total.Quarters);
        foreach (var q in total.Quarters)
        {
            var absent = dropped == "tickets" ? q.Saved : q.Retained;
            Assert.False(absent.IsDefined);
            Assert.Contains(reason, absent.Method, StringComparison.Ordinal);
            // The total sums only what is defined: a number, never an all-zero "0 [0 to 0]".
            Assert.True(q.Total.IsDefined);
            Assert.False(q.Total is { Value: 0, Lower: 0, Upper: 0 });
        }
        Assert.True(total.Total.IsDefined);
        Assert.DoesNotContain("NaN", total.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Reference_requests_without_opportunities_are_not_measured_and_left_out_of_the_total()
    {
        var report = Report("opportunities");
        var references = report.References;
        Assert.False(references.IsDefined);
        Assert.Equal(ReferenceProgram.NoOpportunities, references.Unmeasurable);
        Assert.True(references.UnmeasuredRequests > 0);
        Assert.False(references.IncrementalRevenue.IsDefined);
        Assert.Empty(references.PromoterFunnel.Stages);

        var line = report.Ledger.References;
        Assert.False(line.Total.IsDefined);
        Assert.Equal($"not measured: {ReferenceProgram.NoOpportunities}", line.Verdict);
        Assert.Contains(report.Ledger.LeftOut, l => l.Contains(ReferenceProgram.NoOpportunities, StringComparison.Ordinal));
        // The initiatives are still measured and summed.
        Assert.True(report.Ledger.Total.Total.IsDefined);
        Assert.DoesNotContain("NaN", report.Ledger.Total.Verdict, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
