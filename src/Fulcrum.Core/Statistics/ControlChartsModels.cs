namespace Fulcrum.Core.Statistics;

/// <summary>Which way a monitored metric moved away from its baseline.</summary>
public enum ShiftDirection
{
    /// <summary>Above the baseline (the upper limit was crossed).</summary>
    Up,

    /// <summary>Below the baseline (the lower limit was crossed).</summary>
    Down,
}

/// <summary>
/// The in-control model of a monitored series: each point is x_i = <see cref="Mean"/> + u_i + e_i, where u_i ~ N(0, τ²)
/// is true period-to-period variation (τ = <see cref="Sigma"/>) and e_i ~ N(0, SE_i²) is the point's own sampling error,
/// so a point's in-control variance is τ² + SE_i² (<see cref="PointVariance"/>). For a series without standard errors
/// SE_i = 0 and <see cref="Sigma"/> is the usual process standard deviation of Montgomery's charts.
/// </summary>
/// <param name="Mean">μ₀, the in-control level.</param>
/// <param name="Sigma">τ ≥ 0, the in-control standard deviation beyond each point's sampling error.</param>
/// <param name="Points">How many leading points of the series it was estimated from; 0 when it was given.</param>
/// <param name="SamplingVariance">Mean SE² over the baseline points (0 when given or without standard errors): with
/// the baseline sample variance s², τ² = max(0, s² − SamplingVariance).</param>
public sealed record ControlChartBaseline(double Mean, double Sigma, int Points = 0, double SamplingVariance = 0)
{
    /// <summary>True when the baseline was estimated from the first <see cref="Points"/> points of the series.</summary>
    public bool Estimated => Points > 0;

    /// <summary>The in-control variance of a point with standard error <paramref name="standardError"/>: τ² + SE².</summary>
    public double PointVariance(double standardError) => Sigma * Sigma + standardError * standardError;

    /// <summary>
    /// Var(μ̂), the variance of the estimated level: (τ² + <see cref="SamplingVariance"/>)/k for a baseline estimated from
    /// k = <see cref="Points"/> points, 0 for a given (known) baseline.
    /// </summary>
    /// <remarks>
    /// <b>Method.</b> μ̂ is the mean of k independent points with variances τ² + SE_i², so Var(μ̂) = Σ(τ² + SE_i²)/k² =
    /// (τ² + mean SE²)/k, here with the estimated τ. The charts add it to the variance of every monitored deviation from μ̂
    /// (the Phase I estimation error of μ₀): a chart that treated μ̂ as the true level would be too narrow — with k = 4 and
    /// τ = 0 each deviation x_t − μ̂ has variance SE²(1 + 1/4), and one unlucky baseline shifts every later point the same way.
    /// <b>Assumption.</b> The baseline points are independent of the monitored ones. τ itself is still plugged in as known.
    /// <b>Reference.</b> Jensen W.A., Jones-Farmer L.A., Champ C.W., Woodall W.H. (2006) "Effects of parameter estimation on
    /// control chart properties: a literature review", Journal of Quality Technology 38(4):349–364; Montgomery (2009) § 9.2.
    /// </remarks>
    public double MeanVariance => Estimated ? (Sigma * Sigma + SamplingVariance) / Points : 0;

