namespace Fulcrum.Core.Statistics;

/// <summary>
/// The result of <see cref="ClusteredLeastSquares.Fit"/>: coefficients (NaN for a column dropped as collinear or empty),
/// their cluster-robust covariance, and what the fit was based on.
/// </summary>
public sealed record LeastSquaresFit(
    IReadOnlyList<string> Names, double[] Coefficients, double[,] Covariance, long N, int Clusters, int AbsorbedGroups, int Rank)
{
    /// <summary>Degrees of freedom for t intervals: clusters − 1 (Cameron &amp; Miller 2015).</summary>
    public int DegreesOfFreedom => Math.Max(1, Clusters - 1);

    public int IndexOf(string name)
    {
        for (var i = 0; i < Names.Count; i++)
            if (Names[i] == name) return i;
        throw new KeyNotFoundException($"No coefficient named '{name}'.");
    }

    public bool IsEstimated(string name) => !double.IsNaN(Coefficients[IndexOf(name)]);

    /// <summary>Σ cᵢβᵢ with its cluster-robust variance c'Vc, as an <see cref="Estimate"/> with a t interval on clusters − 1 df.</summary>
    public Estimate Combination(IReadOnlyDictionary<string, double> weights, string method, double confidenceLevel = 0.95)
    {
        var c = new double[Names.Count];
        foreach (var (name, w) in weights) c[IndexOf(name)] = w;
        return Combination(c, method, confidenceLevel);
    }

    public Estimate Combination(double[] c, string method, double confidenceLevel = 0.95)
    {
        double value = 0, variance = 0;
        for (var i = 0; i < c.Length; i++)
        {
            if (c[i] == 0) continue;
            if (double.IsNaN(Coefficients[i])) return Estimate.Undefined(N, method + "; a coefficient it needs could not be estimated", confidenceLevel);
            value += c[i] * Coefficients[i];
            for (var j = 0; j < c.Length; j++)
                if (c[j] != 0) variance += c[i] * Covariance[i, j] * c[j];
        }
        var se = Math.Sqrt(Math.Max(0, variance));
        var t = Distributions.TCritical(confidenceLevel, DegreesOfFreedom);
        return new Estimate(value, value - t * se, value + t * se, N, method, confidenceLevel) { StandardError = se };
    }

    public Estimate Coefficient(string name, string method, double confidenceLevel = 0.95) =>
        Combination(new Dictionary<string, double> { [name] = 1 }, method, confidenceLevel);

    /// <summary>Two-sided p-value of the t test that Σ cᵢβᵢ = 0.</summary>
    public double PValue(Estimate combination) =>
        combination.StandardError is { } se && se > 0 ? Distributions.TwoSidedTP(combination.Value / se, DegreesOfFreedom) : double.NaN;

    /// <summary>
    /// Wald test that the named coefficients are jointly zero: W = β'V⁻¹β, compared with χ² on their number of degrees of
    /// freedom (large-cluster approximation). Returns (W, df, p); p is NaN when none of them was estimated.
    /// </summary>
    public (double Statistic, int DegreesOfFreedom, double PValue) JointWald(IEnumerable<string> names)
    {
        var index = names.Select(IndexOf).Where(i => !double.IsNaN(Coefficients[i])).ToArray();
        if (index.Length == 0) return (double.NaN, 0, double.NaN);
        var v = new double[index.Length, index.Length];
        for (var a = 0; a < index.Length; a++)
            for (var b = 0; b < index.Length; b++) v[a, b] = Covariance[index[a], index[b]];
        var inverse = SymmetricMatrix.Invert(v, out var kept);
        double w = 0;
        for (var a = 0; a < index.Length; a++)
            for (var b = 0; b < index.Length; b++)
                if (kept[a] && kept[b]) w += Coefficients[index[a]] * inverse[a, b] * Coefficients[index[b]];
        var df = kept.Count(k => k);
        return (w, df, df == 0 ? double.NaN : 1 - MathNet.Numerics.Distributions.ChiSquared.CDF(df, w));
    }
}

