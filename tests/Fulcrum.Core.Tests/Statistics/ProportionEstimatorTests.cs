using FsCheck;
using FsCheck.Xunit;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Core.Tests.Statistics;

/// <summary>
/// Reference values: statsmodels 0.13.5 via Reference/stats_reference.py (output in
/// Reference/stats_reference.txt). The fixtures are the worked examples of Newcombe (1998),
/// Stat Med 17:857 (81/263, 15/148) and 17:873 (method 10: 56/70 vs 48/80, 9/10 vs 3/10, 6/7 vs 2/7,
/// 5/56 vs 0/29), whose published 4-decimal limits these values agree with.
/// </summary>
public class ProportionEstimatorTests
{
    private const double Tol = 1e-6;

    [Theory]
    [InlineData(81, 263, 0.95, 0.2552885198782742, 0.36620957698280004)]
    [InlineData(15, 148, 0.95, 0.06238639953073628, 0.16048724172330803)]
    [InlineData(0, 20, 0.95, 0.0, 0.1611251580528194)]
    [InlineData(20, 20, 0.95, 0.8388748419471804, 1.0)]
    [InlineData(7, 50, 0.90, 0.07772089782062995, 0.2392389959454846)]
    [InlineData(412, 1204, 0.95, 0.31593347009166883, 0.3694557031107295)]
    public void Wilson_interval_matches_statsmodels(long x, long n, double level, double lower, double upper)
    {
        var e = ProportionEstimator.Wilson(x, n, level);
        Assert.Equal((double)x / n, e.Value, 1e-15);
        Assert.Equal(lower, e.Lower, Tol);
        Assert.Equal(upper, e.Upper, Tol);
        Assert.Equal(n, e.N);
        Assert.Equal(level, e.ConfidenceLevel);
    }

    [Theory]
    [InlineData(81, 263, 0.95, 0.2527367455852713, 0.3676219226013513)]
    [InlineData(15, 148, 0.95, 0.05784401008344857, 0.161650490349479)]
    [InlineData(0, 20, 0.95, 0.0, 0.16843347098308534)]
    [InlineData(20, 20, 0.95, 0.8315665290169146, 1.0)]
    [InlineData(7, 50, 0.90, 0.06759669900355719, 0.24693520173120923)]
    [InlineData(412, 1204, 0.95, 0.3153912987020741, 0.3697673325401459)]
    public void Clopper_Pearson_interval_matches_statsmodels(long x, long n, double level, double lower, double upper)
    {
        var e = ProportionEstimator.ClopperPearson(x, n, level);
        Assert.Equal(lower, e.Lower, Tol);
        Assert.Equal(upper, e.Upper, Tol);
    }

    [Fact]
    public void Clopper_Pearson_is_wider_than_Wilson()
    {
        var cp = ProportionEstimator.ClopperPearson(81, 263);
        var w = ProportionEstimator.Wilson(81, 263);
        Assert.True(cp.Lower < w.Lower && cp.Upper > w.Upper);
    }

    [Theory]
    [InlineData(56, 70, 48, 80, 0.05243147240236498, 0.33387265403690614, 2.6501719512585336, 0.00804508136819656)]
    [InlineData(9, 10, 3, 10, 0.1705227239345029, 0.809017973535488, 2.738612787525831, 0.006169899320544151)]
    [InlineData(6, 7, 2, 7, 0.05822792748231209, 0.8062496375242278, 2.160246899469287, 0.030753561259274524)]
    [InlineData(5, 56, 0, 29, -0.038137147903536936, 0.19256001385511165, 1.6586488692392285, 0.09718656817057973)]
    public void Difference_uses_Newcombe_interval_and_pooled_z_test(
        long x1, long n1, long x2, long n2, double lower, double upper, double z, double p)
    {
        var c = ProportionEstimator.Difference(x1, n1, x2, n2);
        Assert.Equal((double)x1 / n1 - (double)x2 / n2, c.Difference.Value, 1e-15);
        Assert.Equal(lower, c.Difference.Lower, Tol);
        Assert.Equal(upper, c.Difference.Upper, Tol);
        Assert.Equal(z, c.Statistic, Tol);
        Assert.Equal(p, c.PValue, Tol);
        Assert.Equal(n1 + n2, c.Difference.N);
    }

