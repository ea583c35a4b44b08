using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Alerts;

/// <summary>The alerts a scan found and the series it looked at, before anything is stored.</summary>
public sealed record AlertDetection(IReadOnlyList<Alert> Alerts, IReadOnlyList<AlertSeries> Series, IReadOnlyList<string> Notes);

/// <summary>
/// Watches every metric series per dimension value (e.g. NPS per segment per quarter) with control charts and raises
/// an alert when a series leaves its baseline: an EWMA chart (gradual or lasting shifts) and a two-sided tabular CUSUM
/// (sustained shifts, with an estimate of when they began). New alerts are stored once in the <c>alerts</c> table.
/// </summary>
/// <remarks>
/// Each series is built from <see cref="MetricsAnalysis"/> (so it shows the same numbers as <c>fulcrum metrics</c>):
/// the periods with n ≥ <see cref="AlertOptions.MinN"/>, in order; a period below the minimum is left out, not
/// interpolated. The first <see cref="AlertOptions.BaselinePeriods"/> periods form the baseline: μ₀ is their mean and τ
/// their spread beyond sampling error; every later period is charted with its own standard error
/// (<see cref="ControlCharts"/> has the method, assumptions and references). A chart signal becomes one alert at the
/// period where it fired. A shift that lasts stays one alert: an EWMA run beyond the same limit is one signal, and a CUSUM
/// that signals again in the same direction right after its restart (its sum building up from the next period on) is
/// the same shift continuing.
/// </remarks>
public static class AlertScan
{
    /// <summary>Scans, stores the alerts not stored before (first seen now, status new) and returns every alert of the scan.</summary>
    public static AlertScanResult Run(AnalysisFacts facts, AlertOptions options) => Run(facts, options, DateTime.UtcNow);

    /// <summary>As <see cref="Run(AnalysisFacts, AlertOptions)"/>, with the time to record as first-seen (UTC).</summary>
    public static AlertScanResult Run(AnalysisFacts facts, AlertOptions options, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var detection = Detect(facts, options);
        var records = AlertStore.Record(facts.Store, detection.Alerts, now);
        var added = records.Count(r => r.Added);
        var notes = detection.Notes.Append(
            $"{records.Count} alert(s) in this scan, {added} new to the store; alerts already stored were not added again.").ToList();
        return new AlertScanResult(options, records, detection.Series, notes);
    }

    /// <summary>Scans without storing anything.</summary>
    public static AlertDetection Detect(AnalysisFacts facts, AlertOptions options)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var alerts = new List<Alert>();
        var series = new List<AlertSeries>();
        foreach (var metricName in options.Metrics)
        {
            var metric = MetricDefinition.Resolve(metricName);
            foreach (var dimensionName in options.Dimensions)
            {
                var dimension = Dimension.Resolve(dimensionName);
                var report = MetricsAnalysis.Run(facts,
                    new MetricsQuery([metric.Name], [dimension.Name], options.Period, options.From, options.To));
                foreach (var group in report.Cells.GroupBy(c => c.Group[0]).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var cells = group.Where(c => c.Estimate.IsDefined && c.Estimate.N >= options.MinN).OrderBy(c => c.Period).ToList();
                    series.Add(Scan(metric, dimension, group.Key, cells, options, alerts));
                }
            }
        }

