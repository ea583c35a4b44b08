using Fulcrum.Core.Statistics;

namespace Fulcrum.Core.Tests.Statistics;

public sealed class ReliabilityCalibrationTests
{
    [Fact]
    public void Variance_components_follow_the_method_of_moments()
    {
        // Groups {1,3}, {4,6}, {7,9}: within variance 2 (each group's sample variance), means 2, 5, 8 with variance 9;
        // between = 9 − 2/2 = 8.
        var c = ReliabilityCalibration.Estimate([(2, 4, 10), (2, 10, 52), (2, 16, 130)]);
        Assert.Equal(5, c.Mean, 12);
        Assert.Equal(2, c.WithinVariance, 12);
        Assert.Equal(8, c.BetweenVariance, 12);
        Assert.Equal(8 / (8 + 2 / 2.0), c.Reliability(2), 12);
    }

    [Fact]
    public void Calibration_shrinks_noisy_means_toward_the_overall_mean_and_leaves_unanswered_at_it()
    {
        var c = new ReliabilityCalibration(4, 1, 0.5, 100, 500);
        Assert.Equal(4 + 1 / (1 + 0.5) * (6 - 4), c.Calibrate(6, 1), 12);
        Assert.Equal(4 + 1 / (1 + 0.05) * (6 - 4), c.Calibrate(6, 10), 12);
        Assert.Equal(4, c.Calibrate(null, 0));
        Assert.Equal(0, c.Reliability(0));
    }

    [Fact]
    public void The_slope_on_calibrated_means_is_not_attenuated()
    {
        // Simulated: true x ~ N(0, 1), each account answers 1–4 times with noise sd 1; y = 2x exactly.
        var rng = new Random(7);
        var groups = new List<(long, double, double)>();
        var truth = new List<double>();
        var means = new List<(double Mean, long N)>();
        for (var a = 0; a < 20_000; a++)
        {
            var x = Gaussian(rng);
            var n = rng.Next(1, 5);
            double sum = 0, sq = 0;
            for (var k = 0; k < n; k++) { var v = x + Gaussian(rng); sum += v; sq += v * v; }
            groups.Add((n, sum, sq));
            truth.Add(x);
            means.Add((sum / n, n));
        }
        var c = ReliabilityCalibration.Estimate(groups);
        double Slope(IReadOnlyList<double> z)
        {
            double mz = z.Average(), my = truth.Average(t => 2 * t), sxy = 0, sxx = 0;
            for (var i = 0; i < z.Count; i++) { sxy += (z[i] - mz) * (2 * truth[i] - my); sxx += (z[i] - mz) * (z[i] - mz); }
            return sxy / sxx;
        }
        var raw = Slope(means.Select(m => m.Mean).ToList());
        var calibrated = Slope(means.Select(m => c.Calibrate(m.Mean, m.N)).ToList());
        Assert.InRange(raw, 1.2, 1.6);
        Assert.InRange(calibrated, 1.95, 2.05);
    }

    static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
