using Fulcrum.Core.Statistics;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Value.ClosedLoop;

/// <summary>How well the loop is closed, and what happened afterwards to accounts whose detractor answer was followed up.</summary>
/// <param name="DaysToClose">Days from the answer to closing, over closed cases (mean, t interval).</param>
/// <param name="WithinSla">Share of cases that are due (due date passed) or closed, closed on or before their due date (Wilson).</param>
/// <param name="LaterNpsDifference">NPS of the account's next answer (within 180 days) after a closed follow-up minus after one not closed.</param>
/// <param name="ChurnDifference">12-month churn after a closed follow-up minus after one not closed (Newcombe).</param>
public sealed record ClosedLoopReport(
    DateOnly AsOf, long Cases, long Open, long Assigned, long Closed, long Overdue, Estimate DaysToClose, double MedianDaysToClose, Estimate WithinSla,
    Estimate LaterNpsFollowedUp, Estimate LaterNpsNotFollowedUp, Comparison LaterNpsDifference,
    Estimate ChurnFollowedUp, Estimate ChurnNotFollowedUp, Comparison ChurnDifference, string Caveat);

public static class ClosedLoopMeasures
{
    public const int LaterAnswerDays = 180, ChurnDays = 365;

    /// <param name="asOf">The day "now" refers to (overdue, within SLA); default the last day with an answer or a follow-up change.</param>
    public static ClosedLoopReport Run(FulcrumStore store, DateOnly? asOf = null)
    {
        var now = asOf ?? store.Read("""
            SELECT MAX(d) FROM (SELECT MAX(CAST(responded_at AS DATE)) AS d FROM responses UNION ALL SELECT MAX(CAST(changed_at AS DATE)) FROM followup_events) AS days
            """, r => r.Date(0)).Single() ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var cases = store.Read($"""
            SELECT f.status, CAST(f.due AS DATE), f.opened_at, f.closed_at,
                   (SELECT n.nps FROM responses n WHERE n.account_id = r.account_id AND n.nps IS NOT NULL
                      AND CAST(n.responded_at AS DATE) > CAST(r.responded_at AS DATE)
                      AND CAST(n.responded_at AS DATE) <= CAST(r.responded_at AS DATE) + INTERVAL '{LaterAnswerDays} days'
                    ORDER BY n.responded_at, n.response_id LIMIT 1) AS later_nps,
                   EXISTS (SELECT 1 FROM outcomes o WHERE o.account_id = r.account_id AND o.kind = 'churn'
                      AND o.outcome_date > CAST(r.responded_at AS DATE) AND o.outcome_date <= CAST(r.responded_at AS DATE) + INTERVAL '{ChurnDays} days') AS churned,
                   CAST(r.responded_at AS DATE) + INTERVAL '{ChurnDays} days' <= $now AS churn_window_complete
            FROM followups f JOIN responses r ON r.response_id = f.response_id
            """, r => (Status: r.Text(0)!, Due: r.Date(1), Opened: r.Timestamp(2), ClosedAt: r.Timestamp(3),
                LaterNps: r.IsDBNull(4) ? (int?)null : (int)r.Long(4), Churned: r.Bool(5) ?? false, ChurnWindowComplete: r.Bool(6) ?? false),
            new { now = StoreReader.Day(now) });

        var closed = cases.Where(c => c.Status == Followups.Closed && c.ClosedAt is not null && c.Opened is not null).ToList();
        var days = closed.Select(c => (c.ClosedAt!.Value - c.Opened!.Value).TotalDays).ToList();
        var due = cases.Where(c => c.Due is not null && (c.Status == Followups.Closed || c.Due < now)).ToList();
        var inTime = due.Count(c => c.Status == Followups.Closed && c.ClosedAt is { } t && DateOnly.FromDateTime(t) <= c.Due);

        var followed = cases.Where(c => c.Status == Followups.Closed).ToList();
        var notFollowed = cases.Where(c => c.Status != Followups.Closed).ToList();
        var npsFollowed = Nps(followed.Select(c => c.LaterNps));
        var npsNot = Nps(notFollowed.Select(c => c.LaterNps));
        var churnFollowed = followed.Where(c => c.ChurnWindowComplete).ToList();
        var churnNot = notFollowed.Where(c => c.ChurnWindowComplete).ToList();

        return new ClosedLoopReport(now, cases.Count, cases.Count(c => c.Status == Followups.Open), cases.Count(c => c.Status == Followups.Assigned),
            closed.Count, cases.Count(c => c.Status != Followups.Closed && c.Due < now),
            MeanEstimator.Mean(days), days.Count == 0 ? double.NaN : Median(days), ProportionEstimator.Wilson(inTime, due.Count),
            npsFollowed, npsNot, NpsEstimator.Compare(npsFollowed, npsNot),
            ProportionEstimator.Wilson(churnFollowed.Count(c => c.Churned), churnFollowed.Count),
            ProportionEstimator.Wilson(churnNot.Count(c => c.Churned), churnNot.Count),
            ProportionEstimator.Difference(churnFollowed.Count(c => c.Churned), churnFollowed.Count, churnNot.Count(c => c.Churned), churnNot.Count),
            "Observational: which detractors get followed up is not random (owners may pick the easier or the more valuable cases), so the "
            + "differences in later NPS and churn are associations, not the effect of following up. Several cases of one account are counted separately.");
    }

    static Estimate Nps(IEnumerable<int?> scores)
    {
        var s = scores.Where(x => x is not null).Select(x => x!.Value).ToList();
        return NpsEstimator.FromCounts(s.Count(x => x >= 9), s.Count(x => x is 7 or 8), s.Count(x => x <= 6));
    }

    static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var m = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
