using System.Data.Common;
using Fulcrum.Data.Store;

namespace Fulcrum.Data.Survey;

/// <summary>
/// The rule that picks a store's survey metric from how many answers each has: among NPS, CSAT and CES, those with at least
/// <see cref="MinimumShareOfMostAnswered"/> of the most-answered one's answers are well answered, and the first of them in
/// that order is the metric. Here, below the analyses, so the closed loop (import, intake) and the analyses
/// (<c>SurveyMetricChoice</c>) apply the same rule: two stray NPS answers never turn a CSAT company's follow-ups to NPS.
/// </summary>
public static class WellAnsweredMetric
{
    /// <summary>A metric with fewer than half the answers of the most-answered one is too thin to stand for the company's experience.</summary>
    public const double MinimumShareOfMostAnswered = 0.5;

    /// <summary>The answers with an NPS, a CSAT and a CES score, in one scan of the responses.</summary>
    public static (long Nps, long Csat, long Ces) Counts(FulcrumStore store, DbTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Query<(long, long, long)>("SELECT COUNT(nps), COUNT(csat), COUNT(ces) FROM responses", transaction: transaction).Single();
    }

    /// <summary>The well-answered metrics, in the order of <see cref="ScoreLevels.Metrics"/>; empty when no answer has a score.</summary>
    public static IReadOnlyList<string> Of(long nps, long csat, long ces)
    {
        long[] answers = [nps, csat, ces];
        var most = answers.Max();
        return most == 0 ? [] : ScoreLevels.Metrics.Where((_, i) => answers[i] > 0 && answers[i] >= MinimumShareOfMostAnswered * most).ToList();
    }
}
