using System.Collections.Concurrent;
using MathNet.Numerics.Distributions;

namespace Fulcrum.Core.Statistics;

/// <summary>
/// Control charts for a time series of estimates with standard errors (e.g. a segment's NPS per quarter):
/// the EWMA chart and the two-sided tabular CUSUM, with per-point variances so that periods with few responses
/// get wider limits.
/// </summary>
/// <remarks>
/// <para>
/// <b>In-control model.</b> x_i = μ₀ + u_i + e_i with u_i ~ N(0, τ²) (true period-to-period variation) and
/// e_i ~ N(0, SE_i²) (the point's sampling error), all independent, so σ_i² = τ² + SE_i² (<see cref="ControlChartBaseline"/>).
/// μ₀ and τ are estimated from the first k points (Phase I, default k = 4) or given; the charts then monitor the
/// points after the baseline (Phase II).
/// </para>
/// <para>
/// <b>Estimated baseline.</b> An estimated level μ̂ is itself uncertain, Var(μ̂) = (τ̂² + mean baseline SE²)/k
/// (<see cref="ControlChartBaseline.MeanVariance"/>; 0 for a given baseline), and every monitored point is compared
/// with the same μ̂. Both charts add that variance: the EWMA to Var(z_t − μ̂), the CUSUM to the variance it standardizes
/// with. Without it, on a 4-point baseline with τ = 0, the CUSUM's standard deviations are about 11% too small and the
/// EWMA's (λ = 0.2, after 8 points) about 40% too small, and an unlucky baseline pushes all later points the same way:
/// on generated companies with no real change, most scans raised alerts. τ is still plugged in as known.
/// </para>
/// <para>
/// <b>Assumptions.</b> Independent, approximately normal points (estimates from a few dozen responses or more), an
/// in-control baseline, and no autocorrelation. For known parameters the in-control average run length is about 560
/// periods for the EWMA with λ = 0.2, L = 3 (Lucas and Saccucci 1990) and 168 for the CUSUM with k = 0.5, h = 4
/// (Montgomery § 9.1.3). For a stated probability of any false alarm over a given number of monitored points, choose L
/// with <see cref="EwmaWidthFor"/> and h with <see cref="CusumLimitFor"/>; both assume the baseline's only variation is
/// sampling error (true τ = 0). A true τ &gt; 0 estimated from a few points is imprecise (k − 1 degrees of freedom), and
/// the false-alarm rate is then higher than stated.
/// </para>
/// <para>
/// <b>Reference.</b> Montgomery D.C. (2009) Introduction to Statistical Quality Control, 6th ed., Wiley: § 9.1
/// (tabular CUSUM, standardized form, estimate of the change point) and § 9.2 (EWMA, exact variance of z_i);
/// Lucas J.M., Saccucci M.S. (1990) Technometrics 32(1):1–12; Jensen W.A., Jones-Farmer L.A., Champ C.W., Woodall W.H.
/// (2006) Effects of parameter estimation on control chart properties, Journal of Quality Technology 38(4):349–364.
/// Reference values: tests/Fulcrum.Core.Tests/Reference/control_chart_reference.py.
/// </para>
/// </remarks>
public static class ControlCharts
{
    /// <summary>
    /// EWMA chart: z_t = λ·x_t + (1 − λ)·z_{t−1}, starting at z = μ̂ before the first monitored point, with limits
    /// μ̂ ± L·√Var(z_t − μ̂) where Var(z_t − μ̂) = V_t + (1 − (1 − λ)^t)²·Var(μ̂), V_t = λ²σ_t² + (1 − λ)²·V_{t−1}, V_0 = 0,
    /// t = 1, 2, … counting the monitored points and Var(μ̂) = <see cref="ControlChartBaseline.MeanVariance"/>.
    /// </summary>
    /// <remarks>
    /// <b>Method.</b> z_t − μ̂ = Σ_j w_j (x_j − μ̂) with w_j = λ(1 − λ)^{t−j}, weights summing to 1 − (1 − λ)^t, so
    /// z_t − μ̂ = Σ_j w_j (x_j − μ₀) − (1 − (1 − λ)^t)(μ̂ − μ₀): two independent parts, the first with variance
    /// V_t = Σ_j λ²(1 − λ)^{2(t−j)} σ_j² (the recursion above; with a constant σ and a known μ₀ it is Montgomery's
    /// exact-variance limit σ²·λ/(2 − λ)·[1 − (1 − λ)^{2t}], § 9.2.1), the second with variance
    /// (1 − (1 − λ)^t)²·Var(μ̂), the Phase I estimation error of the level. With per-point σ_t² = τ² + SE_t² the limits
    /// widen at points with fewer responses; with a given baseline Var(μ̂) = 0 and the chart is the textbook one.
    /// Under the in-control model z_t − μ̂ is exactly normal with this variance at every t (for the true τ), so
    /// P(|z_t − μ̂| &gt; L·sd_t) = 2·(1 − Φ(L)) per point, which is what <see cref="EwmaWidthFor"/> uses.
    /// A signal is the first point of each run of points beyond the same limit, so a sustained shift gives
    /// one signal, not one per period. Assumptions and reference: see the type remarks.
    /// </remarks>
    /// <param name="values">The series, oldest first; every value finite.</param>
    /// <param name="standardErrors">Each value's standard error (finite, ≥ 0), or null when there are none (then τ is the process σ).</param>
    /// <param name="options">λ, L and the baseline; defaults λ = 0.2, L = 3, baseline from the first 4 points.</param>
    /// <exception cref="ArgumentException">Lengths differ, a value or standard error is not finite or negative, or the series is shorter than the baseline.</exception>
    public static EwmaChart Ewma(IReadOnlyList<double> values, IReadOnlyList<double>? standardErrors, EwmaOptions? options = null)
    {
        options ??= new EwmaOptions();
        options.Validate();
        var (baseline, start) = ResolveBaseline(values, standardErrors, options.Baseline, options.BaselinePoints);
        var lambda = options.Lambda;
        var decay = (1 - lambda) * (1 - lambda);
        var meanVariance = baseline.MeanVariance;

        var points = new List<EwmaPoint>(values.Count);
        var signals = new List<ControlChartSignal>();
        // variance: V_t, the part from the monitored points; carry: (1 − λ)^t, the weight z_t still puts on its start μ̂.
        double z = baseline.Mean, variance = 0, carry = 1;
        ShiftDirection? previous = null;
        for (var i = 0; i < values.Count; i++)
        {
            var x = values[i];
            var se = standardErrors?[i] ?? 0;
            if (i < start)
            {
                points.Add(new EwmaPoint(i, x, se, true, double.NaN, double.NaN, double.NaN, double.NaN, null));
                continue;
            }

            // z + λ(x − z) is λx + (1 − λ)z rearranged; it leaves z unchanged when x = z exactly.
            z += lambda * (x - z);
            variance = lambda * lambda * baseline.PointVariance(se) + decay * variance;
            carry *= 1 - lambda;
            var baselineWeight = 1 - carry;
            var sd = Math.Sqrt(variance + baselineWeight * baselineWeight * meanVariance);
            var lower = baseline.Mean - options.L * sd;
            var upper = baseline.Mean + options.L * sd;
            ShiftDirection? outside = z > upper ? ShiftDirection.Up : z < lower ? ShiftDirection.Down : null;
            if (outside is { } direction && outside != previous)
            {
                signals.Add(new ControlChartSignal(i, direction, z, direction == ShiftDirection.Up ? upper : lower, null));
            }

            previous = outside;
            points.Add(new EwmaPoint(i, x, se, false, z, sd, lower, upper, outside));
        }

        return new EwmaChart(options, baseline, points, signals);
    }