/// <summary>
/// Weighted least squares with fixed effects absorbed and cluster-robust (CR1) standard errors — the estimator behind
/// difference-in-differences and event studies.
/// </summary>
/// <remarks>
/// <b>Method.</b> Fixed effects for <c>absorb</c> groups are removed by the within transformation (subtracting each
/// group's weighted mean from y and every column), which by Frisch–Waugh–Lovell gives the same coefficients as adding one
/// dummy per group. β = (X̃'WX̃)⁻¹X̃'Wỹ. Covariance: V = (X̃'WX̃)⁻¹ [Σ_g (Σ_{i∈g} wᵢx̃ᵢeᵢ)(…)'] (X̃'WX̃)⁻¹ ·
/// G/(G−1) · (N−1)/(N−K), with K = the estimated columns plus the absorbed groups (plus an intercept when nothing is
/// absorbed) — exactly what statsmodels' WLS with the group dummies and <c>cov_type="cluster"</c> reports. Columns that are
/// empty or collinear with earlier ones (pivot below 1e-9 of their own sum of squares) are dropped and get NaN.
/// <b>Assumptions.</b> Errors independent between clusters, arbitrarily correlated within; many clusters.
/// <b>Reference.</b> Cameron A.C., Miller D.L. (2015) "A Practitioner's Guide to Cluster-Robust Inference", J. Human
/// Resources 50:317–372; checked against statsmodels (tests/Fulcrum.Core.Tests/Reference/did_reference.py).
/// </remarks>
public static class ClusteredLeastSquares
{
    /// <param name="y">Outcome, one value per observation.</param>
    /// <param name="columns">Regressors, one array per column, each as long as <paramref name="y"/>.</param>
    /// <param name="names">A name per column.</param>
    /// <param name="cluster">Cluster id per observation (e.g. account), 0-based dense ids.</param>
    /// <param name="absorb">Fixed-effect group per observation (0-based dense ids), or null for an intercept only.</param>
    /// <param name="weights">Observation weights (positive), or null for 1.</param>
    /// <param name="observations">The number of underlying observations when rows are cell means of several (weights then
    /// include the cell sizes): the coefficients and cluster scores of cell means are exactly those of the raw rows, and
    /// this count keeps the small-sample factor (N−1)/(N−K) and the reported N those of the raw rows. Null: one per row.</param>
    /// <param name="demeanInPlace">True when the caller has no further use for <paramref name="columns"/>: they are demeaned
    /// where they are instead of into copies, which halves the memory of a fit with many rows and columns (same results).</param>
    public static LeastSquaresFit Fit(double[] y, IReadOnlyList<double[]> columns, IReadOnlyList<string> names, int[] cluster, int[]? absorb = null, double[]? weights = null,
        long? observations = null, bool demeanInPlace = false)
    {
        var n = y.Length;
        var p = columns.Count;
        if (names.Count != p) throw new ArgumentException("One name per column is needed.", nameof(names));
        if (cluster.Length != n || columns.Any(c => c.Length != n) || (absorb is not null && absorb.Length != n) || (weights is not null && weights.Length != n))
            throw new ArgumentException("Every column, the clusters, the groups and the weights need one value per observation.");
        if (weights is not null && weights.Any(w => !(w > 0)))
            throw new ArgumentException("Weights must be positive.", nameof(weights));

        // Within transformation (or centring, which is the same as an intercept).
        var groups = absorb ?? new int[n];
        var groupCount = n == 0 ? 0 : groups.Max() + 1;
        var yt = Demean(y, groups, groupCount, weights);
        var xt = columns.Select(c => Demean(c, groups, groupCount, weights, demeanInPlace ? c : null)).ToArray();
        var absorbed = absorb is null ? 1 : CountUsed(groups, groupCount);

        var (xtx, xty) = CrossProducts(xt, yt, weights);
        var bread = SymmetricMatrix.Invert(xtx, out var kept);
        var beta = new double[p];
        for (var a = 0; a < p; a++)
        {
            if (!kept[a]) { beta[a] = double.NaN; continue; }
            double s = 0;
            for (var b = 0; b < p; b++) if (kept[b]) s += bread[a, b] * xty[b];
            beta[a] = s;
        }

        // Scores per cluster.
        var clusterCount = n == 0 ? 0 : cluster.Max() + 1;
        var scores = ClusterScores(xt, yt, weights, beta, kept, cluster, clusterCount);
        var present = new bool[clusterCount];
        foreach (var g in cluster) present[g] = true;
        var meat = new double[p, p];
        var used = 0;
        var row = new double[p];
        for (var g = 0; g < clusterCount; g++)
        {
            if (!present[g]) continue;
            for (var a = 0; a < p; a++) row[a] = scores[g * p + a];
            used++;
            for (var a = 0; a < p; a++)
                for (var b = 0; b < p; b++) meat[a, b] += row[a] * row[b];
        }
        var rank = kept.Count(k => k);
        var k = rank + absorbed;
        var count = observations ?? n;
        var correction = used > 1 && count > k ? (double)used / (used - 1) * (count - 1.0) / (count - k) : double.NaN;
        var covariance = new double[p, p];
        for (var a = 0; a < p; a++)
            for (var b = 0; b < p; b++)
            {
                if (!kept[a] || !kept[b]) { covariance[a, b] = double.NaN; continue; }
                double s = 0;
                for (var c = 0; c < p; c++)
                {
                    if (!kept[c] || bread[a, c] == 0) continue;
                    for (var d = 0; d < p; d++) if (kept[d]) s += bread[a, c] * meat[c, d] * bread[d, b];
                }
                covariance[a, b] = s * correction;
            }
        return new LeastSquaresFit(names.ToArray(), beta, covariance, count, used, absorbed, rank);
    }

