using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Metrics;

/// <summary>The survey metric an overview is about, by the rule of <see cref="SurveyMetricChoice"/> on the answers on record.</summary>
public static class PrimarySurveyMetric
{
    /// <summary>The survey metrics in order of preference.</summary>
    public static readonly IReadOnlyList<string> All = Fulcrum.Data.Survey.ScoreLevels.Metrics;

    /// <summary>"nps", "csat" or "ces" as <see cref="SurveyMetricChoice"/> picks it; null when no answer has a score.</summary>
    public static string? Of(FulcrumStore store) => Choose(store).Metric;

    /// <summary>The choice with the counts behind it, for an output that says why.</summary>
    public static SurveyMetricChoice Choose(FulcrumStore store)
    {
        var (nps, csat, ces) = Fulcrum.Data.Survey.WellAnsweredMetric.Counts(store);
        return SurveyMetricChoice.From(nps, csat, ces);
    }

    /// <summary>
    /// The survey metrics with at least one answer: the chosen one (<see cref="Of"/>) first, then the others in the order of
    /// <see cref="All"/>, so a list that starts from its first (the dashboard's) starts from the same metric as the CLI.
    /// </summary>
    public static IReadOnlyList<string> OnRecord(FulcrumStore store)
    {
        var (nps, csat, ces) = Fulcrum.Data.Survey.WellAnsweredMetric.Counts(store);
        var choice = SurveyMetricChoice.From(nps, csat, ces);
        var answered = All.Zip([nps, csat, ces]).Where(m => m.Second > 0).Select(m => m.First);
        return answered.OrderBy(m => m == choice.Metric ? 0 : 1).ToList();
    }
}
