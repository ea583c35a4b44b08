using FsCheck;
using FsCheck.Xunit;
using Fulcrum.Core.Statistics;
using Xunit.Abstractions;

namespace Fulcrum.Core.Tests.Statistics;

/// <summary>
/// Reference values: Reference/control_chart_reference.py (numpy, written from Montgomery's textbook definitions with the
/// closed-form EWMA variance) and its printed output Reference/control_chart_reference.txt, hard-coded in <see cref="ControlChartReference"/>.
/// </summary>
public sealed class ControlChartsTests(ITestOutputHelper output)
{
    const double Tol = 1e-9;

    // Series A: NPS-like with standard errors, baseline spread below the sampling error (tau = 0), upward shift from index 6.
    static readonly double[] AValues = [42.0, 44.5, 40.8, 43.1, 41.7, 45.0, 48.9, 50.2, 51.5, 49.8, 52.4, 53.0];
    static readonly double[] AErrors = [2.1, 2.3, 2.0, 2.2, 2.4, 2.1, 2.0, 2.2, 2.3, 2.1, 2.0, 2.2];

    // Series B: noisy baseline (tau > 0) and a downward drift.
    static readonly double[] BValues = [30.0, 36.0, 28.5, 34.5, 31.0, 29.5, 26.0, 24.5, 27.0, 22.0, 21.5, 23.0];
    static readonly double[] BErrors = [1.5, 1.6, 1.4, 1.5, 1.6, 1.5, 1.4, 1.6, 1.5, 1.5, 1.4, 1.6];

    // The data of Montgomery's (2009) CUSUM and EWMA examples (§§ 9.1.2, 9.2.1): 20 points from N(10, 1), then 10 from N(11, 1); known mu0 = 10, sigma = 1.
    static readonly double[] Montgomery =
    [
        9.45, 7.99, 9.29, 11.66, 12.16, 10.18, 8.04, 11.46, 9.20, 10.34,
        9.03, 11.47, 10.51, 9.40, 10.08, 9.37, 10.62, 10.31, 8.52, 10.84,
        10.90, 9.33, 12.29, 11.50, 10.60, 11.08, 10.38, 11.62, 11.31, 10.52,
    ];

    [Fact]
    public void Ewma_matches_the_reference_for_a_series_with_standard_errors()
    {
        var chart = ControlCharts.Ewma(AValues, AErrors);

        AssertEwma(ControlChartReference.A, chart, baselinePoints: 4);
    }

    [Fact]
    public void Cusum_matches_the_reference_and_restarts_after_each_signal()
    {
        var chart = ControlCharts.Cusum(AValues, AErrors);

        AssertCusum(ControlChartReference.A, chart, baselinePoints: 4);
        // The sum that crossed h at index 7 restarts from 0 at index 8.
        Assert.Equal(Math.Max(0, chart.Points[8].Standardized - 0.5), chart.Points[8].Upper, Tol);
    }

    [Fact]
    public void Charts_match_the_reference_when_the_baseline_varies_more_than_its_sampling_error()
    {
        var ewma = ControlCharts.Ewma(BValues, BErrors, new EwmaOptions(Lambda: 0.3, L: 2.8));
        var cusum = ControlCharts.Cusum(BValues, BErrors, new CusumOptions(K: 0.25, H: 3));

        Assert.True(ewma.Baseline.Sigma > 3, "the baseline spread beyond sampling error should be picked up");
        AssertEwma(ControlChartReference.B, ewma, baselinePoints: 4);
        AssertCusum(ControlChartReference.B, cusum, baselinePoints: 4);
    }

    [Fact]
    public void Cusum_reproduces_Montgomerys_example_signal_at_period_29_after_a_shift_from_period_23()
    {
        var known = new ControlChartBaseline(Mean: 10, Sigma: 1);

        var cusum = ControlCharts.Cusum(Montgomery, null, new CusumOptions(K: 0.5, H: 5, Baseline: known));

        // As in the book: C+ = 5.28 at period 29 with N+ = 7, so the shift began after period 22.
        var signal = Assert.Single(cusum.Signals);
        Assert.Equal(28, signal.Index);
        Assert.Equal(ShiftDirection.Up, signal.Direction);
        Assert.Equal(5.28, signal.Statistic, 1e-9);
        Assert.Equal(7, cusum.Points[28].UpperRun);
        Assert.Equal(22, signal.ChangeStart);
        AssertCusum(ControlChartReference.M, cusum, baselinePoints: 0);
    }

