using Fulcrum.Data.Import;
using Fulcrum.Data.Import.Sources;

namespace Fulcrum.Data.Tests.Import;

/// <summary>Joined lookup files (left join by a unique key, resolved beside the main file), constants, where and repeat.</summary>
public sealed class ImporterJoinTests : IDisposable
{
    readonly ImportWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    const string Mapping = """
        constants:
          since: "2023-01-01"
        join:
          - file: lookups/regions.csv
            on: account
          - file: lookups/countries.tsv
            on: country
        tables:
          - table: accounts
            fields:
              account_id: account
              region: region
              industry: { column: industry, map: { fin: Finance, ret: Retail }, map_default: Other }
              created_at: { column: since }
              attributes: { columns: [country, population] }
        """;

    void WriteLookups()
    {
        _ws.WriteLines("lookups/regions.csv", "account,region,country", "A1,EMEA,DE", "A2,AMER,US");
        _ws.WriteLines("lookups/countries.tsv", "country\tpopulation", "DE\t83000000", "US\t335000000");
    }

    [Fact]
    public void Joined_columns_and_constants_fill_fields_and_attributes()
    {
        WriteLookups();
        var mapping = _ws.Write("m.yaml", Mapping);
        var file = _ws.WriteLines("accounts.csv", "account,industry", "A1,fin", "A2,ret");

        ImportAssert.Committed(_ws.Import("accounts", file, mapping));

        Assert.Equal(["A1 EMEA Finance 2023-01-01 DE 83000000", "A2 AMER Retail 2023-01-01 US 335000000"],
            _ws.Store.Query<(string, string, string, DateTime, string, string)>("""
                SELECT account_id, region, industry, created_at, json_extract_string(attributes, '$.country'), json_extract_string(attributes, '$.population')
                FROM accounts ORDER BY 1
                """).Select(r => $"{r.Item1} {r.Item2} {r.Item3} {r.Item4:yyyy-MM-dd} {r.Item5} {r.Item6}"));
    }

    [Fact]
    public void Row_without_a_join_match_gets_empty_joined_columns()
    {
        WriteLookups();
        var mapping = _ws.Write("m.yaml", Mapping);
        var file = _ws.WriteLines("accounts.csv", "account,industry", "A9,xyz");

        ImportAssert.Committed(_ws.Import("accounts", file, mapping));

        var row = _ws.Store.Query<(string? Region, string Industry, string? Attributes)>(
            "SELECT region, industry, CAST(attributes AS VARCHAR) FROM accounts WHERE account_id = 'A9'").Single();
        Assert.Equal((null, "Other", null), row);
    }

    [Fact]
    public void Join_on_a_column_the_joined_file_lacks_is_refused()
    {
        _ws.WriteLines("lookups/regions.csv", "customer,region", "A1,EMEA");
        _ws.WriteLines("lookups/countries.tsv", "country\tpopulation", "DE\t1");
        var mapping = _ws.Write("m.yaml", Mapping);
        var file = _ws.WriteLines("accounts.csv", "account,industry", "A1,fin");

        var e = Assert.Throws<SourceFormatException>(() => _ws.Import("accounts", file, mapping));

        Assert.Contains("joined file has no column 'account' to join on", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, _ws.Count("import_runs"));
    }

