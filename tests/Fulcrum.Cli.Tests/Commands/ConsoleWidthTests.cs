using Fulcrum.Cli.Rendering;

namespace Fulcrum.Cli.Tests.Commands;

public sealed class ConsoleWidthTests
{
    [Theory]
    [InlineData("120", 120)]
    [InlineData("20", 20)]
    [InlineData("10000", 10_000)]
    public void A_usable_COLUMNS_value_sets_the_width(string value, int expected) =>
        Assert.Equal(expected, ConsoleWidth.FromEnvironment(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wide")]
    [InlineData("-80")]
    [InlineData("5")]
    [InlineData("99999999999")]
    public void Anything_else_in_COLUMNS_is_ignored(string? value) => Assert.Null(ConsoleWidth.FromEnvironment(value));
}
