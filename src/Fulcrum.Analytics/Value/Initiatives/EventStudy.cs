using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Value.Initiatives;

/// <summary>Observations of one outcome: account and quarter index, value, products held; when <paramref name="Count"/> is
/// given each row is the mean of that many observations (see <see cref="Collapse"/>).</summary>
public sealed record OutcomeObservations(int[] Account, int[] Quarter, double[] Y, int[] Products, double[]? Count = null)
{
    public double CountOf(int i) => Count?[i] ?? 1;

    /// <summary>The rows whose value is known (not NaN), and how many were left out: an unknown value is absent, never 0.</summary>
    public (OutcomeObservations Known, int LeftOut) WithoutUnknown()
    {
        var keep = Enumerable.Range(0, Y.Length).Where(i => !double.IsNaN(Y[i])).ToArray();
        if (keep.Length == Y.Length) return (this, 0);
        return (new OutcomeObservations(keep.Select(i => Account[i]).ToArray(), keep.Select(i => Quarter[i]).ToArray(), keep.Select(i => Y[i]).ToArray(),
            keep.Select(i => Products[i]).ToArray(), Count is null ? null : keep.Select(i => Count[i]).ToArray()), Y.Length - keep.Length);
    }

    /// <summary>
    /// One row per account, quarter and products held, with the mean outcome and the number of observations. Every regressor
    /// is constant within such a cell, so weighted least squares on the cell means (weight × count) gives exactly the
    /// coefficients and cluster scores of the raw rows, with far fewer rows (several answers per account and quarter).
    /// </summary>
    public OutcomeObservations Collapse()
    {
        var cells = new Dictionary<(int, int, int), int>();
        var account = new List<int>();
        var quarter = new List<int>();
        var products = new List<int>();
        var sum = new List<double>();
        var count = new List<double>();
        for (var i = 0; i < Account.Length; i++)
        {
            var key = (Account[i], Quarter[i], Products[i]);
            if (!cells.TryGetValue(key, out var c))
            {
                cells[key] = c = account.Count;
                account.Add(Account[i]); quarter.Add(Quarter[i]); products.Add(Products[i]); sum.Add(0); count.Add(0);
            }
            sum[c] += CountOf(i) * Y[i];
            count[c] += CountOf(i);
        }
        return new OutcomeObservations([.. account], [.. quarter], sum.Select((s, i) => s / count[i]).ToArray(), [.. products], [.. count]);
    }
}

/// <summary>How the counterfactual is formed.</summary>
public enum ImpactDesign
{
    /// <summary>Difference-in-differences against matched untreated accounts, as an event study (quarter fixed effects).</summary>
    DifferenceInDifferences,
    /// <summary>Interrupted time series on the treated accounts alone: their own pre-period trend, extrapolated.</summary>
    InterruptedTimeSeries,
}

/// <summary>The effect in one quarter relative to the start (0 = the quarter it started in; negative = leads).</summary>
public sealed record EventEffect(int QuartersSinceStart, string Quarter, Estimate Effect, long TreatedObservations);

/// <summary>The joint test that the leads are zero (treated and controls moved in parallel before the start).</summary>
public sealed record PreTrendCheck(double WaldStatistic, int DegreesOfFreedom, double PValue, string Verdict);

/// <summary>The same estimator with a fake start date before the real one, on pre-period data only: should find nothing.</summary>
public sealed record PlaceboTest(string FakeStart, Estimate Effect, double PValue, string Verdict);

/// <summary>
/// One event-study regression: the outcome on quarter fixed effects (or, for an interrupted time series, a linear trend),
/// dummies for each quarter since the start for treated accounts (leads before it, lags from it), products held, and
/// absorbed account (or stratum × group) fixed effects, weighted by the matching weights, with account-clustered errors.
/// </summary>
public sealed class EventStudy
{
    public const int MaxLead = 4;

    EventStudy(LeastSquaresFit fit, List<(int K, string Name, long Treated)> lags, List<(int K, string Name)> leads, ImpactDesign design)
    {
        Fit = fit;
        Lags = lags;
        Leads = leads;
        Design = design;
    }

    public LeastSquaresFit Fit { get; }
    public IReadOnlyList<(int K, string Name, long Treated)> Lags { get; }
    public IReadOnlyList<(int K, string Name)> Leads { get; }
    public ImpactDesign Design { get; }

    /// <param name="absorbAccount">True: account fixed effects. False: matching stratum × treated-group effects (for outcomes
    /// such as churn that end an account's panel, where account effects would be mechanical).</param>
    /// <param name="leads">False when the outcome cannot differ before the start by construction (churn of accounts that were all customers just before it).</param>
    public static EventStudy? Run(OutcomeObservations obs, MatchedSample sample, int start, ImpactDesign design, bool absorbAccount, bool leads = true)
    {
        var rows = Rows(obs, sample, design).ToList();
        if (rows.Count == 0 || !rows.Any(i => sample.Treated[obs.Account[i]] && obs.Quarter[i] >= start)) return null;
        var design0 = new DesignBuilder(rows.Count);
        var firstQuarter = rows.Min(i => obs.Quarter[i]);
        var lags = new SortedDictionary<int, long>();
        var leadNames = new SortedSet<int>();
        for (var r = 0; r < rows.Count; r++)
        {
            var i = rows[r];
            var q = obs.Quarter[i];
            if (design == ImpactDesign.DifferenceInDifferences) { if (q != firstQuarter) design0.Set($"q{q}", r, 1); }
            else design0.Set("trend", r, q);
            if (sample.Treated[obs.Account[i]])
            {
                var k = q - start;
                if (k >= 0) { design0.Set(LagName(k), r, 1); lags[k] = lags.GetValueOrDefault(k) + (long)obs.CountOf(i); }
                else if (leads && design == ImpactDesign.DifferenceInDifferences && k <= -2)
                {
                    var lead = Math.Max(k, -MaxLead);
                    design0.Set(LeadName(lead), r, 1);
                    leadNames.Add(lead);
                }
            }
            AddProducts(design0, r, obs.Products[i], sample.SizeBand[obs.Account[i]]);
        }
        var fit = design0.Fit(rows, obs, sample, absorbAccount);
        return new EventStudy(fit, lags.Select(l => (l.Key, LagName(l.Key), l.Value)).ToList(), leadNames.Select(k => (k, LeadName(k))).ToList(), design);
    }

