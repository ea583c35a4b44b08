using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Data.Tests.Demo;

/// <summary>
/// One demo company (3,000 accounts, 3 years, seed 42) generated once into a temporary file store and shared,
/// read-only, by every test class in the "Demo company" collection. A collection fixture rather than a class
/// fixture so that the company is generated once for all the classes, and so that those classes run one after
/// the other: a store (one DuckDB connection) is not thread-safe.
/// </summary>
public sealed class DemoCompanyFixture : IDisposable
{
    public static readonly DemoCompanyOptions Options = new(Accounts: 3_000, Years: 3, Seed: 42);

    readonly string _directory;

    public DemoCompanyFixture()
    {
        _directory = Path.Combine(Path.GetTempPath(), "fulcrum-demo-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_directory);
        Store = FulcrumStore.Open(Path.Combine(_directory, "demo.duckdb"));
        Result = DemoCompanyGenerator.Generate(Store, Options);
    }

    public FulcrumStore Store { get; }
    public GenerationResult Result { get; }

    public T Scalar<T>(string sql) => Store.Scalar<T>(sql);

    public List<T> Query<T>(string sql) => Store.Query<T>(sql).ToList();

    public void Dispose()
    {
        Store.Dispose();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { /* a leftover temp directory is harmless */ }
    }
}

[CollectionDefinition(Name)]
public sealed class DemoCompanyCollection : ICollectionFixture<DemoCompanyFixture>
{
    public const string Name = "Demo company";
}

/// <summary>SQL fragments shared by the tests that measure the demo data directly (never through the ground-truth table).</summary>
internal static class DemoSql
{
    /// <summary>Simple NPS (% promoters − % detractors) of the <c>nps</c> column of the current group.</summary>
    public const string Nps = "100.0 * (AVG(CASE WHEN nps >= 9 THEN 1.0 ELSE 0 END) - AVG(CASE WHEN nps <= 6 THEN 1.0 ELSE 0 END))";

    /// <summary>
    /// CTE <c>held</c>: every response with the number of distinct products the account held on the day of the response
    /// (subscription periods [start_date, end_date], open-ended when end_date is null).
    /// </summary>
    public const string ResponsesWithProductsHeld = """
        held AS (
            SELECT r.*, (
                SELECT COUNT(DISTINCT s.product) FROM subscriptions s
                WHERE s.account_id = r.account_id
                  AND s.start_date <= CAST(r.responded_at AS DATE)
                  AND COALESCE(s.end_date, DATE '9999-12-31') >= CAST(r.responded_at AS DATE)) AS products
            FROM responses r)
        """;

    /// <summary>CTE <c>multi_accounts</c>: accounts that at some time hold two products at once (overlapping subscription periods).</summary>
    public const string MultiProductAccounts = """
        multi_accounts AS (
            SELECT DISTINCT a.account_id
            FROM subscriptions a JOIN subscriptions b ON a.account_id = b.account_id AND a.product < b.product
            WHERE a.start_date <= COALESCE(b.end_date, DATE '9999-12-31') AND b.start_date <= COALESCE(a.end_date, DATE '9999-12-31'))
        """;

    /// <summary>
    /// CTE <c>renewals</c>: the renewal outcomes (churn, renewal, contraction, and the expansions decided at a renewal), each
    /// with the account's mean NPS over the 12 months up to the renewal. An expansion at renewal re-opens the Core Platform
    /// subscription on that day; a product adoption (also kind 'expansion') does not.
    /// </summary>
    public const string RenewalsWithMeanNps = """
        renewals AS (
            SELECT o.account_id, o.outcome_date, o.kind, (
                SELECT AVG(r.nps) FROM responses r
                WHERE r.account_id = o.account_id
                  AND CAST(r.responded_at AS DATE) <= o.outcome_date
                  AND CAST(r.responded_at AS DATE) > o.outcome_date - INTERVAL 365 DAY) AS mean_nps
            FROM outcomes o
            WHERE o.kind IN ('churn', 'renewal', 'contraction')
               OR (o.kind = 'expansion' AND EXISTS (
                    SELECT 1 FROM subscriptions s
                    WHERE s.account_id = o.account_id AND s.product = 'Core Platform' AND s.start_date = o.outcome_date)))
        """;
}
