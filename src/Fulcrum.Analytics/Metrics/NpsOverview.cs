using System.Globalization;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Segments;
using Fulcrum.Core.Statistics;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Metrics;

/// <summary>NPS of all accounts in one year, with its interval.</summary>
public sealed record NpsYear(int Year, Estimate Nps);

/// <summary>One group's NPS in the first and last year, the change tested for significance, and the ARR the group holds now.</summary>
/// <param name="QValue">The change's Benjamini–Hochberg q across the overview's groups (as growth-check's groups,
/// <see cref="GroupFalls"/>); null for a change without a p-value.</param>
public sealed record GroupShift(string Dimension, string Group, Estimate First, Estimate Last, Comparison Change, double ArrNow, double? QValue = null)
{
    /// <summary>A fall that survives the false-discovery-rate control at <paramref name="fdr"/>, not the unadjusted p.</summary>
    public bool FellAt(double fdr) => GroupFalls.Fell(Change, QValue, fdr);
}

/// <summary>NPS of accounts that went from one product to several, before and after, and the ARR they hold now.</summary>
public sealed record AdopterShift(long Accounts, double ArrNow, Estimate Before, Estimate After, Comparison Change);

/// <param name="Fdr">The false discovery rate the groups' falls are stated at (their q, <see cref="GroupShift.FellAt"/>).</param>
public sealed record NpsOverview(IReadOnlyList<NpsYear> ByYear, IReadOnlyList<GroupShift> Shifts, AdopterShift? Adopters, double Fdr = GroupFalls.DefaultFdr);

/// <summary>
/// The first analysis of the demo: NPS per year, then per segment (first year against last), and for accounts that went
/// from one product to several, before against after. Counting happens in SQL (promoters, passives, detractors per group,
/// with per-account moments); each interval and test is the more cautious of the trinomial one (<see cref="NpsEstimator"/>)
/// and the cluster-robust one by account (<see cref="ClusteredEstimator.Cautious"/>), since an account answers several times.
/// </summary>
public static class NpsOverviewAnalysis
{
    public static NpsOverview Run(AnalysisFacts facts)
    {
        var store = facts.Store;
        var responses = facts.Responses();
        var segment = Counts(store, responses);
        var byYear = segment.GroupBy(r => r.Year).OrderBy(g => g.Key)
            .Select(g => new NpsYear(g.Key, ClusteredEstimator.Cautious(MetricKind.Nps,
                g.Aggregate(default(SufficientStats), (sum, r) => sum + r.Stats), g.Aggregate(default(ClusterStats), (sum, r) => sum + r.Cluster))))
            .ToList();
        var book = facts.Book();
        var shifts = Shifts("segment", segment, SegmentArr(store, book)).ToList();
        // One test per segment: the falls are stated by q across them, as growth-check states its groups'.
        var q = GroupFalls.QValues(shifts.Select(s => s.Change).ToList());
        shifts = shifts.Select((s, i) => s with { QValue = q[i] }).ToList();
        return new NpsOverview(byYear, shifts, Adopters(store, responses, book));
    }

    /// <summary>
    /// Responses of accounts that held one product and later several, split by how many they held when answering (the
    /// paired, account-level analysis is the cohort view). Their ARR now is what they hold on today's book.
    /// </summary>
    static AdopterShift? Adopters(FulcrumStore store, string responses, string book)
    {
        var adopters = $"WHERE account_id IN (SELECT account_id FROM {responses} WHERE nps IS NOT NULL GROUP BY account_id HAVING MIN(products) = 1 AND MAX(products) >= 2)";
        var rows = store.Query<GroupYear>(Grouped(responses, "CASE WHEN products >= 2 THEN 'after' ELSE 'before' END", "0", adopters)).ToList();
        if (rows.Count < 2) return null;
        var before = rows.Single(r => r.Group == "before");
        var after = rows.Single(r => r.Group == "after");
        var arr = store.Scalar<double?>($"SELECT SUM(arr) FROM {book} {adopters}") ?? 0;
        var b = ClusteredEstimator.Cautious(MetricKind.Nps, before.Stats, before.Cluster);
        var a = ClusteredEstimator.Cautious(MetricKind.Nps, after.Stats, after.Cluster);
        return new AdopterShift(Math.Max(before.Accounts, after.Accounts), arr, b, a,
            ClusteredEstimator.CautiousCompare(MetricKind.Nps, after.Stats, after.Cluster, before.Stats, before.Cluster));
    }

    /// <summary>Promoters, passives and detractors of a group in a year, and the per-account moments of its NPS scores.</summary>
    sealed record GroupYear(string Group, int Year, long Promoters, long Passives, long Detractors, long Accounts, double S2, double SN, double N2, double Q)
    {
        public SufficientStats Stats => new(Promoters + Passives + Detractors, Promoters + Passives + Detractors, Promoters + Passives + Detractors,
            Promoters, Passives, Detractors);

        public ClusterStats Cluster => new(Accounts, S2, SN, N2, Q);
    }

    static List<GroupYear> Counts(FulcrumStore store, string responses) =>
        store.Query<GroupYear>(Grouped(responses, "COALESCE(segment, '(none)')", "CAST(EXTRACT(year FROM day) AS INTEGER)", "")).ToList();

    /// <summary>Counts per group and year, aggregated per account first (score S_a = promoters − detractors of the account).</summary>
    static string Grouped(string responses, string group, string year, string where) => $"""
        WITH per_account AS (
            SELECT {group} AS g, {year} AS y, account_id, COUNT(*) AS n,
                   COUNT(*) FILTER (WHERE nps >= 9) AS p, COUNT(*) FILTER (WHERE nps BETWEEN 7 AND 8) AS pa, COUNT(*) FILTER (WHERE nps <= 6) AS d
            FROM {responses}
            {where} {(where.Length == 0 ? "WHERE" : "AND")} nps IS NOT NULL
            GROUP BY 1, 2, 3)
        SELECT g AS "Group", CAST(y AS INTEGER) AS Year, CAST(SUM(p) AS BIGINT) AS Promoters, CAST(SUM(pa) AS BIGINT) AS Passives,
               CAST(SUM(d) AS BIGINT) AS Detractors, CAST(COUNT(*) AS BIGINT) AS Accounts, CAST(SUM((p - d) * (p - d)) AS DOUBLE) AS S2,
               CAST(SUM((p - d) * n) AS DOUBLE) AS SN, CAST(SUM(n * n) AS DOUBLE) AS N2, CAST(SUM((p - d) * (p - d) / n) AS DOUBLE) AS Q
        FROM per_account
        GROUP BY 1, 2 ORDER BY 1, 2
        """;

    /// <summary>ARR on today's book (<see cref="AnalysisFacts.Book"/>) per segment.</summary>
    static Dictionary<string, double> SegmentArr(FulcrumStore store, string book) =>
        store.Query<(string Segment, double Arr)>($"""
            SELECT COALESCE(segment, '(none)'), SUM(arr) FROM {book} GROUP BY 1
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
            var a = ClusteredEstimator.Cautious(MetricKind.Nps, first.Stats, first.Cluster);
            var b = ClusteredEstimator.Cautious(MetricKind.Nps, last.Stats, last.Cluster);
            yield return new GroupShift(dimension, group.Key, a, b,
                ClusteredEstimator.CautiousCompare(MetricKind.Nps, last.Stats, last.Cluster, first.Stats, first.Cluster), arr.GetValueOrDefault(group.Key));
        }
    }

}
