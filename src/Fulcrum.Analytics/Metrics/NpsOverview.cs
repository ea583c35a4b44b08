using System.Globalization;
using Fulcrum.Analytics.Facts;
using Fulcrum.Core.Statistics;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Metrics;

/// <summary>NPS of all accounts in one year, with its interval.</summary>
public sealed record NpsYear(int Year, Estimate Nps);

/// <summary>One group's NPS in the first and last year, the change tested for significance, and the ARR the group holds now.</summary>
public sealed record GroupShift(string Dimension, string Group, Estimate First, Estimate Last, Comparison Change, double ArrNow);

/// <summary>NPS of accounts that went from one product to several, before and after, and the ARR they hold now.</summary>
public sealed record AdopterShift(long Accounts, double ArrNow, Estimate Before, Estimate After, Comparison Change);

public sealed record NpsOverview(IReadOnlyList<NpsYear> ByYear, IReadOnlyList<GroupShift> Shifts, AdopterShift? Adopters);

/// <summary>
/// The first analysis of the demo: NPS per year, then per segment (first year against last), and for accounts that went
/// from one product to several, before against after. Counting happens in SQL (promoters, passives, detractors per group);
/// intervals and tests come from <see cref="NpsEstimator"/> (trinomial variance).
/// </summary>
public static class NpsOverviewAnalysis
{
    public static NpsOverview Run(AnalysisFacts facts)
    {
        var store = facts.Store;
        var responses = facts.Responses();
        var segment = Counts(store, responses);
        var byYear = segment.GroupBy(r => r.Year).OrderBy(g => g.Key)
            .Select(g => new NpsYear(g.Key, NpsEstimator.FromCounts(g.Sum(r => r.Promoters), g.Sum(r => r.Passives), g.Sum(r => r.Detractors))))
            .ToList();
        var shifts = Shifts("segment", segment, SegmentArr(store)).ToList();
        return new NpsOverview(byYear, shifts, Adopters(store, responses));
    }

    /// <summary>
    /// Responses of accounts that held one product and later several, split by how many they held when answering.
    /// The interval treats responses as independent (a paired, account-level analysis is the cohort view).
    /// </summary>
    static AdopterShift? Adopters(FulcrumStore store, string responses)
    {
        var rows = store.Query<(bool After, long Promoters, long Passives, long Detractors, long Accounts)>($"""
            WITH held AS (
                SELECT account_id, nps, products FROM {responses} WHERE nps IS NOT NULL),
            adopters AS (
                SELECT account_id FROM held GROUP BY account_id HAVING MIN(products) = 1 AND MAX(products) >= 2)
            SELECT products >= 2, COUNT(*) FILTER (WHERE nps >= 9), COUNT(*) FILTER (WHERE nps BETWEEN 7 AND 8),
                   COUNT(*) FILTER (WHERE nps <= 6), COUNT(DISTINCT account_id)
            FROM held JOIN adopters USING (account_id)
            GROUP BY 1
            """).ToList();
        if (rows.Count < 2) return null;
        var before = rows.Single(r => !r.After);
        var after = rows.Single(r => r.After);
        var arr = store.Scalar<double?>($"""
            WITH held AS (SELECT account_id, products FROM {responses} WHERE nps IS NOT NULL),
            adopters AS (SELECT account_id FROM held GROUP BY account_id HAVING MIN(products) = 1 AND MAX(products) >= 2)
            SELECT SUM(s.arr) FROM subscriptions s JOIN adopters USING (account_id) WHERE s.end_date IS NULL
            """) ?? 0;
        var b = NpsEstimator.FromCounts(before.Promoters, before.Passives, before.Detractors);
        var a = NpsEstimator.FromCounts(after.Promoters, after.Passives, after.Detractors);
        return new AdopterShift(Math.Max(before.Accounts, after.Accounts), arr, b, a, NpsEstimator.Compare(a, b));
    }

    sealed record GroupYear(string Group, int Year, long Promoters, long Passives, long Detractors);

    static List<GroupYear> Counts(FulcrumStore store, string responses) =>
        store.Query<GroupYear>($"""
            SELECT COALESCE(segment, '(none)') AS "Group", CAST(EXTRACT(year FROM day) AS INTEGER) AS Year,
                   COUNT(*) FILTER (WHERE nps >= 9) AS Promoters, COUNT(*) FILTER (WHERE nps BETWEEN 7 AND 8) AS Passives,
                   COUNT(*) FILTER (WHERE nps <= 6) AS Detractors
            FROM {responses}
            WHERE nps IS NOT NULL
            GROUP BY 1, 2 ORDER BY 1, 2
            """).ToList();

    static Dictionary<string, double> SegmentArr(FulcrumStore store) =>
        store.Query<(string Segment, double Arr)>("""
            SELECT COALESCE(a.segment, '(none)'), SUM(s.arr) FROM subscriptions s JOIN accounts a USING (account_id)
            WHERE s.end_date IS NULL GROUP BY 1
            """).ToDictionary(r => r.Segment, r => r.Arr);

    static IEnumerable<GroupShift> Shifts(string dimension, List<GroupYear> rows, Dictionary<string, double> arr)
    {
        if (rows.Count == 0) yield break;
        var (firstYear, lastYear) = (rows.Min(r => r.Year), rows.Max(r => r.Year));
        if (firstYear == lastYear) yield break;
        foreach (var group in rows.GroupBy(r => r.Group).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = group.FirstOrDefault(r => r.Year == firstYear);
            var last = group.FirstOrDefault(r => r.Year == lastYear);
            if (first is null || last is null) continue;
            var a = NpsEstimator.FromCounts(first.Promoters, first.Passives, first.Detractors);
            var b = NpsEstimator.FromCounts(last.Promoters, last.Passives, last.Detractors);
            yield return new GroupShift(dimension, group.Key, a, b, NpsEstimator.Compare(b, a), arr.GetValueOrDefault(group.Key));
        }
    }

}
