using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Linkage;

namespace Fulcrum.Analytics.Tests.Linkage;

/// <summary>
/// A company whose outcomes carry no ARR (migration 0014 lets arr_before/arr_after be empty) and whose products carry none:
/// linkage still gives churn counts and rates, while every ARR figure is absent with its reason (never $0), no lever is
/// valued through retention, and the cost-only lever keeps its money.
/// </summary>
public sealed class OutcomesWithoutArrTests : IClassFixture<OutcomesWithoutArrTests.Company>
{
    public sealed class Company() : AlteredDemoCompany("UPDATE outcomes SET arr_before = NULL, arr_after = NULL", "UPDATE subscriptions SET arr = 0");

    readonly BusinessCaseReport _report;

    public OutcomesWithoutArrTests(Company company) => _report = company.Report;

    [Fact]
    public void Linkage_reports_churn_as_counts_and_rates_and_no_ARR_figure()
    {
        var linkage = _report.Linkage;
        Assert.Contains(linkage.Warnings, w => w.StartsWith("No ARR on record", StringComparison.Ordinal));
        Assert.All(linkage.ChurnByLevel.Where(l => l.Renewals > 0), l => Assert.True(l.Observed.IsDefined));
        Assert.False(linkage.BookChurnedArrNextYear.IsDefined);
        Assert.Equal(LinkageReportBuilder.NoArr, linkage.BookChurnedArrNextYear.Method);
        Assert.Null(linkage.ArrLostPerDetractorPerYear);
        Assert.Empty(linkage.ValueOfOneNpsPoint);
        Assert.All(linkage.ThemeChurn, t => Assert.Null(t.ArrAtRisk));
    }

    [Fact]
    public void No_lever_is_valued_through_ARR_that_does_not_exist()
    {
        var lever = Assert.Single(_report.Levers);
        Assert.Equal(LeverCatalog.FewerContacts, lever.Lever.Id);
        foreach (var h in lever.Horizons)
        {
            Assert.False(h.ArrTotal.IsDefined);
            Assert.False(h.ArrRetained.IsDefined);
            Assert.False(h.Revenue.IsDefined);
            Assert.True(h.CostSaved.Value > 0);
        }
        Assert.DoesNotContain("$0", lever.Sentence, StringComparison.Ordinal);
        Assert.Contains("saves", lever.Sentence, StringComparison.Ordinal);

        var retention = _report.UnavailableLevers.Where(l => l.Unavailable == LinkageReportBuilder.NoArr).Select(l => l.Id).ToList();
        Assert.Contains(LeverCatalog.DetractorsToPassive, retention);
        Assert.Contains(LeverCatalog.LowerEffort, retention);
    }
}
