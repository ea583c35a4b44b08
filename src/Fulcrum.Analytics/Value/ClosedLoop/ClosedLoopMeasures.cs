using Fulcrum.Core.Statistics;
using Fulcrum.Data.Store;
using Fulcrum.Data.Survey;

namespace Fulcrum.Analytics.Value.ClosedLoop;

/// <summary>
/// The closed loop's measures: days to close, share closed in time, and — on the store's survey metric, the one its
/// <see cref="FollowupRule"/> reads — the account's next answer after a closed follow-up vs one not closed, and the hard
/// outcome the store can say (<see cref="ClosedLoopOutcome"/>). NPS: trinomial difference; CSAT and CES: means kept on
/// their scale, Welch difference; shares: Wilson and Newcombe.
/// </summary>
public static class ClosedLoopMeasures
{
    public const int LaterAnswerDays = 180, ChurnDays = ClosedLoopOutcome.ChurnDays;

    /// <param name="asOf">The day "now" refers to (overdue, within SLA); default the last day with an answer or a follow-up change.</param>
    public static ClosedLoopReport Run(FulcrumStore store, DateOnly? asOf = null)
    {
        var now = asOf ?? store.Read("""
            SELECT MAX(d) FROM (SELECT MAX(CAST(responded_at AS DATE)) AS d FROM responses UNION ALL SELECT MAX(CAST(changed_at AS DATE)) FROM followup_events) AS days
            """, r => r.Date(0)).Single() ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var rule = FollowupRule.Of(store);
        var outcome = ClosedLoopOutcome.For(store);
        // The rule's metric is one of three column names, never user text.
        var laterScore = rule is null ? "CAST(NULL AS DOUBLE PRECISION)" : $"""
            (SELECT CAST(n.{rule.Metric} AS DOUBLE PRECISION) FROM responses n WHERE n.account_id = r.account_id AND n.{rule.Metric} IS NOT NULL
               AND CAST(n.responded_at AS DATE) > CAST(r.responded_at AS DATE)
               AND CAST(n.responded_at AS DATE) <= CAST(r.responded_at AS DATE) + INTERVAL '{LaterAnswerDays} days'
             ORDER BY n.responded_at, n.response_id LIMIT 1)
            """;
        var cases = store.Read($"""
            SELECT f.status, CAST(f.due AS DATE), f.opened_at, f.closed_at, {laterScore} AS later_score,
                   {outcome.HappenedSql} AS happened, {outcome.CompleteSql} AS window_complete
            FROM followups f JOIN responses r ON r.response_id = f.response_id
            """, r => (Status: r.Text(0)!, Due: r.Date(1), Opened: r.Timestamp(2), ClosedAt: r.Timestamp(3),
                LaterScore: r.NullableDouble(4), Happened: r.Bool(5) ?? false, WindowComplete: r.Bool(6) ?? false),
            new { now = StoreReader.Day(now) });

        var closed = cases.Where(c => c.Status == Followups.Closed && c.ClosedAt is not null && c.Opened is not null).ToList();
        var days = closed.Select(c => (c.ClosedAt!.Value - c.Opened!.Value).TotalDays).ToList();
        var due = cases.Where(c => c.Due is not null && (c.Status == Followups.Closed || c.Due < now)).ToList();
        var inTime = due.Count(c => c.Status == Followups.Closed && c.ClosedAt is { } t && DateOnly.FromDateTime(t) <= c.Due);

        var followed = cases.Where(c => c.Status == Followups.Closed).ToList();
        var notFollowed = cases.Where(c => c.Status != Followups.Closed).ToList();
        var later = LaterScore(rule, Scores(followed.Select(c => c.LaterScore)), Scores(notFollowed.Select(c => c.LaterScore)));
        var outcomeFollowed = followed.Where(c => c.WindowComplete).ToList();
        var outcomeNot = notFollowed.Where(c => c.WindowComplete).ToList();
        var hard = outcome.Missing is { } missing
            ? FollowupComparison.Absent(outcome.Measure, "share", true, missing)
            : new FollowupComparison(outcome.Measure, "share", true,
                ProportionEstimator.Wilson(outcomeFollowed.Count(c => c.Happened), outcomeFollowed.Count),
                ProportionEstimator.Wilson(outcomeNot.Count(c => c.Happened), outcomeNot.Count),
                ProportionEstimator.Difference(outcomeFollowed.Count(c => c.Happened), outcomeFollowed.Count, outcomeNot.Count(c => c.Happened), outcomeNot.Count), null);

        var metric = rule?.Metric.ToUpperInvariant() ?? "score";
        return new ClosedLoopReport(now, rule?.Answers, rule?.Metric, cases.Count, cases.Count(c => c.Status == Followups.Open), cases.Count(c => c.Status == Followups.Assigned),
            closed.Count, cases.Count(c => c.Status != Followups.Closed && c.Due < now),
            MeanEstimator.Mean(days), days.Count == 0 ? double.NaN : Median(days), ProportionEstimator.Wilson(inTime, due.Count),
            later, hard,
            $"Observational: which {rule?.Answers ?? "answers"} get followed up is not random (owners may pick the easier or the more valuable cases), so the "
            + $"differences in later {metric}{(outcome.Missing is null ? $" and {outcome.Measure.Split(" within")[0]}" : "")} are associations, not the effect of following up. "
            + "Several cases of one account are counted separately.");
    }

    /// <summary>The rule's metric at the next answer: NPS as a trinomial NPS, CSAT and CES as means kept on their scale.</summary>
    static FollowupComparison LaterScore(FollowupRule? rule, List<double> followed, List<double> notFollowed)
    {
        if (rule is null)
        {
            const string reason = "No answer on record has a survey score (NPS, CSAT or CES), so there is no later score to compare.";
            return FollowupComparison.Absent($"score of the account's next answer within {LaterAnswerDays} days", "points", false, reason);
        }
        var name = rule.Metric.ToUpperInvariant();
        var measure = $"{name} of the account's next answer within {LaterAnswerDays} days";
        if (rule.Metric == "nps")
        {
            var a = Nps(followed);
            var b = Nps(notFollowed);
            return new FollowupComparison(measure, "NPS points", false, a, b, NpsEstimator.Compare(a, b), null);
        }
        var levels = rule.Levels;
        return new FollowupComparison(measure, $"{name} points", false,
            BoundedMeanEstimator.Bound(MeanEstimator.Mean(followed), levels.Min, levels.Max),
            BoundedMeanEstimator.Bound(MeanEstimator.Mean(notFollowed), levels.Min, levels.Max),
            MeanEstimator.WelchTTest(followed, notFollowed), null);
    }

    static List<double> Scores(IEnumerable<double?> scores) => scores.Where(x => x is not null).Select(x => x!.Value).ToList();

    static Estimate Nps(List<double> scores) =>
        NpsEstimator.FromCounts(scores.Count(x => x >= 9), scores.Count(x => x is >= 7 and < 9), scores.Count(x => x < 7));

    static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var m = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
