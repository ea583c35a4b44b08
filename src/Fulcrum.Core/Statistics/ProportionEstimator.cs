using MathNet.Numerics.Distributions;

namespace Fulcrum.Core.Statistics;

/// <summary>
/// Binomial proportions: single-proportion intervals (Wilson score, Clopper–Pearson exact),
/// the difference of two independent proportions (Newcombe hybrid score interval with a pooled
/// z-test) and their ratio (Katz log interval).
/// </summary>
/// <remarks>
/// Assumptions throughout: successes are binomial — independent trials with a common probability
/// within each sample; the two samples of a comparison are independent. An empty sample (n = 0)
/// gives an undefined (NaN) result instead of an exception.
/// </remarks>
public static class ProportionEstimator
{
    /// <summary>
    /// Proportion x/n with the Wilson score interval.
    /// </summary>
    /// <remarks>
    /// <b>Method.</b> Inverts the score test: center (p̂ + z²/2n)/(1 + z²/n), half-width
    /// z·√(p̂(1−p̂)/n + z²/4n²)/(1 + z²/n). Bounds are exactly 0 when x = 0 and 1 when x = n.
    /// Good coverage down to small n, unlike the Wald interval. StandardError is the plug-in
    /// √(p̂(1−p̂)/n).
    /// <b>Reference.</b> Wilson E.B. (1927) JASA 22:209–212; Newcombe R.G. (1998) Statistics in
    /// Medicine 17:857–872 (method 3); matches statsmodels proportion_confint(method="wilson").
    /// </remarks>
    public static Estimate Wilson(long successes, long trials, double confidenceLevel = 0.95)
    {
        Distributions.CheckCounts(successes, trials, nameof(successes), nameof(trials));
        Distributions.CheckConfidenceLevel(confidenceLevel);
        if (trials == 0)
        {
            return Estimate.Undefined(0, "Proportion undefined: no trials (n = 0)", confidenceLevel);
        }

        var (lower, upper) = WilsonBounds(successes, trials, Distributions.ZCritical(confidenceLevel));
        var p = (double)successes / trials;
        return new Estimate(p, lower, upper, trials, "Proportion, Wilson score interval", confidenceLevel)
        {
            StandardError = Math.Sqrt(p * (1 - p) / trials),
        };
    }

    /// <summary>
    /// Proportion x/n with the Clopper–Pearson "exact" interval.
    /// </summary>
    /// <remarks>
    /// <b>Method.</b> Lower = Beta⁻¹(α/2; x, n−x+1) (0 when x = 0), upper = Beta⁻¹(1−α/2; x+1, n−x)
    /// (1 when x = n), using MathNet's Beta inverse CDF. Guarantees at least nominal coverage, so it
    /// is conservative (wider than Wilson).
    /// <b>Reference.</b> Clopper C.J., Pearson E.S. (1934) Biometrika 26:404–413; matches
    /// statsmodels proportion_confint(method="beta").
    /// </remarks>
    public static Estimate ClopperPearson(long successes, long trials, double confidenceLevel = 0.95)
    {
        Distributions.CheckCounts(successes, trials, nameof(successes), nameof(trials));
        Distributions.CheckConfidenceLevel(confidenceLevel);
        if (trials == 0)
        {
            return Estimate.Undefined(0, "Proportion undefined: no trials (n = 0)", confidenceLevel);
        }

        var alpha = 1 - confidenceLevel;
        var lower = successes == 0 ? 0 : Beta.InvCDF(successes, trials - successes + 1, alpha / 2);
        var upper = successes == trials ? 1 : Beta.InvCDF(successes + 1, trials - successes, 1 - alpha / 2);
        var p = (double)successes / trials;
        return new Estimate(p, lower, upper, trials, "Proportion, Clopper-Pearson exact interval", confidenceLevel)
        {
            StandardError = Math.Sqrt(p * (1 - p) / trials),
        };
    }

