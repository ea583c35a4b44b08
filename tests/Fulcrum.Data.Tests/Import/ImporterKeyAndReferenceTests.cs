using Fulcrum.Data.Import;

namespace Fulcrum.Data.Tests.Import;

/// <summary>Duplicate natural keys within a file, and references to accounts / responses.</summary>
public sealed class ImporterKeyAndReferenceTests : IDisposable
{
    readonly ImportWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Duplicate_key_in_a_plain_table_is_rejected_naming_the_first_line()
    {
        var file = _ws.WriteLines("accounts.csv",
            "account_id,name",
            "A1,Acme",
            "A2,Globex",
            "A1,Acme again");

        var result = _ws.Import("accounts", file);

        var reject = ImportAssert.SingleReject(result, file, 4, "account_id", "A1", "duplicate key (first seen on line 2)");
        Assert.Equal("account_id", reject.Field);
        Assert.Equal("accounts", reject.Table);
        Assert.Equal(ImportStatus.Rejected, result.Status);
    }

    [Fact]
    public void Identical_duplicate_in_a_plain_table_is_still_rejected()
    {
        var file = _ws.WriteLines("accounts.csv", "account_id,name", "A1,Acme", "A1,Acme");

        var result = _ws.Import("accounts", file);

        ImportAssert.SingleReject(result, file, 3, "account_id", "A1", "a file may hold each key once");
    }

    [Fact]
    public void Skip_invalid_keeps_the_first_of_duplicate_keys()
    {
        var file = _ws.WriteLines("accounts.csv", "account_id,name", "A1,First", "A1,Second");

        var result = _ws.Import("accounts", file, skipInvalid: true);

        ImportAssert.Committed(result);
        Assert.Equal("First", _ws.Scalar<string>("SELECT name FROM accounts WHERE account_id = 'A1'"));
        Assert.Single(result.Rejects);
    }

    [Fact]
    public void Keys_are_trimmed_so_padded_repeats_are_duplicates()
    {
        var file = _ws.WriteLines("accounts.csv", "account_id,name", "A1,Acme", "\" A1 \",Acme");

        var result = _ws.Import("accounts", file);

        ImportAssert.SingleReject(result, file, 3, "account_id", "A1", "duplicate key (first seen on line 2)");
    }

    [Fact]
    public void Duplicate_composite_key_is_rejected_showing_every_key_part()
    {
        _ws.SeedAccounts("A1");
        var file = _ws.WriteLines("subscriptions.csv",
            "account_id,product,start_date,arr",
            "A1,Phone,2024-01-01,100",
            "A1,Phone,2024-02-01,100",
            "A1,Phone,2024-01-01,200");

        var result = _ws.Import("subscriptions", file);

        var reject = ImportAssert.SingleReject(result, file, 4, "account_id", "A1, Phone, 2024-01-01", "duplicate key (first seen on line 2)");
        Assert.Equal("account_id", reject.Field);
    }

    [Fact]
    public void Duplicate_key_reject_names_the_column_of_the_key_field_it_reports()
    {
        _ws.SeedAccounts("A1");
        var mapping = _ws.Write("subs.yaml", """
            tables:
              - table: subscriptions
                fields:
                  product: Product
                  account_id: Customer
                  start_date: Start
                  arr: Arr
            """);
        var file = _ws.WriteLines("subs.csv", "Product,Customer,Start,Arr", "Phone,A1,2024-01-01,1", "Phone,A1,2024-01-01,2");

        var result = _ws.Import("subscriptions", file, mapping);

        var reject = Assert.Single(result.Rejects);
        Assert.True((reject.Column, reject.Field) == ("Customer", "account_id"),
            $"reject names column '{reject.Column}' for field '{reject.Field}': Importer.Run takes the column of the first key field " +
            "in mapping order but the field from TableDefinition.Key[0], so they disagree when the mapping lists another key field first");
    }

    string AirlineMapping() => _ws.Write("airlines.yaml", """
        tables:
          - table: accounts
            distinct: true
            fields:
              account_id: airline
              name: airline
              segment: tier
          - table: responses
            fields:
              response_id: id
              account_id: airline
              responded_at: when
              comment: text
        """);

    [Fact]
    public void Identical_repeats_in_a_distinct_table_collapse_into_one_row()
    {
        var mapping = AirlineMapping();
        var file = _ws.WriteLines("tweets.csv",
            "id,airline,tier,when,text",
            "1,Delta,Legacy,2024-03-01,a",
            "2,United,Legacy,2024-03-01,b",
            "3,Delta,Legacy,2024-03-01,c",
            "4,Delta,Legacy,2024-03-01,d");

        var result = _ws.Import("all", file, mapping);

        ImportAssert.Committed(result);
        Assert.Empty(result.Rejects);
        var accounts = ImportAssert.Table(result, "accounts");
        Assert.Equal((2L, 2L, 2L), (accounts.Staged, accounts.Inserted, accounts.CollapsedDuplicates));
        Assert.Equal(2, _ws.Count("accounts"));
        Assert.Equal(4, _ws.Count("responses"));
    }