    /// <summary>
    /// Estimates the baseline from the first <paramref name="points"/> points (Phase I):
    /// μ₀ = their mean; τ² = max(0, s² − mean SE²), where s² is their sample variance (n − 1 denominator).
    /// </summary>
    /// <remarks>
    /// <b>Method.</b> Method-of-moments estimate of the between-period variance, as in the DerSimonian–Laird
    /// random-effects model: the observed spread of the baseline points minus the part their sampling errors explain,
    /// truncated at zero. With no standard errors it is the plain sample standard deviation. The mean is computed as
    /// x₁ + Σ(xᵢ − x₁)/k, so a constant baseline gives its value exactly.
    /// <b>Assumptions.</b> The baseline points are in control (no shift among them) and independent.
    /// With few points (the default is 4) τ is imprecise; a noisy baseline widens the limits rather than narrowing them,
    /// because τ² is never below 0 and the sampling error of every later point is always added.
    /// <b>Reference.</b> Montgomery D.C. (2009) Introduction to Statistical Quality Control, 6th ed., §§ 9.1–9.2 (Phase I
    /// estimation of μ₀ and σ); DerSimonian R., Laird N. (1986) Controlled Clinical Trials 7:177–188.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="points"/> is below 2 or above the series length.</exception>
    public static ControlChartBaseline Estimate(IReadOnlyList<double> values, IReadOnlyList<double>? standardErrors, int points)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (points < 2 || points > values.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(points), points,
                $"A baseline needs at least 2 points and at most the series length ({values.Count}).");
        }

        ControlCharts.CheckSeries(values, standardErrors);
        var first = values[0];
        var sumDeviation = 0.0;
        for (var i = 0; i < points; i++)
        {
            sumDeviation += values[i] - first;
        }

        var mean = first + sumDeviation / points;
        double squares = 0, samplingVariance = 0;
        for (var i = 0; i < points; i++)
        {
            var d = values[i] - mean;
            squares += d * d;
            var se = standardErrors?[i] ?? 0;
            samplingVariance += se * se;
        }

        samplingVariance /= points;
        var tauSquared = Math.Max(0, squares / (points - 1) - samplingVariance);
        return new ControlChartBaseline(mean, Math.Sqrt(tauSquared), points, samplingVariance);
    }
}

/// <summary>Settings of an EWMA chart (<see cref="ControlCharts.Ewma(IReadOnlyList{double}, IReadOnlyList{double}?, EwmaOptions?)"/>).</summary>
/// <param name="Lambda">λ in (0, 1], the weight of the newest point (0.2: about the last 9 points matter).</param>
/// <param name="L">Width of the limits in standard deviations of the EWMA statistic.</param>
/// <param name="BaselinePoints">How many leading points estimate the baseline when <paramref name="Baseline"/> is null.</param>
/// <param name="Baseline">A known in-control model; then every point is monitored.</param>
public sealed record EwmaOptions(double Lambda = 0.2, double L = 3, int BaselinePoints = 4, ControlChartBaseline? Baseline = null)
{
    internal void Validate()
    {
        if (!(Lambda > 0 && Lambda <= 1)) throw new ArgumentOutOfRangeException(nameof(Lambda), Lambda, "lambda must be in (0, 1].");
        if (!(L > 0) || !double.IsFinite(L)) throw new ArgumentOutOfRangeException(nameof(L), L, "L must be positive.");
        ControlCharts.CheckBaseline(Baseline, BaselinePoints);
    }
}

/// <summary>Settings of a tabular CUSUM (<see cref="ControlCharts.Cusum(IReadOnlyList{double}, IReadOnlyList{double}?, CusumOptions?)"/>).</summary>
/// <param name="K">Reference value (allowance) k in standard deviations; 0.5 is tuned to detect a shift of 1σ.</param>
/// <param name="H">Decision interval h in standard deviations.</param>
/// <param name="BaselinePoints">How many leading points estimate the baseline when <paramref name="Baseline"/> is null.</param>
/// <param name="Baseline">A known in-control model; then every point is monitored.</param>
public sealed record CusumOptions(double K = 0.5, double H = 4, int BaselinePoints = 4, ControlChartBaseline? Baseline = null)
{
    internal void Validate()
    {
        if (!(K >= 0) || !double.IsFinite(K)) throw new ArgumentOutOfRangeException(nameof(K), K, "k must be non-negative.");
        if (!(H > 0) || !double.IsFinite(H)) throw new ArgumentOutOfRangeException(nameof(H), H, "h must be positive.");
        ControlCharts.CheckBaseline(Baseline, BaselinePoints);
    }
}

