using Fulcrum.Analytics.Value.Initiatives;
using FsCheck.Xunit;

namespace Fulcrum.Analytics.Tests.Value;

public sealed class TargetFilterTests
{
    static Func<string, string?> Account(string segment, string region) => f => f switch { "segment" => segment, "region" => region, _ => null };

    [Theory]
    [InlineData("region = 'EMEA'", "SMB", "EMEA", true)]
    [InlineData("region = 'EMEA'", "SMB", "APAC", false)]
    [InlineData("segment=Mid-Market", "Mid-Market", "APAC", true)]
    [InlineData("segment = \"mid-market\"", "Mid-Market", "APAC", true)]
    [InlineData("region IN ('EMEA', 'APAC') AND segment != 'SMB'", "Enterprise", "APAC", true)]
    [InlineData("region IN ('EMEA', 'APAC') AND segment != 'SMB'", "SMB", "APAC", false)]
    [InlineData("region NOT IN ('EMEA') and segment <> 'SMB'", "Enterprise", "LATAM", true)]
    [InlineData("region = 'North America'", "SMB", "North America", true)]
    [InlineData("", "SMB", "EMEA", true)]
    public void Filters_match_the_accounts_they_describe(string filter, string segment, string region, bool expected) =>
        Assert.Equal(expected, TargetFilter.Parse(filter).Matches(Account(segment, region)));

    [Theory]
    [InlineData("colour = 'red'", "unknown field 'colour'")]
    [InlineData("region = 'EMEA'; DROP TABLE accounts", "unexpected character ';'")]
    [InlineData("region = 'EMEA", "is not closed")]
    [InlineData("region 'EMEA'", "expected =, != or IN")]
    [InlineData("region =", "needs a value")]
    [InlineData("region = 'EMEA' OR segment = 'SMB'", "expected AND or the end")]
    [InlineData("region = 'EMEA' AND", "a condition must follow AND")]
    [InlineData("region IN 'EMEA'", "IN needs a list in parentheses")]
    [InlineData("region IN ('EMEA'", "not closed with ')'")]
    public void Bad_filters_are_refused_with_a_message_naming_the_problem(string filter, string message)
    {
        var error = Assert.Throws<FormatException>(() => TargetFilter.Parse(filter));
        Assert.Contains(message, error.Message);
    }

    [Property]
    public bool Any_text_is_either_a_valid_filter_or_a_format_error(string? text)
    {
        try { TargetFilter.Parse(text); return true; }
        catch (FormatException e) { return e.Message.StartsWith("Target ", StringComparison.Ordinal); }
    }

    [Property]
    public bool A_quoted_value_matches_exactly_that_value_whatever_it_contains(string? value)
    {
        value ??= "";
        var filter = TargetFilter.Parse($"region = '{value.Replace("'", "''", StringComparison.Ordinal)}'");
        return filter.Matches(f => f == "region" ? value : null) && (value.Length == 0 || !filter.Matches(f => f == "region" ? value + "x" : null));
    }

    [Fact]
    public void Constrained_fields_are_those_the_filter_names()
    {
        Assert.Equal(["region", "segment"], TargetFilter.Parse("region = 'EMEA' AND segment = 'SMB'").ConstrainedFields.Order());
        Assert.True(TargetFilter.Parse(null).TargetsEveryone);
    }
}
