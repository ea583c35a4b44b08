using Fulcrum.Analytics.Themes;
using Fulcrum.Core.Statistics;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Themes;

/// <summary>
/// Theme impact on hand-made assignments over a small demo company: a theme put on the detractors' comments of the last
/// quarter only (emerging, drags NPS down) and one spread evenly over promoters' comments (not emerging, lifts NPS).
/// </summary>
public sealed class ThemeImpactTests : IDisposable
{
    readonly FulcrumStore _store = FulcrumStore.Open(":memory:");
    readonly ThemeImpactReport _report;

    public ThemeImpactTests()
    {
        DemoCompanyGenerator.Generate(_store, new DemoCompanyOptions(Accounts: 300, Years: 2, Seed: 11));
        var now = DateTime.UtcNow;
        foreach (var (id, label) in new[] { ("T001", "late detractor complaint"), ("T002", "steady praise") })
            _store.Execute("""
                INSERT INTO themes (theme_id, label, origin, status, model, dimension, centroid, created_at, updated_at)
                VALUES ($id, $label, 'discovered', 'active', 'test', 0, ''::BLOB, $now, $now)
                """, new { id, label, now });
        var last = _store.Scalar<DateTime>("SELECT date_trunc('quarter', MAX(responded_at)) FROM responses WHERE comment IS NOT NULL");
        _store.Execute("""
            INSERT INTO response_themes
            SELECT response_id, 'T001', 0.5, -0.5, true FROM responses WHERE comment IS NOT NULL AND nps <= 6 AND responded_at >= $last
            UNION ALL
            SELECT response_id, 'T002', 0.5, 0.5, true FROM responses WHERE comment IS NOT NULL AND nps >= 9 AND hash(response_id) % 3 = 0
            """, new { last });
        _report = ThemeImpactAnalysis.Run(_store, new ThemeImpactOptions(Replicates: 300));
    }

    [Fact]
    public void NPS_impact_is_NPS_minus_NPS_without_the_themes_responses()
    {
        var scores = _store.Query<(string Id, int Nps)>("SELECT response_id, CAST(nps AS INTEGER) FROM responses WHERE nps IS NOT NULL").ToList();
        var raised = _store.Query<string>("SELECT response_id FROM response_themes WHERE theme_id = 'T001'").ToHashSet();
        var expected = NpsEstimator.FromScores(scores.Select(s => s.Nps)).Value - NpsEstimator.FromScores(scores.Where(s => !raised.Contains(s.Id)).Select(s => s.Nps)).Value;
        var impact = _report.Themes.Single(t => t.ThemeId == "T001").ScoreImpact;
        Assert.Equal(expected, impact.Value, 1e-9);
        Assert.True(impact.Upper < 0, impact.ToString());
        Assert.True(_report.Themes.Single(t => t.ThemeId == "T002").ScoreImpact.Lower > 0);
    }

    [Fact]
    public void A_theme_that_appears_only_in_the_last_quarter_is_emerging_and_a_steady_one_is_not()
    {
        var late = _report.Themes.Single(t => t.ThemeId == "T001");
        var steady = _report.Themes.Single(t => t.ThemeId == "T002");
        Assert.True(late.Emerging!.Emerging, $"q = {late.Emerging.QValue}");
        Assert.Equal(0, late.Trend[0].Share.Value);
        Assert.False(steady.Emerging!.Emerging, $"q = {steady.Emerging.QValue}");
    }

    [Fact]
    public void Raising_accounts_are_counted_once_and_their_churn_is_a_proportion_of_them()
    {
        var late = _report.Themes.Single(t => t.ThemeId == "T001");
        var accounts = _store.Scalar<long>("SELECT COUNT(DISTINCT r.account_id) FROM response_themes t JOIN responses r USING (response_id) WHERE t.theme_id = 'T001'");
        Assert.Equal(accounts, late.Accounts);
        Assert.Equal(accounts, late.ChurnRaising!.N);
    }

    [Fact]
    public void Themes_followed_by_enough_renewals_are_valued_beyond_the_scores_and_lead_the_ranking()
    {
        Assert.Null(_report.LinkageNote);
        var steady = _report.Themes.Single(t => t.ThemeId == "T002");
        Assert.NotNull(steady.ChurnRatioBeyondScores);
        Assert.NotNull(steady.ArrAtRiskBeyondScores);
        Assert.True(double.IsFinite(steady.ChurnRatioBeyondScores!.Value) && steady.ChurnRatioBeyondScores.Value > 0, $"{steady.ChurnRatioBeyondScores}");
        // 300 accounts: most resamples lose a rare level and are dropped, so the interval and q-value may be missing, never made up.
        if (!double.IsNaN(steady.ChurnRatioBeyondScores.Lower)) Assert.InRange(steady.ExcessChurnQValue!.Value, 0, 1);
        else Assert.Null(steady.ExcessChurnQValue);
        // Among problems, a theme without the linkage figures (too few renewals after it) never ranks above one with them.
        var problems = _report.Themes.Where(t => t.Kind == ThemeKind.Problem).ToList();
        var firstUnvalued = problems.FindIndex(t => t.ArrAtRiskBeyondScores is null);
        if (firstUnvalued >= 0) Assert.All(problems.Skip(firstUnvalued), t => Assert.Null(t.ArrAtRiskBeyondScores));
    }

