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
/// their spread beyond sampling error; every later period is charted with its own standard error — the larger of the
/// estimate's and the account-clustered one (<c>ClusteredErrors</c>), since one account's answers are not independent —
/// and the baseline mean's own uncertainty (<see cref="ControlCharts"/> has the method, assumptions and references).
/// <para>
/// <b>False alarms.</b> Many series × periods × charts are checked in one scan, so per-chart limits alone would raise
/// false alarms on most in-control companies. Unless <see cref="AlertOptions.L"/> or <see cref="AlertOptions.H"/> is
/// given, the limits are chosen so that a scan of in-control series raises any alert with probability at most
/// <see cref="AlertOptions.FalseAlarmRate"/> α: α is split evenly over the charted series × charts whose limits are not
/// given (Bonferroni: P(any) ≤ Σ P(chart on series signals)), and each share α_s becomes the series' EWMA width
/// L = Φ⁻¹(1 − α_s/(2m)) for its m monitored periods (<see cref="ControlCharts.EwmaWidthFor"/>) and its CUSUM decision
/// interval h, the simulated upper α_s quantile of the in-control CUSUM maximum over m periods after the same baseline
/// (<see cref="ControlCharts.CusumLimitFor"/>). Assumptions: independent, normal periods with correct standard errors and,
/// in control, no real period-to-period variation beyond sampling error (τ = 0), as in a company where every difference is
/// noise; real variation that a few baseline periods underestimate makes false alarms more frequent than stated.
/// </para>
/// A chart signal becomes one alert at the
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

        var collected = new List<SeriesCells>();
        foreach (var metricName in options.Metrics)
        {
            var metric = MetricDefinition.Resolve(metricName);
            foreach (var dimensionName in options.Dimensions)
            {
                var dimension = Dimension.Resolve(dimensionName);
                var report = MetricsAnalysis.Run(facts,
                    new MetricsQuery([metric.Name], [dimension.Name], options.Period, options.From, options.To,
                        ClusterByAccount: false)); // the scan widens to per-account errors itself where they are larger
                var clustered = ClusteredErrors(facts, metric, dimension, options);
                foreach (var group in report.Cells.GroupBy(c => c.Group[0]).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var cells = group.Where(c => c.Estimate.IsDefined && c.Estimate.N >= options.MinN).OrderBy(c => c.Period).ToList();
                    // The larger of the estimate's own standard error and the account-clustered one (see ClusteredErrors).
                    var errors = cells.Select(c => Math.Max(ControlCharts.StandardErrorOf(c.Estimate),
                        clustered.TryGetValue((c.Period, group.Key), out var se) ? se : 0)).ToArray();
                    collected.Add(new SeriesCells(metric, dimension, group.Key, cells, errors));
                }
            }
        }

        // The scan-wide false-alarm rate, split evenly over every charted series × every chart whose limit is not given.
        var methods = options.Methods.Distinct().ToList();
        var calibrated = methods.Count(m => m == AlertMethod.Ewma ? options.L is null : options.H is null);
        var charted = collected.Count(c => c.Cells.Count > options.BaselinePeriods);
        var share = options.FalseAlarmRate / Math.Max(1, charted * calibrated);

        var alerts = new List<Alert>();
        var limits = new List<SeriesLimits>();
        var series = collected.Select(c => Scan(c, options, methods, share, alerts, limits)).ToList();

        var notes = new List<string>
        {
            $"Series: {string.Join(", ", options.Metrics)} by {string.Join(", ", options.Dimensions)} per {options.Period.Sql()}; a period counts only with n ≥ {options.MinN}.",
            $"Baseline: the first {options.BaselinePeriods} such periods of each series (level = their mean; spread beyond sampling error = their variance minus their mean squared standard error).",
            "Each later period is charted with its own standard error (clustered by account, as one account's answers are not independent) " +
            "and the baseline level's own uncertainty (its variance over the number of baseline periods): " +
            string.Join("; ", methods.Select(m => m switch
            {
                AlertMethod.Ewma => $"EWMA with λ = {Number(options.Lambda)}, limits ± L standard deviations of the EWMA",
                _ => $"tabular CUSUM with k = {Number(options.K)} and decision limit h, restarted after each signal " +
                     "(a new signal the same way straight after a restart is the same shift and adds no alert)",
            })) + ".",
            FalseAlarmNote(options, methods, charted, calibrated, share, limits),
        };
        return new AlertDetection(alerts, series, notes);
    }

    /// <summary>The stated false-alarm rate and the limits it led to, in words.</summary>
    static string FalseAlarmNote(AlertOptions options, List<AlertMethod> methods, int charted, int calibrated, double share, List<SeriesLimits> limits)
    {
        var rate = Percent(options.FalseAlarmRate);
        var given = methods.Where(m => m == AlertMethod.Ewma ? options.L is not null : options.H is not null)
            .Select(m => m == AlertMethod.Ewma ? $"EWMA L = {Number(options.L!.Value)}" : $"CUSUM h = {Number(options.H!.Value)}").ToList();
        if (calibrated == 0)
            return $"False alarms: the limits were given ({string.Join(", ", given)}), so the scan's false-alarm rate is not controlled; " +
                   $"without --ewma-width and --cusum-h they are set so that a scan of in-control series raises any alert with probability at most {rate} (--false-alarm-rate).";
        if (charted == 0)
            return $"False alarms: at most {rate} per scan of in-control series (--false-alarm-rate); no series had enough periods to chart.";

        var parts = new List<string>();
        foreach (var method in methods)
        {
            if (method == AlertMethod.Ewma && options.L is null)
                parts.Add("EWMA L = " + string.Join(", ", limits.GroupBy(l => l.Monitored).OrderByDescending(g => g.Key)
                    .Select(g => $"{Number(g.First().L)} for {Periods(g.Key)}")) + $" (normal quantile of {Percent(share)}/m per period and side, Bonferroni over the m periods)");
            else if (method == AlertMethod.Cusum && options.H is null)
                parts.Add("CUSUM h = " + string.Join(", ", limits.GroupBy(l => l.Monitored).OrderByDescending(g => g.Key)
                    .Select(g => $"{Number(g.First().H)} for {Periods(g.Key)}")) +
                    $" (simulated upper {Percent(share)} quantile of the in-control CUSUM after a {options.BaselinePeriods}-period baseline, fixed seed)");
        }

        var chartNames = calibrated == methods.Count ? "this scan raises" : "the charts with limits set here raise";
        return $"False alarms: if every series is in control, {chartNames} any alert with probability at most {rate} (--false-alarm-rate), " +
               $"split evenly over {charted} series × {calibrated} chart(s) = {Percent(share)} each (Bonferroni): {string.Join("; ", parts)}." +
               (given.Count > 0 ? $" Given limits ({string.Join(", ", given)}) are outside that rate." : "") +
               " This assumes independent, normal periods with correct standard errors and no real period-to-period variation beyond sampling error; " +
               "real variation that the few baseline periods underestimate makes false alarms more frequent.";
    }

    static string Periods(int monitored) => monitored == 1 ? "1 monitored period" : $"{monitored} monitored periods";

    static string Percent(double rate) => (rate * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";

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

    sealed record SeriesCells(MetricDefinition Metric, Dimension Dimension, string Group, List<MetricCell> Cells, double[] Errors);

    /// <summary>
    /// Account-clustered standard errors of a metric per (period, group): observations of one account are not independent
    /// (an account's contacts share its experience), so the plain standard error, which counts every response as
    /// independent, is too small where accounts answer many times — about half the true one for Enterprise accounts with ~9
    /// answers a quarter in the demo data, enough to make in-control series signal.
    /// </summary>
    /// <remarks>
    /// <b>Method.</b> The metric is a ratio r = Σ_a S_a / Σ_a n_a over the accounts a of the group in the period (S_a: the
    /// account's sum of per-observation scores — for NPS +1 promoter, −1 detractor —, n_a its observations); its
    /// cluster-robust (linearization, "sandwich") variance is G/(G − 1) · Σ_a (S_a − r·n_a)² / (Σ_a n_a)², times the metric's
    /// scale² (100² for NPS), with G accounts. Computed for response metrics and ticket metrics (several tickets per account
    /// row); metrics with one row per account and period have nothing to cluster. Groups with fewer than 2 accounts keep
    /// the plain standard error.
    /// <b>Assumptions.</b> Accounts independent of each other; unweighted observations (the scan's metrics are response-weighted).
    /// <b>Reference.</b> Cameron A.C., Miller D.L. (2015) A practitioner's guide to cluster-robust inference, Journal of Human
    /// Resources 50(2):317–372; Lohr S.L. (2010) Sampling: Design and Analysis, 2nd ed., Brooks/Cole, § 9.1 (linearization).
    /// </remarks>
    static Dictionary<(DateOnly Period, string Group), double> ClusteredErrors(AnalysisFacts facts, MetricDefinition metric, Dimension dimension, AlertOptions options)
    {
        var responses = metric.Source == MetricSource.Responses;
        var errors = new Dictionary<(DateOnly, string), double>();
        if (!responses && metric.ObservationCount is null) return errors;

        // The same rows as MetricsAnalysis.Aggregate with response weights (w = 1), summed per account before the group.
        var table = responses ? facts.Responses() : facts.AccountPeriods(options.Period);
        var period = responses ? options.Period.Trunc("f.day") : "f.period";
        var filters = new List<string> { metric.Observed };
        if (options.From is not null) filters.Add(responses ? "f.day >= CAST($from AS DATE)" : $"f.fact_period >= {options.Period.Trunc("CAST($from AS DATE)")}");
        if (options.To is not null) filters.Add(responses ? "f.day <= CAST($to AS DATE)" : "f.fact_period <= CAST($to AS DATE)");
        var score = metric.Kind.ScoreSumSql(metric.A, metric.B, metric.C);
        var count = metric.ObservationCount ?? "w";
        var sql = $"""
            WITH periodised AS (SELECT f.*, {period} AS fact_period FROM {table} f),
            filtered AS (SELECT * FROM periodised f WHERE {string.Join(" AND ", filters)}),
            weighted AS (SELECT f.*, 1.0 AS w FROM filtered f),
            accounts AS (
                SELECT f.fact_period AS period, CAST({dimension.Sql} AS VARCHAR) AS g, f.account_id,
                       CAST(SUM({score}) AS DOUBLE) AS s, CAST(SUM({count}) AS DOUBLE) AS n
                FROM weighted f
                GROUP BY 1, 2, 3)
            SELECT period, g, COUNT(*) AS clusters, SUM(s) AS s, SUM(n) AS n, SUM(s * s) AS ss, SUM(s * n) AS sn, SUM(n * n) AS nn
            FROM accounts
            GROUP BY 1, 2
            """;
        var parameters = new Dapper.DynamicParameters();
        if (options.From is { } from) parameters.Add("from", from.ToDateTime(TimeOnly.MinValue));
        if (options.To is { } to) parameters.Add("to", to.ToDateTime(TimeOnly.MinValue));
        using var reader = facts.Store.ExecuteReader(sql, parameters);
        while (reader.Read())
        {
            var clusters = Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture);
            var (sum, n) = (reader.GetDouble(3), reader.GetDouble(4));
            if (clusters < 2 || !(n > 0)) continue;
            var (ss, sn, nn) = (reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7));
            var ratio = sum / n;
            // Σ (S_a − r·n_a)² expanded; never below 0 after rounding.
            var squares = Math.Max(0, ss - 2 * ratio * sn + ratio * ratio * nn);
            var variance = clusters / (clusters - 1.0) * squares / (n * n);
            errors[(DateOnly.FromDateTime(reader.GetDateTime(0)), reader.GetString(1))] = metric.Kind.Scale * Math.Sqrt(variance);
        }

        return errors;
    }

    /// <summary>The limits one charted series got: EWMA width L and CUSUM decision interval h (NaN for a chart not run).</summary>
    sealed record SeriesLimits(int Monitored, double L, double H);

    static AlertSeries Scan(SeriesCells s, AlertOptions options, List<AlertMethod> methods, double share, List<Alert> alerts, List<SeriesLimits> limits)
    {
        var (metric, dimension, group, cells) = (s.Metric, s.Dimension, s.Group, s.Cells);
        var latest = cells.Count > 0 ? cells[^1] : null;
        if (cells.Count <= options.BaselinePeriods)
        {
            return new AlertSeries(metric.Name, dimension.Name, group, cells.Count, double.NaN, double.NaN, null, null, latest?.PeriodLabel, latest?.Estimate, 0,
                $"{cells.Count} period(s) with n ≥ {options.MinN}; a chart needs the {options.BaselinePeriods} baseline periods and at least one more.");
        }

        var values = cells.Select(c => c.Estimate.Value).ToArray();
        var errors = s.Errors;
        var context = new SeriesContext(metric, dimension, group, cells, options.BaselinePeriods);
        var before = alerts.Count;
        var monitored = cells.Count - options.BaselinePeriods;
        var ewmaWidth = !methods.Contains(AlertMethod.Ewma) ? double.NaN : options.L ?? ControlCharts.EwmaWidthFor(share, monitored);
        var cusumLimit = !methods.Contains(AlertMethod.Cusum) ? double.NaN
            : options.H ?? ControlCharts.CusumLimitFor(share, monitored, options.K, options.BaselinePeriods);
        limits.Add(new SeriesLimits(monitored, ewmaWidth, cusumLimit));

        if (methods.Contains(AlertMethod.Ewma))
        {
            var chart = ControlCharts.Ewma(values, errors, new EwmaOptions(options.Lambda, ewmaWidth, options.BaselinePeriods));
            var parameters = new Dictionary<string, double> { ["lambda"] = options.Lambda, ["L"] = ewmaWidth };
            if (options.L is null) parameters["alpha"] = share;
            foreach (var signal in chart.Signals)
                alerts.Add(Build(context, AlertMethod.Ewma, signal, chart.Baseline, errors[signal.Index], parameters,
                    EwmaEvidence(context, signal, chart.Baseline, options.Lambda, ewmaWidth)));
        }

        if (methods.Contains(AlertMethod.Cusum))
        {
            var chart = ControlCharts.Cusum(values, errors, new CusumOptions(options.K, cusumLimit, options.BaselinePeriods));
            var parameters = new Dictionary<string, double> { ["k"] = options.K, ["h"] = cusumLimit };
            if (options.H is null) parameters["alpha"] = share;
            ControlChartSignal? previous = null;
            foreach (var signal in chart.Signals)
            {
                // After a signal the CUSUM restarts; when it signals again the same way with a sum that built up from the very
                // next period, the same shift is still going on: that is no new alert.
                var continuing = previous is { } p && p.Direction == signal.Direction && signal.ChangeStart == p.Index + 1;
                previous = signal;
                if (continuing) continue;
                alerts.Add(Build(context, AlertMethod.Cusum, signal, chart.Baseline, errors[signal.Index], parameters,
                    CusumEvidence(context, signal, chart.Baseline, options.K, cusumLimit)));
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

    static string EwmaEvidence(SeriesContext s, ControlChartSignal signal, ControlChartBaseline baseline, double lambda, double width)
    {
        var up = signal.Direction == ShiftDirection.Up;
        var (ewma, limit) = FormatApart(s.Metric, signal.Statistic, signal.Limit);
        return $"{Observed(s, signal, baseline)}; its EWMA {ewma} is {(up ? "above the upper" : "below the lower")} " +
               $"control limit {limit} (baseline {Format(s.Metric, baseline.Mean)} from {s.BaselineFrom}..{s.BaselineTo}; " +
               $"λ = {Number(lambda)}, L = {Number(width)}).";
    }

    static string CusumEvidence(SeriesContext s, ControlChartSignal signal, ControlChartBaseline baseline, double k, double h)
    {
        var up = signal.Direction == ShiftDirection.Up;
        var start = signal.ChangeStart is { } i ? s.Cells[i].PeriodLabel : s.Cells[signal.Index].PeriodLabel;
        return $"{Observed(s, signal, baseline)}; the {(up ? "upward" : "downward")} CUSUM of its standardized deviations from the baseline " +
               $"{Format(s.Metric, baseline.Mean)} ({s.BaselineFrom}..{s.BaselineTo}) reached {signal.Statistic.ToString("0.0", CultureInfo.InvariantCulture)}, " +
               $"above the decision limit h = {Number(h)} (k = {Number(k)}): the level most likely shifted {(up ? "up" : "down")} in {start}.";
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
