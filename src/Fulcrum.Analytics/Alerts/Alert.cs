using System.Globalization;
using System.Text.Json.Serialization;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Alerts;

/// <summary>
/// A control-chart signal on one metric series: which series, when, which way, the numbers behind it and the
/// evidence in plain words.
/// </summary>
/// <param name="AlertId">Natural key: a hash of metric, dimension, group, period, method and direction (see <see cref="AlertScan.AlertIdFor"/>).</param>
/// <param name="Metric">Metric name, e.g. nps.</param>
/// <param name="Dimension">Dimension the customers were split by, e.g. segment.</param>
/// <param name="Group">The dimension value, e.g. Mid-Market.</param>
/// <param name="Period">First day of the period in which the chart signalled.</param>
/// <param name="PeriodLabel">The period as text, e.g. 2024-Q3.</param>
/// <param name="Method">The chart that signalled.</param>
/// <param name="Direction">Up or down.</param>
/// <param name="Value">The metric in that period.</param>
/// <param name="Lower">Lower bound of the value's 95% confidence interval.</param>
/// <param name="Upper">Upper bound of the value's 95% confidence interval.</param>
/// <param name="N">Observations behind the value.</param>
/// <param name="Expected">The baseline level μ₀ the series was compared with.</param>
/// <param name="Statistic">EWMA: the EWMA in that period (metric units). CUSUM: C⁺ or C⁻ (standard deviations).</param>
/// <param name="Limit">EWMA: the control limit crossed (metric units). CUSUM: the decision interval h (standard deviations).</param>
/// <param name="ChangeStart">CUSUM: the period in which the shift most likely began; null for the EWMA.</param>
/// <param name="Evidence">The alert in plain words.</param>
/// <param name="Detail">Baseline and chart parameters.</param>
public sealed record Alert(
    string AlertId,
    string Metric,
    string Dimension,
    string Group,
    DateOnly Period,
    string PeriodLabel,
    AlertMethod Method,
    ShiftDirection Direction,
    double Value,
    double Lower,
    double Upper,
    long N,
    double Expected,
    double Statistic,
    double Limit,
    string? ChangeStart,
    string Evidence,
    AlertDetail Detail)
{
    // JSON has no NaN or ∞: a value that is not finite is written null (NonFiniteAsNullConverter), and the reason is written
    // beside it, as an estimate's `reason` beside its null value; absent when the value is a number.

    /// <summary>Why <see cref="Lower"/> and <see cref="Upper"/> are null (the value has no 95% interval); null, and not written, when both are numbers.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IntervalReason => double.IsFinite(Lower) && double.IsFinite(Upper) ? null : string.Create(CultureInfo.InvariantCulture,
        $"no 95% interval for the value in {PeriodLabel}: its {N:N0} observation{(N == 1 ? "" : "s")} give none ({Detail.Method})");

    /// <summary>Why <see cref="Statistic"/> is null; null, and not written, when it is a number.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StatisticReason => double.IsFinite(Statistic) ? null
        : double.IsNaN(Statistic) ? $"the {ChartStatistic} could not be computed for {PeriodLabel}"
        : $"the {ChartStatistic} is not finite: the baseline has no spread (no variation between periods and no sampling error), so the shift from {Expected.ToString("0.###", CultureInfo.InvariantCulture)} is infinitely many standard deviations; the value against the baseline is the evidence";

    string ChartStatistic => Method == AlertMethod.Cusum ? "CUSUM sum" : "EWMA";
}

/// <summary>The baseline and parameters of the chart behind an alert.</summary>
/// <param name="BaselineMean">μ₀.</param>
/// <param name="BaselineSigma">τ: in-control variation between periods beyond sampling error.</param>
/// <param name="BaselineFrom">First baseline period.</param>
/// <param name="BaselineTo">Last baseline period.</param>
/// <param name="BaselinePeriods">Number of baseline periods.</param>
/// <param name="StandardError">The standard error of the value in the signalling period.</param>
/// <param name="Parameters">lambda and L (EWMA) or k and h (CUSUM); alpha, this chart's share of the scan's false-alarm rate, when its limit was set from it.</param>
/// <param name="Method">How the values were estimated (from the metric's estimator).</param>
public sealed record AlertDetail(
    double BaselineMean,
    double BaselineSigma,
    string BaselineFrom,
    string BaselineTo,
    int BaselinePeriods,
    double StandardError,
    IReadOnlyDictionary<string, double> Parameters,
    string Method)
{
    /// <summary>Why <see cref="StandardError"/> is null (not finite); null, and not written, when it is a number.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StandardErrorReason => double.IsFinite(StandardError) ? null
        : $"the value has no standard error: its observations give no spread to estimate one ({Method})";
}

/// <summary>Whether an alert has been reported yet.</summary>
public enum AlertStatus
{
    /// <summary>Not yet listed by <c>fulcrum alerts</c> nor delivered to a webhook.</summary>
    New,

    /// <summary>Reported (listed or delivered) at least once.</summary>
    Seen,
}

/// <summary>An alert as stored: whether this scan added it, its status and when it was first seen.</summary>
/// <param name="Alert">The alert as computed by this scan.</param>
/// <param name="Added">True when this scan inserted it (it was not stored before).</param>
/// <param name="Status">New until reported, then Seen.</param>
/// <param name="FirstSeenAt">When it was first stored (UTC).</param>
public sealed record AlertRecord(Alert Alert, bool Added, AlertStatus Status, DateTime FirstSeenAt);

/// <summary>One monitored series: its baseline, its latest point and how many alerts it raised, or why it was skipped.</summary>
public sealed record AlertSeries(
    string Metric,
    string Dimension,
    string Group,
    int Periods,
    double BaselineMean,
    double BaselineSigma,
    string? BaselineFrom,
    string? BaselineTo,
    string? LatestPeriod,
    Estimate? Latest,
    int Alerts,
    string? Skipped);

/// <summary>The result of <see cref="AlertScan.Run"/>: every alert of the scan (stored), the series scanned, and notes.</summary>
public sealed record AlertScanResult(AlertOptions Options, IReadOnlyList<AlertRecord> Alerts, IReadOnlyList<AlertSeries> Series, IReadOnlyList<string> Notes)
{
    /// <summary>The alerts this scan added to the store.</summary>
    [JsonIgnore]
    public IReadOnlyList<AlertRecord> Added => Alerts.Where(a => a.Added).ToList();

    /// <summary>The alerts not yet reported: added now, or stored earlier but never listed or delivered.</summary>
    [JsonIgnore]
    public IReadOnlyList<AlertRecord> Unreported => Alerts.Where(a => a.Status == AlertStatus.New).ToList();
}
