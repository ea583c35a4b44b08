using Fulcrum.Analytics.Cohorts;

namespace Fulcrum.Analytics.Tests.Cohorts;

public sealed class TransitionSummaryTests
{
    [Theory]
    [InlineData(950, "$950")]
    [InlineData(48_300, "$48k")]
    [InlineData(1_234_567, "$1.2M")]
    [InlineData(72_536_959, "$72.5M")]
    [InlineData(-2_500_000, "\u2212$2.5M")]
    public void Money_is_compact(double amount, string expected) => Assert.Equal(expected, TransitionSummary.Money(amount));

    [Fact]
    public void A_change_whose_interval_holds_zero_is_called_not_significant()
    {
        AccountScores[] accounts =
        [
            new("a", "s", new SideScores(1, 10, 1, 0, 0), new SideScores(1, 3, 0, 0, 1)),
            new("b", "s", new SideScores(1, 3, 0, 0, 1), new SideScores(1, 10, 1, 0, 0)),
            new("c", "s", new SideScores(1, 8, 0, 1, 0), new SideScores(1, 8, 0, 1, 0)),
        ];
        var options = new TransitionOptions(Replicates: 500);
        var nps = TransitionStatistics.PairedNps(accounts, [], options);
        var churn = TransitionStatistics.Churn(0, 0, 0, 0, [], options, "none");
        var arr = new ArrExposure(new Core.Statistics.Estimate(1_500_000, double.NaN, double.NaN, 3, "census"), 3, 0.25, 0);
        var cohort = new TransitionCohort(1, "One product → several", 3, null, null, nps, churn, null, arr, "");

        var summary = TransitionSummary.Describe(cohort, options);

        Assert.StartsWith("3 accounts added a second product; their NPS changed by 0.0 points, not significantly (95% CI \u2212", summary);
        Assert.EndsWith("they hold $1.5M ARR now (25% of the total).", summary);
        Assert.DoesNotContain("churned", summary);
    }
}
