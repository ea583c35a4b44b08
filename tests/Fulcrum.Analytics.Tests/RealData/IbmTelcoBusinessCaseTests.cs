using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;

namespace Fulcrum.Analytics.Tests.RealData;

/// <summary>
/// The business case on IBM Telco (no support tickets, no expansions; Satisfaction Score as CSAT separates churn): only
/// the levers the data can move, a CSAT lever, no invented cost savings, and no odds ratio or effect for separated levels.
/// </summary>
public sealed class IbmTelcoBusinessCaseTests(IbmTelcoMetricsFixture data) : IClassFixture<IbmTelcoMetricsFixture>
{
    readonly Lazy<BusinessCaseReport> _report = new(() => BusinessCaseAnalysis.Run(new AnalysisFacts(data.Store), new LinkageOptions { Resamples = 200 }).Report);

    [Fact]
    public void Without_tickets_there_is_no_contact_or_effort_lever_and_the_report_says_what_to_import()
    {
        var report = _report.Value;
        Assert.DoesNotContain(report.Levers, l => l.Lever.Id is LeverCatalog.FewerContacts or LeverCatalog.LowerEffort);
        var contacts = report.UnavailableLevers.Single(l => l.Id == LeverCatalog.FewerContacts);
        Assert.Contains("fulcrum import tickets", contacts.Unavailable);
        Assert.Contains(report.UnavailableLevers, l => l.Id == LeverCatalog.LowerEffort);
        Assert.All(report.Levers, l => Assert.False(l.At(report.HorizonMonths).CostSaved.IsDefined));
        Assert.All(report.Levers, l => Assert.False(l.At(report.HorizonMonths).ArrExpansion.IsDefined));
        Assert.DoesNotContain("saved", report.Headline); // no invented cost saving
        Assert.DoesNotContain("$0 (", report.Headline);
        Assert.False(report.Linkage.BookCostToServePerYear.IsDefined);
        Assert.Empty(report.Linkage.CostToServeByNps);
    }

    /// <summary>
    /// Every customer who answered CSAT 1–2 churned (the data set's README), so today's book holds none of them: the lever that
    /// moves them has no one to move and is listed as not valued with that reason, never as a $0 lever. (Until stop 34 the
    /// book counted subscriptions that ended on its own day, and the lever was priced on 288 customers who had left.)
    /// </summary>
    [Fact]
    public void The_CSAT_lever_has_no_one_to_move_since_every_dissatisfied_customer_left()
    {
        var report = _report.Value;
        Assert.DoesNotContain(report.Levers, l => l.Lever.Id == LeverCatalog.CsatDissatisfiedToSatisfied);
        var csat = report.UnavailableLevers.Single(l => l.Id == LeverCatalog.CsatDissatisfiedToSatisfied);
        Assert.Contains("no account on today's book is at CSAT 1–2", csat.Unavailable);
        Assert.DoesNotContain("$0 (", report.Headline);
    }

    [Fact]
    public void Separated_satisfaction_levels_get_exact_rates_and_no_odds_ratio_adjusted_rate_or_effect()
    {
        var linkage = _report.Value.Linkage;
        var csat = linkage.ChurnByLevel.Where(l => l.Metric == "csat").ToDictionary(l => l.Level);
        Assert.Equal((922L, 922L), (csat["1"].Churns, csat["1"].Renewals));
        Assert.Equal((518L, 518L), (csat["2"].Churns, csat["2"].Renewals));
        Assert.Equal(0, csat["4"].Churns);
        Assert.Equal(0, csat["5"].Churns);
        Assert.True(csat["3"].IsBaseline, "the baseline is the level with both outcomes");
        foreach (var level in new[] { "1", "2", "4", "5" })
        {
            var l = csat[level];
            Assert.NotNull(l.Withheld);
            Assert.False(l.Adjusted.IsDefined);
            Assert.False(l.MarginalEffect.IsDefined);
            Assert.Contains("Clopper", l.Observed.Method);
            var ratio = linkage.ChurnOddsRatios.Single(o => o.Term == $"csat={level}");
            Assert.NotNull(ratio.Withheld);
            Assert.False(ratio.Wald.IsDefined);
            Assert.False(ratio.Bootstrap.IsDefined);
        }
        Assert.Equal(1.0, csat["1"].Observed.Value);
        Assert.Equal(1.0, csat["1"].Observed.Upper);
        Assert.Equal(0.0, csat["5"].Observed.Lower);
        Assert.Null(csat["3"].Withheld);
        Assert.True(csat["3"].Adjusted.IsDefined);
    }
}