        var notes = new List<string>
        {
            $"Series: {string.Join(", ", options.Metrics)} by {string.Join(", ", options.Dimensions)} per {options.Period.Sql()}; a period counts only with n ≥ {options.MinN}.",
            $"Baseline: the first {options.BaselinePeriods} such periods of each series (level = their mean; spread beyond sampling error = their variance minus their mean squared standard error).",
            "Each later period is charted with its own standard error: " + string.Join("; ", options.Methods.Select(m => m switch
            {
                AlertMethod.Ewma => $"EWMA with λ = {Number(options.Lambda)}, limits ± {Number(options.L)} standard deviations",
                _ => $"tabular CUSUM with k = {Number(options.K)}, h = {Number(options.H)}, restarted after each signal " +
                     "(a new signal the same way straight after a restart is the same shift and adds no alert)",
            })) + ".",
        };
        return new AlertDetection(alerts, series, notes);
    }

    /// <summary>
    /// The natural key of an alert: "alert-" and the first 16 hex digits of SHA-256 over metric, dimension, group, period
    /// label, method and direction (metric, dimension, method and direction in lower case), joined by U+001F.
    /// </summary>
    public static string AlertIdFor(string metric, string dimension, string group, string periodLabel, AlertMethod method, ShiftDirection direction)
    {
        var key = string.Join('\u001f', metric.ToLowerInvariant(), dimension.ToLowerInvariant(), group, periodLabel,
            method.ToString().ToLowerInvariant(), direction.ToString().ToLowerInvariant());
        return "alert-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
    }

    static AlertSeries Scan(MetricDefinition metric, Dimension dimension, string group, List<MetricCell> cells, AlertOptions options, List<Alert> alerts)
    {
        var latest = cells.Count > 0 ? cells[^1] : null;
        if (cells.Count <= options.BaselinePeriods)
        {
            return new AlertSeries(metric.Name, dimension.Name, group, cells.Count, double.NaN, double.NaN, null, null, latest?.PeriodLabel, latest?.Estimate, 0,
                $"{cells.Count} period(s) with n ≥ {options.MinN}; a chart needs the {options.BaselinePeriods} baseline periods and at least one more.");
        }

        var estimates = cells.Select(c => c.Estimate).ToList();
        var values = estimates.Select(e => e.Value).ToArray();
        var errors = estimates.Select(ControlCharts.StandardErrorOf).ToArray();
        var context = new SeriesContext(metric, dimension, group, cells, options.BaselinePeriods);
        var before = alerts.Count;

        if (options.Methods.Contains(AlertMethod.Ewma))
        {
            var chart = ControlCharts.Ewma(values, errors, new EwmaOptions(options.Lambda, options.L, options.BaselinePeriods));
            var parameters = new Dictionary<string, double> { ["lambda"] = options.Lambda, ["L"] = options.L };
            foreach (var signal in chart.Signals)
                alerts.Add(Build(context, AlertMethod.Ewma, signal, chart.Baseline, errors[signal.Index], parameters,
                    EwmaEvidence(context, signal, chart.Baseline, options)));
        }

        if (options.Methods.Contains(AlertMethod.Cusum))
        {
            var chart = ControlCharts.Cusum(values, errors, new CusumOptions(options.K, options.H, options.BaselinePeriods));
            var parameters = new Dictionary<string, double> { ["k"] = options.K, ["h"] = options.H };
            ControlChartSignal? previous = null;
            foreach (var signal in chart.Signals)
            {
                // After a signal the CUSUM restarts; when it signals again the same way with a sum that built up from the very
                // next period, the same shift is still going on: that is no new alert.
                var continuing = previous is { } p && p.Direction == signal.Direction && signal.ChangeStart == p.Index + 1;
                previous = signal;
                if (continuing) continue;
                alerts.Add(Build(context, AlertMethod.Cusum, signal, chart.Baseline, errors[signal.Index], parameters,
                    CusumEvidence(context, signal, chart.Baseline, options)));
            }
        }

        var baseline = ControlChartBaseline.Estimate(values, errors, options.BaselinePeriods);
        return new AlertSeries(metric.Name, dimension.Name, group, cells.Count, baseline.Mean, baseline.Sigma, context.BaselineFrom, context.BaselineTo,
            latest!.PeriodLabel, latest.Estimate, alerts.Count - before, null);
    }

    sealed record SeriesContext(MetricDefinition Metric, Dimension Dimension, string Group, List<MetricCell> Cells, int BaselinePeriods)
    {
        public string BaselineFrom => Cells[0].PeriodLabel;
        public string BaselineTo => Cells[BaselinePeriods - 1].PeriodLabel;
    }

    static Alert Build(SeriesContext s, AlertMethod method, ControlChartSignal signal, ControlChartBaseline baseline, double standardError,
        IReadOnlyDictionary<string, double> parameters, string evidence)
    {
        var cell = s.Cells[signal.Index];
        var e = cell.Estimate;
        return new Alert(
            AlertIdFor(s.Metric.Name, s.Dimension.Name, s.Group, cell.PeriodLabel, method, signal.Direction),
            s.Metric.Name, s.Dimension.Name, s.Group, cell.Period, cell.PeriodLabel, method, signal.Direction,
            e.Value, e.Lower, e.Upper, e.N, baseline.Mean, signal.Statistic, signal.Limit,
            signal.ChangeStart is { } start ? s.Cells[start].PeriodLabel : null,
            evidence,
            new AlertDetail(baseline.Mean, baseline.Sigma, s.BaselineFrom, s.BaselineTo, s.BaselinePeriods, standardError, parameters, e.Method));
    }

    static string EwmaEvidence(SeriesContext s, ControlChartSignal signal, ControlChartBaseline baseline, AlertOptions options)
    {
        var up = signal.Direction == ShiftDirection.Up;
        var (ewma, limit) = FormatApart(s.Metric, signal.Statistic, signal.Limit);
        return $"{Observed(s, signal, baseline)}; its EWMA {ewma} is {(up ? "above the upper" : "below the lower")} " +
               $"control limit {limit} (baseline {Format(s.Metric, baseline.Mean)} from {s.BaselineFrom}..{s.BaselineTo}; " +
               $"λ = {Number(options.Lambda)}, L = {Number(options.L)}).";
    }

    static string CusumEvidence(SeriesContext s, ControlChartSignal signal, ControlChartBaseline baseline, AlertOptions options)
    {
        var up = signal.Direction == ShiftDirection.Up;
        var start = signal.ChangeStart is { } i ? s.Cells[i].PeriodLabel : s.Cells[signal.Index].PeriodLabel;
        return $"{Observed(s, signal, baseline)}; the {(up ? "upward" : "downward")} CUSUM of its standardized deviations from the baseline " +
               $"{Format(s.Metric, baseline.Mean)} ({s.BaselineFrom}..{s.BaselineTo}) reached {signal.Statistic.ToString("0.0", CultureInfo.InvariantCulture)}, " +
               $"above the decision limit h = {Number(options.H)} (k = {Number(options.K)}): the level most likely shifted {(up ? "up" : "down")} in {start}.";
    }

    /// <summary>"Mid-Market NPS rose to 58.1 (95% CI 55.0–61.2, n=1,702) in 2024-Q4".</summary>
    static string Observed(SeriesContext s, ControlChartSignal signal, ControlChartBaseline baseline)
    {
        var cell = s.Cells[signal.Index];
        var e = cell.Estimate;
        var verb = signal.Direction == ShiftDirection.Up && e.Value > baseline.Mean ? "rose to"
            : signal.Direction == ShiftDirection.Down && e.Value < baseline.Mean ? "fell to" : "was";
        var level = (e.ConfidenceLevel * 100).ToString("0.##", CultureInfo.InvariantCulture);
        var interval = double.IsFinite(e.Lower) && double.IsFinite(e.Upper)
            ? $"{level}% CI {Format(s.Metric, e.Lower)}–{Format(s.Metric, e.Upper)}, " : "";
        return $"{Subject(s)} {verb} {Format(s.Metric, e.Value)} ({interval}n={e.N.ToString("N0", CultureInfo.InvariantCulture)}) in {cell.PeriodLabel}";
    }

    /// <summary>"Enterprise NPS", "EMEA CSAT", "product count 3+ NPS".</summary>
    static string Subject(SeriesContext s)
    {
        var metric = s.Metric.Name switch
        {
            "nps" => "NPS",
            "csat" => "CSAT",
            "ces" => "CES",
            _ => s.Metric.Name.Replace('_', ' '),
        };
        var named = s.Dimension.Name is "segment" or "region" or "industry" or "products" or "account";
        return named ? $"{s.Group} {metric}" : $"{s.Dimension.Name.Replace('_', ' ')} {s.Group} {metric}";
    }

    /// <summary>A metric value in its unit: NPS points with one decimal, shares as percentages, money without decimals.</summary>
    public static string Format(MetricDefinition metric, double value)
    {
        var c = CultureInfo.InvariantCulture;
        return metric.Unit switch
        {
            "points" => value.ToString("0.0", c),
            "share" => (value * 100).ToString("0.0", c) + "%",
            "USD" => value.ToString("#,0", c),
            _ => value.ToString("0.00", c),
        };
    }

    /// <summary>Two values in the metric's format, with more decimals when they would otherwise print the same.</summary>
    static (string A, string B) FormatApart(MetricDefinition metric, double a, double b)
    {
        var (x, y) = (Format(metric, a), Format(metric, b));
        var c = CultureInfo.InvariantCulture;
        for (var decimals = metric.Unit == "points" ? 2 : 3; x == y && decimals <= 6 && metric.Unit is not "share"; decimals++)
            (x, y) = (a.ToString("F" + decimals, c), b.ToString("F" + decimals, c));
        return (x, y);
    }

    static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
