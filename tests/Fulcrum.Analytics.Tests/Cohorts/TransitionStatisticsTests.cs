using Fulcrum.Analytics.Cohorts;

namespace Fulcrum.Analytics.Tests.Cohorts;

public sealed class TransitionStatisticsTests
{
    static readonly TransitionOptions Options = new(Replicates: 500);

    static SideScores Side(params int[] scores) => new(scores.Length, scores.Sum(),
        scores.Count(s => s >= 9), scores.Count(s => s is 7 or 8), scores.Count(s => s <= 6));

    [Fact]
    public void Paired_mean_matches_scipy_one_sample_t_test()
    {
        // Reference/cohort_reference.txt: scipy.stats.ttest_1samp and t.interval on the same differences.
        var (mean, p) = TransitionStatistics.PairedMean([1.5, -0.5, 2.0, 3.5, 0.0, 1.0, 2.5, -1.0]);

        Assert.Equal(1.125, mean.Value, 12);
        Assert.Equal(-0.17304580071946196, mean.Lower, 1e-8);
        Assert.Equal(2.423045800719462, mean.Upper, 1e-8);
        Assert.Equal(0.0796020124551975, p, 9);
        Assert.Equal(8, mean.N);
    }

    [Fact]
    public void Paired_mean_of_identical_differences_has_no_p_value()
    {
        var (mean, p) = TransitionStatistics.PairedMean([2.0, 2.0, 2.0]);

        Assert.Equal(2.0, mean.Value);
        Assert.True(double.IsNaN(p));
    }

    [Fact]
    public void Accounts_missing_a_side_are_counted_and_left_out_of_the_paired_nps()
    {
        AccountScores[] accounts =
        [
            new("a", "s", Side(10, 9), Side(6)),
            new("b", "s", Side(9), Side(9, 10)),
            new("c", "s", Side(), Side(0, 0, 0)),
            new("d", "s", Side(10), Side()),
            new("e", "s", Side(), Side()),
        ];

        var nps = TransitionStatistics.PairedNps(accounts, [], Options);

        Assert.Equal(new PairCoverage(2, 1, 1, 1), nps.Coverage);
        // Paired a and b only: before 10, 9, 9 → 100; after 6, 9, 10 → (2 − 1)/3.
        Assert.Equal(100, nps.Before.Value, 9);
        Assert.Equal(100.0 / 3, nps.After.Value, 9);
        Assert.Equal(100.0 / 3 - 100, nps.Difference.Value, 9);
        Assert.Equal(2, nps.Difference.N);
        Assert.False(nps.TrendAdjusted.Difference.IsDefined);
    }

    [Fact]
    public void No_paired_accounts_gives_undefined_estimates_not_an_exception()
    {
        var nps = TransitionStatistics.PairedNps([new("a", "s", Side(10), Side())], [], Options);

        Assert.False(nps.Difference.IsDefined);
        Assert.False(nps.MeanScoreDifference.IsDefined);
        Assert.True(double.IsNaN(nps.PValue));
        Assert.False(nps.IsSignificant());
    }

    [Fact]
    public void Trend_adjustment_leaves_out_cohort_accounts_whose_stratum_has_no_comparable_account()
    {
        AccountScores[] cohort = [new("a", "x", Side(10, 10), Side(6, 6)), new("b", "y", Side(9), Side(9))];
        AccountScores[] comparable = [new("c", "x", Side(10, 0), Side(10, 10))];

        var trend = TransitionStatistics.PairedNps(cohort, comparable, Options).TrendAdjusted;

        // Stratum x only: cohort 100 → −100, comparable 0 → 100, so −200 − 100 = −300.
        Assert.Equal(-200, trend.CohortChange.Value, 9);
        Assert.Equal(100, trend.ComparableChange.Value, 9);
        Assert.Equal(-300, trend.Difference.Value, 9);
        Assert.Equal(1, trend.Strata);
        Assert.Equal(1, trend.CohortAccountsWithoutComparable);
    }

    [Fact]
    public void Contacts_need_the_minimum_customer_days_on_each_side()
    {
        AccountContacts[] accounts =
        [
            new("a", new SideContacts(91, 10, 100), new SideContacts(182, 40, 400)),
            new("b", new SideContacts(29, 1, 10), new SideContacts(365, 20, 200)),
            new("c", new SideContacts(365, 4, 40), new SideContacts(0, 0, 0)),
        ];

        var contacts = TransitionStatistics.PairedContacts(accounts, costPerAgentHour: 60, otherCostPerTicket: 0, Options);

        Assert.Equal(new PairCoverage(1, 1, 1, 0), contacts.Coverage);
        Assert.Equal(10 / 91.0 * TransitionStatistics.DaysPerQuarter, contacts.BeforePerQuarter.Value, 9);
        Assert.Equal(40 / 182.0 * TransitionStatistics.DaysPerQuarter, contacts.AfterPerQuarter.Value, 9);
        // 100 minutes at 60 an hour = 100 per 91 days; 400 per 182 days.
        Assert.Equal((400 / 182.0 - 100 / 91.0) * TransitionStatistics.DaysPerQuarter, contacts.CostToServe!.DifferencePerQuarter.Value, 9);
    }

    [Fact]
    public void Churn_against_comparable_accounts_is_standardised_to_the_cohort_strata()
    {
        ChurnRow[] rows =
        [
            new("a", "s1", true, 1, 1), new("b", "s1", true, 1, 0), new("c", "s2", true, 2, 0), new("z", "s3", true, 1, 1),
            new("k1", "s1", false, 4, 1), new("k2", "s2", false, 1, 1), new("k3", "s2", false, 1, 0),
        ];

        var churn = TransitionStatistics.Churn(0, 0, 5, 2, rows, Options, "test");

        // Matched cohort (s1, s2): 1 churn in 4 decisions. Expected: 2 × 1/4 + 2 × 1/2 over 4 decisions = 0.375.
        Assert.Equal(0.25, churn.CohortMatched.Value, 12);
        Assert.Equal(0.375, churn.Comparable.Value, 12);
        Assert.Equal(-0.125, churn.DifferenceVsComparable.Value, 12);
        Assert.Equal(2, churn.Strata);
        Assert.Equal(3, churn.ComparableAccounts);
        Assert.Equal(1, churn.CohortAccountsWithoutComparable);
        Assert.False(churn.Before.IsDefined);
        Assert.Equal(0.4, churn.After.Value, 12);
    }
}
