namespace Fulcrum.Analytics.Metrics;

/// <summary>How the survey metrics are named in a sentence, so every surface words a refusal the same way.</summary>
public static class SurveyMetricNames
{
    /// <summary>
    /// The metric's name in capitals after its article: "an NPS", "a CSAT", "a CES". The names are said letter by letter
    /// (CSAT "see-sat"), so the article goes by the first letter's sound: "en" takes "an", "see" takes "a".
    /// </summary>
    public static string WithArticle(string metric)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        var name = metric.Trim().ToUpperInvariant();
        // Letters whose spoken name starts with a vowel sound: A, E, F ("ef"), H ("aitch"), I, L, M, N, O, R, S, X.
        return ("AEFHILMNORSX".Contains(name[0], StringComparison.Ordinal) ? "an " : "a ") + name;
    }

    /// <summary>
    /// The refusal of a survey metric nobody answered, naming the metrics the store has: "No answers have an NPS score; this
    /// store has CSAT". The caller adds how to ask for one of those on its surface (a CLI option, a query parameter).
    /// </summary>
    public static string NotAnswered(string metric, IReadOnlyList<string> onRecord)
    {
        ArgumentNullException.ThrowIfNull(onRecord);
        return $"No answers have {WithArticle(metric)} score; this store has "
               + (onRecord.Count == 0 ? "no survey scores" : string.Join(" and ", onRecord.Select(m => m.ToUpperInvariant())));
    }
}
