using Fulcrum.Data.Import;

namespace Fulcrum.Data.Tests.Import;

/// <summary>Rules across several fields of a row (Validation/RowRules.cs), checked through the importer.</summary>
public sealed class ImporterRowRuleTests : IDisposable
{
    readonly ImportWorkspace _ws = new();

    public ImporterRowRuleTests() => _ws.SeedAccounts("A1");

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Response_without_any_score_or_comment_is_rejected()
    {
        var file = _ws.WriteLines("responses.csv",
            "response_id,account_id,responded_at,nps,csat,ces,comment",
            "R1,A1,2024-03-01T10:00:00Z,,,,just a comment",
            "R2,A1,2024-03-01T10:00:00Z,,,,");

        var result = _ws.Import("responses", file);

        var reject = ImportAssert.SingleReject(result, file, 3, "nps", null, "a response needs at least one of nps, csat, ces or comment");
        Assert.Equal("nps", reject.Field);
        Assert.Equal("responses", reject.Table);
    }

    [Fact]
    public void Response_with_only_a_ces_score_is_accepted()
    {
        var file = _ws.WriteLines("responses.csv",
            "response_id,account_id,responded_at,nps,csat,ces,comment",
            "R1,A1,2024-03-01T10:00:00Z,,,3,");

        ImportAssert.Committed(_ws.Import("responses", file));
    }

