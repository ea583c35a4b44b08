using FsCheck;
using FsCheck.Xunit;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Core.Tests.Statistics;

/// <summary>Reference values: Reference/bounded_mean_reference.py (scipy), printed in Reference/bounded_mean_reference.txt.</summary>
public class BoundedMeanEstimatorTests
{
    const double Tol = 1e-6;

    [Fact]
    public void Two_answers_get_the_exact_interval_on_the_scale_instead_of_a_t_interval_far_outside_it()
    {
        var t = MeanEstimator.Mean([2.0, 2.0]);
        var bounded = BoundedMeanEstimator.Bound(t, 1, 5);
        Assert.Equal(2.0, bounded.Value, 1e-12);
        Assert.Equal(1.000867633880124, bounded.Lower, Tol);
        Assert.Equal(4.7566788963196105, bounded.Upper, Tol);
        Assert.Contains("Clopper", bounded.Method);
    }

    [Fact]
    public void Small_samples_take_the_wider_of_the_exact_interval_and_the_input_cut_at_the_scale()
    {
        var t = MeanEstimator.Mean([5, 5, 4, 5, 5, 5, 4, 5, 5, 5.0]);
        Assert.True(t.Upper > 5);
        var bounded = BoundedMeanEstimator.Bound(t, 1, 5);
        Assert.Equal(3.4747409157335345, bounded.Lower, Tol); // exact (Clopper–Pearson) lower bound, below t's
        Assert.Equal(5, bounded.Upper, Tol);                   // t's upper bound cut at the scale, above the exact 4.9998
    }

    [Fact]
    public void A_large_sample_keeps_its_t_interval_when_it_lies_on_the_scale()
    {
        var values = Enumerable.Range(0, 200).Select(i => 1.0 + i % 5).ToArray();
        var t = MeanEstimator.Mean(values);
        Assert.Same(t, BoundedMeanEstimator.Bound(t, 1, 5));
    }

    [Fact]
    public void A_large_sample_whose_t_interval_leaves_the_scale_gets_the_matched_score_interval()
    {
        var values = Enumerable.Repeat(5.0, 39).Append(1.0).ToArray();
        var t = MeanEstimator.Mean(values);
        Assert.Equal(5.102269091173473, t.Upper, Tol);
        var bounded = BoundedMeanEstimator.Bound(t, 1, 5);
        Assert.Equal(4.455843279404852, bounded.Lower, Tol);
        Assert.Equal(4.98336774135969, bounded.Upper, Tol);
    }

    [Fact]
    public void Undefined_estimates_pass_through()
    {
        var undefined = Estimate.Undefined(0, "none");
        Assert.Same(undefined, BoundedMeanEstimator.Bound(undefined, 1, 5));
    }

    [Property(MaxTest = 500)]
    public bool Interval_never_leaves_a_1_to_5_scale_and_contains_the_mean(NonEmptyArray<PositiveInt> raw)
    {
        var values = raw.Get.Select(v => 1.0 + v.Get % 5).ToArray();
        var e = BoundedMeanEstimator.Bound(MeanEstimator.Mean(values), 1, 5);
        return e.Lower >= 1 && e.Upper <= 5 && e.Lower <= e.Value + 1e-12 && e.Value <= e.Upper + 1e-12;
    }
}
