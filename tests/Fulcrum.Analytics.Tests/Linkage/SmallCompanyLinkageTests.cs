using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Linkage;

/// <summary>
/// A 300-account company (demo generator, seed 42): 426 renewals, 22 churns, 95 expansions, none of them by a detractor. The
/// detractors' expansion amount has no data, which once made every bootstrap refit
/// fail (0 usable resamples: every interval withheld, "NaN–NaN" in the output). Now that term is held at the baseline and the
/// intervals exist.
/// </summary>
public sealed class SmallCompanyLinkageTests
{
    static readonly Lazy<BusinessCaseReport> Report = new(() =>
    {
        using var store = FulcrumStore.Open(":memory:");
        DemoCompanyGenerator.Generate(store, new DemoCompanyOptions(300, 3, 42));
        return BusinessCaseAnalysis.Run(new AnalysisFacts(store), new LinkageOptions { Resamples = 200 }).Report;
    });

    [Fact]
    public void Most_resamples_refit_and_the_figures_have_intervals()
    {
        var linkage = Report.Value.Linkage;
        Assert.True(linkage.Resamples >= 150, $"{linkage.Resamples} of 200 resamples usable");
        var amount = Assert.Single(linkage.Models, m => m.Name == "expansion amount");
        Assert.True(amount.Converged);
        Assert.StartsWith("the data hold nothing about nps=detractor", amount.NotEstimated);
        // n of the amount model is the expanding renewals it is fitted on, not its exposure in dollars.
        Assert.Equal(linkage.Data.Expansions, amount.Observations, 1e-9);
        var ratio = linkage.DetractorPromoterChurnRatioAdjusted!;
        Assert.True(double.IsFinite(ratio.Lower) && double.IsFinite(ratio.Upper) && ratio.Lower <= ratio.Value && ratio.Value <= ratio.Upper, $"{ratio}");
        var top = Report.Value.Levers[0].At(Report.Value.HorizonMonths);
        Assert.True(double.IsFinite(top.Npv.Lower) && double.IsFinite(top.Npv.Upper), $"{top.Npv}");
    }

    [Fact]
    public void A_payback_that_never_comes_is_undefined_with_the_reason_never_infinite()
    {
        var horizons = Report.Value.Levers.SelectMany(l => l.Horizons).ToList();
        Assert.All(horizons, h => Assert.False(double.IsInfinity(h.PaybackMonths.Value), $"{h.Months} months: {h.PaybackMonths}"));
        var never = horizons.Where(h => h.NeverPaysBack).ToList();
        Assert.NotEmpty(never);
        Assert.All(never, h =>
        {
            Assert.False(h.PaybackMonths.IsDefined);
            Assert.Equal($"never pays back within the {h.Months}-month horizon: the discounted benefits do not cover the lever cost", h.PaybackMonths.Method);
        });
        Assert.All(horizons.Where(h => !h.NeverPaysBack && h.Npv.IsDefined), h => Assert.True(h.PaybackMonths.IsDefined, $"{h.PaybackMonths}"));
    }
}
