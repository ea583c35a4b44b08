using Fulcrum.Analytics.Cohorts;
using Fulcrum.Analytics.Facts;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Cohorts;

/// <summary>
/// The transition analysis on the hand-made company of <see cref="TransitionFixture"/>. Expected values are from
/// Reference/cohort_reference.py (output in Reference/cohort_reference.txt), an implementation without SQL.
/// </summary>
public sealed class ProductTransitionAnalysisTests(TransitionFixture fixture) : IClassFixture<TransitionFixture>
{
    const int Exact = 9;

    /// <summary>Interval bounds: t quantiles from MathNet and scipy agree to about 1e-10, so a relative tolerance of 1e-8.</summary>
    static void Close(double expected, double actual) => Assert.Equal(expected, actual, 1e-8 * Math.Abs(expected));

    [Fact]
    public void Cohort_holds_the_accounts_that_went_from_one_product_to_two_with_their_first_day_on_two()
    {
        var cohort = fixture.OneToSeveral;

        Assert.Equal(4, cohort.Accounts);
        Assert.Equal(new DateOnly(2023, 6, 1), cohort.FirstTransition);
        Assert.Equal(new DateOnly(2024, 1, 1), cohort.LastTransition);
        Assert.StartsWith("4 accounts added a second product;", cohort.Summary);
    }

    [Fact]
    public void An_account_that_started_with_two_products_is_only_in_the_two_to_three_cohort()
    {
        var third = fixture.Report.Cohorts.Single(c => c.FromProducts == 2);

        Assert.Equal(3, third.ToProducts);
        Assert.Equal(1, third.Accounts);
        Assert.Equal(new DateOnly(2024, 1, 1), third.FirstTransition);
        Assert.StartsWith("1 account added a third product;", third.Summary);
    }

    [Fact]
    public void Paired_nps_pools_the_responses_inside_the_windows_of_accounts_with_both_sides()
    {
        var nps = fixture.OneToSeveral.Nps;

        // A1: 10, 9, 8 before, 6, 7 after (its 0 in 2025 is outside the window); A2: 9 before, 5, 10 after.
        Assert.Equal(75, nps.Before.Value, Exact);
        Assert.Equal(-25, nps.After.Value, Exact);
        Assert.Equal(-100, nps.Difference.Value, Exact);
        Assert.Equal(2, nps.Difference.N);
        Assert.Equal(4, nps.ResponsesBefore);
        Assert.Equal(4, nps.ResponsesAfter);
        Assert.True(nps.Difference.Contains(nps.Difference.Value));
    }

    [Fact]
    public void Mean_score_difference_has_the_paired_t_interval_and_test()
    {
        var nps = fixture.OneToSeveral.Nps;

        Assert.Equal(-2.0, nps.MeanScoreDifference.Value, Exact);
        Close(-8.353102368216048, nps.MeanScoreDifference.Lower);
        Close(4.353102368216048, nps.MeanScoreDifference.Upper);
        Assert.Equal(0.15595826075473865, nps.PValue, Exact);
        Assert.False(nps.IsSignificant());
    }

    [Fact]
    public void Accounts_without_responses_on_both_sides_are_excluded_and_counted()
    {
        var coverage = fixture.OneToSeveral.Nps.Coverage;

        Assert.Equal(new PairCoverage(BothSides: 2, BeforeOnly: 0, AfterOnly: 1, Neither: 1), coverage);
        Assert.Equal(2, coverage.Excluded);
        Assert.Contains("2 without responses on both sides left out", fixture.OneToSeveral.Summary);
    }

    [Fact]
    public void Nps_change_net_of_comparable_accounts_is_the_difference_in_differences_over_the_same_months()
    {
        var trend = fixture.OneToSeveral.Nps.TrendAdjusted;

        Assert.Equal(-100, trend.CohortChange.Value, Exact);
        Assert.Equal(-63.541666666666664, trend.ComparableChange.Value, Exact);
        Assert.Equal(-36.458333333333336, trend.Difference.Value, Exact);
        Assert.Equal(3, trend.ComparableAccounts); // A5, A6 (for 2023-07 only) and A7; A1 adds a product inside the 2023-07 window
        Assert.Equal(2, trend.Strata);
        Assert.Equal(0, trend.CohortAccountsWithoutComparable);
    }

    [Fact]
    public void Contacts_are_tickets_per_quarter_of_customer_days_with_ticket_data_paired_by_account()
    {
        var contacts = Assert.IsType<ContactsTransition>(fixture.OneToSeveral.Contacts);

        // A3 became a customer 17 days before its transition: fewer than 30 days, so it is left out.
        Assert.Equal(new PairCoverage(BothSides: 3, BeforeOnly: 0, AfterOnly: 1, Neither: 0), contacts.Coverage);
        Assert.Equal(0.5242548610643881, contacts.BeforePerQuarter.Value, Exact);
        Close(-0.7510080009106684, contacts.BeforePerQuarter.Lower);
        Assert.Equal(0.845938528643933, contacts.AfterPerQuarter.Value, Exact);
        Close(3.409815422381601, contacts.AfterPerQuarter.Upper);
        Assert.Equal(0.32168366757954503, contacts.DifferencePerQuarter.Value, Exact);
        Close(-1.0728941084400874, contacts.DifferencePerQuarter.Lower);
        Close(1.7162614435991776, contacts.DifferencePerQuarter.Upper);
        Assert.Equal(0.4255543697239319, contacts.PValue, Exact);
        Assert.Equal(0.613601687786804, contacts.RelativeChange.Value, Exact);
    }