    [Fact]
    public void Ewma_matches_the_reference_on_Montgomerys_data_with_a_known_baseline()
    {
        var known = new ControlChartBaseline(Mean: 10, Sigma: 1);

        var ewma = ControlCharts.Ewma(Montgomery, null, new EwmaOptions(Lambda: 0.1, L: 2.7, Baseline: known));

        Assert.Equal(9.945, ewma.Points[0].Statistic, 1e-12);
        AssertEwma(ControlChartReference.M, ewma, baselinePoints: 0);
    }

    [Fact]
    public void A_sustained_shift_gives_one_ewma_signal_not_one_per_period()
    {
        var chart = ControlCharts.Ewma(AValues, AErrors);

        Assert.All(chart.Points.Skip(7), p => Assert.Equal(ShiftDirection.Up, p.Outside));
        Assert.Single(chart.Signals);
    }

    [Fact]
    public void Baseline_points_are_not_monitored()
    {
        var chart = ControlCharts.Ewma(AValues, AErrors);

        Assert.All(chart.Points.Take(4), p => Assert.True(p.InBaseline && double.IsNaN(p.Statistic) && p.Outside is null));
        Assert.All(chart.Points.Skip(4), p => Assert.False(p.InBaseline));
        Assert.Equal(4, chart.Baseline.Points);
        Assert.True(chart.Baseline.Estimated);
    }

    [Fact]
    public void Baseline_sigma_is_the_spread_beyond_sampling_error_and_never_negative()
    {
        // 10, 12, 10, 12: mean 11, sample variance 4/3; a sampling variance of 0.25 leaves 4/3 − 0.25, one of 9 leaves nothing.
        var noErrors = ControlChartBaseline.Estimate([10, 12, 10, 12], null, 4);
        var someError = ControlChartBaseline.Estimate([10, 12, 10, 12], [0.5, 0.5, 0.5, 0.5], 4);
        var largeError = ControlChartBaseline.Estimate([10, 12, 10, 12], [3, 3, 3, 3], 4);

        Assert.Equal(11, noErrors.Mean, Tol);
        Assert.Equal(Math.Sqrt(4.0 / 3), noErrors.Sigma, Tol);
        Assert.Equal(Math.Sqrt(4.0 / 3 - 0.25), someError.Sigma, Tol);
        Assert.Equal(0.25, someError.SamplingVariance, Tol);
        Assert.Equal(0, largeError.Sigma);
        Assert.Equal(9 + 2.25, new ControlChartBaseline(0, 3).PointVariance(1.5), Tol);
    }

    [Fact]
    public void Points_with_larger_standard_errors_get_wider_limits()
    {
        double[] values = [40, 41, 39, 40, 40, 40];
        var precise = ControlCharts.Ewma(values, [1, 1, 1, 1, 1, 1]);
        var noisyLast = ControlCharts.Ewma(values, [1, 1, 1, 1, 1, 4]);

        Assert.Equal(precise.Points[4].Upper, noisyLast.Points[4].Upper, Tol);
        Assert.True(noisyLast.Points[5].Upper - noisyLast.Points[5].Lower > precise.Points[5].Upper - precise.Points[5].Lower);
    }

    [Fact]
    public void Estimates_are_charted_with_their_standard_errors_or_the_width_of_their_intervals()
    {
        var withSe = AValues.Zip(AErrors, (v, se) => new Estimate(v, v - 1.96 * se, v + 1.96 * se, 500, "test") { StandardError = se }).ToList();
        var intervalOnly = AValues.Zip(AErrors, (v, se) => new Estimate(v, v - 1.959963984540054 * se, v + 1.959963984540054 * se, 500, "test")).ToList();

        AssertEwma(ControlChartReference.A, ControlCharts.Ewma(withSe), baselinePoints: 4);
        AssertCusum(ControlChartReference.A, ControlCharts.Cusum(intervalOnly), baselinePoints: 4);
        Assert.Equal(2.5, ControlCharts.StandardErrorOf(new Estimate(0, -1.959963984540054 * 2.5, 1.959963984540054 * 2.5, 10, "t")), 1e-12);
        Assert.Throws<ArgumentException>(() => ControlCharts.StandardErrorOf(Estimate.Undefined(0, "empty")));
    }