    static double W(double[]? weights, int i) => weights is null ? 1 : weights[i];

    /// <summary>
    /// Σ over each cluster's observations of x_a·w·e (e = y − Σ_a x_a·β_a over the kept columns, in column order), cluster-major
    /// (<c>[g · p + a]</c>). Taken a block of observations at a time and a column at a time within it, so each loop runs over
    /// one array; every residual and every score still adds its terms in the same order as one observation at a time, so the
    /// results are the same to the bit.
    /// </summary>
    static double[] ClusterScores(double[][] xt, double[] yt, double[]? weights, double[] beta, bool[] kept, int[] cluster, int clusterCount)
    {
        var p = xt.Length;
        var n = yt.Length;
        var scores = new double[clusterCount * p];
        var weighted = new double[Math.Min(n, ObservationsPerBlock)];
        for (var start = 0; start < n; start += ObservationsPerBlock)
        {
            var length = Math.Min(n, start + ObservationsPerBlock) - start;
            var residual = weighted.AsSpan(0, length);
            yt.AsSpan(start, length).CopyTo(residual);
            for (var a = 0; a < p; a++)
            {
                if (!kept[a]) continue;
                var column = xt[a].AsSpan(start, length);
                var b = beta[a];
                for (var i = 0; i < residual.Length; i++) residual[i] -= column[i] * b;
            }
            if (weights is not null)
            {
                var w = weights.AsSpan(start, length);
                for (var i = 0; i < residual.Length; i++) residual[i] = w[i] * residual[i];
            }
            var clusters = cluster.AsSpan(start, length);
            for (var a = 0; a < p; a++)
            {
                if (!kept[a]) continue;
                var column = xt[a].AsSpan(start, length);
                for (var i = 0; i < residual.Length; i++) scores[clusters[i] * p + a] += column[i] * residual[i];
            }
        }
        return scores;
    }

    /// <summary>Observations per block of <see cref="CrossProducts"/>: every column's block stays in cache while all pairs use it.</summary>
    const int ObservationsPerBlock = 2048;

    /// <summary>
    /// X'WX and X'Wy. Every sum runs over the observations in order, as one pass per pair would, so the results are the same to
    /// the last bit; but the observations are taken a block at a time for all pairs, so each column is read from memory once
    /// rather than once per pair (at hundreds of thousands of rows and dozens of columns the pairwise passes were memory-bound).
    /// </summary>
    static (double[,] Xtx, double[] Xty) CrossProducts(double[][] x, double[] y, double[]? weights)
    {
        var p = x.Length;
        var n = y.Length;
        var xtx = new double[p, p];
        var xty = new double[p];
        for (var start = 0; start < n; start += ObservationsPerBlock)
        {
            var end = Math.Min(n, start + ObservationsPerBlock);
            for (var a = 0; a < p; a++)
            {
                var xa = x[a];
                xty[a] = WeightedDot(xty[a], weights, xa, y, start, end);
                var b = 0;
                for (; b + 4 <= a + 1; b += 4)
                    (xtx[a, b], xtx[a, b + 1], xtx[a, b + 2], xtx[a, b + 3]) = WeightedDots(
                        (xtx[a, b], xtx[a, b + 1], xtx[a, b + 2], xtx[a, b + 3]), weights, xa, (x[b], x[b + 1], x[b + 2], x[b + 3]), start, end);
                for (; b <= a; b++) xtx[a, b] = WeightedDot(xtx[a, b], weights, xa, x[b], start, end);
            }
        }

        for (var a = 0; a < p; a++)
            for (var b = 0; b < a; b++) xtx[b, a] = xtx[a, b];
        return (xtx, xty);
    }

