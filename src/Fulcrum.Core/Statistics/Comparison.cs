namespace Fulcrum.Core.Statistics;

/// <summary>
/// The result of comparing two independent samples: the estimated difference (first − second)
/// with its confidence interval, the test statistic (z or t, see <see cref="Method"/>) and the
/// two-sided p-value for the null hypothesis of no difference.
/// </summary>
/// <param name="Difference">Estimate of first − second, with CI and the combined n.</param>
/// <param name="Statistic">The z or t statistic; NaN when the test is undefined.</param>
/// <param name="PValue">Two-sided p-value; NaN when the test is undefined.</param>
/// <param name="Method">Which interval and which test were used.</param>
public sealed record Comparison(Estimate Difference, double Statistic, double PValue, string Method)
{
    /// <summary>Degrees of freedom of a t statistic (e.g. Welch–Satterthwaite); null for z statistics.</summary>
    public double? DegreesOfFreedom { get; init; }

    /// <summary>True when the two-sided p-value is below <paramref name="alpha"/> (false when undefined).</summary>
    public bool IsSignificant(double alpha = 0.05) => PValue < alpha;

    /// <summary>A comparison that cannot be made (e.g. an empty sample): NaN difference, statistic and p-value.</summary>
    public static Comparison Undefined(long n, string method, double confidenceLevel = 0.95) =>
        new(Estimate.Undefined(n, method, confidenceLevel), double.NaN, double.NaN, method);
}