    [Fact]
    public void Missing_joined_file_is_refused_naming_where_it_was_looked_for()
    {
        var mapping = _ws.Write("m.yaml", Mapping);
        var file = _ws.WriteLines("accounts.csv", "account,industry", "A1,fin");

        var e = Assert.Throws<SourceFormatException>(() => _ws.Import("accounts", file, mapping));

        Assert.Contains(Path.Combine(_ws.Directory, "lookups", "regions.csv"), e.Message, StringComparison.Ordinal);
        Assert.Contains("file not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeat_yields_one_row_per_count_numbered_by_the_index()
    {
        _ws.SeedAccounts("A1", "A2", "A3");
        var mapping = _ws.Write("refs.yaml", """
            tables:
              - table: reference_requests
                where: "[Referred] = 'Yes'"
                repeat: "[Referrals]"
                fields:
                  reference_id: { template: "{Customer}-ref-{#}" }
                  account_id: Customer
                  requested_at: Asked
                  agreed: { value: "true" }
            """);
        var file = _ws.WriteLines("refs.csv",
            "Customer,Asked,Referred,Referrals",
            "A1,2024-01-01,Yes,3",
            "A2,2024-01-01,No,2",
            "A3,2024-01-01,Yes,0");

        var result = _ws.Import("reference_requests", file, mapping);

        ImportAssert.Committed(result);
        Assert.Equal(["A1-ref-1", "A1-ref-2", "A1-ref-3"], _ws.Store.Query<string>("SELECT reference_id FROM reference_requests ORDER BY 1"));
        var stats = ImportAssert.Table(result, "reference_requests");
        Assert.Equal((3L, 1L), (stats.Inserted, stats.Filtered));
    }

    [Fact]
    public void Several_blocks_may_feed_the_same_table()
    {
        _ws.SeedAccounts("A1");
        var mapping = _ws.Write("subs.yaml", """
            tables:
              - table: subscriptions
                where: "[Phone] = 'Yes'"
                fields: { account_id: Customer, product: { value: Phone }, start_date: Start, arr: { expr: "[Charge] * 12" } }
              - table: subscriptions
                where: "[Internet] = 'Yes'"
                fields: { account_id: Customer, product: { template: "Internet ({Type})" }, start_date: Start, arr: { expr: "[Charge] * 6" } }
            """);
        var file = _ws.WriteLines("subs.csv", "Customer,Start,Phone,Internet,Type,Charge", "A1,2024-01-01,Yes,Yes,Fiber,10");

        var result = _ws.Import("subscriptions", file, mapping);

        ImportAssert.Committed(result);
        Assert.Equal(["Internet (Fiber) 60", "Phone 120"],
            _ws.Store.Query<(string, double)>("SELECT product, arr FROM subscriptions ORDER BY 1").Select(r => $"{r.Item1} {r.Item2}"));
    }
    [Fact]
    public void A_bad_joined_value_is_rejected_naming_the_joined_file_and_its_line()
    {
        // DE is line 4 of the joined file; A1, joined to it through regions.csv, line 2 of the main file.
        _ws.WriteLines("lookups/regions.csv", "account,region,country", "A2,AMER,US", "A1,EMEA,DE");
        _ws.WriteLines("lookups/countries.tsv", "country\tpopulation", "FR\t68000000", "US\t335000000", "DE\tmany");
        var mapping = _ws.Write("m.yaml", """
            join:
              - file: lookups/regions.csv
                on: account
              - file: lookups/countries.tsv
                on: country
            tables:
              - table: accounts
                fields:
                  account_id: account
                  region: region
                  attributes: { columns: [population] }
              - table: responses
                fields:
                  response_id: { template: "{account}-r" }
                  account_id: account
                  responded_at: { value: "2024-01-01" }
                  nps: { expr: "[population] - [population] + 9" }
            """);
        var file = _ws.WriteLines("accounts.csv", "account,industry", "A1,fin", "A2,ret");

        var result = _ws.Import("all", file, mapping, dryRun: true);

        var reject = Assert.Single(result.Rejects);
        Assert.Equal(("countries.tsv", 4L, "population", "many"), (Path.GetFileName(reject.File), reject.Line, reject.Column, reject.Value));
        Assert.Equal(2, reject.RowLine);
        Assert.Contains("(joined by 'country' to line 2 of accounts.csv)", reject.Reason, StringComparison.Ordinal);
        Assert.Equal(1, result.RejectedRows);
    }

    [Fact]
    public void Two_rows_rejected_for_one_joined_value_count_as_two_rows()
    {
        _ws.WriteLines("lookups/regions.csv", "account,region,country", "A1,EMEA,DE", "A2,EMEA,DE");
        _ws.WriteLines("lookups/countries.tsv", "country\tpopulation", "DE\tmany");
        var mapping = _ws.Write("m.yaml", """
            join:
              - file: lookups/regions.csv
                on: account
              - file: lookups/countries.tsv
                on: country
            tables:
              - table: accounts
                fields:
                  account_id: account
                  created_at: { expr: "addmonths(date('2024-01-01', 'yyyy-MM-dd'), [population])" }
            """);
        var file = _ws.WriteLines("accounts.csv", "account,industry", "A1,fin", "A2,ret");

        var result = _ws.Import("accounts", file, mapping, dryRun: true);

        Assert.Equal([(2L, 2L), (2L, 3L)], result.Rejects.Select(r => (r.Line!.Value, r.RowLine!.Value)));
        Assert.All(result.Rejects, r => Assert.EndsWith("countries.tsv", r.File, StringComparison.Ordinal));
        Assert.Equal(2, result.RejectedRows);
        Assert.Equal(2, Assert.Single(result.Tables).Rejected);
    }
}
