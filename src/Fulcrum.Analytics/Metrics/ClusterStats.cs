using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Metrics;

/// <summary>
/// Per-account moments of a group, additive over groups: K accounts, and over accounts a with n_a responses and
/// score sum S_a: Σ S_a², Σ S_a·n_a, Σ n_a² and Σ S_a²/n_a. They give standard errors that respect that answers
/// from one account are correlated, which response-level formulas ignore.
/// </summary>
public readonly record struct ClusterStats(long K, double S2, double SN, double N2, double Q)
{
    public static ClusterStats operator +(ClusterStats x, ClusterStats y) => new(x.K + y.K, x.S2 + y.S2, x.SN + y.SN, x.N2 + y.N2, x.Q + y.Q);
    public static ClusterStats operator -(ClusterStats x, ClusterStats y) => new(x.K - y.K, x.S2 - y.S2, x.SN - y.SN, x.N2 - y.N2, x.Q - y.Q);
}

/// <summary>
/// Estimates and comparisons with cluster-robust (account-level) standard errors: for a mean score m = ΣS/N,
/// Var(m) = Σ_a (S_a − n_a·m)² / N² · K/(K−1) (the CR1 sandwich for a ratio mean; Cameron &amp; Miller 2015), normal interval.
/// </summary>
public static class ClusteredEstimator
{
    /// <summary>The standard normal quantile for a two-sided 95% interval.</summary>
    internal const double Z = 1.959963984540054;

    public static Estimate Estimate(MetricKind kind, SufficientStats s, ClusterStats c)
    {
        if (s.N == 0 || c.K < 2) return kind.Estimate(s);
        var (sum, _) = kind.Moments(s);
        var m = sum / s.N;
        var residual = Math.Max(0, c.S2 - 2 * m * c.SN + m * m * c.N2);
        var se = Math.Sqrt(residual * c.K / (c.K - 1.0)) / s.N * kind.Scale;
        var value = m * kind.Scale;
        var (lower, upper) = (value - Z * se, value + Z * se);
        if (kind == MetricKind.Proportion) (lower, upper) = (Math.Max(0, lower), Math.Min(1, upper));
        if (kind == MetricKind.Nps) (lower, upper) = (Math.Max(-100, lower), Math.Min(100, upper));
        return new Estimate(value, lower, upper, s.N, $"Cluster-robust (by account, {c.K:N0} accounts) normal interval") { StandardError = se };
    }

    /// <summary>
    /// The more cautious of the exact estimate (trinomial NPS, t mean, Wilson share) and the cluster-robust one, when some
    /// account answered more than once (N &gt; K): the wider interval. Answers of one account are correlated, so response-level
    /// formulas can be too narrow; with few answers the exact interval can be the wider. Otherwise the exact one.
    /// </summary>
    public static Estimate Cautious(MetricKind kind, SufficientStats s, ClusterStats c)
    {
        var exact = kind.Estimate(s);
        if (!Repeated(s, c)) return exact;
        var robust = Estimate(kind, s, c);
        return robust.Upper - robust.Lower > exact.Upper - exact.Lower ? robust : exact;
    }

    /// <summary>The comparison with the larger p-value of the exact test and the cluster-robust z-test (see <see cref="Cautious"/>).</summary>
    public static Comparison CautiousCompare(MetricKind kind, SufficientStats s1, ClusterStats c1, SufficientStats s2, ClusterStats c2)
    {
        var exact = kind.Compare(s1, s2);
        if (!Repeated(s1, c1) && !Repeated(s2, c2)) return exact;
        var robust = Compare(Estimate(kind, s1, c1), Estimate(kind, s2, c2));
        return double.IsNaN(exact.PValue) || robust.PValue > exact.PValue ? robust : exact;
    }

    static bool Repeated(SufficientStats s, ClusterStats c) => c.K >= 2 && s.N > c.K;

    public static Comparison Compare(Estimate a, Estimate b)
    {
        var d = a.Value - b.Value;
        var se = Math.Sqrt(Math.Pow(a.StandardError ?? double.NaN, 2) + Math.Pow(b.StandardError ?? double.NaN, 2));
        if (!(se > 0)) return Comparison.Undefined(Math.Min(a.N, b.N), "Difference undefined: no standard error");
        var z = d / se;
        var p = 2 * (1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, Math.Abs(z)));
        return new Comparison(new Estimate(d, d - Z * se, d + Z * se, a.N + b.N, "Difference of independent groups, cluster-robust SEs, normal interval") { StandardError = se },
            z, p, "z-test with cluster-robust standard errors");
    }
}
