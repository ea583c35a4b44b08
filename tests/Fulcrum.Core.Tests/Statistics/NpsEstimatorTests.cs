using FsCheck;
using FsCheck.Xunit;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Core.Tests.Statistics;

/// <summary>Reference values: Reference/stats_reference.py (numpy/scipy), printed in Reference/stats_reference.txt.</summary>
public class NpsEstimatorTests
{
    private const double Tol = 1e-6;

    [Theory]
    [InlineData(0, NpsCategory.Detractor)]
    [InlineData(6, NpsCategory.Detractor)]
    [InlineData(7, NpsCategory.Passive)]
    [InlineData(8, NpsCategory.Passive)]
    [InlineData(9, NpsCategory.Promoter)]
    [InlineData(10, NpsCategory.Promoter)]
    public void Classify_uses_the_standard_cut_points(int score, NpsCategory expected) =>
        Assert.Equal(expected, NpsEstimator.Classify(score));

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Classify_rejects_scores_outside_0_to_10(int score) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NpsEstimator.Classify(score));

    [Fact]
    public void Counts_give_nps_with_the_trinomial_normal_interval()
    {
        var e = NpsEstimator.FromCounts(promoters: 512, passives: 398, detractors: 294);
        Assert.Equal(18.106312292358805, e.Value, Tol);
        Assert.Equal(13.599331744789342, e.Lower, Tol);
        Assert.Equal(22.613292839928267, e.Upper, Tol);
        Assert.Equal(2.2995221254675857, e.StandardError!.Value, Tol);
        Assert.Equal(1204, e.N);
        Assert.Equal(0.95, e.ConfidenceLevel);
        Assert.Contains("trinomial", e.Method);
    }

    [Fact]
    public void Small_sample_at_90_percent_matches_reference()
    {
        var e = NpsEstimator.FromCounts(12, 5, 3, confidenceLevel: 0.90);
        Assert.Equal(45.0, e.Value, Tol);
        Assert.Equal(17.785251782193175, e.Lower, Tol);
        Assert.Equal(72.21474821780681, e.Upper, Tol);
        Assert.Equal(16.545392107774298, e.StandardError!.Value, Tol);
    }

    [Fact]
    public void Scores_are_classified_and_counted()
    {
        int[] scores = [10, 9, 9, 8, 7, 6, 0, 3, 10, 9];
        var fromScores = NpsEstimator.FromScores(scores);
        var fromCounts = NpsEstimator.FromCounts(5, 2, 3);
        Assert.Equal(fromCounts, fromScores);
        Assert.Equal(20.0, fromScores.Value, Tol);
    }

    [Fact]
    public void Difference_between_two_samples_matches_reference()
    {
        var a = NpsEstimator.FromCounts(512, 398, 294);
        var b = NpsEstimator.FromCounts(430, 410, 360);
        var c = NpsEstimator.Compare(a, b);
        Assert.Equal(12.272978959025469, c.Difference.Value, Tol);
        Assert.Equal(5.848135511956547, c.Difference.Lower, Tol);
        Assert.Equal(18.697822406094392, c.Difference.Upper, Tol);
        Assert.Equal(3.278041585328745, c.Difference.StandardError!.Value, Tol);
        Assert.Equal(3.743997334858291, c.Statistic, Tol);
        Assert.Equal(0.00018111557438496041, c.PValue, 1e-9);
        Assert.Equal(2404, c.Difference.N);
        Assert.True(c.IsSignificant());
        Assert.Null(c.DegreesOfFreedom);
    }

    [Fact]
    public void Difference_between_identical_groups_is_not_significant()
    {
        var a = NpsEstimator.FromCounts(120, 80, 50);
        var c = NpsEstimator.Compare(a, a);
        Assert.Equal(0, c.Difference.Value);
        Assert.Equal(0, c.Statistic);
        Assert.Equal(1, c.PValue, 1e-12);
        Assert.True(c.Difference.Contains(0));
        Assert.False(c.IsSignificant());
    }

    [Fact]
    public void No_responses_give_an_undefined_estimate_instead_of_throwing()
    {
        var e = NpsEstimator.FromCounts(0, 0, 0);
        Assert.True(double.IsNaN(e.Value));
        Assert.True(double.IsNaN(e.Lower));
        Assert.Equal(0, e.N);
        Assert.Contains("no responses", e.Method);

        var c = NpsEstimator.Compare(e, NpsEstimator.FromCounts(5, 5, 5));
        Assert.True(double.IsNaN(c.Difference.Value));
        Assert.True(double.IsNaN(c.PValue));
        Assert.False(c.IsSignificant());
    }

    [Fact]
    public void All_promoters_use_the_pseudo_response_variance_and_keep_the_observed_value()
    {
        var e = NpsEstimator.FromCounts(25, 0, 0);
        Assert.Equal(100, e.Value);
        Assert.Equal(100, e.Upper);
        Assert.Equal(84.85927428977357, e.Lower, Tol);
        Assert.Equal(7.7250020049626125, e.StandardError!.Value, Tol);
        Assert.Contains("pseudo-response", e.Method);
    }

    [Fact]
    public void All_passives_get_a_non_degenerate_interval_around_zero()
    {
        var e = NpsEstimator.FromCounts(0, 40, 0);
        Assert.Equal(0, e.Value);
        Assert.True(e.StandardError > 0);
        Assert.Equal(-e.Lower, e.Upper, 1e-12);
        Assert.True(e.Upper > 0);
    }

    [Fact]
    public void Weighted_nps_uses_the_Kish_effective_sample_size()
    {
        int[] scores = [10, 9, 9, 8, 7, 6, 3, 10, 0, 5, 9, 10, 7, 8, 2, 9];
        double[] weights = [1.0, 2.5, 0.5, 1.0, 3.0, 1.5, 0.8, 1.2, 2.0, 0.7, 1.0, 4.0, 0.3, 1.1, 0.9, 2.2];
        var e = NpsEstimator.FromWeightedScores(scores.Zip(weights));
        Assert.Equal(27.426160337552734, e.Value, Tol);
        Assert.Equal(-21.523483648324504, e.Lower, Tol);
        Assert.Equal(76.37580432342997, e.Upper, Tol);
        Assert.Equal(24.97476707326552, e.StandardError!.Value, Tol);
        Assert.Equal(16, e.N);
        Assert.Contains("Kish effective n = 11.2", e.Method);
    }

    [Fact]
    public void Equal_weights_give_the_unweighted_result()
    {
        int[] scores = [10, 9, 9, 8, 7, 6, 3, 10, 0, 5, 9, 10];
        var weighted = NpsEstimator.FromWeightedScores(scores.Select(s => (s, 2.5)));
        var plain = NpsEstimator.FromScores(scores);
        Assert.Equal(plain.Value, weighted.Value, 1e-9);
        Assert.Equal(plain.Lower, weighted.Lower, 1e-9);
        Assert.Equal(plain.Upper, weighted.Upper, 1e-9);
    }

    [Fact]
    public void Weighted_nps_with_one_category_uses_the_pseudo_response_variance_on_the_effective_n()
    {
        var weighted = NpsEstimator.FromWeightedScores(Enumerable.Repeat((10, 3.0), 25));
        var plain = NpsEstimator.FromCounts(25, 0, 0);
        Assert.Equal(100, weighted.Value);
        Assert.Equal(plain.StandardError!.Value, weighted.StandardError!.Value, 1e-9);
        Assert.Equal(84.85927428977357, weighted.Lower, Tol);
        Assert.Contains("pseudo-response", weighted.Method);
    }

    [Fact]
    public void Weighted_nps_rejects_negative_weights_and_is_undefined_for_zero_total_weight()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NpsEstimator.FromWeightedScores([(9, -1.0)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => NpsEstimator.FromWeightedScores([(12, 1.0)]));
        var e = NpsEstimator.FromWeightedScores([(9, 0.0), (3, 0.0)]);
        Assert.True(double.IsNaN(e.Value));
        Assert.Equal(0, e.N);
    }

    [Fact]
    public void Invalid_arguments_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NpsEstimator.FromCounts(-1, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => NpsEstimator.FromCounts(1, 1, 1, confidenceLevel: 1.0));
        var noSe = new Estimate(10, 0, 20, 50, "external");
        Assert.Throws<ArgumentException>(() => NpsEstimator.Compare(noSe, noSe));
    }

    [Property(MaxTest = 300)]
    public bool Interval_stays_on_the_nps_scale_and_contains_the_estimate(
        NonNegativeInt promoters, NonNegativeInt passives, NonNegativeInt detractors)
    {
        var e = NpsEstimator.FromCounts(promoters.Get, passives.Get, detractors.Get);
        if (e.N == 0)
        {
            return double.IsNaN(e.Value);
        }

        return e.Lower >= -100 && e.Upper <= 100 && e.Contains(e.Value) && e.StandardError > 0;
    }
}
