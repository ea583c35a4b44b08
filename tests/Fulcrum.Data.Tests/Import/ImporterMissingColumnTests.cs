using Fulcrum.Data.Import;
using Fulcrum.Data.Import.Mapping;

namespace Fulcrum.Data.Tests.Import;

/// <summary>A mapping that reads a column the file lacks: the error points at the mapping's line and field and suggests the real name.</summary>
public sealed class ImporterMissingColumnTests : IDisposable
{
    readonly ImportWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    string StatusFile() => _ws.WriteLines("status.csv",
        "Customer ID,Satisfaction Score,Customer Status,Churn Label",
        "A1,3,Churned,Yes",
        "A2,5,Stayed,No");

    [Fact]
    public void A_mistyped_column_is_reported_at_its_line_and_column_with_the_field_and_the_closest_names()
    {
        var mapping = _ws.Write("m.yaml", """
            constants:
              snapshot_date: "2022-09-30"
            tables:
              - table: accounts
                fields: { account_id: Customer ID }
              - table: outcomes
                where: "[customer status] != 'Joined'"
                fields:
                  account_id: Customer ID
                  outcome_date: snapshot_date
                  kind: { column: Churn Lable, map: { "Yes": churn, "No": renewal } }
                  attributes: { columns: [Churn Label, Satisfaction_Score, Tenure] }
            """);

        var e = Assert.Throws<ImportException>(() => _ws.Import("all", StatusFile(), mapping));

        // Names differing only in case are the same column (the importer matches them so): not reported.
        Assert.DoesNotContain("'customer status'", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{mapping}, line 11, column 23: outcomes.kind reads column 'Churn Lable'; did you mean 'Churn Label'?", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{mapping}, line 12, column 44: outcomes.attributes reads column 'Satisfaction_Score'; did you mean 'Satisfaction Score'?", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{mapping}, line 12, column 64: outcomes.attributes reads column 'Tenure', and no column has a similar name", e.Message, StringComparison.Ordinal);
        Assert.Contains("Columns available: Customer ID, Satisfaction Score, Customer Status, Churn Label, snapshot_date.", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, _ws.Count("accounts"));
    }

    [Fact]
    public void A_column_read_by_an_expression_is_reported_at_the_expression_with_every_line_that_reads_it()
    {
        var mapping = _ws.Write("m.yaml", """
            tables:
              - table: outcomes
                where: "[Status] != 'Joined'"
                fields:
                  account_id: Customer ID
                  outcome_date: { value: "2022-09-30" }
                  kind: { expr: "if([Status] = 'Churned', 'churn', 'renewal')" }
            """);

        var e = Assert.Throws<ImportException>(() => _ws.Import("outcomes", StatusFile(), mapping));

        Assert.Contains($"{mapping}, line 3, column 12: outcomes where reads column 'Status'; did you mean 'Customer Status'? (also read on line 7)",
            e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_joined_files_the_error_says_none_of_them_has_the_column_and_suggests_from_all()
    {
        _ws.WriteLines("services.csv", "Customer ID,Monthly Charge", "A1,70.5", "A2,20");
        var mapping = _ws.Write("m.yaml", """
            join:
              - file: services.csv
                on: Customer ID
            tables:
              - table: accounts
                fields: { account_id: Customer ID, attributes: { columns: [Monthly Charges] } }
            """);

        var e = Assert.Throws<ImportException>(() => _ws.Import("accounts", StatusFile(), mapping));

        Assert.Contains("nor its joined files (services.csv) have column 'Monthly Charges'", e.Message, StringComparison.Ordinal);
        Assert.Contains("accounts.attributes reads column 'Monthly Charges'; did you mean 'Monthly Charge'?", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_TODO_left_by_map_is_named_as_a_placeholder_to_replace()
    {
        var mapping = _ws.Write("m.yaml", """
            tables:
              - table: responses
                fields:
                  response_id: Customer ID
                  account_id: Customer ID
                  responded_at: TODO   # no date column found
                  csat: Satisfaction Score
                  attributes: { computed: { tenure: "[TODO] * 12" } }
            """);

        var e = Assert.Throws<ImportException>(() => _ws.Import("responses", StatusFile(), mapping));

        Assert.StartsWith($"{mapping} still has TODO placeholders left by `fulcrum map`; replace each with a column of the file, a value or an expression:", e.Message, StringComparison.Ordinal);
        // Every placeholder, not only the first: each is a field to fill.
        Assert.Contains($"\n  {mapping}, line 6, column 21: responses.responded_at\n  {mapping}, line 8, column 41: responses.attributes.tenure\n", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("has no column", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Churn Lable", "Churn Label")]
    [InlineData("churn_label", "Churn Label")]
    [InlineData("Satisfaction", "Satisfaction Score")]
    [InlineData("CustomerID", "Customer ID")]
    public void Suggestions_ignore_case_spacing_and_small_typos(string wanted, string expected) =>
        Assert.Equal(expected, ColumnSuggestions.Closest(wanted, ["Customer ID", "Satisfaction Score", "Customer Status", "Churn Label", "Churn Value"])[0]);

    [Fact]
    public void No_suggestion_for_a_name_like_none_of_the_columns() =>
        Assert.Empty(ColumnSuggestions.Closest("Monthly Charge", ["Customer ID", "Satisfaction Score", "Churn Label"]));
}
