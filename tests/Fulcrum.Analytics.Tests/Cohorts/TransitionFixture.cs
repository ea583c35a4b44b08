using Fulcrum.Analytics.Cohorts;
using Fulcrum.Analytics.Facts;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Cohorts;

/// <summary>
/// A hand-made company of eight accounts in an in-memory store, the same one as Reference/cohort_reference.py, which
/// recomputes every expected number without SQL (its output is Reference/cohort_reference.txt).
/// A1, A2, A3, A8 go from one product to two; A4 starts with two and adds a third; A5, A6, A7 stay on one product.
/// </summary>
public sealed class TransitionFixture : IDisposable
{
    public TransitionFixture()
    {
        Store = FulcrumStore.Open(":memory:");
        Insert(Store);
        Report = ProductTransitionAnalysis.Run(new AnalysisFacts(Store), new TransitionOptions(IncludeSecondToThird: true));
    }

    public FulcrumStore Store { get; }

    /// <summary>The analysis with default options (12-month windows) and the 2 → 3 cohort.</summary>
    public ProductTransitionReport Report { get; }

    public TransitionCohort OneToSeveral => Report.Cohorts.Single(c => c.FromProducts == 1);

    public static void Insert(FulcrumStore store)
    {
        foreach (var (id, segment) in new[]
                 {
                     ("A1", "Enterprise"), ("A2", "Enterprise"), ("A3", "Enterprise"), ("A4", "Mid-Market"),
                     ("A5", "Enterprise"), ("A6", "Enterprise"), ("A7", "Enterprise"), ("A8", "Enterprise"),
                 })
            store.Execute("INSERT INTO accounts (account_id, segment, region) VALUES ($id, $segment, 'EMEA')", new { id, segment });

        foreach (var (account, product, start, end, arr) in new (string, string, string, string?, double)[]
                 {
                     ("A1", "Core", "2023-01-01", null, 100000), ("A1", "Analytics", "2024-01-01", null, 30000),
                     ("A2", "Core", "2023-01-15", "2024-06-01", 80000), ("A2", "Automation", "2023-07-01", "2024-06-01", 20000),
                     ("A3", "Core", "2023-05-15", null, 60000), ("A3", "Connect", "2023-06-01", null, 10000),
                     ("A4", "Core", "2023-01-01", null, 50000), ("A4", "Analytics", "2023-01-01", null, 15000),
                     ("A4", "Automation", "2024-01-01", null, 10000),
                     ("A5", "Core", "2022-01-01", null, 90000),
                     ("A6", "Core", "2022-06-01", "2024-03-01", 70000),
                     ("A7", "Core", "2022-03-01", null, 120000),
                     ("A8", "Core", "2023-01-01", null, 40000), ("A8", "Analytics", "2023-10-01", null, 10000),
                 })
            store.Execute("""
                INSERT INTO subscriptions (account_id, product, start_date, end_date, arr)
                VALUES ($account, $product, CAST($start AS DATE), CAST($end AS DATE), $arr)
                """, new { account, product, start, end, arr });

        var i = 0;
        foreach (var (account, day, nps) in new[]
                 {
                     ("A1", "2023-03-01", 10), ("A1", "2023-06-01", 9), ("A1", "2023-09-01", 8),
                     ("A1", "2024-03-01", 6), ("A1", "2024-06-01", 7), ("A1", "2025-03-01", 0),
                     ("A2", "2023-03-15", 9), ("A2", "2023-09-15", 5), ("A2", "2024-02-15", 10),
                     ("A3", "2023-08-01", 3),
                     ("A4", "2023-05-01", 8), ("A4", "2024-05-01", 4),
                     ("A5", "2022-09-01", 9), ("A5", "2023-03-01", 9), ("A5", "2023-09-01", 8), ("A5", "2024-03-01", 7), ("A5", "2024-09-01", 9),
                     ("A6", "2023-02-01", 10), ("A6", "2023-08-01", 6),
                     ("A7", "2023-05-01", 10), ("A7", "2023-10-01", 9), ("A7", "2024-05-01", 8),
                 })
            store.Execute("""
                INSERT INTO responses (response_id, account_id, responded_at, nps)
                VALUES ($id, $account, CAST($day AS TIMESTAMP) + INTERVAL '10 hours', $nps)
                """, new { id = $"R{++i}", account, day, nps });

        var tickets = new List<(string Account, string Day, double Minutes)>();
        tickets.AddRange(new[] { "2023-02-10", "2023-05-10", "2023-08-10", "2023-11-10" }.Select(d => ("A1", d, 30.0)));
        tickets.AddRange(new[] { "2024-02-10", "2024-03-10", "2024-05-10", "2024-06-10", "2024-08-10", "2024-09-10", "2024-11-10", "2024-12-10" }
            .Select(d => ("A1", d, 45.0)));
        tickets.AddRange(new[] { "2023-04-01", "2023-08-01", "2023-12-01" }.Select(d => ("A2", d, 20.0)));
        tickets.Add(("A5", "2023-01-10", 10));
        tickets.Add(("A5", "2025-06-30", 10));
        i = 0;
        foreach (var (account, day, minutes) in tickets)
            store.Execute("""
                INSERT INTO tickets (ticket_id, account_id, opened_at, handle_minutes, contacts, reopened)
                VALUES ($id, $account, CAST($day AS TIMESTAMP) + INTERVAL '9 hours', $minutes, 1, false)
                """, new { id = $"T{++i}", account, day, minutes });

        foreach (var (account, day, kind, before, after) in new (string, string, string, double, double)[]
                 {
                     ("A1", "2023-07-01", "renewal", 100000, 100000), ("A1", "2024-01-01", "expansion", 100000, 130000),
                     ("A1", "2024-07-01", "renewal", 130000, 130000),
                     ("A2", "2023-07-01", "expansion", 80000, 100000), ("A2", "2024-06-01", "churn", 100000, 0),
                     ("A5", "2023-01-01", "renewal", 90000, 90000), ("A5", "2024-01-01", "contraction", 90000, 80000),
                     ("A6", "2023-06-01", "renewal", 70000, 70000), ("A6", "2024-03-01", "churn", 70000, 0),
                     ("A7", "2023-03-01", "renewal", 120000, 120000), ("A7", "2024-03-01", "expansion", 120000, 130000),
                 })
            store.Execute("""
                INSERT INTO outcomes (account_id, outcome_date, kind, arr_before, arr_after)
                VALUES ($account, CAST($day AS DATE), $kind, $before, $after)
                """, new { account, day, kind, before, after });
    }

    public void Dispose() => Store.Dispose();
}
