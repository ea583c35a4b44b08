using Fulcrum.Analytics.Value.Initiatives;

namespace Fulcrum.Analytics.Tests.Value;

public sealed class EventStudyTests
{
    /// <summary>40 accounts over 8 quarters, several answers per account and quarter (deterministic noise); accounts 0–14 treated from quarter 4 with +20.</summary>
    static (OutcomeObservations Obs, MatchedSample Sample) Fixture()
    {
        var rng = new Random(7);
        List<int> account = [], quarter = [], products = [];
        List<double> y = [];
        for (var a = 0; a < 40; a++)
        {
            var level = rng.NextDouble() * 40 - 20;
            for (var q = 0; q < 8; q++)
                for (var k = 0; k < 1 + (a + q) % 4; k++)
                {
                    account.Add(a); quarter.Add(q); products.Add(a % 6 == 0 && q >= 3 ? 2 : 1);
                    y.Add(level + 2 * q + (a < 15 && q >= 4 ? 20 : 0) + (((a * 37 + q * 11 + k * 5) % 17) - 8) / 2.0);
                }
        }
        var treated = Enumerable.Range(0, 40).Select(a => a < 15).ToArray();
        var weight = Enumerable.Range(0, 40).Select(a => a < 15 ? 1 : 0.5 + (a % 3) * 0.25).ToArray();
        var sample = new MatchedSample(weight, treated, Enumerable.Range(0, 40).Select(a => a % 2).ToArray(), new int[40], 15, 15, 25, 0, 0, 0, []);
        return (new OutcomeObservations([.. account], [.. quarter], [.. y], [.. products]), sample);
    }

    [Fact]
    public void Collapsing_answers_into_account_quarter_cells_gives_the_same_estimates_and_errors()
    {
        var (raw, sample) = Fixture();
        var cells = raw.Collapse();
        Assert.True(cells.Account.Length < raw.Account.Length);
        var a = EventStudy.Run(raw, sample, 4, ImpactDesign.DifferenceInDifferences, absorbAccount: true)!;
        var b = EventStudy.Run(cells, sample, 4, ImpactDesign.DifferenceInDifferences, absorbAccount: true)!;
        Assert.Equal(a.Fit.N, b.Fit.N);
        Assert.Equal(a.Lags.Select(l => l.Treated), b.Lags.Select(l => l.Treated));
        foreach (var name in a.Fit.Names)
        {
            var x = a.Fit.Coefficient(name, "raw");
            var z = b.Fit.Coefficient(name, "cells");
            Assert.Equal(x.Value, z.Value, 1e-9);
            Assert.Equal(x.StandardError!.Value, z.StandardError!.Value, 1e-9);
        }
    }

    [Fact]
    public void Planted_step_is_recovered_and_leads_are_flat()
    {
        var (raw, sample) = Fixture();
        var study = EventStudy.Run(raw.Collapse(), sample, 4, ImpactDesign.DifferenceInDifferences, absorbAccount: true)!;
        Assert.Equal([0, 1, 2, 3], study.Lags.Select(l => l.K));
        Assert.Equal(["lead<=-4", "lead-3", "lead-2"], study.Leads.Select(l => l.Name));
        var average = study.Fit.Combination(study.Lags.ToDictionary(l => l.Name, _ => 0.25), "average");
        Assert.True(average.Contains(20), average.ToString());
        Assert.True(average.Lower > 0);
        foreach (var lag in study.Lags) Assert.InRange(study.Fit.Coefficient(lag.Name, "t").Value, 17, 23);
        var wald = study.Fit.JointWald(study.Leads.Select(l => l.Name));
        Assert.True(wald.PValue > 0.01, $"{wald} " + string.Join("; ", study.Fit.Names.Select(n => $"{n} {study.Fit.Coefficient(n, "t")}")));
        var placebo = EventStudy.Placebo(raw, sample, 4, 2, ImpactDesign.DifferenceInDifferences, absorbAccount: true)!.Value;
        Assert.True(placebo.Effect.Contains(0), placebo.Effect.ToString());
    }
}
