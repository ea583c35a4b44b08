using Xunit.Abstractions;

namespace Fulcrum.Data.Tests.Demo;

/// <summary>Referential integrity, value ranges, event ordering and size of the generated demo company.</summary>
[Collection(DemoCompanyCollection.Name)]
public sealed class GeneratedCompanyTests(DemoCompanyFixture company, ITestOutputHelper output)
{
    long Count(string sql) => company.Scalar<long>(sql);

    [Theory]
    [InlineData("subscriptions")]
    [InlineData("responses")]
    [InlineData("tickets")]
    [InlineData("outcomes")]
    [InlineData("reference_requests")]
    public void Every_account_id_refers_to_a_generated_account(string table)
    {
        Assert.True(Count($"SELECT COUNT(*) FROM {table}") > 0, $"{table} is empty");
        var orphans = Count($"SELECT COUNT(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.account_id = t.account_id)");
        Assert.Equal(0, orphans);
    }

    [Fact]
    public void Every_reference_opportunity_id_refers_to_a_generated_opportunity()
    {
        Assert.True(Count("SELECT COUNT(*) FROM reference_requests WHERE opportunity_id IS NOT NULL") > 0, "no reference was used in a deal");
        Assert.Equal(0, Count("""
            SELECT COUNT(*) FROM reference_requests rr
            WHERE rr.opportunity_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM opportunities o WHERE o.opportunity_id = rr.opportunity_id)
            """));
    }

    [Fact]
    public void Survey_scores_are_within_their_scales()
    {
        Assert.Equal(0, Count("SELECT COUNT(*) FROM responses WHERE nps IS NULL OR nps < 0 OR nps > 10"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM responses WHERE csat < 1 OR csat > 5"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM responses WHERE ces < 1 OR ces > 7"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM tickets WHERE csat < 1 OR csat > 5"));
        // The scales are used, not just respected. (Measured, seed 42: NPS 2..10 — the accounts are mostly happy —
        // every CSAT value 1..5 and every CES value 1..7.)
        Assert.True(Count("SELECT COUNT(DISTINCT nps) FROM responses") >= 8, "NPS uses fewer than 8 of its 11 values");
        Assert.True(Count("SELECT MIN(nps) FROM responses") <= 4 && Count("SELECT MAX(nps) FROM responses") == 10, "NPS does not span detractors to promoters");
        Assert.True(Count("SELECT COUNT(DISTINCT csat) FROM responses") >= 4, "CSAT uses fewer than 4 of its 5 values");
        Assert.True(Count("SELECT COUNT(DISTINCT ces) FROM responses") >= 6, "CES uses fewer than 6 of its 7 values");
    }

    [Fact]
    public void Subscriptions_end_on_or_after_their_start()
    {
        Assert.Equal(0, Count("SELECT COUNT(*) FROM subscriptions WHERE end_date < start_date"));
    }

    [Fact]
    public void Outcomes_have_valid_kinds_and_churn_leaves_no_arr()
    {
        var kinds = company.Query<string>("SELECT DISTINCT kind FROM outcomes ORDER BY kind");
        Assert.Equal(new[] { "churn", "contraction", "expansion", "renewal" }, kinds);
        Assert.Equal(0, Count("SELECT COUNT(*) FROM outcomes WHERE kind = 'churn' AND arr_after <> 0"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM outcomes WHERE kind = 'expansion' AND arr_after <= arr_before"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM outcomes WHERE kind = 'contraction' AND arr_after >= arr_before"));
        // An account churns at most once.
        Assert.Equal(0, Count("SELECT COUNT(*) FROM (SELECT account_id FROM outcomes WHERE kind = 'churn' GROUP BY account_id HAVING COUNT(*) > 1)"));
    }

    [Fact]
    public void Churned_accounts_have_no_responses_or_tickets_after_their_churn_date()
    {
        var responsesAfter = Count("""
            SELECT COUNT(*) FROM responses r JOIN outcomes o ON o.account_id = r.account_id AND o.kind = 'churn'
            WHERE CAST(r.responded_at AS DATE) > o.outcome_date
            """);
        var ticketsAfter = Count("""
            SELECT COUNT(*) FROM tickets t JOIN outcomes o ON o.account_id = t.account_id AND o.kind = 'churn'
            WHERE CAST(t.opened_at AS DATE) > o.outcome_date
            """);
        var subscriptionsAfter = Count("""
            SELECT COUNT(*) FROM subscriptions s JOIN outcomes o ON o.account_id = s.account_id AND o.kind = 'churn'
            WHERE s.start_date > o.outcome_date OR s.end_date IS NULL OR s.end_date > o.outcome_date
            """);
        output.WriteLine($"after churn: {responsesAfter} responses, {ticketsAfter} tickets, {subscriptionsAfter} open subscriptions");
        Assert.True(Count("SELECT COUNT(*) FROM outcomes WHERE kind = 'churn'") > 0, "no account churned");
        Assert.Equal(0, responsesAfter);
        Assert.Equal(0, ticketsAfter);
        Assert.Equal(0, subscriptionsAfter);
    }

    [Fact]
    public void Generation_result_counts_match_the_tables()
    {
        var r = company.Result;
        Assert.Equal(DemoCompanyFixture.Options.Accounts, r.Accounts);
        Assert.Equal(r.Accounts, Count("SELECT COUNT(*) FROM accounts"));
        Assert.Equal(r.Subscriptions, Count("SELECT COUNT(*) FROM subscriptions"));
        Assert.Equal(r.Responses, Count("SELECT COUNT(*) FROM responses"));
        Assert.Equal(r.Tickets, Count("SELECT COUNT(*) FROM tickets"));
        Assert.Equal(r.Outcomes, Count("SELECT COUNT(*) FROM outcomes"));
        Assert.Equal(r.References, Count("SELECT COUNT(*) FROM reference_requests"));
        Assert.Equal(r.Opportunities, Count("SELECT COUNT(*) FROM opportunities"));
        Assert.Equal(r.Initiatives, Count("SELECT COUNT(*) FROM initiatives"));
    }

    [Fact]
    public void Three_thousand_accounts_yield_plausible_numbers_of_responses_and_tickets()
    {
        // Measured (3,000 accounts, 3 years, seed 42): 20.1 responses and 112 tickets per account
        // (60,192 responses, 337,247 tickets). Bands leave room for tuning of the model, not for a change of scale.
        var accounts = Count("SELECT COUNT(*) FROM accounts");
        var responsesPerAccount = (double)Count("SELECT COUNT(*) FROM responses") / accounts;
        var ticketsPerAccount = (double)Count("SELECT COUNT(*) FROM tickets") / accounts;
        output.WriteLine($"{responsesPerAccount:F1} responses and {ticketsPerAccount:F1} tickets per account; generated in {company.Result.Elapsed.TotalSeconds:F1} s");

        Assert.Equal(3_000, accounts);
        Assert.InRange(responsesPerAccount, 14, 30);
        Assert.InRange(ticketsPerAccount, 80, 170);
    }
}
