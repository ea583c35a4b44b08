using MathNet.Numerics.Distributions;

namespace Fulcrum.Core.Statistics;

/// <summary>
/// Keeps the interval of a mean on a bounded scale (CSAT 1–5, CES 1–7) on that scale, and makes small samples exact.
/// </summary>
/// <remarks>
/// <b>Small samples (n &lt; <see cref="ExactBelow"/>).</b> The mean is rescaled to p = (x̄ − min)/(max − min) in [0, 1]
/// and given the Clopper–Pearson interval with the fractional success count S = n·p: lower = Beta⁻¹(α/2; S, n−S+1),
/// upper = Beta⁻¹(1−α/2; S+1, n−S). Among variables on [0, 1] with a given mean the Bernoulli one has the largest
/// spread (Hoeffding 1956), so this interval is conservative for any bounded score; a t interval at n = 2 is not (it
/// gave "2.0, CI −10.7 to 14.7" on a 1–5 scale). When the input interval (e.g. cluster-robust) is wider, the wider
/// of the two, cut at the scale, is kept.
/// <b>Larger samples.</b> The input interval is kept when it lies on the scale; otherwise the score (Wilson) interval
/// on p with the effective n that matches the input's standard error, n* = p(1−p)/SE², which cannot leave [0, 1].
/// <b>Reference.</b> Clopper C.J., Pearson E.S. (1934) Biometrika 26:404–413; Hoeffding W. (1956) Ann. Math. Stat.
/// 27:713–721; Wilson E.B. (1927) JASA 22:209–212.
/// </remarks>
public static class BoundedMeanEstimator
{
    /// <summary>Below this n the exact (conservative) interval is used.</summary>
    public const long ExactBelow = 30;

    public static Estimate Bound(Estimate estimate, double min, double max)
    {
        if (!(max > min)) throw new ArgumentException($"The scale must have max > min (got {min} to {max}).");
        if (!estimate.IsDefined || estimate.N <= 0) return estimate;
        var range = max - min;
        var p = Math.Clamp((estimate.Value - min) / range, 0, 1);
        var level = estimate.ConfidenceLevel;
        var scale = $"{min:0.##}–{max:0.##}";

        if (estimate.N < ExactBelow)
        {
            var (lower, upper) = FractionalClopperPearson(p, estimate.N, level);
            var lo = min + lower * range;
            var hi = min + upper * range;
            if (!double.IsNaN(estimate.Lower)) lo = Math.Min(lo, Math.Max(estimate.Lower, min));
            if (!double.IsNaN(estimate.Upper)) hi = Math.Max(hi, Math.Min(estimate.Upper, max));
            return estimate with
            {
                Lower = lo,
                Upper = hi,
                Method = $"{estimate.Method}; n < {ExactBelow}: exact Clopper–Pearson interval for a mean on the {scale} scale (conservative)",
            };
        }

        if (double.IsNaN(estimate.Lower) || (estimate.Lower >= min && estimate.Upper <= max)) return estimate;

        var z = Distributions.ZCritical(level);
        var se = (estimate.Upper - estimate.Lower) / (2 * z) / range;
        var effectiveN = se > 0 && p > 0 && p < 1 ? p * (1 - p) / (se * se) : estimate.N;
        var (wl, wu) = WilsonBounds(p, effectiveN, z);
        return estimate with
        {
            Lower = min + wl * range,
            Upper = min + wu * range,
            Method = $"{estimate.Method}; score interval kept on the {scale} scale",
        };
    }

    static (double Lower, double Upper) FractionalClopperPearson(double p, long n, double level)
    {
        var alpha = 1 - level;
        var successes = p * n;
        var lower = successes <= 0 ? 0 : Beta.InvCDF(successes, n - successes + 1, alpha / 2);
        var upper = successes >= n ? 1 : Beta.InvCDF(successes + 1, n - successes, 1 - alpha / 2);
        return (lower, upper);
    }

    static (double Lower, double Upper) WilsonBounds(double p, double n, double z)
    {
        var z2n = z * z / n;
        var centre = (p + z2n / 2) / (1 + z2n);
        var half = z * Math.Sqrt(p * (1 - p) / n + z2n / (4 * n)) / (1 + z2n);
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
