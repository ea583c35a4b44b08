using Fulcrum.Analytics.Linkage;
using Fulcrum.Data.Demo;

namespace Fulcrum.Analytics.Tests.Linkage;

/// <summary>The linkage recovers what the demo generator planted (DemoModel): ~3× detractor/promoter churn and the CES → tickets link.</summary>
public sealed class LinkageDemoTests(LinkageDemoFixture demo) : IClassFixture<LinkageDemoFixture>
{
    [Fact]
    public void Planted_detractor_promoter_churn_ratio_is_inside_the_observed_and_adjusted_intervals()
    {
        var truth = demo.Truth[GroundTruth.DetractorChurnRatio];
        var observed = demo.Linkage.DetractorPromoterChurnRatioObserved!;
        var adjusted = demo.Linkage.DetractorPromoterChurnRatioAdjusted!;

        Assert.True(observed.Contains(truth.Realized!.Value), $"realized {truth.Realized:0.00} outside observed {observed}");
        Assert.True(observed.Contains(truth.Nominal!.Value), $"nominal {truth.Nominal:0.00} outside observed {observed}");
        Assert.True(adjusted.Contains(truth.Nominal.Value), $"nominal {truth.Nominal:0.00} outside adjusted {adjusted}");
        Assert.True(adjusted.Lower > 1.5, "detractors clearly churn more than promoters");
    }

    [Fact]
    public void Planted_CES_to_tickets_slope_is_inside_the_interval_once_CES_noise_is_corrected()
    {
        var truth = demo.Truth[GroundTruth.EffortTickets];
        var ratio = demo.Linkage.TicketsRateRatioPerCesPoint!;

        // Planted: log tickets rise 0.30 per point of the account's latent effort; responses see it with noise (sd 0.7).
        Assert.True(Math.Log(ratio.Lower) <= truth.Nominal && truth.Nominal <= Math.Log(ratio.Upper),
            $"planted log slope {truth.Nominal} outside [{Math.Log(ratio.Lower):0.0000}, {Math.Log(ratio.Upper):0.0000}]");
        Assert.InRange(demo.Linkage.Data.CesReliabilityMedian, 0.6, 0.99);
    }

    [Fact]
    public void CES_has_no_direct_effect_on_churn_once_NPS_is_held_fixed_as_planted()
    {
        // The demo lets effort act on churn only through the score: the direct CES effect must be indistinguishable from zero.
        var perPoint = demo.Linkage.ChurnChangePerCesPoint!;
        Assert.True(perPoint.Contains(0), perPoint.ToString());
    }

    [Fact]
    public void Churn_falls_from_detractor_to_passive_to_promoter_in_observed_and_adjusted_rates()
    {
        var nps = demo.Linkage.ChurnByLevel.Where(l => l.Metric == "nps").ToDictionary(l => l.Level);
        Assert.True(nps["detractor"].Observed.Value > nps["passive"].Observed.Value && nps["passive"].Observed.Value > nps["promoter"].Observed.Value);
        Assert.True(nps["detractor"].Adjusted.Value > nps["passive"].Adjusted.Value && nps["passive"].Adjusted.Value > nps["promoter"].Adjusted.Value);
        Assert.True(nps["detractor"].MarginalEffect.Lower > 0);
        Assert.True(nps["promoter"].IsBaseline);
        // Expansion runs the other way (planted 8% / 18% / 30%).
        Assert.True(nps["promoter"].ExpansionAdjusted.Lower > nps["detractor"].ExpansionAdjusted.Upper);
        Assert.Contains("descriptive", nps["detractor"].Observed.Method);
        Assert.Contains("adjusted", nps["detractor"].Adjusted.Method);
    }

    [Fact]
    public void Money_figures_carry_intervals_and_sit_in_a_plausible_range()
    {
        var lost = demo.Linkage.ArrLostPerDetractorPerYear!;
        Assert.True(lost.Lower > 0 && lost.Lower < lost.Value && lost.Value < lost.Upper, lost.ToString());
        // Mean ARR of the book times the planted churn gap (0.18 − 0.06) is the order of magnitude.
        var meanArr = demo.Linkage.Data.BookArr / demo.Linkage.Data.BookAccounts;
        Assert.InRange(lost.Value, 0.03 * meanArr, 0.3 * meanArr);

        var point = demo.Linkage.ValueOfOneNpsPoint.Single(v => v.Months == 24);
        Assert.True(point.Arr.Lower > 0 && point.Npv.Lower > 0);
        Assert.All(demo.Linkage.CostToServeByNps, c => Assert.True(c.CostPerAccountYear.Lower > 0));
    }

    [Fact]
    public void Model_quality_is_reported_from_held_out_accounts()
    {
        var q = demo.Linkage.Quality;
        Assert.Equal(5, q.Folds);
        Assert.InRange(q.Auc.Value, 0.55, 0.8);
        Assert.True(q.Auc.Lower > 0.5, "the churn model ranks renewals better than chance");
        Assert.InRange(q.CalibrationSlope.Value, 0.5, 1.5);
        Assert.InRange(q.CalibrationInTheLarge, -0.02, 0.02);
        Assert.Equal(10, q.Calibration.Count);
    }

    [Fact]
    public void Every_model_converged_and_no_resample_failed()
    {
        Assert.All(demo.Linkage.Models, m => Assert.True(m.Converged, m.Name));
        Assert.Equal(0, demo.Linkage.FailedResamples);
        Assert.Equal(400, demo.Linkage.Resamples);
    }
}
