using Fulcrum.Analytics.BusinessCase;

namespace Fulcrum.Analytics.Tests.Linkage;

public sealed class BusinessCaseDemoTests(LinkageDemoFixture demo) : IClassFixture<LinkageDemoFixture>
{
    BusinessCaseReport Report => demo.Run.Report;

    [Fact]
    public void Levers_are_ranked_by_the_lower_bound_of_their_NPV_and_each_has_every_horizon()
    {
        var lower = Report.Levers.Select(l => l.At(Report.HorizonMonths).Npv.Lower).ToList();
        Assert.Equal(lower.OrderByDescending(v => v), lower);
        Assert.Equal(Enumerable.Range(1, Report.Levers.Count), Report.Levers.Select(l => l.Rank));
        Assert.All(Report.Levers, l => Assert.Equal([12, 24, 36], l.Horizons.Select(h => h.Months)));
        Assert.All(Report.Levers, l => Assert.InRange(l.At(Report.HorizonMonths).ProbabilityNpvPositive, 0, 1));
        Assert.Equal(5, Report.Levers.Count(l => !l.Lever.Id.StartsWith(LeverCatalog.FixThemePrefix, StringComparison.Ordinal)));
        Assert.Contains(Report.Levers, l => l.Lever.Id.StartsWith(LeverCatalog.FixThemePrefix, StringComparison.Ordinal));
        // The demo's default model uses NPS, so the CSAT lever is listed as not valued, with what to do.
        var csat = Report.UnavailableLevers.Single(l => l.Id == LeverCatalog.CsatDissatisfiedToSatisfied);
        Assert.Contains("--soft", csat.Unavailable);
        Assert.All(Report.UnavailableLevers.Where(l => l.Id != LeverCatalog.CsatDissatisfiedToSatisfied), l => Assert.StartsWith(LeverCatalog.FixThemePrefix, l.Id));
    }

    [Fact]
    public void The_headline_lever_pays_back_with_confidence_or_the_headline_says_none_does()
    {
        var top = Report.Levers[0].At(Report.HorizonMonths);
        if (top.Npv.Lower > 0)
        {
            Assert.Same(Report.Levers[0], Report.ConfidentLever);
            Assert.StartsWith("The lever that pays back with most confidence: ", Report.Headline);
            Assert.Contains(Report.Levers[0].Lever.Title, Report.Headline);
        }
        else
        {
            Assert.Null(Report.ConfidentLever);
            Assert.StartsWith("No lever pays back with confidence", Report.Headline);
        }
        // No lever whose interval crosses zero outranks one whose whole interval is positive.
        var confident = Report.Levers.Select(l => l.At(Report.HorizonMonths).PaysBackWithConfidence).ToList();
        Assert.Equal(confident.OrderByDescending(c => c), confident);
    }

    [Fact]
    public void Moving_detractors_up_retains_ARR_with_an_interval_above_zero_and_grows_with_the_horizon()
    {
        var lever = Report.Levers.Single(l => l.Lever.Id == LeverCatalog.DetractorsToPassive);
        Assert.True(lever.At(24).ArrRetained.Lower > 0);
        Assert.True(lever.At(36).Revenue.Value > lever.At(24).Revenue.Value && lever.At(24).Revenue.Value > lever.At(12).Revenue.Value);
        Assert.Equal(0.2, lever.Lever.Size, 12);
        Assert.Equal(lever.Lever.AffectedAccounts * 1_500, lever.Lever.Cost, 6);
        Assert.Contains("Move 20% of detractors to passive is worth", lever.Sentence);
        Assert.Contains("90% CI", lever.Sentence);
    }

    [Fact]
    public void Avoiding_contacts_saves_cost_to_serve_in_proportion_and_moves_no_ARR()
    {
        var lever = Report.Levers.Single(l => l.Lever.Id == LeverCatalog.FewerContacts);
        var h = lever.At(12);
        Assert.Equal(0, h.ArrTotal.Value);
        // Exactly 15% of the book's projected cost to serve over the same 12 months (both count churn the same way).
        var yearCost = Report.Linkage.BookCostToServePerYear.Value;
        Assert.Equal(0.15 * yearCost, h.CostSaved.Value, 1e-9 * yearCost);
        Assert.DoesNotContain("$0 ARR", lever.Sentence);
    }

    [Fact]
    public void Sensitivity_covers_the_top_three_levers_largest_swing_first()
    {
        Assert.Equal(Report.Levers.Take(3).Select(l => l.Lever.Id), Report.Sensitivity.Select(s => s.LeverId));
        foreach (var s in Report.Sensitivity)
        {
            Assert.Equal(s.Bars.Select(b => b.Swing).OrderByDescending(v => v), s.Bars.Select(b => b.Swing));
            Assert.Contains(s.Bars, b => b.Assumption == "gross_margin");
            Assert.Contains(s.Bars, b => b.Assumption.StartsWith("lever_size_", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_planted_integration_theme_adds_churn_beyond_NPS_and_fixing_it_retains_ARR()
    {
        // Planted: accounts that raised "products don't integrate" churn 1.6× at renewal (DemoModel.ThemeChurnMultiplier).
        var churn = Report.Linkage.ThemeChurn.Single(t => t.ThemeId == demo.IntegrationThemeId);
        Assert.True(churn.ChurnRatio.Lower > 1, churn.ChurnRatio.ToString());
        Assert.True(churn.ChurnRatio.Contains(1.6), churn.ChurnRatio.ToString());

        var lever = Report.Levers.Single(l => l.Lever.Id == LeverCatalog.FixThemePrefix + demo.IntegrationThemeId);
        Assert.True(lever.At(24).ArrRetained.Lower > 0);
        Assert.Equal(0.5, lever.Lever.Size);
        Assert.Equal(150_000, lever.Lever.Cost);
        Assert.StartsWith("Fix theme \"Products don't integrate\"", lever.Lever.Title);
    }

    [Fact]
    public void Every_assumption_is_listed_with_its_value()
    {
        var names = Report.Assumptions.Select(a => a.Name).ToHashSet();
        foreach (var name in new[] { "cost_per_agent_hour", "gross_margin", "discount_rate", "horizon_months", "lever_cost_detractor_recovery" })
            Assert.Contains(name, names);
    }

    [Fact]
    public void Revaluing_with_a_bigger_lever_raises_its_value_without_refitting()
    {
        var bigger = BusinessCaseAnalysis.Revalue(demo.Run, new Dictionary<string, double> { ["lever_size_detractors_to_passive"] = 0.4 });
        var before = Report.Levers.Single(l => l.Lever.Id == LeverCatalog.DetractorsToPassive).At(24);
        var after = bigger.Levers.Single(l => l.Lever.Id == LeverCatalog.DetractorsToPassive).At(24);
        // Twice the accounts moved: twice the ARR retained (the scenario is linear in the share moved).
        Assert.Equal(2 * before.ArrRetained.Value, after.ArrRetained.Value, 1e-6 * before.ArrRetained.Value);
        Assert.True(after.ArrRetained.Lower > before.ArrRetained.Lower);
        Assert.Throws<ArgumentException>(() => BusinessCaseAnalysis.Revalue(demo.Run, new Dictionary<string, double> { ["gross_margin"] = 2 }));
    }

    [Fact]
    public void A_longer_horizon_assumption_values_the_levers_over_it()
    {
        var longer = BusinessCaseAnalysis.Revalue(demo.Run, new Dictionary<string, double> { ["horizon_months"] = 48 });
        Assert.Equal(48, longer.HorizonMonths);
        Assert.All(longer.Levers, l => Assert.Contains(l.Horizons, h => h.Months == 48));
    }
}
