using Fulcrum.Analytics.Metrics;

namespace Fulcrum.Analytics.Tests.Metrics;

/// <summary>The survey metrics named in a sentence: the article goes by how the name is said.</summary>
public sealed class SurveyMetricNamesTests
{
    [Theory]
    [InlineData("nps", "an NPS")]
    [InlineData("csat", "a CSAT")]
    [InlineData("CES", "a CES")]
    public void The_article_follows_the_spoken_name(string metric, string expected) => Assert.Equal(expected, SurveyMetricNames.WithArticle(metric));

    [Fact]
    public void A_metric_nobody_answered_is_refused_naming_what_the_store_has()
    {
        Assert.Equal("No answers have an NPS score; this store has CSAT", SurveyMetricNames.NotAnswered("nps", ["csat"]));
        Assert.Equal("No answers have a CES score; this store has NPS and CSAT", SurveyMetricNames.NotAnswered("ces", ["nps", "csat"]));
        Assert.Equal("No answers have a CSAT score; this store has no survey scores", SurveyMetricNames.NotAnswered("csat", []));
    }
}