    /// <summary>The same design on pre-period data with a fake start <paramref name="fakeStart"/>: a single treated-after dummy.</summary>
    public static (Estimate Effect, double PValue)? Placebo(OutcomeObservations obs, MatchedSample sample, int start, int fakeStart, ImpactDesign design, bool absorbAccount)
    {
        var rows = Rows(obs, sample, design).Where(i => obs.Quarter[i] < start).ToList();
        if (!rows.Any(i => sample.Treated[obs.Account[i]] && obs.Quarter[i] >= fakeStart) || !rows.Any(i => sample.Treated[obs.Account[i]] && obs.Quarter[i] < fakeStart))
            return null;
        var builder = new DesignBuilder(rows.Count);
        var firstQuarter = rows.Min(i => obs.Quarter[i]);
        for (var r = 0; r < rows.Count; r++)
        {
            var i = rows[r];
            var q = obs.Quarter[i];
            if (design == ImpactDesign.DifferenceInDifferences) { if (q != firstQuarter) builder.Set($"q{q}", r, 1); }
            else builder.Set("trend", r, q);
            if (sample.Treated[obs.Account[i]] && q >= fakeStart) builder.Set("placebo", r, 1);
            AddProducts(builder, r, obs.Products[i], sample.SizeBand[obs.Account[i]]);
        }
        var fit = builder.Fit(rows, obs, sample, absorbAccount);
        if (!fit.IsEstimated("placebo")) return null;
        var estimate = fit.Coefficient("placebo", "Placebo: the same estimator with a fake start, on pre-period data only; cluster-robust (account) t interval");
        return (estimate, fit.PValue(estimate));
    }

    static IEnumerable<int> Rows(OutcomeObservations obs, MatchedSample sample, ImpactDesign design)
    {
        for (var i = 0; i < obs.Account.Length; i++)
        {
            var a = obs.Account[i];
            if (sample.Weight[a] > 0 && (design == ImpactDesign.DifferenceInDifferences || sample.Treated[a])) yield return i;
        }
    }

    static void AddProducts(DesignBuilder design, int r, int products, int sizeBand)
    {
        // Products held at the time: a time-varying state that moves NPS and tickets, and that the initiatives do not change.
        // Its effect scales with the account's size (a second product adds tickets in proportion to the base load), hence per size band.
        if (products == 2) design.Set($"products=2|size{sizeBand}", r, 1);
        else if (products >= 3) design.Set($"products>=3|size{sizeBand}", r, 1);
    }

    public static string LagName(int k) => $"lag{k}";
    public static string LeadName(int k) => k <= -MaxLead ? $"lead<={k}" : $"lead{k}";

    sealed class DesignBuilder(int rows)
    {
        readonly Dictionary<string, double[]> _columns = new(StringComparer.Ordinal);
        readonly List<string> _order = [];

        public void Set(string name, int row, double value)
        {
            if (value == 0) return;
            if (!_columns.TryGetValue(name, out var column))
            {
                column = new double[rows];
                _columns[name] = column;
                _order.Add(name);
            }
            column[row] = value;
        }

        public LeastSquaresFit Fit(List<int> rowIndex, OutcomeObservations obs, MatchedSample sample, bool absorbAccount)
        {
            // Treatment dummies first, so that when a column must be dropped it is a nuisance one.
            var names = _order.OrderBy(n => n.StartsWith("lag", StringComparison.Ordinal) || n.StartsWith("lead", StringComparison.Ordinal) || n == "placebo" ? 0 : 1).ToList();
            var y = new double[rowIndex.Count];
            var weights = new double[rowIndex.Count];
            var cluster = new int[rowIndex.Count];
            var absorb = new int[rowIndex.Count];
            var clusterIds = new Dictionary<int, int>();
            var absorbIds = new Dictionary<int, int>();
            long observations = 0;
            for (var r = 0; r < rowIndex.Count; r++)
            {
                var i = rowIndex[r];
                var a = obs.Account[i];
                y[r] = obs.Y[i];
                weights[r] = (sample.Weight[a] > 0 ? sample.Weight[a] : 1) * obs.CountOf(i);
                observations += (long)obs.CountOf(i);
                cluster[r] = Dense(clusterIds, a);
                absorb[r] = Dense(absorbIds, absorbAccount ? a : sample.Stratum[a] * 2 + (sample.Treated[a] ? 1 : 0));
            }
            // The columns were built for this one fit: demeaned in place rather than copied.
            return ClusteredLeastSquares.Fit(y, names.Select(n => _columns[n]).ToList(), names, cluster, absorb, weights, observations, demeanInPlace: true);
        }

        static int Dense(Dictionary<int, int> ids, int key)
        {
            if (!ids.TryGetValue(key, out var id)) ids[key] = id = ids.Count;
            return id;
        }
    }
}
