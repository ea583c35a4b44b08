using Fulcrum.Analytics.Metrics;

namespace Fulcrum.Analytics.Tests.Metrics;

/// <summary>The one rule that picks the survey metric every analysis is about.</summary>
public sealed class SurveyMetricChoiceTests
{
    [Fact]
    public void Two_stray_NPS_answers_do_not_displace_thousands_of_CSAT_answers()
    {
        var choice = SurveyMetricChoice.From(nps: 2, csat: 7_043, ces: 0);
        Assert.Equal("csat", choice.Metric);
        Assert.Equal(["csat"], choice.WellAnswered);
        Assert.Equal("CSAT (7,043 answers; NPS has only 2, under half as many)", choice.Explanation);
        Assert.Equal(["csat"], choice.ModelMetrics);
    }

    [Fact]
    public void NPS_keeps_its_precedence_where_it_is_answered_at_least_half_as_often()
    {
        var equal = SurveyMetricChoice.From(4_000, 4_000, 4_000);
        Assert.Equal("nps", equal.Metric);
        Assert.Equal("NPS (4,000 answers; also CSAT 4,000, CES 4,000)", equal.Explanation);
        Assert.Equal(["nps", "ces"], equal.ModelMetrics);
        Assert.Equal("nps", SurveyMetricChoice.From(3_500, 7_000, 0).Metric);
        Assert.Equal("csat", SurveyMetricChoice.From(3_499, 7_000, 0).Metric);
    }

    [Fact]
    public void CES_is_chosen_only_when_neither_NPS_nor_CSAT_is_well_answered_and_then_enters_models_as_a_number_alone()
    {
        var choice = SurveyMetricChoice.From(10, 0, 900);
        Assert.Equal("ces", choice.Metric);
        Assert.Equal(["ces"], choice.ModelMetrics);
    }

    [Fact]
    public void Without_any_score_there_is_no_metric_and_the_explanation_says_so()
    {
        var choice = SurveyMetricChoice.From(0, 0, 0);
        Assert.Null(choice.Metric);
        Assert.Empty(choice.ModelMetrics);
        Assert.Contains("no survey metric", choice.Explanation, StringComparison.Ordinal);
    }
}
