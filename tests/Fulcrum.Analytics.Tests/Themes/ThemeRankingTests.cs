using Fulcrum.Analytics.Themes;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Tests.Themes;

/// <summary>The report's order: within a tier of evidence, problems the customers' scores confirm come before those only the sentence model calls complaints.</summary>
public class ThemeRankingTests
{
    static Estimate Interval(double value, double lower, double upper) => new(value, lower, upper, 100, "test");

    static ThemeImpact Theme(string id, ThemeKind kind, Estimate scoreImpact, double arrBeyond, double? q = 0.5, long comments = 50) =>
        new(id, id, kind, comments, comments, Interval(-0.3, -0.4, -0.2), scoreImpact, null, null, null, null, null, [], null,
            ChurnRatioBeyondScores: Interval(1.3, 1.0, 1.6), ArrAtRiskBeyondScores: Interval(arrBeyond, 0, 2 * arrBeyond), ExcessChurnQValue: q);

    static List<string> Ranked(ThemeScoreMetric metric, params ThemeImpact[] themes) =>
        ThemeRanking.Order(themes.Select(t => t with { ScoreConfirms = ThemeRanking.ScoreConfirms(t, metric) }), money: true, fdr: 0.05, metric)
            .Select(t => t.ThemeId).ToList();

    [Fact]
    public void A_problem_the_score_confirms_ranks_before_a_costlier_one_it_does_not()
    {
        var misreadPraise = Theme("praise", ThemeKind.Problem, Interval(-0.04, -0.08, 0.01), arrBeyond: 1_300_000);
        var confirmed = Theme("integration", ThemeKind.Problem, Interval(-0.9, -1.0, -0.8), arrBeyond: 900_000);
        var strength = Theme("strength", ThemeKind.Strength, Interval(0.5, 0.4, 0.6), arrBeyond: 2_000_000);
        var significant = Theme("significant", ThemeKind.Problem, Interval(-0.02, -0.1, 0.05), arrBeyond: 100_000, q: 0.01);
        Assert.Equal(["significant", "integration", "praise", "strength"], Ranked(ThemeScoreMetric.Nps, misreadPraise, confirmed, strength, significant));
        Assert.Equal(false, ThemeRanking.ScoreConfirms(misreadPraise, ThemeScoreMetric.Nps));
        Assert.Equal(true, ThemeRanking.ScoreConfirms(confirmed, ThemeScoreMetric.Nps));
        Assert.Null(ThemeRanking.ScoreConfirms(strength, ThemeScoreMetric.Nps));
    }

    [Fact]
    public void For_CES_a_confirmed_problem_raises_the_effort()
    {
        var moreEffort = Theme("more effort", ThemeKind.Problem, Interval(0.6, 0.4, 0.8), arrBeyond: 100_000);
        var unclear = Theme("unclear", ThemeKind.Problem, Interval(0.1, -0.1, 0.3), arrBeyond: 500_000);
        Assert.Equal(true, ThemeRanking.ScoreConfirms(moreEffort, ThemeScoreMetric.Ces));
        Assert.Equal(["more effort", "unclear"], Ranked(ThemeScoreMetric.Ces, unclear, moreEffort));
    }

    [Fact]
    public void Without_a_score_nothing_is_confirmed_or_demoted()
    {
        var undefined = Theme("no score", ThemeKind.Problem, Estimate.Undefined(0, "no scored answers"), arrBeyond: 500_000);
        Assert.Null(ThemeRanking.ScoreConfirms(undefined, ThemeScoreMetric.Nps));
        Assert.Null(ThemeRanking.ScoreConfirms(undefined, null));
    }
}
