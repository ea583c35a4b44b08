using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Metrics;

/// <summary>The survey metric an overview is about: NPS where customers gave it, else CSAT, else CES.</summary>
public static class PrimarySurveyMetric
{
    /// <summary>The survey metrics in order of preference.</summary>
    public static readonly IReadOnlyList<string> All = Fulcrum.Data.Survey.ScoreLevels.Metrics;

    /// <summary>"nps", "csat" or "ces", the first with any answer on record; null when no answer has a score.</summary>
    public static string? Of(FulcrumStore store) => OnRecord(store).FirstOrDefault();

    /// <summary>The survey metrics with at least one answer, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> OnRecord(FulcrumStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        // One scan counts the three; Dapper reads the row into the tuple by position.
        var (nps, csat, ces) = store.Query<(long, long, long)>("SELECT COUNT(nps), COUNT(csat), COUNT(ces) FROM responses").Single();
        return All.Zip([nps, csat, ces]).Where(m => m.Second > 0).Select(m => m.First).ToList();
    }
}
