using Fulcrum.Core.Statistics;

namespace Fulcrum.Core.Tests.Statistics;

/// <summary>Reference values: scipy 1.10 / statsmodels 0.13.5 via Reference/stats_reference.py.</summary>
public class MeanEstimatorTests
{
    private const double Tol = 1e-6;

    internal static readonly double[] A = [5.1, 4.9, 6.2, 5.8, 6.0, 5.5, 5.3, 6.1, 4.7, 5.9];
    internal static readonly double[] B = [4.2, 4.8, 5.0, 4.5, 5.2, 4.1, 4.9, 5.3, 4.4, 4.6, 4.0, 5.1];

    [Fact]
    public void Mean_has_the_student_t_interval()
    {
        var a = MeanEstimator.Mean(A);
        Assert.Equal(5.55, a.Value, 1e-12);
        Assert.Equal(5.171093364650422, a.Lower, Tol);
        Assert.Equal(5.928906635349578, a.Upper, Tol);
        Assert.Equal(0.1674979270186815, a.StandardError!.Value, Tol);
        Assert.Equal(10, a.N);

        var b = MeanEstimator.Mean(B);
        Assert.Equal(4.675, b.Value, 1e-12);
        Assert.Equal(4.394591893955452, b.Lower, Tol);
        Assert.Equal(4.955408106044548, b.Upper, Tol);
    }

    [Fact]
    public void Mean_interval_at_90_percent_matches_reference()
    {
        var a = MeanEstimator.Mean(A, confidenceLevel: 0.90);
        Assert.Equal(5.24295738378938, a.Lower, Tol);
        Assert.Equal(5.857042616210619, a.Upper, Tol);
    }

    [Fact]
    public void Welch_test_matches_scipy_and_statsmodels()
    {
        var c = MeanEstimator.WelchTTest(A, B);
        Assert.Equal(0.875, c.Difference.Value, 1e-12);
        Assert.Equal(0.43216150889364063, c.Difference.Lower, Tol);
        Assert.Equal(1.3178384911063594, c.Difference.Upper, Tol);
        Assert.Equal(0.21044385512914401, c.Difference.StandardError!.Value, Tol);
        Assert.Equal(4.157878591717657, c.Statistic, Tol);
        Assert.Equal(0.0006163688353575113, c.PValue, 1e-9);
        Assert.Equal(17.604874956756266, c.DegreesOfFreedom!.Value, Tol);
        Assert.Equal(22, c.Difference.N);
        Assert.True(c.IsSignificant());
    }

    [Fact]
    public void Welch_test_from_summaries_equals_the_test_from_data()
    {
        var fromData = MeanEstimator.WelchTTest(A, B);
        var fromSummaries = MeanEstimator.WelchTTest(SampleSummary.Of(A), SampleSummary.Of(B));
        Assert.Equal(fromData, fromSummaries);
    }

    [Fact]
    public void Difference_between_identical_groups_is_not_significant()
    {
        var c = MeanEstimator.WelchTTest(A, A);
        Assert.Equal(0, c.Difference.Value);
        Assert.Equal(0, c.Statistic);
        Assert.Equal(1, c.PValue, 1e-12);
        Assert.True(c.Difference.Contains(0));
        Assert.Equal(18, c.DegreesOfFreedom!.Value, 1e-9);
    }

    [Fact]
    public void Tiny_samples_are_handled_without_throwing()
    {
        var empty = MeanEstimator.Mean([]);
        Assert.True(double.IsNaN(empty.Value));
        Assert.Equal(0, empty.N);

        var single = MeanEstimator.Mean([4.0]);
        Assert.Equal(4.0, single.Value);
        Assert.True(double.IsNaN(single.Lower));
        Assert.Contains("n = 1", single.Method);

        var welch = MeanEstimator.WelchTTest([1.0], A);
        Assert.True(double.IsNaN(welch.PValue));
        Assert.Equal(11, welch.Difference.N);
    }

    [Fact]
    public void Constant_samples_give_a_point_difference_and_no_test()
    {
        var c = MeanEstimator.WelchTTest([2.0, 2.0, 2.0], [1.0, 1.0]);
        Assert.Equal(1.0, c.Difference.Value);
        Assert.Equal(1.0, c.Difference.Lower);
        Assert.Equal(1.0, c.Difference.Upper);
        Assert.True(double.IsNaN(c.Statistic));
        Assert.True(double.IsNaN(c.PValue));
    }

    [Fact]
    public void Sample_summary_uses_the_unbiased_variance_and_rejects_non_finite_values()
    {
        var s = SampleSummary.Of(A);
        Assert.Equal(10, s.N);
        Assert.Equal(5.55, s.Mean, 1e-12);
        Assert.Equal(0.2805555555555555, s.Variance, 1e-12); // numpy var(ddof=1)
        Assert.Equal(0.1674979270186815, s.StandardError, Tol);
        Assert.Throws<ArgumentException>(() => SampleSummary.Of([1.0, double.NaN]));
        Assert.True(double.IsNaN(SampleSummary.Of([3.0]).Variance));
    }
}