    [Fact]
    public void Without_renewals_no_theme_has_a_churn_or_ARR_figure_and_the_report_says_why()
    {
        _store.Execute("DELETE FROM outcomes");
        var report = ThemeImpactAnalysis.Run(_store, new ThemeImpactOptions(Replicates: 100));
        Assert.False(report.Money.IsDefined);
        Assert.Contains("fulcrum import outcomes", report.Money.Reason);
        Assert.All(report.Themes, t => Assert.True(t.ArrAtRiskBeyondScores is null && t.ArrAtRisk is null && t.ChurnRaising is null && t.ExcessChurn is null));
        Assert.All(report.Themes, t => Assert.True(t.ScoreImpact.IsDefined));
        Assert.True(report.Themes[0].ScoreImpact.Value <= report.Themes[1].ScoreImpact.Value, "ranked by score impact, most harmful first");
    }

    [Fact]
    public void A_theme_of_praise_is_a_strength_listed_after_every_problem()
    {
        Assert.Equal(ThemeKind.Problem, _report.Themes.Single(t => t.ThemeId == "T001").Kind);
        Assert.Equal(ThemeKind.Strength, _report.Themes.Single(t => t.ThemeId == "T002").Kind);
        Assert.Equal(["T001", "T002"], _report.Themes.Select(t => t.ThemeId));
    }

    /// <summary>An NPS impact whose interval reaches 0: the raising customers do not score you higher than the others.</summary>
    static readonly Estimate NoNpsLift = new(0.4, -0.8, 1.6, 500, "NPS impact");

    [Fact]
    public void A_theme_of_negated_praise_is_a_strength_when_its_customers_score_you_higher()
    {
        // Demo (300 accounts, seed 42): "Your support staff explain things clearly and never make us feel stupid" read −0.78 on
        // average (2% of mentions positive), was the top ARR at risk, and its comments came 71% from promoters, 8% from detractors.
        var negatedPraise = new Estimate(-0.78, -0.83, -0.73, 65, "mean");
        Assert.Equal(ThemeKind.Strength, ThemeImpactAnalysis.KindOf(1, 65, negatedPraise, new Estimate(2.1, 0.9, 3.4, 300, "NPS impact")));
        Assert.Equal(ThemeKind.Problem, ThemeImpactAnalysis.KindOf(1, 65, negatedPraise, NoNpsLift));
        Assert.Equal(ThemeKind.Problem, ThemeImpactAnalysis.KindOf(1, 65, negatedPraise, new Estimate(-3.0, -4.2, -1.9, 300, "NPS impact")));
        Assert.Equal(ThemeKind.Problem, ThemeImpactAnalysis.KindOf(1, 65, negatedPraise, Estimate.Undefined(0, "no NPS answers")));
        // CES: more effort is worse, so customers who score you better pull the mean effort down (an interval below 0).
        Assert.Equal(ThemeKind.Strength, ThemeImpactAnalysis.KindOf(1, 65, negatedPraise, new Estimate(-0.12, -0.2, -0.05, 300, "CES impact"), higherIsBetter: false));
        Assert.Equal(ThemeKind.Problem, ThemeImpactAnalysis.KindOf(1, 65, negatedPraise, new Estimate(0.12, 0.05, 0.2, 300, "CES impact"), higherIsBetter: false));
    }

    [Fact]
    public void A_theme_spoken_of_favourably_on_balance_is_a_strength_though_under_half_its_mentions_are_positive()
    {
        // Demo seed 2 ranked "Makes a real difference. Keep it up" (mean +0.071, 95% CI 0.050–0.093) 3rd by ARR at risk.
        Assert.Equal(ThemeKind.Strength, ThemeImpactAnalysis.KindOf(positive: 200, scored: 500, new Estimate(0.071, 0.050, 0.093, 500, "mean"), NoNpsLift));
        Assert.Equal(ThemeKind.Problem, ThemeImpactAnalysis.KindOf(200, 500, new Estimate(0.015, -0.010, 0.040, 500, "mean"), NoNpsLift)); // reaches 0
        Assert.Equal(ThemeKind.Problem, ThemeImpactAnalysis.KindOf(100, 500, new Estimate(-0.300, -0.330, -0.270, 500, "mean"), NoNpsLift));
        Assert.Equal(ThemeKind.Strength, ThemeImpactAnalysis.KindOf(260, 500, new Estimate(-0.010, -0.040, 0.020, 500, "mean"), NoNpsLift)); // mostly positive
        Assert.Equal(ThemeKind.Problem, ThemeImpactAnalysis.KindOf(1, 3, new Estimate(0.2, double.NaN, double.NaN, 3, "mean"), NoNpsLift)); // no interval: not shown to lean positive
        Assert.Equal(ThemeKind.Problem, ThemeImpactAnalysis.KindOf(0, 0, Estimate.Undefined(0, "no sentiment"), NoNpsLift));
    }

    public void Dispose() => _store.Dispose();
}
