using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Value.ClosedLoop;

/// <summary>How well the loop is closed, and what happened afterwards to accounts whose answer was followed up.</summary>
/// <param name="Rule">The answers that get a follow-up, e.g. "detractor answers (NPS 0–6)", "dissatisfied answers (CSAT 1–2)"; null when no answer has a score.</param>
/// <param name="Metric">The survey metric of the rule ("nps", "csat", "ces"); null with <paramref name="Rule"/>.</param>
/// <param name="DaysToClose">Days from the answer to closing, over closed cases (mean, t interval).</param>
/// <param name="WithinSla">Share of cases that are due (due date passed) or closed, closed on or before their due date (Wilson).</param>
/// <param name="LaterScore">The same metric at the account's next answer (within 180 days): after a closed follow-up vs one not closed.</param>
/// <param name="Outcome">Churn within 365 days where renewals are on record, else a repeat purchase within 180 days where orders are; else absent with the reason.</param>
public sealed record ClosedLoopReport(
    DateOnly AsOf, string? Rule, string? Metric, long Cases, long Open, long Assigned, long Closed, long Overdue,
    Estimate DaysToClose, double MedianDaysToClose, Estimate WithinSla, FollowupComparison LaterScore, FollowupComparison Outcome, string Caveat);

/// <summary>One measure of what followed: cases closed vs not closed, and the difference (closed − not closed).</summary>
/// <param name="Measure">What is compared, e.g. "NPS of the account's next answer within 180 days", "churn within 365 days".</param>
/// <param name="Unit">"NPS points", "CSAT points", "CES points" or "share".</param>
/// <param name="IsShare">True for a share (churn, repeat purchase): shown as a percentage.</param>
/// <param name="Missing">Why the measure is absent (no data behind it); null when it is measured.</param>
public sealed record FollowupComparison(string Measure, string Unit, bool IsShare, Estimate FollowedUp, Estimate NotFollowedUp, Comparison Difference, string? Missing)
{
    /// <summary>A measure the store cannot support: every figure undefined, with the reason.</summary>
    public static FollowupComparison Absent(string measure, string unit, bool isShare, string reason) =>
        new(measure, unit, isShare, Estimate.Undefined(0, reason), Estimate.Undefined(0, reason), Comparison.Undefined(0, reason), reason);
}
