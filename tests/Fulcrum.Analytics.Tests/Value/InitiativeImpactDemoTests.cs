using Fulcrum.Analytics.Value.Initiatives;
using Xunit.Abstractions;

namespace Fulcrum.Analytics.Tests.Value;

/// <summary>On the demo company the planted initiative effects are found — and the initiative with none is reported as such.</summary>
public sealed class InitiativeImpactDemoTests(ValueDemoFixture demo, ITestOutputHelper output) : IClassFixture<ValueDemoFixture>
{
    OutcomeImpact Nps(string id)
    {
        var impact = demo.Impact(id);
        var nps = impact.Outcome(InitiativeImpactAnalysis.Nps)!;
        output.WriteLine($"{id}: {nps.Verdict}; realized {demo.GroundTruth["initiative_" + id].Realized:F2}; {nps.PreTrend?.Verdict}; placebo {nps.Placebo?.Verdict}");
        foreach (var e in nps.ByQuarterSinceStart) output.WriteLine($"  k={e.QuartersSinceStart} {e.Quarter}: {e.Effect}");
        return nps;
    }

    [Fact]
    public void Quick_win_effect_is_recovered_within_its_interval_from_its_first_quarter()
    {
        var nps = Nps("INIT-QW-CALLBACK");
        var realized = demo.GroundTruth["initiative_INIT-QW-CALLBACK"].Realized!.Value;
        Assert.Equal(ImpactDesign.DifferenceInDifferences, nps.Design);
        Assert.True(nps.Detected);
        Assert.True(nps.AverageSinceStart.Contains(realized), $"{nps.AverageSinceStart} should contain the realized {realized:F2}");
        // Immediate: already clearly positive in the quarter it started.
        Assert.True(nps.ByQuarterSinceStart[0].Effect.Lower > 0, nps.ByQuarterSinceStart[0].Effect.ToString());
        Assert.True(nps.PreTrend!.PValue >= 0.05);
        Assert.True(nps.Placebo!.PValue >= 0.05);
    }

    [Fact]
    public void Long_term_project_shows_nothing_for_a_year_then_its_delayed_effect()
    {
        var nps = Nps("INIT-LT-ONE-TEAM");
        var realized = demo.GroundTruth["initiative_INIT-LT-ONE-TEAM"].Realized!.Value;
        Assert.True(nps.Detected);
        Assert.True(nps.AverageSinceStart.Contains(realized), $"{nps.AverageSinceStart} should contain the realized {realized:F2}");
        // Planted: nothing for 4 quarters, then +0.3 and +0.6 on the score.
        var early = nps.ByQuarterSinceStart.Where(e => e.QuartersSinceStart < 4).ToList();
        var late = nps.ByQuarterSinceStart.Where(e => e.QuartersSinceStart >= 5).ToList();
        Assert.All(early, e => Assert.True(e.Effect.Contains(0), $"k={e.QuartersSinceStart}: {e.Effect} should include 0"));
        Assert.All(late, e => Assert.True(e.Effect.Lower > 0, $"k={e.QuartersSinceStart}: {e.Effect} should exclude 0"));
        Assert.True(late.Average(e => e.Effect.Value) > early.Average(e => e.Effect.Value) + 10);
    }

    [Fact]
    public void Initiative_without_effect_is_reported_as_no_detectable_effect_with_its_interval()
    {
        var impact = demo.Impact("INIT-NE-FORUM");
        var nps = Nps("INIT-NE-FORUM");
        Assert.Equal(0, demo.GroundTruth["initiative_INIT-NE-FORUM"].Realized!.Value, 6);
        Assert.False(nps.Detected);
        Assert.True(nps.AverageSinceStart.Contains(0));
        Assert.StartsWith("no detectable effect", nps.Verdict);
        Assert.True(nps.AverageSinceStart.Width < 25, "the interval is reported, and narrow enough to mean something");
        Assert.All(impact.Outcomes, o => Assert.False(o.Detected, $"{o.Outcome}: {o.Verdict}"));
    }

    [Fact]
    public void Controls_exclude_accounts_targeted_by_other_initiatives_and_every_account_is_accounted_for()
    {
        foreach (var impact in demo.Impacts)
        {
            var s = impact.Sample;
            output.WriteLine($"{impact.Initiative.InitiativeId}: {s}");
            Assert.Equal(s.TargetedAccounts, s.TreatedAnalysed + s.TreatedWithoutControls + s.TreatedWithoutHistory);
            Assert.True(s.Controls > 100);
            Assert.True(s.ControlsExcludedForOtherInitiatives > 0);
        }
        Assert.DoesNotContain("segment", demo.Impact("INIT-LT-ONE-TEAM").Sample.MatchedOn);
        Assert.DoesNotContain("region", demo.Impact("INIT-QW-CALLBACK").Sample.MatchedOn);
    }

    [Fact]
    public void Money_is_reported_per_quarter_with_intervals_that_add_up_to_the_total()
    {
        foreach (var impact in demo.Impacts)
            foreach (var outcome in impact.Outcomes.Where(o => o.Money is not null))
            {
                var money = outcome.Money!;
                Assert.NotEmpty(money.ByQuarter);
                Assert.Equal(money.ByQuarter.Sum(q => q.Amount.Value), money.Total.Value, 1e-6 * Math.Max(1, Math.Abs(money.Total.Value)));
                Assert.Equal(money.Total.Value, money.ByQuarter[^1].Cumulative.Value, 1e-6 * Math.Max(1, Math.Abs(money.Total.Value)));
                Assert.All(money.ByQuarter, q => Assert.True(q.Amount.Lower <= q.Amount.Value && q.Amount.Value <= q.Amount.Upper));
            }
    }

    [Fact]
    public void Without_untreated_accounts_an_interrupted_time_series_is_used()
    {
        var everyone = new Initiative("INIT-ALL", "Everyone", Initiative.QuickWin, new DateOnly(2024, 1, 1), null, 1_000, null, null, null, "active");
        var impact = InitiativeImpactAnalysis.Run(demo.Panel, everyone, [everyone]);
        var nps = impact.Outcome(InitiativeImpactAnalysis.Nps)!;
        output.WriteLine(nps.Verdict);
        Assert.Equal(ImpactDesign.InterruptedTimeSeries, impact.Design);
        Assert.Equal(0, impact.Sample.Controls);
        Assert.Null(nps.PreTrend);
        Assert.True(nps.AverageSinceStart.IsDefined);
    }

    [Fact]
    public void An_initiative_that_started_before_the_data_is_not_measurable_and_says_why()
    {
        var early = new Initiative("INIT-OLD", "Old", Initiative.LongTerm, new DateOnly(2020, 1, 1), null, null, "region = 'EMEA'", null, null, "active");
        var impact = InitiativeImpactAnalysis.Run(demo.Panel, early, [early]);
        Assert.Empty(impact.Outcomes);
        Assert.Contains("no before to compare with", impact.Summary);
    }
}
