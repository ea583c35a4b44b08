using Fulcrum.Core.Statistics;

namespace Fulcrum.Core.Tests.Statistics;

public class EstimateTests
{
    [Fact]
    public void ToString_shows_value_interval_level_and_grouped_n()
    {
        var e = new Estimate(32.1, 28.0, 36.2, 1204, "NPS");
        Assert.Equal("32.1 (95% CI 28.0 to 36.2, n=1,204)", e.ToString());
    }

    [Fact]
    public void ToString_picks_decimals_from_the_interval_width()
    {
        var e = new Estimate(0.34219, 0.31593, 0.36946, 1204, "Wilson");
        Assert.Equal("0.342 (95% CI 0.316 to 0.369, n=1,204)", e.ToString());
    }

    [Fact]
    public void ToString_shows_a_non_default_confidence_level_and_explicit_decimals()
    {
        var e = new Estimate(5.5, 5.24, 5.86, 10, "Mean", 0.90);
        Assert.Equal("5.50 (90% CI 5.24 to 5.86, n=10)", e.ToString(decimals: 2));
    }

    [Fact]
    public void ToString_of_undefined_and_interval_free_estimates_says_so()
    {
        Assert.Equal("undefined (n=0)", Estimate.Undefined(0, "none").ToString());
        Assert.Equal("4.00 (no CI, n=1)", new Estimate(4, double.NaN, double.NaN, 1, "Mean").ToString());
    }

    [Fact]
    public void Contains_is_inclusive_and_false_without_an_interval()
    {
        var e = new Estimate(1, 0.5, 1.5, 10, "m");
        Assert.True(e.Contains(0.5));
        Assert.True(e.Contains(1.5));
        Assert.False(e.Contains(1.5000001));
        Assert.False(e.Contains(double.NaN));
        Assert.False(Estimate.Undefined(0, "m").Contains(0));
    }

    [Fact]
    public void Standard_error_is_optional_and_part_of_equality()
    {
        var a = new Estimate(1, 0, 2, 5, "m");
        var b = a with { StandardError = 0.5 };
        Assert.Null(a.StandardError);
        Assert.Equal(0.5, b.StandardError);
        Assert.NotEqual(a, b);
        Assert.Equal(2, b.Width);
    }
}