    /// <summary>
    /// Difference p₁ − p₂ of two independent proportions: Newcombe hybrid score interval and the
    /// pooled two-proportion z-test of p₁ = p₂.
    /// </summary>
    /// <remarks>
    /// <b>Interval.</b> With Wilson limits (l₁, u₁), (l₂, u₂) of each proportion, d = p̂₁ − p̂₂:
    /// L = d − √((p̂₁−l₁)² + (u₂−p̂₂)²), U = d + √((u₁−p̂₁)² + (p̂₂−l₂)²) (Newcombe's method 10).
    /// <b>Test.</b> z = d/√(p̄(1−p̄)(1/n₁ + 1/n₂)) with the pooled p̄ = (x₁+x₂)/(n₁+n₂), two-sided normal
    /// p-value (statsmodels proportions_ztest). When p̄ is 0 or 1 the samples are identical, so
    /// z = 0 and p = 1. StandardError of the difference is the unpooled √(p̂₁q̂₁/n₁ + p̂₂q̂₂/n₂).
    /// <b>Reference.</b> Newcombe R.G. (1998) Statistics in Medicine 17:873–890; matches statsmodels
    /// confint_proportions_2indep(method="newcomb").
    /// </remarks>
    public static Comparison Difference(
        long successes1, long trials1, long successes2, long trials2, double confidenceLevel = 0.95)
    {
        Distributions.CheckCounts(successes1, trials1, nameof(successes1), nameof(trials1));
        Distributions.CheckCounts(successes2, trials2, nameof(successes2), nameof(trials2));
        Distributions.CheckConfidenceLevel(confidenceLevel);
        const string method = "Difference of proportions, Newcombe hybrid score interval; pooled two-sided z-test";
        if (trials1 == 0 || trials2 == 0)
        {
            return Comparison.Undefined(trials1 + trials2, "Difference of proportions undefined: a sample has no trials", confidenceLevel);
        }

        var z = Distributions.ZCritical(confidenceLevel);
        var p1 = (double)successes1 / trials1;
        var p2 = (double)successes2 / trials2;
        var (l1, u1) = WilsonBounds(successes1, trials1, z);
        var (l2, u2) = WilsonBounds(successes2, trials2, z);
        var d = p1 - p2;
        var lower = d - Math.Sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2));
        var upper = d + Math.Sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2));

        var pooled = (double)(successes1 + successes2) / (trials1 + trials2);
        var se0 = Math.Sqrt(pooled * (1 - pooled) * (1.0 / trials1 + 1.0 / trials2));
        var stat = se0 > 0 ? d / se0 : 0;
        var difference = new Estimate(d, lower, upper, trials1 + trials2, method, confidenceLevel)
        {
            StandardError = Math.Sqrt(p1 * (1 - p1) / trials1 + p2 * (1 - p2) / trials2),
        };
        return new Comparison(difference, stat, Distributions.TwoSidedNormalP(stat), method);
    }

    /// <summary>
    /// Risk ratio p₁/p₂ of two independent proportions with the Katz log interval.
    /// </summary>
    /// <remarks>
    /// <b>Method.</b> log RR ± z·√(1/x₁ − 1/n₁ + 1/x₂ − 1/n₂), exponentiated. When x₁ or x₂ is 0 the
    /// log is undefined, so 0.5 is added to every cell of the 2×2 table (Haldane–Anscombe:
    /// x + 0.5, n + 1) for both the ratio and its variance, and the method string says so.
    /// StandardError is the delta-method RR·SE(log RR); SE(log RR) itself is StandardError/Value
    /// (the interval is symmetric on the log scale, not on the ratio scale).
    /// <b>Reference.</b> Katz D., Baptista J., Azen S.P., Pike M.C. (1978) Biometrics 34:469–474;
    /// matches statsmodels confint_proportions_2indep(compare="ratio", method="log").
    /// </remarks>
    public static Estimate RiskRatio(
        long successes1, long trials1, long successes2, long trials2, double confidenceLevel = 0.95)
    {
        Distributions.CheckCounts(successes1, trials1, nameof(successes1), nameof(trials1));
        Distributions.CheckCounts(successes2, trials2, nameof(successes2), nameof(trials2));
        Distributions.CheckConfidenceLevel(confidenceLevel);
        if (trials1 == 0 || trials2 == 0)
        {
            return Estimate.Undefined(trials1 + trials2, "Risk ratio undefined: a sample has no trials", confidenceLevel);
        }

        var method = "Risk ratio, Katz log interval";
        double x1 = successes1, n1 = trials1, x2 = successes2, n2 = trials2;
        if (successes1 == 0 || successes2 == 0)
        {
            x1 += 0.5; n1 += 1; x2 += 0.5; n2 += 1;
            method += "; zero count, so 0.5 added to every cell (Haldane-Anscombe)";
        }

        var ratio = (x1 / n1) / (x2 / n2);
        var seLog = Math.Sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2);
        var z = Distributions.ZCritical(confidenceLevel);
        return new Estimate(
            ratio,
            ratio * Math.Exp(-z * seLog),
            ratio * Math.Exp(z * seLog),
            trials1 + trials2,
            method,
            confidenceLevel) { StandardError = ratio * seLog };
    }

    /// <summary>Wilson score bounds for x/n (n &gt; 0) at critical value z; exactly 0 at x = 0 and 1 at x = n.</summary>
    internal static (double Lower, double Upper) WilsonBounds(long successes, long trials, double z)
    {
        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var center = (p + z2 / (2 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        var lower = successes == 0 ? 0 : Math.Clamp(center - half, 0, p);
        var upper = successes == trials ? 1 : Math.Clamp(center + half, p, 1);
        return (lower, upper);
    }
}
