using MathNet.Numerics.Distributions;

namespace Fulcrum.Core.Statistics;

/// <summary>
/// Critical values and two-sided p-values of the standard normal and Student t distributions
/// (MathNet.Numerics), plus argument checks shared by the estimators.
/// </summary>
internal static class Distributions
{
    /// <summary>z such that P(|Z| ≤ z) = confidenceLevel for Z ~ N(0, 1).</summary>
    public static double ZCritical(double confidenceLevel) =>
        Normal.InvCDF(0, 1, 1 - (1 - confidenceLevel) / 2);

    /// <summary>
    /// t such that P(|T| ≤ t) = confidenceLevel for T ~ t(df). MathNet's quantile (a root search)
    /// is refined by Newton steps on the upper tail, which keeps relative accuracy far in the tail.
    /// </summary>
    public static double TCritical(double confidenceLevel, double df)
    {
        var tail = (1 - confidenceLevel) / 2;
        var x = StudentT.InvCDF(0, 1, df, 1 - tail);
        for (var i = 0; i < 3; i++)
        {
            var density = StudentT.PDF(0, 1, df, x);
            if (!(density > 0))
            {
                break;
            }

            x += (StudentT.CDF(0, 1, df, -x) - tail) / density;
        }

        return x;
    }

    /// <summary>2·P(Z ≥ |z|), computed from the lower tail to keep precision for large |z|.</summary>
    public static double TwoSidedNormalP(double z) =>
        double.IsNaN(z) ? double.NaN : Math.Min(1, 2 * Normal.CDF(0, 1, -Math.Abs(z)));

    /// <summary>2·P(T ≥ |t|) for T ~ t(df).</summary>
    public static double TwoSidedTP(double t, double df) =>
        double.IsNaN(t) || double.IsNaN(df) ? double.NaN : Math.Min(1, 2 * StudentT.CDF(0, 1, df, -Math.Abs(t)));

    public static void CheckConfidenceLevel(double confidenceLevel, string paramName = "confidenceLevel")
    {
        if (!(confidenceLevel > 0 && confidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(paramName, confidenceLevel, "Confidence level must be in (0, 1).");
        }
    }

    public static void CheckCounts(long successes, long trials, string successesName, string trialsName)
    {
        if (trials < 0)
        {
            throw new ArgumentOutOfRangeException(trialsName, trials, "Number of trials must be non-negative.");
        }

        if (successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(successesName, successes, "Successes must be in 0..trials.");
        }
    }
}
