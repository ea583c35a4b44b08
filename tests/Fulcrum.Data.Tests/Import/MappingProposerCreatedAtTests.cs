using Fulcrum.Data.Import.Proposal;

namespace Fulcrum.Data.Tests.Import;

/// <summary>
/// `fulcrum map` and when each customer joined (accounts.created_at): from a column named for it whose values are dates,
/// counted back from a tenure when the file says from which day, and otherwise a comment saying why none is proposed.
/// </summary>
public sealed class MappingProposerCreatedAtTests
{
    [Theory]
    [InlineData("signup_date", "14/02/2021", "14/03/2021", "{ column: signup_date, format: \"dd/MM/yyyy\" }")]
    [InlineData("Customer Since", "2019-05-01", "2020-01-31", "Customer Since")]
    [InlineData("created", "2019-05-01 10:00:00", "2020-01-31 23:59:59", "created")]
    [InlineData("first_order_date", "05/01/2019", "01/31/2020", "{ column: first_order_date, format: \"MM/dd/yyyy\" }")]
    public void A_customers_file_gets_created_at_from_a_column_named_for_it_holding_dates(string column, string first, string second, string expected)
    {
        using var ws = new ImportWorkspace();
        var file = ws.WriteLines("customers.csv", $"customer_id,plan,{column}", $"c1,Pro,{first}", $"c2,Basic,{second}");

        var proposal = MappingProposer.Propose(file);

        Assert.Contains($"      created_at: {expected}   # ", proposal.Yaml, StringComparison.Ordinal);
        Assert.Empty(proposal.Todos);
        ImportAssert.Committed(ws.Import("all", file, ws.Write("customers.yaml", proposal.Yaml)));
        Assert.Equal(2, ws.Scalar<long>("SELECT COUNT(created_at) FROM accounts"));
    }

    [Fact]
    public void A_column_named_for_sign_up_that_holds_no_dates_is_not_created_at_and_the_dates_found_by_value_are_offered()
    {
        using var ws = new ImportWorkspace();
        var file = ws.WriteLines("customers.csv", "customer_id,signup,last_seen", "c1,web,2024-03-01", "c2,app,2024-04-11", "c3,web,2024-05-21");

        var proposal = MappingProposer.Propose(file);

        Assert.DoesNotContain("      created_at: ", proposal.Yaml, StringComparison.Ordinal);
        Assert.Contains("# created_at: not proposed: no column is named for when a customer joined. Dates found by their values: last_seen (date, 100% filled, e.g. 2024-03-01 | 2024-04-11 | 2024-05-21).", proposal.Yaml, StringComparison.Ordinal);
        Assert.Contains("attributes: { columns: [signup, last_seen] }", proposal.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_customer_since_date_in_a_survey_export_is_the_accounts_created_at_never_the_answers_time()
    {
        using var ws = new ImportWorkspace();
        var file = ws.WriteLines("answers.csv", "Response ID,Customer ID,NPS,Customer Since", "r1,a,9,2019-01-15", "r2,b,3,2021-06-30");

        var proposal = MappingProposer.Propose(file);

        Assert.Contains("      created_at: Customer Since   # ", proposal.Yaml, StringComparison.Ordinal);
        Assert.Contains("      responded_at: TODO   # no date or time column found", proposal.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tenure_in_months_with_the_snapshot_day_in_the_file_gives_created_at_counted_back_from_it()
    {
        using var ws = new ImportWorkspace();
        var file = ws.WriteLines("customers.csv", "Customer ID,Contract,Tenure Months,Extract Date",
            "a,Monthly,0,30/09/2022", "b,Yearly,12,30/09/2022", "c,Monthly,25,30/09/2022");

        var proposal = MappingProposer.Propose(file);

        Assert.Contains("      created_at: { expr: \"addmonths(date([Extract Date], 'dd/MM/yyyy'), -[Tenure Months])\" }   # Tenure Months (0–25 months) counted back from Extract Date, named for the day the file was taken; to the month",
            proposal.Yaml, StringComparison.Ordinal);
        ImportAssert.Committed(ws.Import("all", file, ws.Write("customers.yaml", proposal.Yaml)));
        Assert.Equal("2021-09-30", ws.Scalar<string>("SELECT CAST(created_at AS VARCHAR) FROM accounts WHERE account_id = 'b'"));
        Assert.Equal("2020-08-30", ws.Scalar<string>("SELECT CAST(created_at AS VARCHAR) FROM accounts WHERE account_id = 'c'"));
        // The tenure stays an attribute: `drivers` and models may use it.
        Assert.Equal("25", ws.Scalar<string>("SELECT attributes ->> 'Tenure Months' FROM accounts WHERE account_id = 'c'"));
    }

    [Fact]
    public void A_tenure_with_one_date_on_every_row_counts_back_from_that_date()
    {
        using var ws = new ImportWorkspace();
        var file = ws.WriteLines("customers.csv", "Customer ID,tenure,Report", "a,3,2023-12-31", "b,40,2023-12-31");

        var proposal = MappingProposer.Propose(file);

        Assert.Contains("created_at: { expr: \"addmonths(date([Report], 'yyyy-MM-dd'), -[tenure])\" }   # tenure (3–40 months) counted back from Report, the same day on every sampled row", proposal.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Telco_tenure_without_the_day_it_counts_back_from_is_a_comment_saying_why_and_what_to_write()
    {
        var file = RealDataSets.DataFile(RealDataSets.Telco, "Telco_customer_churn_status.csv");

        var proposal = MappingProposer.Propose(file);

        Assert.DoesNotContain("      created_at: ", proposal.Yaml, StringComparison.Ordinal);
        Assert.Contains("      # created_at: not proposed. Tenure in Months (1–72 months, in Telco_customer_churn_services.csv) counts back from the day the file was taken, and no column gives that day.\n"
            + "      # If you know that day, add `constants: { snapshot_date: \"YYYY-MM-DD\" }` at the top, a join of Telco_customer_churn_services.csv on Customer ID and here:\n"
            + "      # created_at: { expr: \"addmonths(date([snapshot_date], 'yyyy-MM-dd'), -[Tenure in Months])\" }\n", proposal.Yaml, StringComparison.Ordinal);
        // No join is written for a column the mapping does not read.
        Assert.DoesNotContain("join:", proposal.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tenure_in_days_is_not_read_as_months()
    {
        using var ws = new ImportWorkspace();
        var file = ws.WriteLines("customers.csv", "Customer ID,Tenure Days,as_of", "a,30,2023-12-31", "b,400,2023-12-31");

        var proposal = MappingProposer.Propose(file);

        Assert.DoesNotContain("addmonths", proposal.Yaml, StringComparison.Ordinal);
        Assert.Contains("# created_at: not proposed: no column is named for when a customer joined. Dates found by their values: as_of", proposal.Yaml, StringComparison.Ordinal);
    }
}