    /// <summary>EWMA chart of estimates; see <see cref="Ewma(IReadOnlyList{double}, IReadOnlyList{double}?, EwmaOptions?)"/> and <see cref="StandardErrorOf"/>.</summary>
    public static EwmaChart Ewma(IReadOnlyList<Estimate> series, EwmaOptions? options = null)
    {
        var (values, errors) = Split(series);
        return Ewma(values, errors, options);
    }

    /// <summary>
    /// Two-sided tabular CUSUM on standardized residuals y_i = (x_i − μ̂)/σ_i, σ_i² = τ² + SE_i² + Var(μ̂):
    /// C⁺_i = max(0, y_i − k + C⁺_{i−1}), C⁻_i = max(0, −k − y_i + C⁻_{i−1}), both starting at 0 on the first monitored point.
    /// </summary>
    /// <remarks>
    /// <b>Method.</b> Montgomery § 9.1.4 (standardized CUSUM). x_i − μ̂ = (x_i − μ₀) − (μ̂ − μ₀) has variance
    /// τ² + SE_i² + Var(μ̂) (<see cref="ControlChartBaseline.MeanVariance"/>: the Phase I estimation error of the level,
    /// 0 for a given baseline), so each y_i is N(0, 1) in control; the y_i of one series share μ̂ and are therefore
    /// slightly positively correlated, which <see cref="CusumLimitFor"/> simulates. The chart signals when C⁺ &gt; h (upward shift) or C⁻ &gt; h
    /// (downward); both sums and run counters then restart at 0, as after an investigated signal, so a shift that persists
    /// signals again. N⁺/N⁻ count the consecutive points with a non-zero sum; the shift is estimated to have begun at the
    /// first point of that run (§ 9.1.2), reported as <see cref="ControlChartSignal.ChangeStart"/>. A point with σ_i = 0
    /// has y_i = 0 when it equals μ₀ and ±∞ otherwise. Assumptions and reference: see the type remarks.
    /// </remarks>
    /// <param name="values">The series, oldest first; every value finite.</param>
    /// <param name="standardErrors">Each value's standard error (finite, ≥ 0), or null when there are none.</param>
    /// <param name="options">k, h and the baseline; defaults k = 0.5, h = 4, baseline from the first 4 points.</param>
    /// <exception cref="ArgumentException">Lengths differ, a value or standard error is not finite or negative, or the series is shorter than the baseline.</exception>
    public static CusumChart Cusum(IReadOnlyList<double> values, IReadOnlyList<double>? standardErrors, CusumOptions? options = null)
    {
        options ??= new CusumOptions();
        options.Validate();
        var (baseline, start) = ResolveBaseline(values, standardErrors, options.Baseline, options.BaselinePoints);
        var (k, h) = (options.K, options.H);

        var points = new List<CusumPoint>(values.Count);
        var signals = new List<ControlChartSignal>();
        double up = 0, down = 0;
        int upRun = 0, downRun = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var x = values[i];
            var se = standardErrors?[i] ?? 0;
            if (i < start)
            {
                points.Add(new CusumPoint(i, x, se, true, double.NaN, double.NaN, double.NaN, 0, 0, null));
                continue;
            }

            var deviation = x - baseline.Mean;
            var sigma = Math.Sqrt(baseline.PointVariance(se) + baseline.MeanVariance);
            var y = deviation == 0 ? 0 : sigma > 0 ? deviation / sigma : Math.CopySign(double.PositiveInfinity, deviation);
            up = Math.Max(0, y - k + up);
            down = Math.Max(0, -k - y + down);
            upRun = up > 0 ? upRun + 1 : 0;
            downRun = down > 0 ? downRun + 1 : 0;
            ShiftDirection? signal = up > h ? ShiftDirection.Up : down > h ? ShiftDirection.Down : null;
            points.Add(new CusumPoint(i, x, se, false, y, up, down, upRun, downRun, signal));
            if (signal is { } direction)
            {
                var (sum, run) = direction == ShiftDirection.Up ? (up, upRun) : (down, downRun);
                signals.Add(new ControlChartSignal(i, direction, sum, h, i - run + 1));
                (up, down, upRun, downRun) = (0, 0, 0, 0);
            }
        }

