using Fulcrum.Analytics.Value.Ledger;
using Fulcrum.Analytics.Value.References;
using Xunit.Abstractions;

namespace Fulcrum.Analytics.Tests.Value;

/// <summary>The reference program and the value ledger on the demo company.</summary>
public sealed class ValueDemoTests(ValueDemoFixture demo, ITestOutputHelper output) : IClassFixture<ValueDemoFixture>
{
    [Fact]
    public void Reference_funnel_matches_the_planted_promoter_agree_rate_and_referenced_win_rate()
    {
        var report = ReferenceProgram.Run(demo.Store);
        var agree = report.AgreeRateByCategory.Single(a => a.Category.StartsWith("promoter", StringComparison.Ordinal)).Rate;
        var truthAgree = demo.GroundTruth["promoter_reference_agree_rate"].Realized!.Value;
        var truthWin = demo.GroundTruth["referenced_deal_win_rate"].Realized!.Value;
        output.WriteLine($"promoter agree {agree} (realized {truthAgree:F4}); referenced win {report.ReferencedWinRate} (realized {truthWin:F4}); others {report.OtherWinRate}; uplift {report.WinRateUplift.Difference}");
        foreach (var s in report.PromoterFunnel.Stages) output.WriteLine($"  {s.Stage}: {s.Count} {s.Conversion}");
        Assert.Equal(truthAgree, agree.Value, 1e-9);
        Assert.Equal(truthWin, report.ReferencedWinRate.Value, 1e-9);
        var stage = report.PromoterFunnel.Stages.ToDictionary(s => s.Stage);
        Assert.Equal(stage["agreed"].Count / (double)stage["asked"].Count, stage["agreed"].Conversion!.Value, 1e-12);
        // Planted: agree 10% / 35% / 70% by category; referenced deals win 45% vs 25%.
        var rates = report.AgreeRateByCategory.Select(a => a.Rate.Value).ToList();
        Assert.True(rates[0] < rates[1] && rates[1] < rates[2]);
        Assert.True(report.WinRateUplift.Difference.Lower > 0, report.WinRateUplift.Difference.ToString());
        Assert.True(report.WinRateUplift.Difference.Contains(0.45 - 0.25));
        Assert.True(report.RevenueInfluencedByNpsProgram > 0 && report.RevenueInfluencedByNpsProgram <= report.RevenueInfluenced);
        Assert.True(report.IncrementalRevenue.Lower > 0);
        Assert.Equal(0, report.RequestsWithoutAnswer);
        Assert.Equal(3, report.PromoterFunnelByPeriod.Count);
        Assert.Equal(stage["asked"].Count, report.PromoterFunnelByPeriod.Sum(p => p.Stages.Single(s => s.Stage == "asked").Count));
    }

    [Fact]
    public void Ledger_adds_initiatives_and_references_by_quarter_and_cumulates()
    {
        var ledger = ValueLedger.Build(demo.Impacts, ReferenceProgram.Run(demo.Store));
        foreach (var line in ledger.ByInitiative.Concat(ledger.ByKind).Append(ledger.References).Append(ledger.Total))
            output.WriteLine($"{line.Name}: {line.Verdict}");
        Assert.Equal(3, ledger.ByInitiative.Count);
        Assert.Equal(["quick_win", "long_term"], ledger.ByKind.Select(k => k.Kind));
        var total = ledger.Total;
        Assert.Equal(total.Quarters.Sum(q => q.Total.Value), total.Total.Value, 1e-6 * Math.Abs(total.Total.Value));
        for (var i = 1; i < total.Quarters.Count; i++)
            Assert.Equal(total.Quarters[i - 1].Cumulative.Value + total.Quarters[i].Total.Value, total.Quarters[i].Cumulative.Value, 1e-6 * Math.Abs(total.Total.Value));
        var parts = ledger.ByInitiative.Sum(l => l.Total.Value) + ledger.References.Total.Value;
        Assert.Equal(parts, total.Total.Value, 1e-6 * Math.Abs(parts));
        Assert.All(total.Quarters, q => Assert.Equal(q.Saved.Value + q.Retained.Value + q.Made.Value, q.Total.Value, 1e-6 * Math.Max(1, Math.Abs(q.Total.Value))));
        Assert.Equal(ledger.ByInitiative.Sum(l => l.Cost ?? 0), ledger.ByKind.Sum(l => l.Cost ?? 0), 1e-9);
    }
}
