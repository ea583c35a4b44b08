namespace Fulcrum.Core.Statistics;

/// <summary>
/// Regression calibration for a covariate measured with noise: an account's mean of n noisy answers is replaced by the
/// best linear predictor of its true value, μ + λ(x̄ − μ) with reliability λ = σ²_b / (σ²_b + σ²_w / n)
/// (one-way random-effects model; Carroll, Ruppert, Stefanski &amp; Crainiceanu, "Measurement Error in Nonlinear
/// Models", ch. 4). A slope on the raw mean is attenuated toward zero by λ; on the calibrated value it is not.
/// Variance components by the method of moments: σ²_w pooled within accounts, σ²_b = var(account means) − mean(σ²_w/n).
/// </summary>
public sealed record ReliabilityCalibration(double Mean, double BetweenVariance, double WithinVariance, long Groups, long Observations)
{
    /// <param name="groups">Per group (account): answers, their sum and sum of squares.</param>
    public static ReliabilityCalibration Estimate(IEnumerable<(long N, double Sum, double SumSquares)> groups)
    {
        long count = 0, observations = 0, withinDf = 0;
        double within = 0, meanSum = 0, meanSumSquares = 0, inverseN = 0, total = 0;
        foreach (var (n, sum, sumSquares) in groups)
        {
            if (n <= 0) continue;
            count++;
            observations += n;
            total += sum;
            var groupMean = sum / n;
            within += sumSquares - n * groupMean * groupMean;
            withinDf += n - 1;
            meanSum += groupMean;
            meanSumSquares += groupMean * groupMean;
            inverseN += 1.0 / n;
        }
        if (count < 2) return new ReliabilityCalibration(count == 0 ? double.NaN : total / observations, 0, 0, count, observations);
        var withinVariance = withinDf > 0 ? Math.Max(within, 0) / withinDf : 0;
        var meanOfMeans = meanSum / count;
        var varianceOfMeans = (meanSumSquares - count * meanOfMeans * meanOfMeans) / (count - 1);
        var between = Math.Max(varianceOfMeans - withinVariance * inverseN / count, 0);
        return new ReliabilityCalibration(meanOfMeans, between, withinVariance, count, observations);
    }

    /// <summary>λ for a mean of <paramref name="n"/> answers (0 when there are none).</summary>
    public double Reliability(long n) =>
        n <= 0 || BetweenVariance <= 0 ? 0 : WithinVariance <= 0 ? 1 : BetweenVariance / (BetweenVariance + WithinVariance / n);

    /// <summary>Best linear predictor of the true value from a mean of <paramref name="n"/> answers; the overall mean when n = 0.</summary>
    public double Calibrate(double? mean, long n) => mean is { } m && n > 0 ? Mean + Reliability(n) * (m - Mean) : Mean;
}
