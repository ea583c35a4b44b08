using Fulcrum.Data.Import;

namespace Fulcrum.Data.Tests.Import;

/// <summary>Field-level validation: each rule, with the reject naming file, physical line, column, value and reason.</summary>
public sealed class ImporterValidationTests : IDisposable
{
    const string ResponsesHeader = "response_id,account_id,responded_at,nps,csat,ces,comment";

    readonly ImportWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    ImportResult ImportResponses(params string[] rows)
    {
        _ws.SeedAccounts("A1", "A2");
        var file = _ws.WriteLines("responses.csv", [ResponsesHeader, .. rows]);
        return _ws.Import("responses", file);
    }

    [Fact]
    public void Text_in_a_number_field_is_rejected_with_line_and_column()
    {
        var file = _ws.WriteLines("opportunities.csv",
            "opportunity_id,amount,stage",
            "O1,100,open",
            "O2,lots,open",
            "O3,250.5,won");

        var result = _ws.Import("opportunities", file);

        Assert.Equal(ImportStatus.Rejected, result.Status);
        var reject = ImportAssert.SingleReject(result, file, 3, "amount", "lots", "not a number");
        Assert.Equal("opportunities", reject.Table);
        Assert.Equal("amount", reject.Field);
        Assert.Equal(0, _ws.Count("opportunities"));
    }

    [Fact]
    public void Infinite_number_is_rejected_as_not_finite()
    {
        var file = _ws.WriteLines("opportunities.csv", "opportunity_id,amount", "O1,Infinity");

        var result = _ws.Import("opportunities", file);

        ImportAssert.SingleReject(result, file, 2, "amount", "Infinity", "not a finite number");
    }

    [Fact]
    public void Number_with_thousands_separator_is_accepted()
    {
        var file = _ws.WriteLines("opportunities.csv", "opportunity_id,amount", "O1,\"12,500.75\"");

        var result = _ws.Import("opportunities", file);

        ImportAssert.Committed(result);
        Assert.Equal(12500.75, _ws.Scalar<double>("SELECT amount FROM opportunities WHERE opportunity_id = 'O1'"));
    }

    [Fact]
    public void Fraction_in_a_whole_number_field_is_rejected()
    {
        var result = ImportResponses(
            "R1,A1,2024-03-01T10:00:00Z,9,,,",
            "R2,A1,2024-03-01T10:00:00Z,7.5,,,");

        var reject = ImportAssert.SingleReject(result, _ws.PathOf("responses.csv"), 3, "nps", "7.5", "not a whole number");
        Assert.Equal("responses", reject.Table);
        Assert.Equal("nps", reject.Field);
    }

    [Fact]
    public void Text_in_a_whole_number_field_is_rejected()
    {
        var result = ImportResponses("R1,A1,2024-03-01T10:00:00Z,nine,,,");

        ImportAssert.SingleReject(result, _ws.PathOf("responses.csv"), 2, "nps", "nine", "not a whole number");
    }

    [Fact]
    public void Unrecognised_boolean_is_rejected_listing_accepted_spellings()
    {
        var file = _ws.WriteLines("opportunities.csv",
            "opportunity_id,amount,won",
            "O1,10,yes",
            "O2,10,maybe");

        var result = _ws.Import("opportunities", file);

        ImportAssert.SingleReject(result, file, 3, "won", "maybe", "not true/false (accepted: true, false, yes, no");
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("Yes", true)]
    [InlineData("Y", true)]
    [InlineData("1", true)]
    [InlineData("t", true)]
    [InlineData("FALSE", false)]
    [InlineData("no", false)]
    [InlineData("n", false)]
    [InlineData("0", false)]
    [InlineData(" f ", false)]
    public void Boolean_spellings_are_accepted(string text, bool expected)
    {
        var file = _ws.WriteLines("opportunities.csv", "opportunity_id,amount,won", $"O1,10,\"{text}\"");

        ImportAssert.Committed(_ws.Import("opportunities", file));

        Assert.Equal(expected, _ws.Scalar<bool>("SELECT won FROM opportunities"));
    }