    [Fact]
    public void Conflicting_repeat_in_a_distinct_table_is_rejected_naming_the_first_line()
    {
        var mapping = AirlineMapping();
        var file = _ws.WriteLines("tweets.csv",
            "id,airline,tier,when,text",
            "1,Delta,Legacy,2024-03-01,a",
            "2,Delta,Legacy,2024-03-01,b",
            "3,Delta,Budget,2024-03-01,c");

        var result = _ws.Import("all", file, mapping);

        var reject = ImportAssert.SingleReject(result, file, 4, "airline", "Delta", "duplicate key (first seen on line 2) with different values");
        Assert.Equal("accounts", reject.Table);
        Assert.Equal(ImportStatus.Rejected, result.Status);
        Assert.Equal(0, _ws.Count("responses"));
    }

    [Fact]
    public void Response_for_an_unknown_account_is_rejected()
    {
        _ws.SeedAccounts("A1");
        var file = _ws.WriteLines("responses.csv",
            "response_id,account_id,responded_at,nps",
            "R1,A1,2024-03-01,9",
            "R2,ZZ,2024-03-01,9");

        var result = _ws.Import("responses", file);

        var reject = ImportAssert.SingleReject(result, file, 3, "account_id", "ZZ", "unknown account 'ZZ': not in accounts nor in this import");
        Assert.Equal("account_id", reject.Field);
        Assert.Equal("responses", reject.Table);
        Assert.Equal(ImportStatus.Rejected, result.Status);
        Assert.Equal(0, _ws.Count("responses"));
    }

    [Fact]
    public void Skip_invalid_drops_rows_with_unknown_accounts_and_writes_the_rest()
    {
        _ws.SeedAccounts("A1");
        var file = _ws.WriteLines("responses.csv",
            "response_id,account_id,responded_at,nps",
            "R1,A1,2024-03-01,9",
            "R2,ZZ,2024-03-01,9",
            "R3,YY,2024-03-01,9",
            "R4,A1,2024-03-01,9");

        var result = _ws.Import("responses", file, skipInvalid: true);

        ImportAssert.Committed(result);
        Assert.Equal([3L, 4L], result.Rejects.Select(r => r.Line!.Value));
        Assert.Equal(["R1", "R4"], _ws.Store.Query<string>("SELECT response_id FROM responses ORDER BY 1"));
        var stats = ImportAssert.Table(result, "responses");
        Assert.Equal((2L, 2L, 2L), (stats.Staged, stats.Inserted, stats.Rejected));
    }

    [Fact]
    public void Account_already_in_the_store_satisfies_the_reference()
    {
        _ws.SeedAccounts("A1", "A2");
        var file = _ws.WriteLines("responses.csv", "response_id,account_id,responded_at,nps", "R1,A2,2024-03-01,9");

        ImportAssert.Committed(_ws.Import("responses", file));
    }

    [Fact]
    public void Account_created_by_the_same_import_satisfies_the_reference()
    {
        var mapping = AirlineMapping();
        var file = _ws.WriteLines("tweets.csv", "id,airline,tier,when,text", "1,Delta,Legacy,2024-03-01,a");

        var result = _ws.Import("all", file, mapping);

        ImportAssert.Committed(result);
        Assert.Equal(1, _ws.Count("accounts"));
        Assert.Equal(1, _ws.Count("responses"));
    }

    [Fact]
    public void Response_whose_account_row_was_rejected_is_rejected_too()
    {
        var mapping = _ws.Write("m.yaml", """
            tables:
              - table: accounts
                fields:
                  account_id: account
                  created_at: since
              - table: responses
                fields:
                  response_id: id
                  account_id: account
                  responded_at: when
                  nps: nps
            """);
        var file = _ws.WriteLines("r.csv",
            "id,account,since,when,nps",
            "R1,A1,2020-01-01,2024-03-01,9",
            "R2,A2,not a date,2024-03-01,9");

        var result = _ws.Import("all", file, mapping, skipInvalid: true);

        ImportAssert.Committed(result);
        Assert.Equal(["A1"], _ws.Store.Query<string>("SELECT account_id FROM accounts"));
        Assert.Equal(["R1"], _ws.Store.Query<string>("SELECT response_id FROM responses"));
        Assert.Contains(result.Rejects, r => r.Table == "responses" && r.Line == 3 && r.Reason.Contains("unknown account 'A2'", StringComparison.Ordinal));
    }

    [Fact]
    public void Followup_for_an_unknown_response_is_rejected()
    {
        _ws.SeedAccounts("A1");
        ImportAssert.Committed(_ws.Import("responses",
            _ws.WriteLines("responses.csv", "response_id,account_id,responded_at,nps", "R1,A1,2024-03-01,3")));
        var file = _ws.WriteLines("followups.csv",
            "response_id,status,owner",
            "R1,open,kim",
            "R9,open,kim");

        var result = _ws.Import("followups", file);

        ImportAssert.SingleReject(result, file, 3, "response_id", "R9", "unknown response 'R9'");
    }

    [Fact]
    public void Opportunity_may_name_an_account_that_does_not_exist()
    {
        // opportunities declare no reference: a deal may be with a prospect that is not a customer yet
        var file = _ws.WriteLines("opportunities.csv", "opportunity_id,account_id,amount", "O1,PROSPECT-1,5000");

        ImportAssert.Committed(_ws.Import("opportunities", file));
    }
}
