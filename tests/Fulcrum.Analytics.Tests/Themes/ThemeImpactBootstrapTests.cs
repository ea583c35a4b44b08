using Fulcrum.Analytics.Themes;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Tests.Themes;

/// <summary>
/// The theme impact's shared-resample bootstrap (every theme on one set of account multiplicities) gives the figures of one
/// <see cref="Bootstrap.Percentile"/> per theme and statistic over the drawn account indices, as the impact computed them before.
/// </summary>
public sealed class ThemeImpactBootstrapTests
{
    /// <summary>Relative tolerance: the same draws; counts are exact, only the ARR sums are added in another order.</summary>
    const double Tolerance = 1e-9;

    [Fact]
    public void Every_theme_figure_equals_a_per_theme_percentile_bootstrap()
    {
        const int accounts = 400, strata = 5;
        var rng = new Random(3);
        var nAll = Enumerable.Range(0, accounts).Select(_ => (double)rng.Next(0, 5)).ToArray();
        var netAll = nAll.Select(n => (double)rng.Next(-(int)n, (int)n + 1)).ToArray();
        var churned = Enumerable.Range(0, accounts).Select(_ => rng.NextDouble() < 0.2).ToArray();
        var stratum = Enumerable.Range(0, accounts).Select(_ => rng.Next(strata)).ToArray();
        var arr = Enumerable.Range(0, accounts).Select(_ => Math.Round(rng.NextDouble() * 90_000, 2)).ToArray();
        var themes = new[] { 0.05, 0.3, 0.7 }.Select(share =>
        {
            var raising = Enumerable.Range(0, accounts).Where(a => rng.NextDouble() < share).ToArray();
            var scored = raising.Select(a => (double)rng.Next(0, (int)nAll[a] + 1)).ToArray();
            var net = scored.Select(n => (double)rng.Next(-(int)n, (int)n + 1)).ToArray();
            return new ThemeAccounts(raising, scored, net);
        }).ToList();
        var options = new ThemeImpactOptions(Seed: 11, Replicates: 300);

        var shared = ThemeImpactBootstrap.Run(themes, nAll, netAll, churned, stratum, arr, strata, scale: 100, options);

        for (var t = 0; t < themes.Count; t++)
        {
            var raising = new bool[accounts];
            var nWithout = (double[])nAll.Clone();
            var netWithout = (double[])netAll.Clone();
            for (var k = 0; k < themes[t].Accounts.Length; k++)
            {
                var a = themes[t].Accounts[k];
                raising[a] = true;
                nWithout[a] -= themes[t].RemovedScored[k];
                netWithout[a] -= themes[t].RemovedScoreSum[k];
            }
            var nps = Bootstrap.Percentile(accounts, idx =>
            {
                double na = 0, sa = 0, nw = 0, sw = 0;
                foreach (var a in idx) { na += nAll[a]; sa += netAll[a]; nw += nWithout[a]; sw += netWithout[a]; }
                return na == 0 || nw == 0 ? double.NaN : 100 * (sa / na - sw / nw);
            }, options.Seed, options.Replicates);
            var excess = Bootstrap.Percentile(accounts, idx => Stratified(idx, raising, churned, stratum, arr, strata).Excess, options.Seed, options.Replicates);
            var atRisk = Bootstrap.Percentile(accounts, idx => Stratified(idx, raising, churned, stratum, arr, strata).ArrAtRisk, options.Seed, options.Replicates);

            AssertSame(nps, shared[t].ScoreImpact);
            AssertSame(excess, shared[t].ExcessChurn);
            AssertSame(atRisk, shared[t].ArrAtRisk);
        }
    }

    static void AssertSame(Estimate expected, Estimate actual)
    {
        foreach (var (e, a) in new[] { (expected.Value, actual.Value), (expected.Lower, actual.Lower), (expected.Upper, actual.Upper),
                     (expected.StandardError ?? double.NaN, actual.StandardError ?? double.NaN) })
            Assert.True(Math.Abs(e - a) <= Tolerance * Math.Max(1, Math.Abs(e)), $"expected {e}, got {a}");
        Assert.Equal(expected.N, actual.N);
    }

    /// <summary>The stratified excess churn and excess churned ARR as the impact computed them per resample before.</summary>
    static (double Excess, double ArrAtRisk) Stratified(ReadOnlySpan<int> accounts, bool[] raising, bool[] churned, int[] stratum, double[] arr, int strataCount)
    {
        var nR = new double[strataCount]; var cR = new double[strataCount]; var arrR = new double[strataCount];
        var nO = new double[strataCount]; var cO = new double[strataCount];
        foreach (var a in accounts)
        {
            var s = stratum[a];
            if (raising[a]) { nR[s]++; if (churned[a]) cR[s]++; arrR[s] += arr[a]; }
            else { nO[s]++; if (churned[a]) cO[s]++; }
        }
        double weight = 0, excess = 0, atRisk = 0;
        for (var s = 0; s < strataCount; s++)
        {
            if (nR[s] == 0 || nO[s] == 0) continue;
            var d = cR[s] / nR[s] - cO[s] / nO[s];
            weight += nR[s];
            excess += nR[s] * d;
            atRisk += arrR[s] * d;
        }
        return weight == 0 ? (double.NaN, double.NaN) : (excess / weight, atRisk);
    }
}
