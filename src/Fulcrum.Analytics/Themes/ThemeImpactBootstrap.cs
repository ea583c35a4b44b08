using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Themes;

/// <summary>One theme's accounts for the impact bootstrap: the raising accounts and, per account, the scored responses that raise it.</summary>
/// <param name="Accounts">Raising accounts, each once.</param>
/// <param name="RemovedScored">Per raising account: its scored responses that raise the theme (left out of "NPS without the theme").</param>
/// <param name="RemovedNet">Per raising account: the sum of their net scores (+1 promoter, −1 detractor).</param>
sealed record ThemeAccounts(int[] Accounts, double[] RemovedScored, double[] RemovedNet);

/// <summary>Every theme's bootstrap values: NPS impact, stratified excess churn and excess churned ARR.</summary>
sealed record ThemeBootstrapValues(Estimate NpsImpact, Estimate ExcessChurn, Estimate ArrAtRisk);

/// <summary>
/// The theme impact's account bootstraps (<see cref="ThemeImpactAnalysis"/>) for all themes at once, with the draws of
/// <see cref="Bootstrap.Percentile"/> (replicate b draws <c>count</c> accounts with <see cref="DeterministicRandom.Create(ulong, ulong)"/>(seed, b)),
/// so every figure and interval is the one a per-theme <see cref="Bootstrap.Percentile"/> gives.
/// </summary>
/// <remarks>
/// Each statistic is a sum over the drawn accounts, so a resample is an account's multiplicity; totals over all accounts are
/// formed once per resample and each theme only subtracts its own raising accounts. The cost is one draw per account and
/// resample plus one term per raising account and resample, instead of one full draw per theme and statistic.
/// </remarks>
static class ThemeImpactBootstrap
{
    /// <param name="nAll">Scored responses per account.</param>
    /// <param name="netAll">Sum of net scores per account.</param>
    /// <param name="stratum">Segment × product-count stratum per account.</param>
    public static ThemeBootstrapValues[] Run(IReadOnlyList<ThemeAccounts> themes, double[] nAll, double[] netAll, bool[] churned, int[] stratum,
        double[] arr, int strataCount, ThemeImpactOptions options)
    {
        var count = nAll.Length;
        var replicates = options.Replicates;
        var nps = themes.Select(_ => new double[replicates]).ToArray();
        var excess = themes.Select(_ => new double[replicates]).ToArray();
        var atRisk = themes.Select(_ => new double[replicates]).ToArray();
        Parallel.For(0, replicates, () => new Workspace(count, strataCount), (b, _, w) =>
        {
            var rng = DeterministicRandom.Create(unchecked((ulong)options.Seed), (ulong)b);
            Array.Clear(w.Weight);
            for (var i = 0; i < count; i++) w.Weight[rng.Next(count)]++;
            var values = w.Evaluate(themes, nAll, netAll, churned, stratum, arr);
            for (var t = 0; t < themes.Count; t++) (nps[t][b], excess[t][b], atRisk[t][b]) = values[t];
            return w;
        }, _ => { });

        var identity = new Workspace(count, strataCount);
        Array.Fill(identity.Weight, 1);
        var point = identity.Evaluate(themes, nAll, netAll, churned, stratum, arr);
        return themes.Select((_, t) => new ThemeBootstrapValues(
            Summarise(point[t].Nps, nps[t], count, options), Summarise(point[t].Excess, excess[t], count, options),
            Summarise(point[t].ArrAtRisk, atRisk[t], count, options))).ToArray();
    }

    /// <summary>As <see cref="Bootstrap.Percentile"/> summarises: NaN resamples dropped, type-7 percentiles, SD of the replicates.</summary>
    static Estimate Summarise(double value, double[] replicates, int count, ThemeImpactOptions options)
    {
        var valid = replicates.Where(v => !double.IsNaN(v)).ToArray();
        var (lower, upper) = Bootstrap.PercentileInterval(valid, options.ConfidenceLevel);
        double? se = valid.Length >= 2 && valid.All(double.IsFinite) ? SampleSummary.Of(valid).StandardDeviation : null;
        return new Estimate(value, lower, upper, count, $"Percentile bootstrap, {replicates.Length} resamples (seed {options.Seed})", options.ConfidenceLevel)
            { StandardError = se };
    }

    /// <summary>One worker's buffers: account multiplicities and per-stratum sums.</summary>
    sealed class Workspace(int accounts, int strata)
    {
        public readonly int[] Weight = new int[accounts];
        readonly double[] _nAllStratum = new double[strata], _cAllStratum = new double[strata];
        readonly double[] _nR = new double[strata], _cR = new double[strata], _arrR = new double[strata];

        public (double Nps, double Excess, double ArrAtRisk)[] Evaluate(IReadOnlyList<ThemeAccounts> themes, double[] nAll, double[] netAll,
            bool[] churned, int[] stratum, double[] arr)
        {
            double na = 0, sa = 0;
            Array.Clear(_nAllStratum);
            Array.Clear(_cAllStratum);
            for (var a = 0; a < Weight.Length; a++)
            {
                var w = Weight[a];
                if (w == 0) continue;
                na += w * nAll[a];
                sa += w * netAll[a];
                _nAllStratum[stratum[a]] += w;
                if (churned[a]) _cAllStratum[stratum[a]] += w;
            }
            var result = new (double, double, double)[themes.Count];
            for (var t = 0; t < themes.Count; t++)
            {
                var theme = themes[t];
                double removedN = 0, removedNet = 0;
                Array.Clear(_nR);
                Array.Clear(_cR);
                Array.Clear(_arrR);
                var accounts = theme.Accounts;
                for (var k = 0; k < accounts.Length; k++)
                {
                    var a = accounts[k];
                    var w = Weight[a];
                    if (w == 0) continue;
                    removedN += w * theme.RemovedScored[k];
                    removedNet += w * theme.RemovedNet[k];
                    var s = stratum[a];
                    _nR[s] += w;
                    if (churned[a]) _cR[s] += w;
                    _arrR[s] += w * arr[a];
                }
                double nw = na - removedN, sw = sa - removedNet;
                var nps = na == 0 || nw == 0 ? double.NaN : 100 * (sa / na - sw / nw);
                result[t] = (nps, 0, 0);
                (result[t].Item2, result[t].Item3) = Stratified();
            }
            return result;
        }

        /// <summary>Σ_s w_s (p_raising,s − p_other,s) standardised to the raising accounts, and Σ_s (p_raising,s − p_other,s) × their ARR.</summary>
        (double Excess, double ArrAtRisk) Stratified()
        {
            double weight = 0, excess = 0, atRisk = 0;
            for (var s = 0; s < _nR.Length; s++)
            {
                var nO = _nAllStratum[s] - _nR[s];
                if (_nR[s] == 0 || nO == 0) continue;
                var d = _cR[s] / _nR[s] - (_cAllStratum[s] - _cR[s]) / nO;
                weight += _nR[s];
                excess += _nR[s] * d;
                atRisk += _arrR[s] * d;
            }
            return weight == 0 ? (double.NaN, double.NaN) : (excess / weight, atRisk);
        }
    }
}
