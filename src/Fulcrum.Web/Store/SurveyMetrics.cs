using Fulcrum.Analytics.Metrics;

namespace Fulcrum.Web.Store;

/// <summary>
/// The survey metrics customers answered, the chosen one first (<see cref="SurveyMetricChoice"/>, as the CLI): the dashboard
/// offers only these and starts from the first, so a company that measures CSAT only never sees an empty NPS chart.
/// </summary>
public static class SurveyMetrics
{
    /// <summary>The survey metrics with at least one answer; cached until the data changes.</summary>
    public static Task<IReadOnlyList<string>> OnRecordAsync(AnalyticsRunner runner, CancellationToken cancellation) =>
        runner.RunAsync("survey-metrics", facts => PrimarySurveyMetric.OnRecord(facts.Store), cancellation);

    /// <summary>The survey metric the data mostly hold (<see cref="SurveyMetricChoice"/>); null when no answer has a score.</summary>
    public static async Task<string?> PrimaryAsync(AnalyticsRunner runner, CancellationToken cancellation) =>
        (await OnRecordAsync(runner, cancellation)).FirstOrDefault();

    /// <summary>
    /// The metric a request asked for, or the primary one when it asked for none. A survey metric nobody answered is
    /// refused with what the store has, rather than answered with an empty tree or NaN.
    /// </summary>
    public static async Task<string> ResolveAsync(AnalyticsRunner runner, string? asked, CancellationToken cancellation)
    {
        var onRecord = await OnRecordAsync(runner, cancellation);
        var metric = string.IsNullOrWhiteSpace(asked) ? onRecord.FirstOrDefault() : asked.Trim().ToLowerInvariant();
        if (metric is null) throw new MetricNotOnRecordException("No survey scores (NPS, CSAT or CES) on record: import responses with a score.");
        if (PrimarySurveyMetric.All.Contains(metric) && !onRecord.Contains(metric))
            throw new MetricNotOnRecordException(SurveyMetricNames.NotAnswered(metric, onRecord) + (onRecord.Count == 0 ? "." : $": ask for metric={onRecord[0]}."));
        return metric;
    }
}

/// <summary>A figure asked of a survey metric the store holds no answers for (422: the caller can ask another).</summary>
public sealed class MetricNotOnRecordException(string message) : Exception(message);
