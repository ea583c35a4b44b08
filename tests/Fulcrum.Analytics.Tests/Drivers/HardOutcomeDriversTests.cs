using Fulcrum.Analytics.Drivers;
using Fulcrum.Analytics.Linkage.UserModels;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Demo.Shop;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Drivers;

/// <summary>
/// drivers --outcome churn|repeat|revenue: a complaint flag planted with a known odds ratio for churn (demo company, 2,000
/// accounts, seed 42) is recovered within its interval, each soft metric's direction is stated in words, and an outcome
/// without its data names what to import.
/// </summary>
public sealed class HardOutcomeDriversTests
{
    const double PlantedOddsRatio = 4.4;

    static readonly Lazy<FulcrumStore> Saas = new(() =>
    {
        var store = FulcrumStore.Open(":memory:");
        DemoCompanyGenerator.Generate(store, new DemoCompanyOptions(2_000, 3, 42, ComplaintOddsRatio: PlantedOddsRatio));
        return store;
    });

    static readonly Lazy<FulcrumStore> Shop = new(() =>
    {
        var store = FulcrumStore.Open(":memory:");
        ShopCompanyGenerator.Generate(store, new ShopCompanyOptions(Customers: 3_000, Seed: 11));
        return store;
    });

    [Fact]
    public void The_planted_complaint_odds_ratio_is_within_the_interval_of_drivers_for_churn()
    {
        var report = HardOutcomeDrivers.Run(Saas.Value, ModelOutcome.Churn, null, ["attr:complaint"]);

        Assert.Equal("nps + csat + ces + attr:complaint", report.Model.Formula.Split(" ~ ")[1]);
        var complaint = report.Model.Coefficients.Single(c => c.Term == "attr:complaint");
        var ratio = complaint.Ratio!;
        Assert.True(ratio.Lower <= PlantedOddsRatio && PlantedOddsRatio <= ratio.Upper, $"planted {PlantedOddsRatio} outside {ratio}");
        // Sharp enough to mean something: the interval excludes no effect and is narrower than a factor of 2 either side.
        Assert.True(ratio.Lower > 2 && ratio.Upper < 9, $"{ratio}");
        var realized = GroundTruth.Read(Saas.Value).Single(e => e.EffectId == GroundTruth.ComplaintChurn);
        Assert.Equal(PlantedOddsRatio, realized.Nominal);
        Assert.InRange(realized.Realized!.Value, ratio.Lower, ratio.Upper);
    }

    [Fact]
    public void Each_soft_metric_gets_its_direction_in_words_and_the_planted_ones_point_the_expected_way()
    {
        var report = HardOutcomeDrivers.Run(Saas.Value, ModelOutcome.Churn, ["nps"], ["attr:complaint"]);

        // Planted: detractors churn about 3x as often as promoters, so a higher NPS answer goes with less churn.
        var nps = Assert.Single(report.Directions);
        Assert.Equal("nps", nps.Metric);
        Assert.Equal(-1, nps.Sign);
        Assert.False(nps.Unexpected);
        Assert.StartsWith("Higher likelihood to recommend (the 0–10 NPS answer) goes with *less* churn here (odds ratio 0.", nps.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void A_soft_metric_running_the_wrong_way_is_flagged_in_words()
    {
        // Turn the planted link around: score each account's answers 6 − CSAT, so higher "satisfaction" goes with more churn.
        using var store = FulcrumStore.Open(":memory:");
        DemoCompanyGenerator.Generate(store, new DemoCompanyOptions(1_000, 3, 7));
        store.Execute("UPDATE responses SET csat = 6 - csat, nps = NULL, ces = NULL");

        var report = HardOutcomeDrivers.Run(store, ModelOutcome.Churn, null, null);

        var csat = Assert.Single(report.Directions);
        Assert.Equal(1, csat.Sign);
        Assert.True(csat.Unexpected);
        Assert.Contains("Higher satisfaction (CSAT) goes with *more* churn here", csat.Statement, StringComparison.Ordinal);
        Assert.Contains("check how the survey was sampled", csat.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeat_purchase_on_the_shop_goes_up_with_satisfaction_and_revenue_is_linear()
    {
        var repeat = HardOutcomeDrivers.Run(Shop.Value, ModelOutcome.Repeat, null, null);
        Assert.StartsWith("logistic", repeat.Model.Method, StringComparison.Ordinal);
        var csat = Assert.Single(repeat.Directions);
        Assert.Equal(1, csat.Sign);
        Assert.False(csat.Unexpected);
        Assert.True(repeat.Model.Coefficients.Single(c => c.Term == "csat").Ratio!.Lower > 1);

        var revenue = HardOutcomeDrivers.Run(Shop.Value, ModelOutcome.Revenue, null, null);
        Assert.StartsWith("linear", revenue.Model.Method, StringComparison.Ordinal);
        Assert.False(revenue.Model.IsYesNo);
        Assert.Null(revenue.Model.Coefficients.Single(c => c.Term == "csat").Ratio);
        // Every customer with an order is either modelled or counted as left out (no answer); none without orders is modelled as zero revenue.
        Assert.Equal(CustomersWithOrders(Shop.Value), revenue.Model.Accounts + revenue.Model.Missing.Sum(m => m.Accounts));
    }

    static long CustomersWithOrders(FulcrumStore store) => store.Scalar<long>("SELECT COUNT(DISTINCT account_id) FROM orders");

    [Fact]
    public void An_outcome_without_its_data_names_what_to_import()
    {
        var noOrders = Assert.Throws<UserModelException>(() => HardOutcomeDrivers.Run(Saas.Value, ModelOutcome.Revenue, null, null));
        Assert.Contains("No orders on record", noOrders.Message, StringComparison.Ordinal);
        Assert.Contains("fulcrum import orders", noOrders.Message, StringComparison.Ordinal);

        var noRenewals = Assert.Throws<UserModelException>(() => HardOutcomeDrivers.Run(Shop.Value, ModelOutcome.Churn, null, null));
        Assert.Contains("fulcrum import outcomes", noRenewals.Message, StringComparison.Ordinal);
    }
}