    [Fact]
    public void A_series_no_longer_than_its_baseline_has_no_monitored_points()
    {
        var chart = ControlCharts.Cusum([1.0, 2.0, 3.0, 4.0], [0.5, 0.5, 0.5, 0.5]);

        Assert.All(chart.Points, p => Assert.True(p.InBaseline));
        Assert.Empty(chart.Signals);
    }

    [Fact]
    public void Invalid_arguments_throw()
    {
        Assert.Throws<ArgumentException>(() => ControlCharts.Ewma([1.0, 2, 3], null));
        Assert.Throws<ArgumentException>(() => ControlCharts.Ewma([1.0, 2, 3, 4, 5], [1.0, 1]));
        Assert.Throws<ArgumentException>(() => ControlCharts.Ewma([1.0, 2, double.NaN, 4, 5], null));
        Assert.Throws<ArgumentException>(() => ControlCharts.Cusum([1.0, 2, 3, 4, 5], [1.0, 1, -1, 1, 1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ControlCharts.Ewma(AValues, AErrors, new EwmaOptions(Lambda: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ControlCharts.Ewma(AValues, AErrors, new EwmaOptions(Lambda: 1.5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ControlCharts.Ewma(AValues, AErrors, new EwmaOptions(L: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ControlCharts.Cusum(AValues, AErrors, new CusumOptions(H: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ControlCharts.Cusum(AValues, AErrors, new CusumOptions(K: -0.1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ControlCharts.Cusum(AValues, AErrors, new CusumOptions(BaselinePoints: 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ControlCharts.Cusum(AValues, AErrors, new CusumOptions(Baseline: new ControlChartBaseline(0, -1))));
    }

    [Fact]
    public void An_estimated_baseline_adds_the_variance_of_its_mean_to_every_monitored_point()
    {
        // Baseline of A: tau = 0, mean SE² = (2.1² + 2.3² + 2.0² + 2.2²)/4, so Var(mu) = mean SE² / 4.
        // The same monitored points charted against the same level and tau given as known (no baseline points).
        var estimated = ControlCharts.Ewma(AValues, AErrors);
        var known = new ControlChartBaseline(estimated.Baseline.Mean, 0);
        var given = ControlCharts.Ewma(AValues[4..], AErrors[4..], new EwmaOptions(Baseline: known));
        var cusumEstimated = ControlCharts.Cusum(AValues, AErrors);
        var cusumGiven = ControlCharts.Cusum(AValues[4..], AErrors[4..], new CusumOptions(Baseline: known));

        var meanVariance = (2.1 * 2.1 + 2.3 * 2.3 + 2.0 * 2.0 + 2.2 * 2.2) / 4 / 4;
        Assert.Equal(meanVariance, estimated.Baseline.MeanVariance, Tol);
        Assert.Equal(0, new ControlChartBaseline(1, 2).MeanVariance);
        for (var t = 1; t <= 8; t++)
        {
            var i = 3 + t;
            var weight = 1 - Math.Pow(0.8, t);
            var withoutBaseline = given.Points[t - 1].StandardDeviation;
            Assert.Equal(withoutBaseline * withoutBaseline + weight * weight * meanVariance, Math.Pow(estimated.Points[i].StandardDeviation, 2), Tol);
            Assert.Equal(given.Points[t - 1].Statistic, estimated.Points[i].Statistic, Tol);
            var se = AErrors[i];
            Assert.Equal(cusumGiven.Points[t - 1].Standardized * se / Math.Sqrt(se * se + meanVariance), cusumEstimated.Points[i].Standardized, Tol);
        }
    }

    [Fact]
    public void Limits_for_a_false_alarm_rate_match_the_reference()
    {
        // Reference/control_chart_reference.txt, "Limits for a stated false-alarm rate": L exactly, h from an independent numpy
        // simulation of 1,000,000 series. Both are Monte Carlo estimates of one quantile and the C# one is taken slightly on the
        // safe side, so it may be a little higher, never clearly lower.
        foreach (var (alpha, m, k, b, l, h) in ControlChartReference.Limits)
        {
            Assert.Equal(l, ControlCharts.EwmaWidthFor(alpha, m), 1e-9);
            var simulated = ControlCharts.CusumLimitFor(alpha, m, k, b);
            output.WriteLine($"alpha {alpha:0.#####}, m {m}, baseline {b}: h {simulated:0.####} (numpy {h:0.####})");
            Assert.InRange(simulated, h - 0.03, h + 0.15);
            Assert.Equal(simulated, ControlCharts.CusumLimitFor(alpha, m, k, b));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => ControlCharts.EwmaWidthFor(0, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => ControlCharts.EwmaWidthFor(0.05, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ControlCharts.CusumLimitFor(1, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => ControlCharts.CusumLimitFor(0.05, 8, baselinePoints: 1));
    }

    [Fact]
    public void In_control_series_signal_no_more_often_than_the_stated_false_alarm_rate()
    {
        // 2,000 in-control series (fixed seed): level 40, no real variation between periods (tau = 0), each period with its own
        // standard error between 1.5 and 4.5; a 4-period baseline, then 8 monitored periods. The stated 5% is split over the
        // two charts, as the alert scan does: 2.5% each.
        const int Series = 2_000, Baseline = 4, Monitored = 8;
        const double Rate = 0.05;
        var l = ControlCharts.EwmaWidthFor(Rate / 2, Monitored);
        var h = ControlCharts.CusumLimitFor(Rate / 2, Monitored, 0.5, Baseline);
        var rng = DeterministicRandom.Create(2_026, "control-chart-false-alarms");
        int ewmaSeries = 0, cusumSeries = 0, anySeries = 0;
        for (var s = 0; s < Series; s++)
        {
            var errors = Enumerable.Range(0, Baseline + Monitored).Select(_ => 1.5 + 3 * rng.NextDouble()).ToArray();
            var values = errors.Select(se => 40 + se * Gaussian(rng)).ToArray();
            var ewma = ControlCharts.Ewma(values, errors, new EwmaOptions(L: l, BaselinePoints: Baseline)).Signals.Count > 0;
            var cusum = ControlCharts.Cusum(values, errors, new CusumOptions(H: h, BaselinePoints: Baseline)).Signals.Count > 0;
            ewmaSeries += ewma ? 1 : 0;
            cusumSeries += cusum ? 1 : 0;
            anySeries += ewma || cusum ? 1 : 0;
        }

        // Monte Carlo margin: 3 binomial standard errors at the stated rate.
        var margin = 3 * Math.Sqrt(Rate * (1 - Rate) / Series);
        var message = $"EWMA (L = {l:0.###}) {ewmaSeries}, CUSUM (h = {h:0.###}) {cusumSeries}, either {anySeries} of {Series} series";
        output.WriteLine(message);
        Assert.True((double)anySeries / Series <= Rate + margin, message);
        Assert.True((double)ewmaSeries / Series <= Rate / 2 + 3 * Math.Sqrt(Rate / 2 * (1 - Rate / 2) / Series), message);
        Assert.True((double)cusumSeries / Series <= Rate / 2 + 3 * Math.Sqrt(Rate / 2 * (1 - Rate / 2) / Series), message);
        // The CUSUM limit is calibrated, not merely safe: its rate is near its 2.5% share, not far below.
        Assert.True(cusumSeries >= Series * Rate / 2 / 2, message);
    }

    [Fact]
    public void Ignoring_the_baseline_uncertainty_would_exceed_the_stated_rate()
    {
        // The same in-control series charted with the 2.5% CUSUM limit but a baseline given as if it were the truth
        // (mean and tau of the first 4 points, no Var(mu)): the shared error of the estimated level makes far more series signal.
        const int Series = 2_000, Baseline = 4, Monitored = 8;
        var h = ControlCharts.CusumLimitFor(0.025, Monitored, 0.5, Baseline);
        var naiveH = ControlCharts.CusumLimitFor(0.025, Monitored, 0.5, 0);
        var rng = DeterministicRandom.Create(2_026, "control-chart-naive-baseline");
        int corrected = 0, naive = 0;
        for (var s = 0; s < Series; s++)
        {
            var errors = Enumerable.Repeat(2.5, Baseline + Monitored).ToArray();
            var values = errors.Select(se => 40 + se * Gaussian(rng)).ToArray();
            corrected += ControlCharts.Cusum(values, errors, new CusumOptions(H: h, BaselinePoints: Baseline)).Signals.Count > 0 ? 1 : 0;
            var estimate = ControlChartBaseline.Estimate(values, errors, Baseline);
            var asKnown = new ControlChartBaseline(estimate.Mean, estimate.Sigma);
            naive += ControlCharts.Cusum(values[Baseline..], errors[Baseline..], new CusumOptions(H: naiveH, Baseline: asKnown)).Signals.Count > 0 ? 1 : 0;
        }

        output.WriteLine($"CUSUM at the 2.5% limit: {corrected} of {Series} series signal with the baseline's uncertainty, {naive} treating it as known");
        Assert.True(corrected <= Series * (0.025 + 3 * Math.Sqrt(0.025 * 0.975 / Series)), $"corrected {corrected} of {Series}");
        Assert.True(naive > 2 * corrected, $"naive {naive}, corrected {corrected} of {Series}");
    }

    static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    [Property(MaxTest = 300)]
    public bool A_constant_series_never_signals(int rawLevel, PositiveInt rawLength, int[] rawErrors, byte rawLambda, byte rawK, bool knownBaseline)
    {
        var level = rawLevel / 7.0;
        var length = 5 + rawLength.Get % 40;
        var values = Enumerable.Repeat(level, length).ToArray();
        // Standard errors 0..10 in steps of 0.1, zero (no sampling error) included; or none at all.
        double[]? errors = rawErrors.Length == 0 ? null
            : Enumerable.Range(0, length).Select(i => Math.Abs((long)rawErrors[i % rawErrors.Length]) % 101 / 10.0).ToArray();
        var lambda = (1 + rawLambda % 100) / 100.0;
        var k = rawK % 11 / 10.0;
        var baseline = knownBaseline ? new ControlChartBaseline(level, 0.5) : null;

        var ewma = ControlCharts.Ewma(values, errors, new EwmaOptions(Lambda: lambda, L: 2.5, Baseline: baseline));
        var cusum = ControlCharts.Cusum(values, errors, new CusumOptions(K: k, H: 3, Baseline: baseline));

        return ewma.Signals.Count == 0 && cusum.Signals.Count == 0
               && ewma.Points.All(p => p.Outside is null) && cusum.Points.All(p => p.Signal is null);
    }

    static void AssertEwma(ControlChartReference.Expected expected, EwmaChart chart, int baselinePoints)
    {
        Assert.Equal(expected.MeanTau[0], chart.Baseline.Mean, Tol);
        Assert.Equal(expected.MeanTau[1], chart.Baseline.Sigma, Tol);
        Assert.Equal(expected.MeanTau[2], chart.Baseline.MeanVariance, Tol);
        var monitored = chart.Points.Skip(baselinePoints).ToList();
        Assert.Equal(expected.Z.Length, monitored.Count);
        for (var i = 0; i < monitored.Count; i++)
        {
            Assert.Equal(expected.Z[i], monitored[i].Statistic, Tol);
            Assert.Equal(expected.Sd[i], monitored[i].StandardDeviation, Tol);
            Assert.Equal(expected.Lcl[i], monitored[i].Lower, Tol);
            Assert.Equal(expected.Ucl[i], monitored[i].Upper, Tol);
        }

        Assert.Equal(expected.EwmaSignals.Select(s => (s.Index, s.Direction)), chart.Signals.Select(s => (s.Index, s.Direction)));
    }

    static void AssertCusum(ControlChartReference.Expected expected, CusumChart chart, int baselinePoints)
    {
        Assert.Equal(expected.MeanTau[0], chart.Baseline.Mean, Tol);
        Assert.Equal(expected.MeanTau[1], chart.Baseline.Sigma, Tol);
        Assert.Equal(expected.MeanTau[2], chart.Baseline.MeanVariance, Tol);
        var monitored = chart.Points.Skip(baselinePoints).ToList();
        Assert.Equal(expected.Y.Length, monitored.Count);
        for (var i = 0; i < monitored.Count; i++)
        {
            Assert.Equal(expected.Y[i], monitored[i].Standardized, Tol);
            Assert.Equal(expected.CPlus[i], monitored[i].Upper, Tol);
            Assert.Equal(expected.CMinus[i], monitored[i].Lower, Tol);
        }

        Assert.Equal(expected.CusumSignals, chart.Signals.Select(s => (s.Index, s.Direction, s.ChangeStart)));
    }
}

/// <summary>The printed output of Reference/control_chart_reference.py (monitored points only).</summary>
internal static class ControlChartReference
{
    /// <summary>MeanTau: μ̂, τ̂ and Var(μ̂).</summary>
    public sealed record Expected(
        double[] MeanTau, double[] Z, double[] Sd, double[] Lcl, double[] Ucl, double[] Y, double[] CPlus, double[] CMinus,
        (int Index, ShiftDirection Direction, int? ChangeStart)[] EwmaSignals,
        (int Index, ShiftDirection Direction, int? ChangeStart)[] CusumSignals);

    /// <summary>Limits for a stated false-alarm rate: (alpha, monitored points, k, baseline points, EWMA L, CUSUM h).</summary>
    public static readonly (double Alpha, int Monitored, double K, int BaselinePoints, double L, double H)[] Limits =
    [
        (0.05 / 6, 8, 0.5, 4, 3.2790242977180215, 7.272959236597156),
        (0.01, 4, 0.5, 4, 3.0233414397391534, 4.338725003628458),
        (0.05, 20, 0.5, 0, 3.0233414397391534, 4.548138866863913),
    ];

    // Series A
    public static readonly Expected A = new(
        MeanTau: [42.6, 0.0, 1.15875],
        Z: [42.42000000000001, 42.93600000000001, 44.128800000000005, 45.34304, 46.574432, 47.219545600000004, 48.25563648000001, 49.20450918400001],
        Sd: [0.5260703375025054, 0.6884983660111329, 0.8020082293842128, 0.9124469343474173, 1.004842445918762, 1.0574779403452348, 1.0934501109619734, 1.1393826472016158],
        Lcl: [41.021788987492485, 40.5345049019666, 40.19397531184736, 39.86265919695775, 39.58547266224372, 39.4275661789643, 39.31964966711408, 39.18185205839515],
        Ucl: [44.17821101250752, 44.665495098033404, 45.00602468815264, 45.33734080304225, 45.614527337756286, 45.772433821035705, 45.880350332885925, 46.01814794160485],
        Y: [-0.3421595691073201, 1.0170267618619646, 2.7737563438245085, 3.103010254596875, 3.504711198017326, 3.051080285585894, 4.314732090393681, 4.246224558922038],
        CPlus: [0.0, 0.5170267618619646, 2.790783105686473, 5.3937933602833485, 3.004711198017326, 5.55579148360322, 3.814732090393681, 7.560956649315719],
        CMinus: [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        EwmaSignals: [(7, ShiftDirection.Up, null)],
        CusumSignals: [(7, ShiftDirection.Up, 5), (9, ShiftDirection.Up, 8), (11, ShiftDirection.Up, 10)]);
    // Series B
    public static readonly Expected B = new(
        MeanTau: [32.25, 3.239598740585013, 3.1875],
        Z: [31.875, 31.1625, 29.61375, 28.079625, 27.755737499999995, 26.029016249999998, 24.670311374999997, 24.169217962499996],
        Sd: [1.2090595518831981, 1.597449294969953, 1.8278378436010125, 1.9946100945861576, 2.0977824351963315, 2.1688729674084053, 2.212247110098671, 2.255748533454818],
        Lcl: [28.864633254727046, 27.77714197408413, 27.132054037917165, 26.66509173515876, 26.37620918145027, 26.177155691256466, 26.055708091723723, 25.93390410632651],
        Ucl: [35.635366745272954, 36.72285802591587, 37.367945962082835, 37.83490826484124, 38.12379081854973, 38.322844308743534, 38.44429190827628, 38.56609589367349],
        Y: [-0.3101584197535268, -0.6889548000123563, -1.5802541354135446, -1.9229822024718664, -1.3152773454781348, -2.5679224364096918, -2.7180371129112966, -2.2951723061760982],
        CPlus: [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        CMinus: [0.060158419753526815, 0.49911321976588313, 1.8293673551794278, 3.502349557651294, 1.0652773454781348, 3.3831997818878268, 2.4680371129112966, 4.513209419087395],
        EwmaSignals: [(9, ShiftDirection.Down, null)],
        CusumSignals: [(7, ShiftDirection.Down, 4), (9, ShiftDirection.Down, 8), (11, ShiftDirection.Down, 10)]);
    // Series M
    public static readonly Expected M = new(
        MeanTau: [10.0, 1.0, 0.0],
        Z: [9.945, 9.7495, 9.70355, 9.899195, 10.1252755, 10.130747950000002, 9.921673155000002, 10.075505839500003, 9.987955255550004, 10.023159729995005, 9.923843756995504, 10.078459381295954, 10.121613443166359, 10.049452098849722, 10.05250688896475, 9.984256200068275, 10.047830580061447, 10.074047522055304, 9.918642769849773, 10.010778492864796, 10.099700643578316, 10.022730579220484, 10.249457521298435, 10.374511769168592, 10.397060592251734, 10.465354533026561, 10.456819079723905, 10.573137171751515, 10.646823454576364, 10.634141109118728],
        Sd: [0.1, 0.13453624047073712, 0.15703821191035003, 0.1731340809892726, 0.18514881069021213, 0.19433699210649527, 0.20147248414066377, 0.20707206743379492, 0.21149908108584764, 0.21501815656620243, 0.21782693634863812, 0.2200757712725716, 0.22188062000090494, 0.22333185558918514, 0.22450047962963465, 0.22544262448944336, 0.2262028853014864, 0.22681682853827473, 0.22731290703259793, 0.22771393839623544, 0.22803825681086684, 0.22830061699689838, 0.22851290793769885, 0.22868471913587934, 0.22882379164035235, 0.22893637843894662, 0.22902753317433228, 0.22910134192329626, 0.22916110958352998, 0.22920950996391765],
        Lcl: [9.73, 9.63675215072901, 9.575996827842054, 9.532537981328964, 9.500098211136427, 9.475290121312463, 9.456024292820208, 9.440905417928754, 9.428952481068212, 9.419450977271254, 9.411867271858677, 9.405795417564057, 9.400922325997557, 9.3970039899092, 9.393848704999986, 9.391304913878503, 9.389252209685987, 9.387594562946658, 9.386255151011985, 9.385172366330163, 9.384296706610659, 9.383588334108374, 9.383015148568212, 9.382551258333125, 9.382175762571048, 9.381871778214844, 9.381625660429302, 9.3814263768071, 9.381265004124469, 9.381134323097422],
        Ucl: [10.27, 10.36324784927099, 10.424003172157946, 10.467462018671036, 10.499901788863573, 10.524709878687537, 10.543975707179792, 10.559094582071246, 10.571047518931788, 10.580549022728746, 10.588132728141323, 10.594204582435943, 10.599077674002443, 10.6029960100908, 10.606151295000014, 10.608695086121497, 10.610747790314013, 10.612405437053342, 10.613744848988015, 10.614827633669837, 10.615703293389341, 10.616411665891626, 10.616984851431788, 10.617448741666875, 10.617824237428952, 10.618128221785156, 10.618374339570698, 10.6185736231929, 10.618734995875531, 10.618865676902578],
        Y: [-0.5500000000000007, -2.01, -0.7100000000000009, 1.6600000000000001, 2.16, 0.17999999999999972, -1.9600000000000009, 1.4600000000000009, -0.8000000000000007, 0.33999999999999986, -0.9700000000000006, 1.4700000000000006, 0.5099999999999998, -0.5999999999999996, 0.08000000000000007, -0.6300000000000008, 0.6199999999999992, 0.3100000000000005, -1.4800000000000004, 0.8399999999999999, 0.9000000000000004, -0.6699999999999999, 2.289999999999999, 1.5, 0.5999999999999996, 1.08, 0.3800000000000008, 1.6199999999999992, 1.3100000000000005, 0.5199999999999996],
        CPlus: [0.0, 0.0, 0.0, 1.1600000000000001, 2.8200000000000003, 2.5, 0.03999999999999915, 1.0, 0.0, 0.0, 0.0, 0.9700000000000006, 0.9800000000000004, 0.0, 0.0, 0.0, 0.11999999999999922, 0.0, 0.0, 0.33999999999999986, 0.7400000000000002, 0.0, 1.7899999999999991, 2.789999999999999, 2.889999999999999, 3.469999999999999, 3.3499999999999996, 4.469999999999999, 5.279999999999999, 0.019999999999999574],
        CMinus: [0.05000000000000071, 1.5600000000000005, 1.7700000000000014, 0.0, 0.0, 0.0, 1.4600000000000009, 0.0, 0.3000000000000007, 0.0, 0.47000000000000064, 0.0, 0.0, 0.09999999999999964, 0.0, 0.13000000000000078, 0.0, 0.0, 0.9800000000000004, 0.0, 0.0, 0.16999999999999993, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        EwmaSignals: [(28, ShiftDirection.Up, null)],
        CusumSignals: [(28, ShiftDirection.Up, 22)]);
}