    /// <summary>
    /// Four <see cref="WeightedDot"/>s of one column with four others in one pass: four independent chains of additions, each in
    /// order, so the processor overlaps them (one chain waits on each addition) and the sums are the same as one at a time.
    /// </summary>
    static (double, double, double, double) WeightedDots((double, double, double, double) sums, double[]? weights, double[] a,
        (double[], double[], double[], double[]) b, int start, int end)
    {
        var (s0, s1, s2, s3) = sums;
        var (b0, b1, b2, b3) = b;
        for (var i = start; i < end; i++)
        {
            var wa = weights is null ? a[i] : weights[i] * a[i];
            s0 += wa * b0[i];
            s1 += wa * b1[i];
            s2 += wa * b2[i];
            s3 += wa * b3[i];
        }
        return (s0, s1, s2, s3);
    }

    /// <summary>sum + Σ w_i·a_i·b_i over [start, end), in order; w·a·b is (w·a)·b and 1·a is a, as in <see cref="W"/>.</summary>
    static double WeightedDot(double sum, double[]? weights, double[] a, double[] b, int start, int end)
    {
        if (weights is null)
        {
            for (var i = start; i < end; i++) sum += a[i] * b[i];
        }
        else
        {
            for (var i = start; i < end; i++) sum += weights[i] * a[i] * b[i];
        }
        return sum;
    }

    static int CountUsed(int[] groups, int groupCount)
    {
        var seen = new bool[groupCount];
        var count = 0;
        foreach (var g in groups) if (!seen[g]) { seen[g] = true; count++; }
        return count;
    }

    /// <param name="into">Where the demeaned values go (may be <paramref name="x"/> itself); null: a new array.</param>
    static double[] Demean(double[] x, int[] groups, int groupCount, double[]? weights, double[]? into = null)
    {
        var sum = new double[groupCount];
        var total = new double[groupCount];
        for (var i = 0; i < x.Length; i++)
        {
            var w = W(weights, i);
            sum[groups[i]] += w * x[i];
            total[groups[i]] += w;
        }
        var result = into ?? new double[x.Length];
        for (var i = 0; i < x.Length; i++) result[i] = x[i] - sum[groups[i]] / total[groups[i]];
        return result;
    }
}

/// <summary>Inverse of a symmetric positive semi-definite matrix by Cholesky, dropping columns that are (nearly) linear in earlier ones.</summary>
public static class SymmetricMatrix
{
    /// <param name="kept">False for a dropped column; its row and column of the result are 0.</param>
    public static double[,] Invert(double[,] a, out bool[] kept, double tolerance = 1e-9)
    {
        var p = a.GetLength(0);
        kept = new bool[p];
        var l = new double[p, p];
        for (var j = 0; j < p; j++)
        {
            var d = a[j, j];
            for (var k = 0; k < j; k++) if (kept[k]) d -= l[j, k] * l[j, k];
            if (!(a[j, j] > 0) || d <= tolerance * a[j, j]) continue;
            kept[j] = true;
            l[j, j] = Math.Sqrt(d);
            for (var i = j + 1; i < p; i++)
            {
                var s = a[i, j];
                for (var k = 0; k < j; k++) if (kept[k]) s -= l[i, k] * l[j, k];
                l[i, j] = s / l[j, j];
            }
        }
        // Invert L (lower triangular, kept rows/columns only), then A⁻¹ = L⁻ᵀL⁻¹.
        var linv = new double[p, p];
        for (var j = 0; j < p; j++)
        {
            if (!kept[j]) continue;
            linv[j, j] = 1 / l[j, j];
            for (var i = j + 1; i < p; i++)
            {
                if (!kept[i]) continue;
                double s = 0;
                for (var k = j; k < i; k++) if (kept[k]) s -= l[i, k] * linv[k, j];
                linv[i, j] = s / l[i, i];
            }
        }
        var inverse = new double[p, p];
        for (var i = 0; i < p; i++)
        {
            if (!kept[i]) continue;
            for (var j = 0; j <= i; j++)
            {
                if (!kept[j]) continue;
                double s = 0;
                for (var k = i; k < p; k++) if (kept[k]) s += linv[k, i] * linv[k, j];
                inverse[i, j] = inverse[j, i] = s;
            }
        }
        return inverse;
    }
}
