using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Metrics;

namespace Fulcrum.Analytics.Alerts;

/// <summary>The control chart that raised an alert.</summary>
public enum AlertMethod
{
    /// <summary>Exponentially weighted moving average chart (Fulcrum.Core.Statistics.ControlCharts.Ewma).</summary>
    Ewma,

    /// <summary>Two-sided tabular CUSUM (Fulcrum.Core.Statistics.ControlCharts.Cusum).</summary>
    Cusum,
}

/// <summary>
/// What <see cref="AlertScan"/> monitors and how: one series per metric, dimension and dimension value (group),
/// over periods, each point with n ≥ <see cref="MinN"/>, checked by the chosen control charts.
/// </summary>
public sealed record AlertOptions
{
    /// <summary>Metrics to monitor (see <see cref="MetricDefinition.BuiltIn"/>). Default: nps.</summary>
    public IReadOnlyList<string> Metrics { get; init; } = ["nps"];

    /// <summary>Dimensions to split by, each scanned on its own (see <see cref="Dimension"/>). Default: segment.</summary>
    public IReadOnlyList<string> Dimensions { get; init; } = ["segment"];

    public PeriodUnit Period { get; init; } = PeriodUnit.Quarter;

    /// <summary>First and last day of data to use (null: all).</summary>
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>Charts to run. Default: both.</summary>
    public IReadOnlyList<AlertMethod> Methods { get; init; } = [AlertMethod.Ewma, AlertMethod.Cusum];

    /// <summary>A period enters a series only with at least this many observations (responses, accounts or tickets).</summary>
    public long MinN { get; init; } = 30;

    /// <summary>How many leading periods of each series form its baseline (μ₀ and τ); at least 2.</summary>
    public int BaselinePeriods { get; init; } = 4;

    /// <summary>EWMA weight of the newest period, in (0, 1].</summary>
    public double Lambda { get; init; } = 0.2;

    /// <summary>
    /// The stated false-alarm rate α: the probability that a scan of series that are all in control raises any alert.
    /// Default 0.05. The limits of every chart whose threshold is not given (<see cref="L"/>, <see cref="H"/>) are set so
    /// that the scan as a whole stays at or below α: α is split evenly over the charted series × charts (Bonferroni), and
    /// each share becomes an EWMA width (<see cref="Fulcrum.Core.Statistics.ControlCharts.EwmaWidthFor"/>) or a CUSUM
    /// decision interval (<see cref="Fulcrum.Core.Statistics.ControlCharts.CusumLimitFor"/>) for that series' number of
    /// monitored periods.
    /// </summary>
    public double FalseAlarmRate { get; init; } = 0.05;

    /// <summary>EWMA limit width in standard deviations of the EWMA statistic; null (default): set from <see cref="FalseAlarmRate"/>.</summary>
    public double? L { get; init; }

    /// <summary>CUSUM reference value k (standard deviations).</summary>
    public double K { get; init; } = 0.5;

    /// <summary>CUSUM decision interval h (standard deviations); null (default): set from <see cref="FalseAlarmRate"/>.</summary>
    public double? H { get; init; }

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public void Validate()
    {
        if (Metrics.Count == 0) throw new ArgumentException("Give at least one metric.");
        if (Dimensions.Count == 0) throw new ArgumentException("Give at least one dimension.");
        if (Methods.Count == 0) throw new ArgumentException("Give at least one method (ewma, cusum).");
        foreach (var m in Metrics) MetricDefinition.Resolve(m);
        foreach (var d in Dimensions) Dimension.Resolve(d);
        if (MinN < 1) throw new ArgumentException($"The minimum n must be at least 1 (got {MinN}).");
        if (BaselinePeriods < 2) throw new ArgumentException($"The baseline needs at least 2 periods (got {BaselinePeriods}).");
        if (!(Lambda > 0 && Lambda <= 1)) throw new ArgumentException($"lambda must be in (0, 1] (got {Lambda}).");
        if (!(FalseAlarmRate > 0 && FalseAlarmRate < 1)) throw new ArgumentException($"The false-alarm rate must be above 0 and below 1 (got {FalseAlarmRate}).");
        if (L is { } l && !(l > 0 && double.IsFinite(l))) throw new ArgumentException($"The EWMA limit width L must be positive (got {l}).");
        if (!(K >= 0 && double.IsFinite(K))) throw new ArgumentException($"The CUSUM k must be non-negative (got {K}).");
        if (H is { } h && !(h > 0 && double.IsFinite(h))) throw new ArgumentException($"The CUSUM h must be positive (got {h}).");
        if (From > To) throw new ArgumentException("From is after To.");
    }
}
