using Fulcrum.Analytics.Transactions;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Demo.Shop;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Transactions;

/// <summary>The repeat-purchase linkage on the synthetic shop recovers the planted effect of CSAT on reordering, and says what is missing elsewhere.</summary>
public sealed class RepeatPurchaseAnalysisTests
{
    static readonly Lazy<(FulcrumStore Store, RepeatPurchaseReport Report)> Shop = new(() =>
    {
        var store = FulcrumStore.Open(":memory:");
        ShopCompanyGenerator.Generate(store, new ShopCompanyOptions(Customers: 4_000, Seed: 11));
        return (store, RepeatPurchaseAnalysis.Run(store, new RepeatPurchaseOptions(Resamples: 300)));
    });

    [Fact]
    public void The_planted_odds_ratio_of_reordering_after_a_dissatisfied_answer_is_within_the_interval()
    {
        var (store, report) = Shop.Value;
        Assert.True(report.IsDefined, report.Missing);
        Assert.Equal("csat", report.Soft);
        var planted = GroundTruth.Read(store).Single(e => e.EffectId == ShopCompanyGenerator.RepeatOddsRatio);
        var or = report.OddsRatioLowestVsTop;
        Assert.True(or.Contains(planted.Nominal!.Value), $"planted {planted.Nominal:F3} (realized {planted.Realized:F3}) outside {or}");
        Assert.True(or.Upper < 1, $"{or}");
    }

    [Fact]
    public void Adjusted_repeat_rates_are_near_the_planted_rates_and_the_lever_pays_with_confidence()
    {
        var (_, report) = Shop.Value;
        var dissatisfied = report.Levels[0].Adjusted;
        var satisfied = report.Levels[^1].Adjusted;
        Assert.InRange(dissatisfied.Value, ShopModel.RepeatRate[0] - 0.06, ShopModel.RepeatRate[0] + 0.06);
        Assert.InRange(satisfied.Value, ShopModel.RepeatRate[2] - 0.06, ShopModel.RepeatRate[2] + 0.06);
        Assert.All(report.Levels, l => Assert.True(l.Observed.Lower >= 0 && l.Observed.Upper <= 1));
        var lever = report.Lever!;
        Assert.True(lever.ExtraGrossMargin.Lower > 0, $"{lever.ExtraGrossMargin}");
        Assert.True(report.RevenuePerRepeat.Value > ShopModel.MedianOrderValue * 0.8, $"{report.RevenuePerRepeat}");
        // NPV = yearly margin discounted over the horizon less the yearly moves' cost: the headline follows its interval.
        Assert.True(lever.Npv.IsDefined && lever.Npv.Contains(lever.Npv.Value));
        Assert.StartsWith(lever.PaysBackWithConfidence ? "The lever that pays back with confidence" : "No lever pays back with confidence", report.Headline);
    }

    [Fact]
    public void A_store_without_orders_says_what_to_import_instead_of_showing_zeros()
    {
        using var store = FulcrumStore.Open(":memory:");
        DemoCompanyGenerator.Generate(store, new DemoCompanyOptions(Accounts: 60, Years: 1, Seed: 3));

        var report = RepeatPurchaseAnalysis.Run(store, new RepeatPurchaseOptions(Resamples: 100));

        Assert.False(report.IsDefined);
        Assert.Contains("fulcrum import orders", report.Missing);
        Assert.Null(report.Lever);
        Assert.False(report.OddsRatioLowestVsTop.IsDefined);
    }
}