    [Fact]
    public void Cost_to_serve_uses_the_cost_assumptions()
    {
        var cost = Assert.IsType<CostToServeTransition>(fixture.OneToSeveral.Contacts?.CostToServe);

        Assert.Equal(45, cost.CostPerAgentHour);
        Assert.Equal(4, cost.OtherCostPerTicket);
        Assert.Equal(16.02141706474445, cost.DifferencePerQuarter.Value, Exact);
        Close(-53.11223189074791, cost.DifferencePerQuarter.Lower);
        Close(85.15506602023682, cost.DifferencePerQuarter.Upper);
        Assert.Equal(192.2570047769334, cost.ExtraPerYear.Value, Exact);
        Close(1021.8607922428419, cost.ExtraPerYear.Upper);
    }

    [Fact]
    public void Churn_counts_renewal_decisions_but_not_add_on_purchases()
    {
        var churn = fixture.OneToSeveral.Churn;

        // Before: A1's renewal. After: A1's renewal and A2's churn; their add-on "expansions" on the transition day are not renewals.
        Assert.Equal(0, churn.Before.Value, Exact);
        Assert.Equal(1, churn.Before.N);
        Assert.Equal(0.5, churn.After.Value, Exact);
        Assert.Equal(2, churn.After.N);
        Assert.Equal(0.5, churn.AfterVsBefore.Difference.Value, Exact);
    }

    [Fact]
    public void Churn_is_compared_with_comparable_single_product_accounts_standardised_to_the_cohort()
    {
        var churn = fixture.OneToSeveral.Churn;

        // Strata Enterprise | 50k-250k | 2023-Q3 and 2024-Q1: A5 0/1, A6 1/1, A7 0/1 (its expansion at renewal counts) in each.
        Assert.Equal(0.5, churn.CohortMatched.Value, Exact);
        Assert.Equal(1.0 / 3, churn.Comparable.Value, Exact);
        Assert.Equal(0.16666666666666669, churn.DifferenceVsComparable.Value, Exact);
        Assert.Equal(3, churn.ComparableAccounts);
        Assert.Equal(2, churn.Strata);
        Assert.Contains("Observational", churn.Caveat);
        Assert.Contains("observational, not causal", fixture.OneToSeveral.Summary);
    }

    [Fact]
    public void Arr_exposed_is_the_arr_the_cohort_holds_on_the_last_observed_day()
    {
        var arr = fixture.OneToSeveral.Arr;

        Assert.Equal(new DateOnly(2025, 6, 30), fixture.Report.AsOf);
        Assert.Equal(250000, arr.ArrNow.Value, Exact);
        Assert.Equal(3, arr.AccountsActiveNow);
        Assert.Equal(0.4672897196261682, arr.ShareOfTotalArr, Exact);
        Assert.Equal(100000, arr.ArrChurnedSinceTransition, Exact);
        Assert.Contains("they hold $250k ARR now (47% of the total)", fixture.OneToSeveral.Summary);
    }

    [Fact]
    public void Same_seed_gives_the_same_bootstrap_intervals()
    {
        var again = ProductTransitionAnalysis.Run(new AnalysisFacts(fixture.Store), new TransitionOptions(IncludeSecondToThird: true));

        Assert.Equal(fixture.OneToSeveral.Nps.Difference, again.Cohorts[0].Nps.Difference);
        Assert.Equal(fixture.OneToSeveral.Nps.TrendAdjusted.Difference, again.Cohorts[0].Nps.TrendAdjusted.Difference);
        Assert.Equal(fixture.OneToSeveral.Churn.DifferenceVsComparable, again.Cohorts[0].Churn.DifferenceVsComparable);
        Assert.Equal(fixture.OneToSeveral.Summary, again.Cohorts[0].Summary);
    }

    [Fact]
    public void A_shorter_window_leaves_out_responses_further_from_the_transition()
    {
        var report = ProductTransitionAnalysis.Run(new AnalysisFacts(fixture.Store), new TransitionOptions(WindowMonths: 4));

        // Four months each side: A1 keeps only its 8 (2023-09-01) before and 6 (2024-03-01) after; A2 keeps 9 before and 5 after.
        var nps = report.Cohorts.Single().Nps;
        Assert.Equal(2, nps.Coverage.BothSides);
        Assert.Equal(2, nps.ResponsesBefore);
        Assert.Equal(2, nps.ResponsesAfter);
        Assert.Equal(50, nps.Before.Value, Exact);
        Assert.Equal(-100, nps.After.Value, Exact);
        Assert.Equal(-150, nps.Difference.Value, Exact);
    }

    [Fact]
    public void Without_cost_per_agent_hour_no_cost_to_serve_is_computed()
    {
        using var store = FulcrumStore.Open(":memory:");
        TransitionFixture.Insert(store);
        store.Execute("DELETE FROM assumptions WHERE name = 'cost_per_agent_hour'");

        var report = ProductTransitionAnalysis.Run(new AnalysisFacts(store), new TransitionOptions());

        Assert.Null(report.Cohorts[0].Contacts?.CostToServe);
        Assert.NotNull(report.Cohorts[0].Contacts);
        Assert.Contains(report.Notes, n => n.Contains("no cost_per_agent_hour", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_store_gives_an_empty_cohort_and_says_so()
    {
        using var store = FulcrumStore.Open(":memory:");

        var report = ProductTransitionAnalysis.Run(new AnalysisFacts(store), new TransitionOptions());

        var cohort = Assert.Single(report.Cohorts);
        Assert.Equal(0, cohort.Accounts);
        Assert.False(cohort.Nps.Difference.IsDefined);
        Assert.Null(cohort.Contacts);
        Assert.StartsWith("No account added a second product", cohort.Summary);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(121)]
    public void Window_outside_one_to_120_months_is_refused(int months) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransitionOptions(WindowMonths: months).Validate());
}