    [Fact]
    public void Date_not_in_iso_format_is_rejected_when_the_mapping_declares_no_format()
    {
        var file = _ws.WriteLines("opportunities.csv",
            "opportunity_id,amount,closed_at",
            "O1,10,2024-12-31",
            "O2,10,31/12/2024");

        var result = _ws.Import("opportunities", file);

        ImportAssert.SingleReject(result, file, 3, "closed_at", "31/12/2024", "not a date (expected yyyy-MM-dd");
    }

    [Fact]
    public void Impossible_calendar_date_is_rejected()
    {
        var file = _ws.WriteLines("opportunities.csv", "opportunity_id,amount,closed_at", "O1,10,2023-02-29");

        var result = _ws.Import("opportunities", file);

        ImportAssert.SingleReject(result, file, 2, "closed_at", "2023-02-29", "not a date");
    }

    [Fact]
    public void Date_not_matching_the_mapping_format_is_rejected_naming_the_format()
    {
        var mapping = _ws.Write("deals.yaml", """
            tables:
              - table: opportunities
                fields:
                  opportunity_id: Deal
                  amount: Amount
                  closed_at: { column: Closed, format: "dd/MM/yyyy" }
            """);
        var file = _ws.WriteLines("deals.csv",
            "Deal,Amount,Closed",
            "D1,10,31/12/2024",
            "D2,10,2024-12-31");

        var result = _ws.Import("opportunities", file, mapping);

        var reject = ImportAssert.SingleReject(result, file, 3, "Closed", "2024-12-31", "not a date in the format 'dd/MM/yyyy'");
        Assert.Equal("closed_at", reject.Field);
    }

    [Fact]
    public void Date_in_the_mapping_format_is_parsed()
    {
        var mapping = _ws.Write("deals.yaml", """
            tables:
              - table: opportunities
                fields:
                  opportunity_id: Deal
                  amount: Amount
                  closed_at: { column: Closed, format: "dd/MM/yyyy|d.M.yyyy" }
            """);
        var file = _ws.WriteLines("deals.csv", "Deal,Amount,Closed", "D1,10,31/12/2024", "D2,10,5.3.2024");

        ImportAssert.Committed(_ws.Import("opportunities", file, mapping));

        Assert.Equal(["2024-12-31", "2024-03-05"],
            _ws.Store.Query<DateTime>("SELECT closed_at FROM opportunities ORDER BY opportunity_id").Select(d => ImportWorkspace.Format(DateOnly.FromDateTime(d))));
    }

    [Fact]
    public void Bad_timestamp_is_rejected()
    {
        var result = ImportResponses("R1,A1,last tuesday,9,,,");

        ImportAssert.SingleReject(result, _ws.PathOf("responses.csv"), 2, "responded_at", "last tuesday", "not a timestamp");
    }

    [Fact]
    public void Timestamp_with_an_offset_is_stored_in_utc()
    {
        ImportAssert.Committed(ImportResponses("R1,A1,2024-03-01T10:00:00-05:00,9,,,"));

        Assert.Equal(new DateTime(2024, 3, 1, 15, 0, 0), _ws.Scalar<DateTime>("SELECT responded_at FROM responses"));
    }

    [Theory]
    [InlineData("11")]
    [InlineData("-1")]
    [InlineData("100")]
    public void Nps_outside_zero_to_ten_is_rejected_with_line_and_column(string nps)
    {
        var result = ImportResponses(
            "R1,A1,2024-03-01T10:00:00Z,10,,,",
            "R2,A1,2024-03-01T10:00:00Z,0,,,",
            $"R3,A1,2024-03-01T10:00:00Z,{nps},,,");

        ImportAssert.SingleReject(result, _ws.PathOf("responses.csv"), 4, "nps", nps, "out of range: nps must be between 0 and 10");
    }

