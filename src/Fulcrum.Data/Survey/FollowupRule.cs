using System.Data.Common;
using Fulcrum.Data.Store;

namespace Fulcrum.Data.Survey;

/// <summary>
/// Which answers the closed loop follows up: the unhappy ones (<see cref="ScoreLevels"/>) on the store's survey metric —
/// NPS detractors (0–6) where customers answer NPS; else dissatisfied CSAT answers (bottom quarter of the store's scale:
/// 1–2 on 1–5, 1–3 on a declared 1–10); else high-effort CES answers (top quarter: 6–7 on 1–7, 4–5 on a declared 1–5). The import, <c>followups sync</c>, the web intake and the
/// closed-loop measures all ask this one rule. The metric is the store's, not the answer's, so a company that asks NPS keeps
/// the NPS rule exactly, and the measures compare one metric.
/// </summary>
public sealed record FollowupRule(ScoreLevels Levels)
{
    /// <summary>"nps", "csat" or "ces": the responses column the rule reads.</summary>
    public string Metric => Levels.Metric;

    /// <summary>e.g. "detractor (NPS 0–6)", "dissatisfied (CSAT 1–2)", "high-effort (CES 6–7)".</summary>
    public string Name => $"{Levels.UnhappyWord} ({Levels.UnhappyRange})";

    /// <summary>e.g. "detractor answers (NPS 0–6)".</summary>
    public string Answers => $"{Levels.UnhappyWord} answers ({Levels.UnhappyRange})";

    /// <summary>True when an answer with this score on <see cref="Metric"/> needs a follow-up.</summary>
    public bool Needs(double score) => Levels.Level(score) == ScoreLevels.Unhappy;

    /// <summary>
    /// The SQL condition on a responses row aliased <paramref name="alias"/>, with the bound as parameter <c>$followup_bound</c>
    /// (<see cref="Parameter"/>); the column and operator come from this rule, never from input.
    /// </summary>
    public string Condition(string alias) => $"{alias}.{Metric} {(Levels.HigherIsWorse ? ">=" : "<=")} $followup_bound";

    /// <summary>The value of <c>$followup_bound</c>.</summary>
    public double Parameter => Levels.UnhappyBound;

    /// <summary>The rule for this store; null when no answer has a score (nothing to follow up).</summary>
    public static FollowupRule? Of(FulcrumStore store, DbTransaction? transaction = null) =>
        MetricOf(store, transaction) is { } metric ? new FollowupRule(ScoreLevels.Of(store, metric, transaction)) : null;

    /// <summary>The store's survey metric by the analyses' rule (<see cref="WellAnsweredMetric"/>); null when no answer has a score.</summary>
    public static string? MetricOf(FulcrumStore store, DbTransaction? transaction = null)
    {
        var (nps, csat, ces) = WellAnsweredMetric.Counts(store, transaction);
        return WellAnsweredMetric.Of(nps, csat, ces).FirstOrDefault();
    }
}