    [Fact]
    public void Response_rule_applies_when_the_mapping_maps_no_score_column_at_all()
    {
        var mapping = _ws.Write("m.yaml", """
            tables:
              - table: responses
                fields:
                  response_id: id
                  account_id: account
                  responded_at: when
                  comment: text
            """);
        var file = _ws.WriteLines("r.csv", "id,account,when,text", "R1,A1,2024-03-01,hello", "R2,A1,2024-03-01,");

        var result = _ws.Import("responses", file, mapping);

        var reject = Assert.Single(result.Rejects);
        Assert.Equal(3, reject.Line);
        Assert.Equal("nps", reject.Field);
        Assert.Null(reject.Column); // nps is not mapped, so there is no source column to name
        Assert.Contains("at least one of nps, csat, ces or comment", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Subscription_ending_before_it_starts_is_rejected_naming_both_dates()
    {
        var file = _ws.WriteLines("subscriptions.csv",
            "account_id,product,start_date,end_date,arr",
            "A1,Phone,2024-01-01,2024-12-31,1200",
            "A1,Internet,2024-03-01,2024-01-31,600");

        var result = _ws.Import("subscriptions", file);

        var reject = Assert.Single(result.Rejects);
        Assert.Equal((file, 3L, "end_date", "end_date"), (reject.File, reject.Line!.Value, reject.Column, reject.Field));
        Assert.Contains("end_date 2024-01-31 is before start_date 2024-03-01", reject.Reason, StringComparison.Ordinal);
        Assert.True(reject.Value == "2024-01-31",
            $"a row-rule reject should show the offending date as the source wrote it (2024-01-31), not '{reject.Value}' " +
            "(CompiledTable.TryMap formats the staged DateOnly with Convert.ToString(InvariantCulture), i.e. US MM/dd/yyyy)");
    }

    [Fact]
    public void Subscription_ending_on_its_start_day_is_accepted()
    {
        var file = _ws.WriteLines("subscriptions.csv",
            "account_id,product,start_date,end_date,arr",
            "A1,Phone,2024-01-01,2024-01-01,1200");

        ImportAssert.Committed(_ws.Import("subscriptions", file));
    }

    [Fact]
    public void Negative_arr_is_rejected()
    {
        var file = _ws.WriteLines("subscriptions.csv", "account_id,product,start_date,arr", "A1,Phone,2024-01-01,-5");

        var result = _ws.Import("subscriptions", file);

        ImportAssert.SingleReject(result, file, 2, "arr", "-5", "arr must be between 0 and ∞");
    }

    [Fact]
    public void Ticket_closed_before_it_opened_is_rejected()
    {
        var file = _ws.WriteLines("tickets.csv",
            "ticket_id,account_id,opened_at,closed_at",
            "T1,A1,2024-03-01T10:00:00Z,2024-03-01T12:00:00Z",
            "T2,A1,2024-03-01T10:00:00Z,2024-03-01T09:59:00Z");

        var result = _ws.Import("tickets", file);

        var reject = Assert.Single(result.Rejects);
        Assert.Equal((3L, "closed_at", "closed_at"), (reject.Line!.Value, reject.Column, reject.Field));
        Assert.Contains("closed_at is before opened_at", reject.Reason, StringComparison.Ordinal);
    }

    const string OutcomesHeader = "account_id,outcome_date,kind,arr_before,arr_after";

    [Fact]
    public void Churn_with_arr_after_above_zero_is_rejected()
    {
        var file = _ws.WriteLines("outcomes.csv", OutcomesHeader,
            "A1,2024-01-01,churn,1200,0",
            "A1,2024-02-01,churn,1200,100");

        var result = _ws.Import("outcomes", file);

        ImportAssert.SingleReject(result, file, 3, "arr_after", "100", "a churn must end at arr_after = 0");
    }

    [Theory]
    [InlineData("1200", "1200")]
    [InlineData("1200", "1000")]
    public void Expansion_not_ending_above_arr_before_is_rejected(string before, string after)
    {
        var file = _ws.WriteLines("outcomes.csv", OutcomesHeader, $"A1,2024-01-01,expansion,{before},{after}");

        var result = _ws.Import("outcomes", file);

        ImportAssert.SingleReject(result, file, 2, "arr_after", after, "an expansion must end above arr_before");
    }

    [Theory]
    [InlineData("1200", "1200")]
    [InlineData("1200", "1500")]
    [InlineData("1200", "0")]
    public void Contraction_not_ending_between_zero_and_arr_before_is_rejected(string before, string after)
    {
        var file = _ws.WriteLines("outcomes.csv", OutcomesHeader, $"A1,2024-01-01,contraction,{before},{after}");

        var result = _ws.Import("outcomes", file);

        ImportAssert.SingleReject(result, file, 2, "arr_after", after, "a contraction must end below arr_before and above 0");
    }

    [Fact]
    public void Consistent_outcomes_of_every_kind_are_accepted()
    {
        var file = _ws.WriteLines("outcomes.csv", OutcomesHeader,
            "A1,2024-01-01,renewal,1200,1200",
            "A1,2024-02-01,expansion,1200,1500",
            "A1,2024-03-01,contraction,1500,900",
            "A1,2024-04-01,Churn,900,0");

        var result = _ws.Import("outcomes", file);

        ImportAssert.Committed(result);
        Assert.Equal(4, _ws.Count("outcomes"));
    }

    [Fact]
    public void Rule_sees_the_lower_cased_kind_so_a_capitalised_churn_is_still_checked()
    {
        var file = _ws.WriteLines("outcomes.csv", OutcomesHeader, "A1,2024-01-01,CHURN,1200,50");

        var result = _ws.Import("outcomes", file);

        ImportAssert.SingleReject(result, file, 2, "arr_after", "50", "a churn must end at arr_after = 0");
    }

    [Fact]
    public void Reference_used_before_it_was_requested_is_rejected()
    {
        var file = _ws.WriteLines("reference_requests.csv",
            "reference_id,account_id,requested_at,used_at",
            "F1,A1,2024-01-10,2024-02-01",
            "F2,A1,2024-01-10,2024-01-09");

        var result = _ws.Import("reference_requests", file);

        var reject = Assert.Single(result.Rejects);
        Assert.Equal((3L, "used_at", "used_at"), (reject.Line!.Value, reject.Column, reject.Field));
        Assert.Contains("used_at is before requested_at", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Initiative_ending_before_it_starts_is_rejected()
    {
        var file = _ws.WriteLines("initiatives.csv",
            "initiative_id,name,kind,start_date,end_date",
            "I1,Fix onboarding,quick_win,2024-01-01,2024-03-01",
            "I2,Replatform,long_term,2024-06-01,2024-05-01");

        var result = _ws.Import("initiatives", file);

        var reject = Assert.Single(result.Rejects);
        Assert.Equal((3L, "end_date", "end_date"), (reject.Line!.Value, reject.Column, reject.Field));
        Assert.Contains("end_date is before start_date", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Initiative_kind_outside_its_vocabulary_is_rejected()
    {
        var file = _ws.WriteLines("initiatives.csv",
            "initiative_id,name,kind,start_date",
            "I1,Fix onboarding,quick win,2024-01-01");

        var result = _ws.Import("initiatives", file);

        ImportAssert.SingleReject(result, file, 2, "kind", "quick win", "is not one of: quick_win, long_term");
    }

    [Fact]
    public void Row_rule_is_not_checked_when_a_field_already_failed()
    {
        var file = _ws.WriteLines("outcomes.csv", OutcomesHeader, "A1,2024-01-01,churn,abc,100");

        var result = _ws.Import("outcomes", file);

        ImportAssert.SingleReject(result, file, 2, "arr_before", "abc", "not a number");
    }
}
