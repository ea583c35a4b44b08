using Fulcrum.Data.Store;

namespace Fulcrum.Cli.Tests.Citus;

/// <summary>
/// The path to Citus cannot silently break: every SQL statement the analyses send, run on a small demo company in
/// PostgreSQL, is planned with EXPLAIN and its plan checked against the distribution `fulcrum store distribute` derives
/// (account-keyed tables distributed on account_id and co-located, small tables as reference tables).
/// </summary>
public sealed class CitusColocationTests
{
    /// <summary>The analyses of the CLI (the same set the backend-equivalence test compares).</summary>
    static readonly string[][] Analyses =
    [
        ["metrics", "--by", "segment", "--period", "quarter"],
        ["metrics", "--metric", "nps,csat,ces,contacts_per_account,handle_minutes,first_contact_resolution,reopen_rate,cost_to_serve", "--by", "product_count", "--weight", "arr"],
        ["drilldown", "--depth", "3"],
        ["growth-check"],
        ["cohorts"],
        ["alerts", "--method", "both"],
        ["drivers"],
        ["drivers", "--within-account"],
        ["linkage", "--resamples", "100"],
        ["value"],
        ["references"],
        ["initiatives", "show", "INIT-QW-CALLBACK"],
    ];

    [Fact]
    public void Every_analytics_statement_is_co_located_by_account_under_the_Citus_distribution()
    {
        var url = PostgresCluster.Instance.Url(PostgresCluster.Instance.CreateDatabase("fulcrum_citus_check"));
        using (new ConsoleCapture())
            Assert.Equal(0, FulcrumApp.Run(["generate", "--accounts", "200", "--seed", "13", "--db", url]));
        IReadOnlyList<TablePlacement> plan;
        using (var store = FulcrumStore.Open(url)) plan = CitusDistribution.Plan(store);
        Assert.All(new[] { "accounts", "subscriptions", "outcomes", "responses", "tickets", "orders", "reference_requests" },
            t => Assert.Equal(DistributionRole.Distributed, plan.Single(p => p.Table == t).Role));

        var check = new CitusColocationCheck(plan);
        using (FulcrumStore.ObserveStatements(check.Observe))
            foreach (var analysis in Analyses)
            {
                using var console = new ConsoleCapture();
                var exit = FulcrumApp.Run([.. analysis, "--json", "--db", url]);
                Assert.True(exit == 0, $"{string.Join(' ', analysis)} failed: {console.Spectre}");
            }

        var report = string.Join("\n\n", check.Checked.Where(c => c.Violations.Count > 0).DistinctBy(c => c.Sql)
            .Select(c => $"{string.Join("\n", c.Violations.Distinct().Select(v => "- " + v))}\n{c.Sql}"));
        Assert.True(report.Length == 0, $"statements that would not run co-located on Citus:\n\n{report}");
        // The check saw the analyses' real work: the fact builds and the aggregations over them.
        Assert.True(check.Checked.Count > 100, $"only {check.Checked.Count} statements checked");
        Assert.Contains(check.Checked, c => c.Sql.Contains("facts_account_periods_quarter", StringComparison.Ordinal) && c.Sql.Contains("generate_series", StringComparison.Ordinal));
        Assert.Contains(check.Checked, c => c.Sql.Contains("FROM facts_responses", StringComparison.Ordinal));
    }

    /// <summary>The rules are not vacuous: statements Citus cannot push down are caught, co-located ones pass.</summary>
    [Theory]
    [InlineData("SELECT account_id, COUNT(*) OVER (PARTITION BY name) FROM accounts", "window over distributed rows not partitioned by account_id")]
    [InlineData("SELECT r.response_id FROM responses r JOIN tickets t ON t.ticket_id = r.response_id", "join of two distributed inputs without account_id")]
    [InlineData("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY nps) FROM responses", "not a combination of per-account partials")]
    [InlineData("SELECT COUNT(DISTINCT survey) FROM responses", "DISTINCT aggregate across accounts")]
    [InlineData("SELECT s.name, r.nps FROM assumptions s LEFT JOIN responses r ON r.survey = s.name", "keeps reference/recurring rows")]
    [InlineData("SELECT a.segment, COUNT(*), AVG(r.nps), COUNT(DISTINCT r.account_id) FROM responses r JOIN accounts a USING (account_id) GROUP BY a.segment", null)]
    [InlineData("SELECT account_id, LEAD(responded_at) OVER (PARTITION BY account_id ORDER BY responded_at) FROM responses", null)]
    [InlineData("SELECT a.account_id, t.n FROM accounts a LEFT JOIN (SELECT account_id, COUNT(*) AS n FROM tickets GROUP BY account_id) t ON t.account_id = a.account_id", null)]
    public void The_rules_flag_what_Citus_cannot_push_down(string sql, string? expected)
    {
        using var store = FulcrumStore.Open(PostgresCluster.Instance.Url(PostgresCluster.Instance.CreateDatabase("fulcrum_citus_rules")));
        var check = new CitusColocationCheck(CitusDistribution.Plan(store));
        using (FulcrumStore.ObserveStatements(check.Observe)) store.Query<object>(sql).ToList();

        var violations = Assert.Single(check.Checked).Violations;
        if (expected is null) Assert.Empty(violations);
        else Assert.Contains(violations, v => v.Contains(expected, StringComparison.Ordinal));
    }
}
