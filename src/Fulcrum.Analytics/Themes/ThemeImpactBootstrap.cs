using Fulcrum.Analytics.Linkage;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Themes;

/// <summary>One theme's accounts for the impact bootstrap: the raising accounts and, per account, the scored responses that raise it.</summary>
/// <param name="Accounts">Raising accounts, each once.</param>
/// <param name="RemovedScored">Per raising account: its scored responses that raise the theme (left out of "the score without the theme").</param>
/// <param name="RemovedScoreSum">Per raising account: the sum of their values (<see cref="ThemeScoreMetric.ValueSql"/>: +1 promoter, −1 detractor for NPS; the answer for CSAT and CES).</param>
sealed record ThemeAccounts(int[] Accounts, double[] RemovedScored, double[] RemovedScoreSum);

/// <summary>Every theme's bootstrap values: score impact (NPS, CSAT or CES), stratified excess churn and excess churned ARR.</summary>
sealed record ThemeBootstrapValues(Estimate ScoreImpact, Estimate ExcessChurn, Estimate ArrAtRisk);

/// <summary>
/// The theme impact's account bootstraps (<see cref="ThemeImpactAnalysis"/>) for all themes at once, with the draws of
/// <see cref="Bootstrap.Percentile"/> (replicate b draws <c>count</c> accounts with <see cref="DeterministicRandom.Create(ulong, ulong)"/>(seed, b)),
/// so every figure and interval is the one a per-theme <see cref="Bootstrap.Percentile"/> gives.
/// </summary>
/// <remarks>
/// Each statistic is a sum over the drawn accounts, so a resample is an account's multiplicity. A resample visits each drawn
/// account once and adds it to the totals over all accounts and to the sums of every theme it raised (its row of
/// <see cref="RaisedByAccount"/>), all of them small per-theme × stratum tables: one draw per account and one term per
/// raising account and resample, read in account order rather than gathered theme by theme from account-sized arrays.
/// Replicates go in batches (<see cref="ReplicateBatch"/>), one vector lane each, so the rows are read once per batch.
/// Every sum adds the same terms in the same (account) order as one bootstrap per theme, so the figures are identical.
/// </remarks>
static class ThemeImpactBootstrap
{
    /// <param name="nAll">Scored responses per account.</param>
    /// <param name="scoreSumAll">Sum of the score values per account.</param>
    /// <param name="scale">What turns a mean of the values into the metric: 100 for NPS, 1 for a mean score.</param>
    /// <param name="stratum">Segment × product-count stratum per account.</param>
    public static ThemeBootstrapValues[] Run(IReadOnlyList<ThemeAccounts> themes, double[] nAll, double[] scoreSumAll, bool[] churned, int[] stratum,
        double[] arr, int strataCount, double scale, ThemeImpactOptions options)
    {
        var count = nAll.Length;
        var replicates = options.Replicates;
        var raised = RaisedByAccount.Of(themes, count);
        var score = themes.Select(_ => new double[replicates]).ToArray();
        var excess = themes.Select(_ => new double[replicates]).ToArray();
        var atRisk = themes.Select(_ => new double[replicates]).ToArray();
        var size = ReplicateBatch.Size;
        Parallel.For(0, (replicates + size - 1) / size, () => (Draws: new ReplicateBatch(count), Sums: new Workspace(themes.Count, strataCount)), (b, _, w) =>
        {
            var (first, drawn) = (b * size, Math.Min(size, replicates - b * size));
            w.Draws.Draw(unchecked((ulong)options.Seed), first, drawn);
            w.Sums.Evaluate(w.Draws, raised, nAll, scoreSumAll, churned, stratum, arr);
            for (var k = 0; k < drawn; k++)
                for (var t = 0; t < themes.Count; t++) {
                    var (difference, excessChurn, arrAtRisk) = w.Sums.Theme(t, k);
                    (score[t][first + k], excess[t][first + k], atRisk[t][first + k]) = (scale * difference, excessChurn, arrAtRisk);
                }
            return w;
        }, _ => { });

        var identity = new Workspace(themes.Count, strataCount);
        identity.Evaluate(ReplicateBatch.Single(count, null), raised, nAll, scoreSumAll, churned, stratum, arr);
        return themes.Select((_, t) =>
        {
            var point = identity.Theme(t, 0);
            return new ThemeBootstrapValues(Summarise(scale * point.Score, score[t], count, options), Summarise(point.Excess, excess[t], count, options),
                Summarise(point.ArrAtRisk, atRisk[t], count, options));
        }).ToArray();
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

    /// <summary>The themes' raising accounts turned around: per account (rows <c>Start[a]..Start[a+1]</c>) each theme it raised and what that theme removes from its score.</summary>
    sealed class RaisedByAccount
    {
        public required int[] Start { get; init; }
        public required int[] Theme { get; init; }
        public required double[] RemovedScored { get; init; }
        public required double[] RemovedScoreSum { get; init; }

        public static RaisedByAccount Of(IReadOnlyList<ThemeAccounts> themes, int accounts)
        {
            var start = new int[accounts + 1];
            foreach (var theme in themes)
                foreach (var a in theme.Accounts) start[a + 1]++;
            for (var a = 0; a < accounts; a++) start[a + 1] += start[a];
            var next = (int[])start.Clone();
            var rows = start[accounts];
            var (themeOf, scored, net) = (new int[rows], new double[rows], new double[rows]);
            for (var t = 0; t < themes.Count; t++)
                for (var k = 0; k < themes[t].Accounts.Length; k++)
                {
                    var row = next[themes[t].Accounts[k]]++;
                    (themeOf[row], scored[row], net[row]) = (t, themes[t].RemovedScored[k], themes[t].RemovedScoreSum[k]);
                }
            return new RaisedByAccount { Start = start, Theme = themeOf, RemovedScored = scored, RemovedScoreSum = net };
        }
    }

    /// <summary>
    /// One worker's sums for a batch of replicates (<see cref="ReplicateBatch"/>; replicate k of table entry i at i · Size + k):
    /// totals over all accounts, and per theme (× stratum) the raising accounts' sums.
    /// </summary>
    sealed class Workspace(int themes, int strata)
    {
        static readonly int K = ReplicateBatch.Size;
        BatchValues _na, _sa;
        readonly double[] _nAllStratum = new double[strata * K], _cAllStratum = new double[strata * K];
        readonly double[] _removedN = new double[themes * K], _removedScoreSum = new double[themes * K];
        readonly double[] _nR = new double[themes * strata * K], _cR = new double[themes * strata * K], _arrR = new double[themes * strata * K];

        /// <summary>Adds every drawn account, with its multiplicity in each replicate, to the totals and to the sums of each theme it raised.</summary>
        public void Evaluate(ReplicateBatch draws, RaisedByAccount raised, double[] nAll, double[] scoreSumAll, bool[] churned, int[] stratum, double[] arr)
        {
            BatchValues na = BatchValues.Zero, sa = BatchValues.Zero;
            foreach (var table in new[] { _nAllStratum, _cAllStratum, _removedN, _removedScoreSum, _nR, _cR, _arrR }) Array.Clear(table);
            var (start, themeOf, scored, net) = (raised.Start, raised.Theme, raised.RemovedScored, raised.RemovedScoreSum);
            for (var a = 0; a < nAll.Length; a++)
            {
                if (!draws.TryWeightsOf(a, out var w)) continue;
                na += w * nAll[a];
                sa += w * scoreSumAll[a];
                var s = stratum[a];
                ReplicateBatch.Add(_nAllStratum, s * K, w);
                // A non-churned account adds 0 to the churned sums, exactly as skipping it would.
                var (churnedWeight, weightedArr) = (churned[a] ? w : BatchValues.Zero, w * arr[a]);
                ReplicateBatch.Add(_cAllStratum, s * K, churnedWeight);
                for (var k = start[a]; k < start[a + 1]; k++)
                {
                    var t = themeOf[k];
                    ReplicateBatch.AddScaled(_removedN, t * K, w, scored[k]);
                    ReplicateBatch.AddScaled(_removedScoreSum, t * K, w, net[k]);
                    var cell = (t * strata + s) * K;
                    ReplicateBatch.Add(_nR, cell, w);
                    ReplicateBatch.Add(_cR, cell, churnedWeight);
                    ReplicateBatch.Add(_arrR, cell, weightedArr);
                }
            }
            (_na, _sa) = (na, sa);
        }

        /// <summary>Theme <paramref name="t"/>'s score impact before scaling (the difference of mean values), stratified excess churn and excess churned ARR in replicate <paramref name="slot"/> of the last evaluated batch.</summary>
        public (double Score, double Excess, double ArrAtRisk) Theme(int t, int slot)
        {
            var (na, sa) = (_na[slot], _sa[slot]);
            double nw = na - _removedN[t * K + slot], sw = sa - _removedScoreSum[t * K + slot];
            var score = na == 0 || nw == 0 ? double.NaN : sa / na - sw / nw;
            var (excess, atRisk) = Stratified(t * strata, slot);
            return (score, excess, atRisk);
        }

        /// <summary>Σ_s w_s (p_raising,s − p_other,s) standardised to the raising accounts, and Σ_s (p_raising,s − p_other,s) × their ARR.</summary>
        (double Excess, double ArrAtRisk) Stratified(int offset, int slot)
        {
            double weight = 0, excess = 0, atRisk = 0;
            for (var s = 0; s < strata; s++)
            {
                var at = (offset + s) * K + slot;
                var (nR, cR, arrR) = (_nR[at], _cR[at], _arrR[at]);
                var nO = _nAllStratum[s * K + slot] - nR;
                if (nR == 0 || nO == 0) continue;
                var d = cR / nR - (_cAllStratum[s * K + slot] - cR) / nO;
                weight += nR;
                excess += nR * d;
                atRisk += arrR * d;
            }
            return weight == 0 ? (double.NaN, double.NaN) : (excess / weight, atRisk);
        }
    }
}
