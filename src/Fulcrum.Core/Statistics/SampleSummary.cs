namespace Fulcrum.Core.Statistics;

/// <summary>
/// Sufficient statistics of a sample for mean inference: size, mean and unbiased (n − 1) variance.
/// Lets means and Welch tests be computed from aggregates pushed down to SQL.
/// </summary>
/// <param name="N">Number of observations.</param>
/// <param name="Mean">Sample mean (NaN when N = 0).</param>
/// <param name="Variance">Sample variance with divisor N − 1 (NaN when N &lt; 2).</param>
public readonly record struct SampleSummary(long N, double Mean, double Variance)
{
    /// <summary>Sample standard deviation √Variance.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Standard error of the mean √(Variance/N).</summary>
    public double StandardError => Math.Sqrt(Variance / N);

    /// <summary>
    /// Summarises values in one pass with Welford's algorithm (numerically stable; Welford B.P.
    /// (1962) Technometrics 4:419–420).
    /// </summary>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public static SampleSummary Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        long n = 0;
        double mean = 0, m2 = 0;
        foreach (var x in values)
        {
            if (!double.IsFinite(x))
            {
                throw new ArgumentException("Values must be finite (no NaN or infinity).", nameof(values));
            }

            n++;
            var delta = x - mean;
            mean += delta / n;
            m2 += delta * (x - mean);
        }

        return new SampleSummary(
            n,
            n == 0 ? double.NaN : mean,
            n < 2 ? double.NaN : m2 / (n - 1));
    }
}