    [Fact]
    public void Pooled_z_relates_to_the_statsmodels_Miettinen_Nurminen_score_statistic()
    {
        // test_proportions_2indep(56, 70, 48, 80, method="score") = 2.6413232722941253 = z * sqrt((N-1)/N)
        var c = ProportionEstimator.Difference(56, 70, 48, 80);
        Assert.Equal(2.6413232722941253, c.Statistic * Math.Sqrt(149.0 / 150.0), Tol);
    }

    [Fact]
    public void Difference_between_identical_groups_is_not_significant()
    {
        var c = ProportionEstimator.Difference(30, 100, 30, 100);
        Assert.Equal(0, c.Difference.Value);
        Assert.Equal(-0.12552383149214508, c.Difference.Lower, Tol);
        Assert.Equal(0.12552383149214508, c.Difference.Upper, Tol);
        Assert.Equal(0, c.Statistic);
        Assert.Equal(1, c.PValue, 1e-12);
        Assert.False(c.IsSignificant());
    }

    [Fact]
    public void Difference_of_two_all_success_samples_has_p_value_one()
    {
        var c = ProportionEstimator.Difference(10, 10, 5, 5);
        Assert.Equal(0, c.Difference.Value);
        Assert.Equal(0, c.Statistic);
        Assert.Equal(1, c.PValue);
        Assert.True(c.Difference.Lower < 0 && c.Difference.Upper > 0);
    }

    [Theory]
    [InlineData(56, 70, 48, 80, 1.3333333333333335, 1.0766264227631928, 1.6512485112663873)]
    [InlineData(15, 148, 30, 150, 0.5067567567567568, 0.2846707694735831, 0.9021031944850156)]
    public void Risk_ratio_uses_the_Katz_log_interval(
        long x1, long n1, long x2, long n2, double ratio, double lower, double upper)
    {
        var e = ProportionEstimator.RiskRatio(x1, n1, x2, n2);
        Assert.Equal(ratio, e.Value, Tol);
        Assert.Equal(lower, e.Lower, Tol);
        Assert.Equal(upper, e.Upper, Tol);
        Assert.Equal(lower * upper, ratio * ratio, Tol); // symmetric on the log scale
    }

    [Fact]
    public void Risk_ratio_with_a_zero_count_adds_a_half_to_every_cell()
    {
        var e = ProportionEstimator.RiskRatio(5, 56, 0, 29);
        Assert.Equal(5.789473684210526, e.Value, Tol);
        Assert.Equal(0.33118979975813156, e.Lower, Tol);
        Assert.Equal(101.20482443796413, e.Upper, Tol);
        Assert.Contains("Haldane", e.Method);
    }

    [Fact]
    public void Empty_samples_are_undefined_and_invalid_counts_throw()
    {
        Assert.True(double.IsNaN(ProportionEstimator.Wilson(0, 0).Value));
        Assert.True(double.IsNaN(ProportionEstimator.ClopperPearson(0, 0).Value));
        Assert.True(double.IsNaN(ProportionEstimator.Difference(0, 0, 3, 10).PValue));
        Assert.True(double.IsNaN(ProportionEstimator.RiskRatio(1, 5, 0, 0).Value));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionEstimator.Wilson(6, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionEstimator.Wilson(-1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionEstimator.Difference(1, 5, 1, -5));
    }

    [Property(MaxTest = 500)]
    public bool Wilson_interval_lies_in_unit_interval_and_contains_the_sample_proportion(
        NonNegativeInt successes, PositiveInt trials, PositiveInt level)
    {
        long n = trials.Get;
        var x = successes.Get % (n + 1);
        var confidence = 0.5 + (level.Get % 49) / 100.0; // 0.50 .. 0.98
        var e = ProportionEstimator.Wilson(x, n, confidence);
        return e.Lower >= 0 && e.Upper <= 1 && e.Lower <= e.Value && e.Value <= e.Upper;
    }
}