    [Fact]
    public void Csat_outside_the_default_scale_is_rejected_suggesting_a_declared_scale()
    {
        var result = ImportResponses(
            "R1,A1,2024-03-01T10:00:00Z,,5,,",
            "R2,A1,2024-03-01T10:00:00Z,,7,,");

        var reject = ImportAssert.SingleReject(result, _ws.PathOf("responses.csv"), 3, "csat", "7", "csat must be between 1 and 5");
        Assert.Contains("scales", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Ces_outside_the_default_scale_is_rejected()
    {
        var result = ImportResponses("R1,A1,2024-03-01T10:00:00Z,,,8,");

        ImportAssert.SingleReject(result, _ws.PathOf("responses.csv"), 2, "ces", "8", "ces must be between 1 and 7");
    }

    string CsatMapping(string scale) => _ws.Write("csat.yaml", $$"""
        scales:
          csat: {{scale}}
        tables:
          - table: responses
            fields:
              response_id: id
              account_id: account
              responded_at: when
              csat: score
        """);

    [Fact]
    public void Csat_inside_a_declared_scale_is_accepted()
    {
        _ws.SeedAccounts("A1");
        var mapping = CsatMapping("[1, 10]");
        var file = _ws.WriteLines("csat.csv", "id,account,when,score", "R1,A1,2024-03-01T10:00:00Z,7", "R2,A1,2024-03-01T10:00:00Z,10");

        ImportAssert.Committed(_ws.Import("responses", file, mapping));

        Assert.Equal([7.0, 10.0], _ws.Store.Query<double>("SELECT csat FROM responses ORDER BY response_id"));
    }

    [Theory]
    [InlineData("11")]
    [InlineData("0")]
    public void Csat_outside_a_declared_scale_is_rejected_naming_that_scale(string score)
    {
        _ws.SeedAccounts("A1");
        var mapping = CsatMapping("{ min: 1, max: 10 }");
        var file = _ws.WriteLines("csat.csv", "id,account,when,score", "R1,A1,2024-03-01T10:00:00Z,7", $"R2,A1,2024-03-01T10:00:00Z,{score}");

        var result = _ws.Import("responses", file, mapping);

        ImportAssert.SingleReject(result, file, 3, "score", score, "csat must be between 1 and 10");
    }

    [Fact]
    public void Required_field_left_empty_is_rejected()
    {
        var result = ImportResponses(
            "R1,A1,2024-03-01T10:00:00Z,9,,,",
            "R2,A1,,9,,,");

        var reject = ImportAssert.SingleReject(result, _ws.PathOf("responses.csv"), 3, "responded_at", null, "required value is empty");
        Assert.Equal("responded_at", reject.Field);
    }

    [Fact]
    public void Whitespace_only_required_text_counts_as_empty()
    {
        var file = _ws.WriteLines("initiatives.csv",
            "initiative_id,name,kind,start_date",
            "I1,\"   \",quick_win,2024-01-01");

        var result = _ws.Import("initiatives", file);

        ImportAssert.SingleReject(result, file, 2, "name", "   ", "required value is empty");
    }

    [Fact]
    public void Empty_key_is_rejected()
    {
        var result = ImportResponses(
            "R1,A1,2024-03-01T10:00:00Z,9,,,",
            ",A1,2024-03-01T10:00:00Z,9,,,");

        var reject = ImportAssert.SingleReject(result, _ws.PathOf("responses.csv"), 3, "response_id", null, "required value is empty");
        Assert.Equal("response_id", reject.Field);
    }

    [Fact]
    public void Empty_part_of_a_composite_key_is_rejected()
    {
        _ws.SeedAccounts("A1");
        var file = _ws.WriteLines("subscriptions.csv",
            "account_id,product,start_date,arr",
            "A1,,2024-01-01,1000");

        var result = _ws.Import("subscriptions", file);

        ImportAssert.SingleReject(result, file, 2, "product", null, "required value is empty");
    }

    [Fact]
    public void Outcome_kind_outside_the_closed_vocabulary_is_rejected_listing_the_kinds()
    {
        _ws.SeedAccounts("A1");
        var file = _ws.WriteLines("outcomes.csv",
            "account_id,outcome_date,kind,arr_before,arr_after",
            "A1,2024-01-01,renewal,100,100",
            "A1,2024-02-01,upsell,100,150");

        var result = _ws.Import("outcomes", file);

        ImportAssert.SingleReject(result, file, 3, "kind", "upsell", "'upsell' is not one of: renewal, churn, expansion, contraction");
    }

    [Fact]
    public void Vocabulary_is_matched_case_insensitively_and_stored_lower_case()
    {
        _ws.SeedAccounts("A1");
        var file = _ws.WriteLines("outcomes.csv",
            "account_id,outcome_date,kind,arr_before,arr_after",
            "A1,2024-01-01,Churn,100,0",
            "A1,2024-02-01,EXPANSION,100,150");

        ImportAssert.Committed(_ws.Import("outcomes", file));

        Assert.Equal(["churn", "expansion"], _ws.Store.Query<string>("SELECT kind FROM outcomes ORDER BY outcome_date"));
    }

    string StatusMapping(string? mapDefault) => _ws.Write("outcomes.yaml", $$"""
        tables:
          - table: outcomes
            fields:
              account_id: Customer
              outcome_date: Date
              kind: { column: Status, map: { "Yes": churn, "No": renewal }{{(mapDefault is null ? "" : $", map_default: {mapDefault}")}} }
              arr_before: Before
              arr_after: After
        """);

    [Fact]
    public void Value_missing_from_the_mapping_value_map_is_rejected_listing_known_values()
    {
        _ws.SeedAccounts("A1");
        var mapping = StatusMapping(null);
        var file = _ws.WriteLines("status.csv",
            "Customer,Date,Status,Before,After",
            "A1,2024-01-01,Yes,100,0",
            "A1,2024-02-01,Maybe,100,100");

        var result = _ws.Import("outcomes", file, mapping);

        var reject = ImportAssert.SingleReject(result, file, 3, "Status", "Maybe", "'Maybe' is not in the value map (known: Yes, No)");
        Assert.Equal("kind", reject.Field);
        Assert.Contains("map_default", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_map_matches_trimmed_text_case_insensitively()
    {
        _ws.SeedAccounts("A1");
        var mapping = StatusMapping(null);
        var file = _ws.WriteLines("status.csv",
            "Customer,Date,Status,Before,After",
            "A1,2024-01-01,\" yes \",100,0",
            "A1,2024-02-01,NO,100,100");

        ImportAssert.Committed(_ws.Import("outcomes", file, mapping));

        Assert.Equal(["churn", "renewal"], _ws.Store.Query<string>("SELECT kind FROM outcomes ORDER BY outcome_date"));
    }

    [Fact]
    public void Map_default_applies_to_values_missing_from_the_value_map()
    {
        _ws.SeedAccounts("A1");
        var mapping = StatusMapping("renewal");
        var file = _ws.WriteLines("status.csv",
            "Customer,Date,Status,Before,After",
            "A1,2024-01-01,Yes,100,0",
            "A1,2024-02-01,Maybe,100,100");

        ImportAssert.Committed(_ws.Import("outcomes", file, mapping));

        Assert.Equal(["churn", "renewal"], _ws.Store.Query<string>("SELECT kind FROM outcomes ORDER BY outcome_date"));
    }

    [Fact]
    public void Value_mapped_to_a_word_outside_the_vocabulary_is_still_rejected()
    {
        _ws.SeedAccounts("A1");
        var mapping = StatusMapping("unknown");
        var file = _ws.WriteLines("status.csv", "Customer,Date,Status,Before,After", "A1,2024-02-01,Maybe,100,100");

        var result = _ws.Import("outcomes", file, mapping);

        ImportAssert.SingleReject(result, file, 2, "Status", "Maybe", "'unknown' is not one of");
    }

    [Fact]
    public void Row_with_too_few_fields_is_rejected_as_ragged()
    {
        var file = _ws.WriteLines("opportunities.csv",
            "opportunity_id,amount,stage",
            "O1,100,open",
            "O2,100");

        var result = _ws.Import("opportunities", file);

        var reject = ImportAssert.SingleReject(result, file, 3, null, null, "row has 2 fields but the header has 3");
        Assert.Null(reject.Table);
        Assert.Equal(ImportStatus.Rejected, result.Status);
    }

    [Fact]
    public void Row_with_too_many_fields_is_rejected_as_ragged()
    {
        var file = _ws.WriteLines("opportunities.csv",
            "opportunity_id,amount,stage",
            "O1,100,open,extra");

        var result = _ws.Import("opportunities", file);

        ImportAssert.SingleReject(result, file, 2, null, null, "row has 4 fields but the header has 3");
    }

    [Fact]
    public void Reject_after_a_quoted_field_spanning_two_lines_names_the_physical_line()
    {
        _ws.SeedAccounts("A1");
        var file = _ws.Write("responses.csv",
            ResponsesHeader + "\n" +                                      // line 1
            "R1,A1,2024-03-01T10:00:00Z,9,,,\"great service,\nthanks\"\n" + // lines 2-3
            "R2,A1,2024-03-01T10:00:00Z,12,,,fine\n");                    // line 4

        var result = _ws.Import("responses", file);

        ImportAssert.SingleReject(result, file, 4, "nps", "12", "out of range");
    }

    [Fact]
    public void Reject_in_a_row_that_itself_spans_lines_names_the_line_where_the_row_starts()
    {
        _ws.SeedAccounts("A1");
        var file = _ws.Write("responses.csv",
            ResponsesHeader + "\n" +
            "R1,A1,2024-03-01T10:00:00Z,9,,,\"one\ntwo\nthree\"\n" + // lines 2-4
            "R2,A1,2024-03-01T10:00:00Z,12,,,\"a\nb\"\n" +           // lines 5-6
            "R3,A1,2024-03-01T10:00:00Z,11,,,c\n");                 // line 7

        var result = _ws.Import("responses", file);

        Assert.Equal([5L, 7L], result.Rejects.Select(r => r.Line!.Value));
    }

    [Fact]
    public void Reject_lines_count_crlf_line_endings_once()
    {
        _ws.SeedAccounts("A1");
        var file = _ws.Write("responses.csv",
            ResponsesHeader + "\r\n" +
            "R1,A1,2024-03-01T10:00:00Z,9,,,\"multi\r\nline\"\r\n" +
            "R2,A1,2024-03-01T10:00:00Z,12,,,x\r\n");

        var result = _ws.Import("responses", file);

        ImportAssert.SingleReject(result, file, 4, "nps", "12", "out of range");
    }

    [Fact]
    public void Reject_after_a_blank_line_names_the_physical_line()
    {
        _ws.SeedAccounts("A1");
        var file = _ws.Write("responses.csv",
            ResponsesHeader + "\n" +                  // 1
            "R1,A1,2024-03-01T10:00:00Z,9,,,ok\n" +   // 2
            "\n" +                                    // 3 (blank)
            "R2,A1,2024-03-01T10:00:00Z,12,,,x\n");   // 4

        var result = _ws.Import("responses", file);

        Assert.True(result.Rejects.Count == 1 && result.Rejects[0].Line == 4,
            "a reject after a blank line must name physical line 4; got " + string.Join("; ", result.Rejects));
    }

    [Fact]
    public void Every_bad_field_of_a_row_is_reported_but_the_row_counts_once()
    {
        var result = ImportResponses("R1,A1,soon,12,9,0,");

        Assert.Equal(["responded_at", "nps", "csat", "ces"], result.Rejects.Select(r => r.Column));
        Assert.All(result.Rejects, r => Assert.Equal(2, r.Line));
        Assert.Equal(1, result.RejectedRows);
        Assert.Equal(1, ImportAssert.Table(result, "responses").Rejected);
    }

    [Fact]
    public void Expression_evaluation_error_names_the_source_column_and_the_expression()
    {
        _ws.SeedAccounts("A1");
        var mapping = _ws.Write("subs.yaml", """
            tables:
              - table: subscriptions
                fields:
                  account_id: Customer
                  product: { value: Phone }
                  start_date: Start
                  arr: { expr: "[Monthly Charge] * 12" }
            """);
        var file = _ws.WriteLines("subs.csv",
            "Customer,Start,Monthly Charge",
            "A1,2024-01-01,10",
            "A1,2024-02-01,n/a");

        var result = _ws.Import("subscriptions", file, mapping);

        var reject = ImportAssert.SingleReject(result, file, 3, "Monthly Charge", "n/a", "is not a number");
        Assert.Equal("arr", reject.Field);
        Assert.Contains("(expr: [Monthly Charge] * 12)", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Expression_error_in_where_is_a_reject_not_a_filter()
    {
        var mapping = _ws.Write("deals.yaml", """
            tables:
              - table: opportunities
                where: "[Amount] > 100"
                fields:
                  opportunity_id: Deal
                  amount: Amount
            """);
        var file = _ws.WriteLines("deals.csv", "Deal,Amount", "D1,500", "D2,50", "D3,lots");

        var result = _ws.Import("opportunities", file, mapping);

        var reject = Assert.Single(result.Rejects);
        Assert.Equal(4, reject.Line);
        Assert.StartsWith("where: ", reject.Reason, StringComparison.Ordinal);
        Assert.Contains("'Amount'", reject.Reason, StringComparison.Ordinal);
        Assert.Equal(1, ImportAssert.Table(result, "opportunities").Filtered);
    }

    [Fact]
    public void Repeat_count_that_is_not_a_whole_number_is_rejected()
    {
        _ws.SeedAccounts("A1");
        var mapping = _ws.Write("refs.yaml", """
            tables:
              - table: reference_requests
                repeat: "[Referrals]"
                fields:
                  reference_id: { template: "{Customer}-{#}" }
                  account_id: Customer
                  requested_at: Asked
            """);
        var file = _ws.WriteLines("refs.csv", "Customer,Asked,Referrals", "A1,2024-01-01,2", "A1,2024-01-01,1.5");

        var result = _ws.Import("reference_requests", file, mapping);

        var reject = Assert.Single(result.Rejects);
        Assert.Equal(3, reject.Line);
        Assert.Contains("repeat count '1.5' must be a whole number", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_with_an_empty_column_leaves_the_field_empty()
    {
        _ws.SeedAccounts("A1");
        var mapping = _ws.Write("responses.yaml", """
            tables:
              - table: responses
                fields:
                  response_id: { template: "{Survey}-{Id}" }
                  account_id: Account
                  responded_at: When
                  nps: Score
            """);
        var file = _ws.WriteLines("responses.csv", "Survey,Id,Account,When,Score", "Q1,1,A1,2024-03-01,9", "Q1,,A1,2024-03-01,9");

        var result = _ws.Import("responses", file, mapping);

        var reject = Assert.Single(result.Rejects);
        Assert.Equal(3, reject.Line);
        Assert.Equal("response_id", reject.Field);
        Assert.Null(reject.Value);
        Assert.Contains(reject.Column, new[] { "Survey", "Id" }); // the template's columns (currently the first one is named)
        Assert.Contains("required value is empty", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_fills_an_empty_source_value()
    {
        var mapping = _ws.Write("deals.yaml", """
            tables:
              - table: opportunities
                fields:
                  opportunity_id: Deal
                  amount: { column: Amount, default: "0" }
                  stage: { column: Stage, default: open }
            """);
        var file = _ws.WriteLines("deals.csv", "Deal,Amount,Stage", "D1,,", "D2,5,won");

        ImportAssert.Committed(_ws.Import("opportunities", file, mapping));

        Assert.Equal(["D1 0 open", "D2 5 won"],
            _ws.Store.Query<(string, double, string)>("SELECT opportunity_id, amount, stage FROM opportunities ORDER BY 1")
                .Select(r => $"{r.Item1} {r.Item2} {r.Item3}"));
    }

    [Fact]
    public void Rejected_result_reports_no_writes_and_per_table_reject_counts()
    {
        var result = ImportResponses(
            "R1,A1,2024-03-01T10:00:00Z,9,,,",
            "R2,A1,2024-03-01T10:00:00Z,99,,,",
            "R3,A1,2024-03-01T10:00:00Z,x,,,");

        Assert.Equal(ImportStatus.Rejected, result.Status);
        Assert.Equal(3, result.RowsRead);
        var stats = ImportAssert.Table(result, "responses");
        Assert.Equal((0L, 0L, 0L, 2L), (stats.Inserted, stats.Updated, stats.Unchanged, stats.Rejected));
        Assert.Equal(0, result.Inserted);
    }
}
