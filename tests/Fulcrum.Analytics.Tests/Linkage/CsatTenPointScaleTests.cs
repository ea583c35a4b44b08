using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Analytics.Linkage.FitCache;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;
using Fulcrum.Data.Survey;

namespace Fulcrum.Analytics.Tests.Linkage;

/// <summary>
/// A company that asks CSAT on 1–10 (the demo generator's CSAT-only company, 1,000 accounts, seed 42, its 1–5 answers moved
/// to the same level of a declared 1–10 scale: 1 → 1, 2 → 3, 3 → 5, 4 → 8, 5 → 10): the linkage's CSAT factor has a level
/// per point of 1–10, and the "dissatisfied → satisfied" lever moves the bottom quarter (1–3) to the first satisfied point (6),
/// worded on that scale. A changed scale refits rather than reading the stored fit.
/// </summary>
public sealed class CsatTenPointScaleTests
{
    static readonly LinkageOptions Options = new() { Resamples = 100 };

    static readonly Lazy<(FulcrumStore Store, BusinessCaseRun Run)> Company = new(() =>
    {
        var store = TenPointCompany();
        return (store, BusinessCaseAnalysis.Run(new AnalysisFacts(store), Options));
    });

    static FulcrumStore TenPointCompany()
    {
        var store = FulcrumStore.Open(":memory:");
        DemoCompanyGenerator.Generate(store, new DemoCompanyOptions(1_000, 3, 42, CsatOnly: true));
        store.Execute("UPDATE responses SET csat = CASE csat WHEN 1 THEN 1 WHEN 2 THEN 3 WHEN 3 THEN 5 WHEN 4 THEN 8 ELSE 10 END WHERE csat IS NOT NULL");
        store.Execute("UPDATE tickets SET csat = CASE csat WHEN 1 THEN 1 WHEN 2 THEN 3 WHEN 3 THEN 5 WHEN 4 THEN 8 ELSE 10 END WHERE csat IS NOT NULL");
        DeclareCsat(store, 10);
        return store;
    }

    static void DeclareCsat(FulcrumStore store, int max)
    {
        store.Execute("DELETE FROM score_scales WHERE metric = 'csat'");
        store.Execute("INSERT INTO score_scales (metric, min_value, max_value, declared_by, declared_at) VALUES ('csat', 1, $max, 'the mapping csat10.yaml', $at)",
            new { max = (double)max, at = DateTime.UtcNow });
    }

