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
/// points after the baseline (Phase II), treating μ₀ and τ as known.
/// </para>
/// <para>
/// <b>Assumptions.</b> Independent, approximately normal points (estimates from a few dozen responses or more), an
/// in-control baseline, and no autocorrelation. Treating the estimated μ₀ and τ as known makes false alarms somewhat
/// more frequent than the nominal in-control average run lengths (for known parameters about 560 periods for the EWMA
/// with λ = 0.2, L = 3, Lucas and Saccucci 1990, and 168 for the CUSUM with k = 0.5, h = 4, Montgomery § 9.1.3); a longer
/// baseline (more points) brings them closer.
/// </para>
/// <para>
/// <b>Reference.</b> Montgomery D.C. (2009) Introduction to Statistical Quality Control, 6th ed., Wiley: § 9.1
/// (tabular CUSUM, standardized form, estimate of the change point) and § 9.2 (EWMA, exact variance of z_i);
/// Lucas J.M., Saccucci M.S. (1990) Technometrics 32(1):1–12. Reference values: tests/Fulcrum.Core.Tests/Reference/control_chart_reference.py.
/// </para>
/// </remarks>
public static class ControlCharts
{
    /// <summary>
    /// EWMA chart: z_i = λ·x_i + (1 − λ)·z_{i−1}, starting at z = μ₀ on the first monitored point, with limits
    /// μ₀ ± L·√Var(z_i) where Var(z_i) = λ²σ_i² + (1 − λ)²·Var(z_{i−1}), Var = 0 before the first monitored point.
    /// </summary>
    /// <remarks>
    /// <b>Method.</b> z_i is a weighted sum of independent points, so its variance is Σ_j λ²(1 − λ)^{2(i−j)} σ_j²; the
    /// recursion above computes it. With a constant σ it is Montgomery's exact-variance limit
    /// σ²·λ/(2 − λ)·[1 − (1 − λ)^{2i}] (§ 9.2.1); with per-point σ_i² = τ² + SE_i² the limits widen at points with fewer
    /// responses. A signal is the first point of each run of points beyond the same limit, so a sustained shift gives
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

        var points = new List<EwmaPoint>(values.Count);
        var signals = new List<ControlChartSignal>();
        double z = baseline.Mean, variance = 0;
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
            var sd = Math.Sqrt(variance);
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
    /// Two-sided tabular CUSUM on standardized residuals y_i = (x_i − μ₀)/σ_i, σ_i² = τ² + SE_i²:
    /// C⁺_i = max(0, y_i − k + C⁺_{i−1}), C⁻_i = max(0, −k − y_i + C⁻_{i−1}), both starting at 0 on the first monitored point.
    /// </summary>
    /// <remarks>
    /// <b>Method.</b> Montgomery § 9.1.4 (standardized CUSUM). The chart signals when C⁺ &gt; h (upward shift) or C⁻ &gt; h
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
            var sigma = Math.Sqrt(baseline.PointVariance(se));
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
