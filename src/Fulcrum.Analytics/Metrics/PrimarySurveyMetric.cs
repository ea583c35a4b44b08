using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Metrics;

/// <summary>The survey metric an overview is about: NPS where customers gave it, else CSAT, else CES.</summary>
public static class PrimarySurveyMetric
{
    /// <summary>"nps", "csat" or "ces", the first with any answer on record; null when no answer has a score.</summary>
    public static string? Of(FulcrumStore store) =>
        store.Scalar<string?>("SELECT CASE WHEN COUNT(nps) > 0 THEN 'nps' WHEN COUNT(csat) > 0 THEN 'csat' WHEN COUNT(ces) > 0 THEN 'ces' END FROM responses");
}