    [Fact]
    public void The_CSAT_factor_has_a_level_per_point_of_the_declared_scale()
    {
        var (store, run) = Company.Value;
        var csat = CsatPoints.Of(store);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "no answer"], csat.Levels);
        Assert.Equal(["1", "2", "3"], csat.Dissatisfied);
        Assert.Equal(("6", "10"), (csat.Satisfied, csat.Top));
        // An account's level is its rounded mean on the scale: 7.5 → 8, never clamped to 5 as on the default scale.
        Assert.Equal(("8", "10", "no answer"), (csat.Level(7.5), csat.Level(10), csat.Level(null)));
        // The model's levels are points of 1–10 that the renewals show: the answers' 8 and 10 among them, baseline the top point.
        var levels = run.Linkage.Report.ChurnByLevel.Where(l => l.Metric == "csat").Select(l => l.Level).ToList();
        Assert.Contains("8", levels);
        Assert.Contains("10", levels);
        Assert.All(levels, l => Assert.Contains(l, csat.Levels));
        var factor = run.Linkage.Data.ChurnSpace.Factors[run.Linkage.Data.ChurnSpace.FactorIndex(LinkageFactors.Csat)];
        Assert.Equal("10", factor.Levels[factor.Baseline]);
    }

    [Fact]
    public void The_CSAT_lever_moves_the_bottom_quarter_to_the_first_satisfied_point_worded_on_the_scale()
    {
        var (store, run) = Company.Value;
        var lever = run.Report.Levers.Single(l => l.Lever.Id == LeverCatalog.CsatDissatisfiedToSatisfied).Lever;
        Assert.Equal("Move 20% of dissatisfied customers (CSAT 1–3 on a 1–10 scale) to satisfied (6)", lever.Title);
        Assert.Contains("like CSAT 6 accounts", lever.Mechanism, StringComparison.Ordinal);
        // It moves 20% of the book's accounts whose mean answer of the last year rounds to 1–3 (counted here in SQL).
        var bookDissatisfied = store.Scalar<long>($"SELECT COUNT(*) FROM {new AnalysisFacts(store).Book()} WHERE csat_mean IS NOT NULL AND ROUND(csat_mean) <= 3");
        Assert.True(bookDissatisfied > 0);
        Assert.Equal(0.2 * bookDissatisfied, lever.AffectedAccounts, 6);
        var valued = run.Report.Levers.Single(l => l.Lever.Id == LeverCatalog.CsatDissatisfiedToSatisfied).At(run.Report.HorizonMonths);
        Assert.True(valued.Npv.IsDefined, $"{valued.Npv}");
    }

    [Fact]
    public void Without_answers_at_its_points_the_lever_names_them_on_the_scale()
    {
        var store = FulcrumStore.Open(":memory:");
        DemoCompanyGenerator.Generate(store, new DemoCompanyOptions(300, 3, 7, CsatOnly: true));
        // Every answer moved to the top of 1–10: no dissatisfied and no 6 before any renewal.
        store.Execute("UPDATE responses SET csat = CASE WHEN csat <= 3 THEN 9 ELSE 10 END WHERE csat IS NOT NULL");
        DeclareCsat(store, 10);

        var report = BusinessCaseAnalysis.Run(new AnalysisFacts(store), Options).Report;

        var lever = report.UnavailableLevers.Single(l => l.Id == LeverCatalog.CsatDissatisfiedToSatisfied);
        Assert.StartsWith("needs CSAT answers of 1–3 and of 6 on a 1–10 scale in the year before renewals", lever.Unavailable, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_scale_misses_the_stored_fit_and_refits()
    {
        using var store = TenPointCompany();
        Assert.Equal(LinkageFitSource.Fitted, BusinessCaseAnalysis.Run(new AnalysisFacts(store), Options).Linkage.FitSource);
        Assert.Equal(LinkageFitSource.Stored, BusinessCaseAnalysis.Run(new AnalysisFacts(store), Options).Linkage.FitSource);

        // The same answers (all on 1–10) declared on 1–11: the bottom quarter is still 1–3, the first satisfied point 7.
        DeclareCsat(store, 11);
        var refit = BusinessCaseAnalysis.Run(new AnalysisFacts(store), Options);

        Assert.Equal(LinkageFitSource.Fitted, refit.Linkage.FitSource);
        Assert.Equal("Move 20% of dissatisfied customers (CSAT 1–3 on a 1–11 scale) to satisfied (7)",
            refit.Report.Levers.Select(l => l.Lever).Concat(refit.Report.UnavailableLevers).Single(l => l.Id == LeverCatalog.CsatDissatisfiedToSatisfied).Title);
    }

    [Theory]
    [InlineData(1, 5, new[] { "1", "2" }, "4", "5", "")]
    [InlineData(0, 10, new[] { "0", "1", "2" }, "6", "10", " on a 0–10 scale")]
    [InlineData(1, 7, new[] { "1", "2" }, "5", "7", " on a 1–7 scale")]
    public void The_lever_points_follow_the_quarter_rule_of_the_score_levels(double min, double max, string[] dissatisfied, string satisfied, string top, string onScale)
    {
        var csat = new CsatPoints(new ScoreLevels("csat", min, max));
        Assert.Equal(dissatisfied, csat.Dissatisfied);
        Assert.Equal((satisfied, top, onScale), (csat.Satisfied, csat.Top, csat.OnScale));
        Assert.Equal(csat.Points.Length + 1, csat.Levels.Length);
    }
}