        return new CusumChart(options, baseline, points, signals);
    }

    /// <summary>Tabular CUSUM of estimates; see <see cref="Cusum(IReadOnlyList{double}, IReadOnlyList{double}?, CusumOptions?)"/> and <see cref="StandardErrorOf"/>.</summary>
    public static CusumChart Cusum(IReadOnlyList<Estimate> series, CusumOptions? options = null)
    {
        var (values, errors) = Split(series);
        return Cusum(values, errors, options);
    }

    /// <summary>
    /// The EWMA limit width L for which an in-control series crosses a limit at any of its
    /// <paramref name="monitoredPoints"/> monitored points with probability at most <paramref name="falseAlarmRate"/>:
    /// L = Φ⁻¹(1 − α/(2m)).
    /// </summary>
    /// <remarks>
    /// <b>Method.</b> Bonferroni over the m monitored points and both limits. In control, z_t − μ̂ is normal with exactly the
    /// standard deviation the chart uses (the baseline's estimation error included; see
    /// <see cref="Ewma(IReadOnlyList{double}, IReadOnlyList{double}?, EwmaOptions?)"/>), so each point is beyond a limit
    /// with probability 2·(1 − Φ(L)) = α/m, and the union over the m points has probability at most α whatever the
    /// correlation between successive z_t. Because successive z_t are strongly correlated (λ = 0.2 keeps 80% of the last
    /// one), the actual rate is well below α: conservative, but valid whatever the dependence.
    /// <b>Assumptions.</b> Those of the chart, with the true τ = 0 (then the estimated τ̂ ≥ 0 only widens the limits) or
    /// τ known; the standard errors are right.
    /// <b>Reference.</b> Bonferroni inequality, e.g. Hochberg Y., Tamhane A.C. (1987) Multiple Comparison Procedures,
    /// Wiley; Montgomery (2009) § 9.2.1 for the exact EWMA variance.
    /// </remarks>
    /// <param name="falseAlarmRate">α in (0, 1): the probability of any signal over the monitored points.</param>
    /// <param name="monitoredPoints">m ≥ 1: the number of points the chart checks.</param>
    /// <exception cref="ArgumentOutOfRangeException">α is not in (0, 1) or m is below 1.</exception>
    public static double EwmaWidthFor(double falseAlarmRate, int monitoredPoints)
    {
        CheckCalibration(falseAlarmRate, monitoredPoints);
        return Normal.InvCDF(0, 1, 1 - falseAlarmRate / (2.0 * monitoredPoints));
    }

    /// <summary>
    /// The CUSUM decision interval h for which an in-control series — <paramref name="baselinePoints"/> baseline points
    /// (0: a given baseline) followed by <paramref name="monitoredPoints"/> monitored ones — signals at all with probability
    /// at most <paramref name="falseAlarmRate"/>, for reference value <paramref name="k"/>; calibrated by simulation.
    /// </summary>
    /// <remarks>
    /// <b>Method.</b> Before its first signal a CUSUM never restarts, so a series signals if and only if
    /// M = max_t max(C⁺_t, C⁻_t) &gt; h; h is an upper quantile of M over N simulated in-control series. Each has its
    /// baseline and monitored points drawn N(0, 1) with standard error 1 and τ = 0, and μ̂, τ̂ and Var(μ̂) estimated from
    /// its baseline exactly as <see cref="Cusum(IReadOnlyList{double}, IReadOnlyList{double}?, CusumOptions?)"/> does, so
    /// the baseline's estimation error and the correlation it induces between the y_t are part of the simulation.
    /// N = ⌈500/α⌉ series (at least 20,000, at most 2,000,000) in 16 fixed chunks run in parallel, each with normal draws
    /// by Marsaglia's polar method from its own SplitMix64 stream of a fixed seed (<see cref="CalibrationSeed"/>), so the
    /// same arguments give the same h whatever the thread schedule. To keep the Monte Carlo error on the safe side, h is
    /// the (r + 1)-th largest simulated M with r = ⌊αN − 2√(αN)⌋ (a one-sided 97.7% binomial bound): at most r of the N
    /// simulated series would signal. Results are cached per argument set; a calibration takes tens of milliseconds.
    /// Points with unequal standard errors have the same N(0, 1) margins after standardizing; only their correlation
    /// through μ̂ changes slightly.
    /// <b>Assumptions.</b> Independent normal points with correct standard errors and no true variation between periods
    /// beyond sampling error in control (τ = 0); a true τ &gt; 0 that the few baseline points underestimate raises the rate.
    /// <b>Reference.</b> Jones L.A., Champ C.W., Rigdon S.E. (2004) The run length distribution of the CUSUM with estimated
    /// parameters, Journal of Quality Technology 36(1):95–108 (the in-control run length with an estimated baseline);
    /// Montgomery (2009) § 9.1.3 (choosing h). Checked against an independent numpy simulation in
    /// tests/Fulcrum.Core.Tests/Reference/control_chart_reference.py.
    /// </remarks>
    /// <param name="falseAlarmRate">α in (0, 1): the probability of any signal over the monitored points.</param>
    /// <param name="monitoredPoints">m ≥ 1: the number of points the chart checks.</param>
    /// <param name="k">The CUSUM reference value (standard deviations), ≥ 0.</param>
    /// <param name="baselinePoints">Points the baseline is estimated from (at least 2), or 0 for a given baseline.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double CusumLimitFor(double falseAlarmRate, int monitoredPoints, double k = 0.5, int baselinePoints = 4)
    {
        CheckCalibration(falseAlarmRate, monitoredPoints);
        if (!(k >= 0) || !double.IsFinite(k)) throw new ArgumentOutOfRangeException(nameof(k), k, "k must be non-negative.");
        if (baselinePoints is 1 or < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(baselinePoints), baselinePoints, "An estimated baseline needs at least 2 points (0: a given baseline).");
        }

        return CusumLimits.GetOrAdd((falseAlarmRate, monitoredPoints, k, baselinePoints),
            key => SimulateCusumLimit(key.Rate, key.Monitored, key.K, key.Baseline));
    }

    /// <summary>The seed of the CUSUM calibration simulations (<see cref="CusumLimitFor"/>).</summary>
    public const ulong CalibrationSeed = 20_240_401;

    static readonly ConcurrentDictionary<(double Rate, int Monitored, double K, int Baseline), double> CusumLimits = new();

    static void CheckCalibration(double falseAlarmRate, int monitoredPoints)
    {
        if (!(falseAlarmRate > 0 && falseAlarmRate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(falseAlarmRate), falseAlarmRate, "The false-alarm rate must be in (0, 1).");
        }

        if (monitoredPoints < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(monitoredPoints), monitoredPoints, "At least one point must be monitored.");
        }
    }

    static double SimulateCusumLimit(double alpha, int monitored, double k, int baselinePoints)
    {
        var n = (int)Math.Clamp(Math.Ceiling(500 / alpha), 20_000, 2_000_000);
        var expected = alpha * n;
        var allowed = Math.Max(0, (int)Math.Floor(expected - 2 * Math.Sqrt(expected)));

        // A fixed number of chunks, each with its own random stream and its own allowed + 1 largest maxima, run in parallel;
        // the largest maxima overall are among the chunks' largest, so the result never depends on scheduling.
        var chunks = new double[CalibrationChunks][];
        Parallel.For(0, CalibrationChunks, c =>
        {
            var reps = n / CalibrationChunks + (c < n % CalibrationChunks ? 1 : 0);
            chunks[c] = SimulateCusumMaxima(new GaussianSource(DeterministicRandom.DeriveSeed(CalibrationSeed, (ulong)c)),
                reps, monitored, k, baselinePoints, allowed + 1);
        });

        var largest = chunks.SelectMany(x => x).OrderDescending().Take(allowed + 1).ToList();
        // A chart signals when a sum exceeds h strictly, so at most `allowed` of the simulated series exceed this h.
        return Math.Max(largest[^1], 1e-9);
    }

    const int CalibrationChunks = 16;

    /// <summary>The <paramref name="keep"/> largest of <paramref name="reps"/> simulated in-control CUSUM maxima M.</summary>
    static double[] SimulateCusumMaxima(GaussianSource gaussian, int reps, int monitored, double k, int baselinePoints, int keep)
    {
        var largest = new PriorityQueue<double, double>(keep + 1);
        var baseline = new double[Math.Max(baselinePoints, 1)];
        for (var rep = 0; rep < reps; rep++)
        {
            double mean = 0, sd = 1;
            if (baselinePoints > 0)
            {
                for (var i = 0; i < baselinePoints; i++)
                {
                    baseline[i] = gaussian.Next();
                    mean += baseline[i];
                }

                mean /= baselinePoints;
                var squares = 0.0;
                for (var i = 0; i < baselinePoints; i++)
                {
                    squares += (baseline[i] - mean) * (baseline[i] - mean);
                }

                // As ControlChartBaseline.Estimate and MeanVariance with every SE = 1: τ̂² = max(0, s² − 1), Var(μ̂) = (τ̂² + 1)/k.
                var tauSquared = Math.Max(0, squares / (baselinePoints - 1) - 1);
                sd = Math.Sqrt(tauSquared + 1 + (tauSquared + 1) / baselinePoints);
            }

            double up = 0, down = 0, max = 0;
            for (var t = 0; t < monitored; t++)
            {
                var y = (gaussian.Next() - mean) / sd;
                up = Math.Max(0, y - k + up);
                down = Math.Max(0, -k - y + down);
                max = Math.Max(max, Math.Max(up, down));
            }

            if (largest.Count < keep)
            {
                largest.Enqueue(max, max);
            }
            else if (max > largest.Peek())
            {
                largest.EnqueueDequeue(max, max);
            }
        }

        return largest.UnorderedItems.Select(x => x.Element).ToArray();
    }

    /// <summary>
    /// Standard normal draws by Marsaglia's polar method (two per accepted pair of uniforms) from a SplitMix64 stream
    /// (<see cref="DeterministicRandom.NextSplitMix64"/>): fast, and independent of System.Random's implementation.
    /// </summary>
    sealed class GaussianSource(ulong seed)
    {
        ulong _state = seed;
        double _spare;
        bool _hasSpare;

        public double Next()
        {
            if (_hasSpare)
            {
                _hasSpare = false;
                return _spare;
            }

            double u, v, s;
            do
            {
                u = 2 * Uniform() - 1;
                v = 2 * Uniform() - 1;
                s = u * u + v * v;
            }
            while (s >= 1 || s == 0);

            var factor = Math.Sqrt(-2 * Math.Log(s) / s);
            _spare = v * factor;
            _hasSpare = true;
            return u * factor;
        }

        // The top 53 bits as a double in [0, 1).
        double Uniform() => (DeterministicRandom.NextSplitMix64(ref _state) >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>
    /// The standard error of an estimate: <see cref="Estimate.StandardError"/> when it has one, else the half-width of its
    /// interval over the normal critical value, (Upper − Lower)/(2·z), which is exact for a symmetric normal interval and
    /// an approximation for others (e.g. Wilson).
    /// </summary>
    /// <exception cref="ArgumentException">The estimate is undefined or has neither a standard error nor an interval.</exception>
    public static double StandardErrorOf(Estimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        if (!estimate.IsDefined)
        {
            throw new ArgumentException("An undefined estimate cannot be charted; leave the period out.", nameof(estimate));
        }

        if (estimate.StandardError is { } se)
        {
            return se;
        }

        if (double.IsFinite(estimate.Lower) && double.IsFinite(estimate.Upper))
        {
            return (estimate.Upper - estimate.Lower) / (2 * Distributions.ZCritical(estimate.ConfidenceLevel));
        }

        throw new ArgumentException("The estimate has neither a standard error nor an interval.", nameof(estimate));
    }

    internal static void CheckSeries(IReadOnlyList<double> values, IReadOnlyList<double>? standardErrors)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (standardErrors is not null && standardErrors.Count != values.Count)
        {
            throw new ArgumentException($"There are {standardErrors.Count} standard errors for {values.Count} values.", nameof(standardErrors));
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"Value {i} is {values[i]}; every value must be finite.", nameof(values));
            }

            if (standardErrors is not null && !(standardErrors[i] >= 0 && double.IsFinite(standardErrors[i])))
            {
                throw new ArgumentException($"Standard error {i} is {standardErrors[i]}; it must be finite and non-negative.", nameof(standardErrors));
            }
        }
    }

    internal static void CheckBaseline(ControlChartBaseline? baseline, int baselinePoints)
    {
        if (baseline is null)
        {
            if (baselinePoints < 2)
            {
                throw new ArgumentOutOfRangeException(nameof(baselinePoints), baselinePoints, "An estimated baseline needs at least 2 points.");
            }

            return;
        }

        if (!double.IsFinite(baseline.Mean))
        {
            throw new ArgumentOutOfRangeException(nameof(baseline), baseline.Mean, "The baseline mean must be finite.");
        }

        if (!(baseline.Sigma >= 0 && double.IsFinite(baseline.Sigma)))
        {
            throw new ArgumentOutOfRangeException(nameof(baseline), baseline.Sigma, "The baseline sigma must be finite and non-negative.");
        }
    }

    static (ControlChartBaseline Baseline, int MonitoringStart) ResolveBaseline(
        IReadOnlyList<double> values, IReadOnlyList<double>? standardErrors, ControlChartBaseline? given, int baselinePoints)
    {
        CheckSeries(values, standardErrors);
        if (given is not null)
        {
            return (given, 0);
        }

        if (values.Count < baselinePoints)
        {
            throw new ArgumentException(
                $"The series has {values.Count} points; the baseline alone needs {baselinePoints}.", nameof(values));
        }

        return (ControlChartBaseline.Estimate(values, standardErrors, baselinePoints), baselinePoints);
    }

    static (double[] Values, double[] Errors) Split(IReadOnlyList<Estimate> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var values = new double[series.Count];
        var errors = new double[series.Count];
        for (var i = 0; i < series.Count; i++)
        {
            errors[i] = StandardErrorOf(series[i]);
            values[i] = series[i].Value;
        }

        return (values, errors);
    }
}
