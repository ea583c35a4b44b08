namespace Fulcrum.Core.Statistics;

/// <summary>
/// Means of continuous measures (CSAT, CES, handle minutes, ARR): one-sample t interval and the
/// Welch two-sample t-test.
/// </summary>
/// <remarks>
/// Assumptions: observations are independent; the sample mean is approximately normal (the data
/// are normal, or n is large enough for the central limit theorem). Welch does not assume equal
/// variances. Reference: Student (1908) Biometrika 6:1–25; Welch B.L. (1947) Biometrika 34:28–35;
/// Satterthwaite F.E. (1946) Biometrics Bulletin 2:110–114. Checked against scipy.stats.t.interval,
/// scipy.stats.ttest_ind(equal_var=False) and statsmodels CompareMeans.
/// </remarks>
public static class MeanEstimator
{
    /// <summary>Sample mean with the t interval x̄ ± t(n−1)·s/√n; see <see cref="FromSummary"/>.</summary>
    public static Estimate Mean(IEnumerable<double> values, double confidenceLevel = 0.95) =>
        FromSummary(SampleSummary.Of(values), confidenceLevel);

    /// <summary>
    /// Mean with the Student t interval x̄ ± t₁₋α/₂(n−1)·s/√n from summary statistics.
    /// n = 0 gives an undefined estimate; n = 1 gives the value with no interval (NaN bounds).
    /// </summary>
    public static Estimate FromSummary(SampleSummary summary, double confidenceLevel = 0.95)
    {
        Distributions.CheckConfidenceLevel(confidenceLevel);
        CheckSummary(summary, nameof(summary));
        if (summary.N == 0)
        {
            return Estimate.Undefined(0, "Mean undefined: no observations (n = 0)", confidenceLevel);
        }

        if (summary.N == 1)
        {
            return new Estimate(summary.Mean, double.NaN, double.NaN, 1,
                "Mean; no interval for a single observation (n = 1)", confidenceLevel);
        }

        var se = summary.StandardError;
        var t = Distributions.TCritical(confidenceLevel, summary.N - 1);
        return new Estimate(summary.Mean, summary.Mean - t * se, summary.Mean + t * se, summary.N,
            "Mean, Student t interval", confidenceLevel) { StandardError = se };
    }

    /// <summary>Welch two-sample t-test of mean(a) − mean(b); see <see cref="WelchTTest(SampleSummary, SampleSummary, double)"/>.</summary>
    public static Comparison WelchTTest(IEnumerable<double> a, IEnumerable<double> b, double confidenceLevel = 0.95) =>
        WelchTTest(SampleSummary.Of(a), SampleSummary.Of(b), confidenceLevel);

    /// <summary>
    /// Welch's unequal-variance t-test and interval for the difference of means a − b.
    /// </summary>
    /// <remarks>
    /// SE = √(s_a²/n_a + s_b²/n_b); t = (x̄_a − x̄_b)/SE; Welch–Satterthwaite
    /// df = SE⁴ / ((s_a²/n_a)²/(n_a−1) + (s_b²/n_b)²/(n_b−1)); interval d ± t₁₋α/₂(df)·SE;
    /// two-sided p-value from t(df). Undefined (NaN) when either sample has fewer than 2
    /// observations. When both variances are 0 the SE is 0: the interval is the point d and the
    /// statistic, df and p-value are NaN (the method string says so).
    /// </remarks>
    public static Comparison WelchTTest(SampleSummary a, SampleSummary b, double confidenceLevel = 0.95)
    {
        Distributions.CheckConfidenceLevel(confidenceLevel);
        CheckSummary(a, nameof(a));
        CheckSummary(b, nameof(b));
        const string method = "Difference of means, Welch t interval; Welch two-sided t-test (Welch-Satterthwaite df)";
        var n = a.N + b.N;
        if (a.N < 2 || b.N < 2)
        {
            return Comparison.Undefined(n, "Welch t-test undefined: each sample needs at least 2 observations", confidenceLevel);
        }

        var d = a.Mean - b.Mean;
        var va = a.Variance / a.N;
        var vb = b.Variance / b.N;
        var se = Math.Sqrt(va + vb);
        if (!(se > 0))
        {
            const string degenerate = "Difference of means; both samples have zero variance, so no t-test";
            return new Comparison(
                new Estimate(d, d, d, n, degenerate, confidenceLevel) { StandardError = 0 },
                double.NaN, double.NaN, degenerate);
        }

        var df = (va + vb) * (va + vb) / (va * va / (a.N - 1) + vb * vb / (b.N - 1));
        var t = d / se;
        var critical = Distributions.TCritical(confidenceLevel, df);
        var difference = new Estimate(d, d - critical * se, d + critical * se, n, method, confidenceLevel)
        {
            StandardError = se,
        };
        return new Comparison(difference, t, Distributions.TwoSidedTP(t, df), method) { DegreesOfFreedom = df };
    }

    private static void CheckSummary(SampleSummary s, string paramName)
    {
        if (s.N < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, s.N, "N must be non-negative.");
        }

        if (s.N >= 1 && !double.IsFinite(s.Mean))
        {
            throw new ArgumentOutOfRangeException(paramName, s.Mean, "Mean must be finite.");
        }

        if (s.N >= 2 && !(double.IsFinite(s.Variance) && s.Variance >= 0))
        {
            throw new ArgumentOutOfRangeException(paramName, s.Variance, "Variance must be finite and non-negative.");
        }
    }
}
