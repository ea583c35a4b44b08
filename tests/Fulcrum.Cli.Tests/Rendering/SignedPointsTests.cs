using Fulcrum.Cli.Rendering;

namespace Fulcrum.Cli.Tests.Rendering;

public sealed class SignedPointsTests
{
    [Theory]
    [InlineData(0.0123, "+1.2")]
    [InlineData(-0.0046, "-0.5")]
    [InlineData(-0.0000001, "0.0")]
    [InlineData(0.0000001, "0.0")]
    [InlineData(-0.0004999, "0.0")]
    [InlineData(double.NaN, "n/a")]
    public void Shares_print_as_signed_points_and_a_rounded_zero_has_no_sign(double share, string expected) =>
        Assert.Equal(expected, SignedPoints.Format(share));
}
