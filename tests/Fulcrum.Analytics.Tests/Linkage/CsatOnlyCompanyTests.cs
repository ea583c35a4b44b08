using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Drivers;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Analytics.Linkage.UserModels;
using Fulcrum.Analytics.Value.Initiatives;
using Fulcrum.Core.Statistics;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Linkage;

/// <summary>
/// A company that measures CSAT only (demo generator, --csat-only, 2,000 accounts, seed 42, complaint flag planted with odds
/// ratio 4.4): the business case values the CSAT lever in money with an interval, ranks the levers by the NPV's lower bound,
/// and the planted effects come back — the dissatisfied churn more than the very satisfied, and the complaint flag's odds ratio.
/// </summary>
public sealed class CsatOnlyCompanyTests
{
    static readonly Lazy<(FulcrumStore Store, BusinessCaseReport Report)> Company = new(() =>
    {
        var store = FulcrumStore.Open(":memory:");
        DemoCompanyGenerator.Generate(store, new DemoCompanyOptions(2_000, 3, 42, ComplaintOddsRatio: 4.4, CsatOnly: true));
        return (store, BusinessCaseAnalysis.Run(new AnalysisFacts(store), new LinkageOptions { Resamples = 200 }).Report);
    });

    [Fact]
    public void The_business_case_values_the_CSAT_lever_in_money_with_an_interval_and_ranks_by_the_lower_bound()
    {
        var report = Company.Value.Report;
        var csat = report.Levers.Single(l => l.Lever.Id == LeverCatalog.CsatDissatisfiedToSatisfied).At(report.HorizonMonths);
        Assert.True(csat.Npv.IsDefined && double.IsFinite(csat.Npv.Lower) && double.IsFinite(csat.Npv.Upper), $"{csat.Npv}");
        // Moving dissatisfied customers to satisfied keeps ARR that would have churned: the whole interval is positive.
        Assert.True(csat.ArrRetained.Lower > 0, $"{csat.ArrRetained}");
        var lower = report.Levers.Select(l => l.At(report.HorizonMonths).Npv.Lower).ToList();
        Assert.Equal(lower.OrderByDescending(v => v), lower);
        // No NPS or CES answers: their levers are listed as not valued, never as $0.
        Assert.DoesNotContain(report.Levers, l => l.Lever.Id is LeverCatalog.DetractorsToPassive or LeverCatalog.LowerEffort);
        Assert.Contains(report.UnavailableLevers, l => l.Id == LeverCatalog.LowerEffort);
    }

    [Fact]
    public void An_NPS_lever_says_the_store_has_no_NPS_answers_and_what_to_import()
    {
        var report = Company.Value.Report;
        foreach (var id in new[] { LeverCatalog.DetractorsToPassive, LeverCatalog.DetractorsToPromoter, LeverCatalog.PassivesToPromoter })
            Assert.Equal("the store has no NPS answers in the year before any renewal; import survey responses with an nps column (fulcrum import responses FILE) to use this lever",
                report.UnavailableLevers.Single(l => l.Id == id).Unavailable);
        Assert.Equal("no CES answers on record; import survey responses with a ces column (fulcrum import responses FILE)",
            report.UnavailableLevers.Single(l => l.Id == LeverCatalog.LowerEffort).Unavailable);
        Assert.DoesNotContain(report.UnavailableLevers, l => l.Unavailable!.Contains("--soft", StringComparison.Ordinal));
    }

    [Fact]
    public void Initiatives_are_matched_on_and_measured_by_CSAT()
    {
        var panel = ValuePanel.Load(new AnalysisFacts(Company.Value.Store));
        Assert.Equal("csat", panel.SurveyMetric);
        var all = new InitiativeRegistry(Company.Value.Store).List();
        var callback = InitiativeImpactAnalysis.Run(panel, all.Single(i => i.InitiativeId == "INIT-QW-CALLBACK"), all);
        Assert.Equal(ImpactDesign.DifferenceInDifferences, callback.Design);
        Assert.Contains("pre-period CSAT band", callback.Sample.MatchedOn);
        Assert.Null(callback.Outcome(InitiativeImpactAnalysis.Nps));
        var csat = callback.Outcome(InitiativeImpactAnalysis.Csat)!;
        Assert.Equal("CSAT points (mean answer)", csat.Unit);
        // Before CSAT was read, no account had a pre-period NPS answer: 0 analysed and no outcome at all. Now 169 of the 625
        // targeted EMEA accounts are matched to 317 controls (deterministic: seed 42).
        Assert.Equal((625, 169, 317), (callback.Sample.TargetedAccounts, callback.Sample.TreatedAnalysed, callback.Sample.Controls));
        // The callback raises the 0–10 answer that the generator maps to CSAT (≤6 → 1, 7 → 2, 8 → 3, 9 → 4, 10 → 5): CSAT rises,
        // detected (0.40, 95% CI 0.29 to 0.51); churn, expansion and cost to serve are measured too.
        Assert.True(csat.Detected && csat.AverageSinceStart.Lower > 0, csat.Verdict);
        Assert.InRange(csat.AverageSinceStart.Value, 0.25, 0.55);
        Assert.Equal(["csat", "churn", "expansion", "cost_to_serve"], callback.Outcomes.Select(o => o.Outcome));
    }

    [Fact]
    public void The_planted_churn_of_the_dissatisfied_is_recovered()
    {
        var report = Company.Value.Report;
        var byLevel = report.Linkage.ChurnByLevel.Where(l => l.Metric == "csat").ToDictionary(l => l.Level);
        // Planted per renewal: detractors 18%, passives 10%, promoters 6%. The dissatisfied (mean CSAT 1–2) are detractors and
        // passives, the very satisfied (5) promoters: the dissatisfied churn more (the 95% interval of the difference excludes 0),
        // by a ratio above 1 and at most the detractor/promoter ratio of 3 (mixing in passives dilutes it).
        long dissatisfied = byLevel["1"].Churns + byLevel["2"].Churns, dissatisfiedRenewals = byLevel["1"].Renewals + byLevel["2"].Renewals;
        var difference = ProportionEstimator.Difference(dissatisfied, dissatisfiedRenewals, byLevel["5"].Churns, byLevel["5"].Renewals).Difference;
        Assert.True(difference.Lower > 0, $"dissatisfied − very satisfied churn {difference}");
        var ratio = (double)dissatisfied / dissatisfiedRenewals / ((double)byLevel["5"].Churns / byLevel["5"].Renewals);
        Assert.InRange(ratio, 1, 3);
    }

    [Fact]
    public void The_planted_complaint_flag_is_recovered_next_to_CSAT()
    {
        var drivers = HardOutcomeDrivers.Run(Company.Value.Store, ModelOutcome.Churn, null, ["attr:complaint"]);
        Assert.Equal("churn ~ csat + attr:complaint", drivers.Model.Formula);
        var ratio = drivers.Model.Coefficients.Single(c => c.Term == "attr:complaint").Ratio!;
        Assert.InRange(4.4, ratio.Lower, ratio.Upper);
        var csat = Assert.Single(drivers.Directions);
        Assert.Equal(-1, csat.Sign);
        Assert.StartsWith("Higher satisfaction (CSAT) goes with *less* churn here", csat.Statement, StringComparison.Ordinal);
    }
}