/// <summary>
/// Where a chart signals: the first point of the excursion, its direction, the chart statistic and the limit it crossed.
/// </summary>
/// <param name="Index">Index in the input series of the point at which the chart signalled.</param>
/// <param name="Direction">Up (upper limit crossed) or down.</param>
/// <param name="Statistic">EWMA: z at that point (value units). CUSUM: C⁺ or C⁻ (standard deviations).</param>
/// <param name="Limit">EWMA: the control limit crossed (value units). CUSUM: h.</param>
/// <param name="ChangeStart">CUSUM only: index of the first point of the run that built up the sum — the estimated
/// start of the shift (Montgomery § 9.1.2); null for the EWMA.</param>
public sealed record ControlChartSignal(int Index, ShiftDirection Direction, double Statistic, double Limit, int? ChangeStart);

/// <summary>One point of an EWMA chart. Baseline points (Phase I) carry NaN statistic and limits.</summary>
/// <param name="Index">Index in the input series.</param>
/// <param name="Value">The observed value x_i.</param>
/// <param name="StandardError">Its standard error (0 when the series has none).</param>
/// <param name="InBaseline">True for the points the baseline was estimated from.</param>
/// <param name="Statistic">z_i.</param>
/// <param name="StandardDeviation">√Var(z_i − μ̂) under the in-control model, the baseline's estimation error included
/// (see <see cref="ControlCharts.Ewma(IReadOnlyList{double}, IReadOnlyList{double}?, EwmaOptions?)"/>).</param>
/// <param name="Lower">μ̂ − L·StandardDeviation.</param>
/// <param name="Upper">μ̂ + L·StandardDeviation.</param>
/// <param name="Outside">Which limit z_i is beyond, if any.</param>
public sealed record EwmaPoint(int Index, double Value, double StandardError, bool InBaseline, double Statistic, double StandardDeviation,
    double Lower, double Upper, ShiftDirection? Outside);

/// <summary>An EWMA chart: baseline, every point, and the signals (the first point of each run beyond a limit).</summary>
public sealed record EwmaChart(EwmaOptions Options, ControlChartBaseline Baseline, IReadOnlyList<EwmaPoint> Points, IReadOnlyList<ControlChartSignal> Signals);

/// <summary>One point of a tabular CUSUM. Baseline points (Phase I) carry NaN sums.</summary>
/// <param name="Index">Index in the input series.</param>
/// <param name="Value">The observed value x_i.</param>
/// <param name="StandardError">Its standard error (0 when the series has none).</param>
/// <param name="InBaseline">True for the points the baseline was estimated from.</param>
/// <param name="Standardized">y_i = (x_i − μ̂)/√(τ² + SE_i² + Var(μ̂)), Var(μ̂) = <see cref="ControlChartBaseline.MeanVariance"/>.</param>
/// <param name="Upper">C⁺_i, before any reset that the point triggers.</param>
/// <param name="Lower">C⁻_i, before any reset that the point triggers.</param>
/// <param name="UpperRun">N⁺: consecutive points with C⁺ &gt; 0, this one included.</param>
/// <param name="LowerRun">N⁻: consecutive points with C⁻ &gt; 0, this one included.</param>
/// <param name="Signal">Set when C⁺ or C⁻ exceeds h at this point (both sums then restart at 0).</param>
public sealed record CusumPoint(int Index, double Value, double StandardError, bool InBaseline, double Standardized, double Upper, double Lower,
    int UpperRun, int LowerRun, ShiftDirection? Signal);

/// <summary>A tabular CUSUM chart: baseline, every point, and the signals.</summary>
public sealed record CusumChart(CusumOptions Options, ControlChartBaseline Baseline, IReadOnlyList<CusumPoint> Points, IReadOnlyList<ControlChartSignal> Signals);
