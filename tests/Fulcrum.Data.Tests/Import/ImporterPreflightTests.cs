using Fulcrum.Data.Import;
using Fulcrum.Data.Import.Mapping;
using Fulcrum.Data.Import.Sources;

namespace Fulcrum.Data.Tests.Import;

/// <summary>Errors found before any row is read: they throw, name the problem precisely, and write nothing at all.</summary>
public sealed class ImporterPreflightTests : IDisposable
{
    readonly ImportWorkspace _ws = new();
    readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _before;

    public ImporterPreflightTests()
    {
        _ws.SeedAccounts("A1");
        _before = _ws.Snapshot();
    }

    public void Dispose() => _ws.Dispose();

    void AssertNothingWritten() => Assert.Equal(_before, _ws.Snapshot());

    string ResponsesFile() => _ws.WriteLines("responses.csv",
        "id,account,when,score",
        "R1,A1,2024-03-01,9");

    [Fact]
    public void Unknown_table_is_refused_listing_the_tables()
    {
        var file = ResponsesFile();

        var e = Assert.Throws<ImportException>(() => _ws.Import("widgets", file));

        Assert.Contains("Unknown table 'widgets'", e.Message, StringComparison.Ordinal);
        Assert.Contains("accounts, subscriptions, responses", e.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Fact]
    public void Table_alias_is_accepted()
    {
        var file = _ws.WriteLines("deals.csv", "opportunity_id,amount", "O1,10");

        ImportAssert.Committed(_ws.Import("deals", file));
    }

    [Fact]
    public void All_tables_without_a_mapping_is_refused()
    {
        var file = ResponsesFile();

        var e = Assert.Throws<ImportException>(() => _ws.Import("all", file));

        Assert.Contains("--mapping", e.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Fact]
    public void Table_the_mapping_does_not_fill_is_refused()
    {
        var mapping = _ws.Write("m.yaml", """
            tables:
              - table: responses
                fields: { response_id: id, account_id: account, responded_at: when, nps: score }
            """);

        var e = Assert.Throws<ImportException>(() => _ws.Import("tickets", ResponsesFile(), mapping));

        Assert.Contains("The mapping fills responses, not tickets", e.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Fact]
    public void Mapping_with_an_unknown_field_names_the_mapping_file_and_line()
    {
        var mapping = _ws.Write("m.yaml", """
            name: survey export
            tables:
              - table: responses
                fields:
                  response_id: id
                  account_id: account
                  responded_at: when
                  npz: score
            """);

        var e = Assert.Throws<MappingException>(() => _ws.Import("responses", ResponsesFile(), mapping));

        Assert.Contains($"{mapping}, line 8: table 'responses' has no field 'npz'", e.Message, StringComparison.Ordinal);
        Assert.Contains("Fields: response_id, account_id", e.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Fact]
    public void Mapping_with_an_unknown_table_names_the_mapping_file_and_line()
    {
        var mapping = _ws.Write("m.yaml", """
            tables:
              - table: responses
                fields: { response_id: id, account_id: account, responded_at: when, nps: score }
              - table: surveys_answers
                fields: { id: id }
            """);

        var e = Assert.Throws<MappingException>(() => _ws.Import("all", ResponsesFile(), mapping));

        Assert.Contains($"{mapping}, line 4: unknown table 'surveys_answers'", e.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Theory]
    [InlineData("tables:\n  - table: responses\n    fields:\n      response_id: { colum: id }\n", 4, "unknown key 'colum' in field 'response_id'")]
    [InlineData("tables:\n  - table: responses\n    wher: \"[x] = 1\"\n    fields: { response_id: id }\n", 3, "unknown key 'wher' in table 'responses'")]
    [InlineData("tabels:\n  - table: responses\n", 1, "unknown key 'tabels' in the top level")]
    public void Mapping_with_an_unknown_key_names_the_mapping_file_and_line(string yaml, int line, string message)
    {
        var mapping = _ws.Write("m.yaml", yaml);

        var e = Assert.Throws<MappingException>(() => _ws.Import("all", ResponsesFile(), mapping));

        Assert.Contains($"{mapping}, line {line}: {message}", e.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Fact]
    public void Mapping_with_a_format_on_a_number_field_is_refused()
    {
        var mapping = _ws.Write("m.yaml", """
            tables:
              - table: opportunities
                fields:
                  opportunity_id: id
                  amount: { column: amount, format: "0.00" }
            """);

        var e = Assert.Throws<MappingException>(() => _ws.Import("opportunities", ResponsesFile(), mapping));

        Assert.Contains($"{mapping}, line 5: field 'amount' is Number; 'format' applies to dates and timestamps only", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mapping_that_leaves_out_a_key_field_is_refused()
    {
        var mapping = _ws.Write("m.yaml", """
            tables:
              - table: responses
                fields:
                  account_id: account
                  responded_at: when
            """);

        var e = Assert.Throws<MappingException>(() => _ws.Import("responses", ResponsesFile(), mapping));

        Assert.Contains(mapping, e.Message, StringComparison.Ordinal);
        Assert.Contains("table 'responses' must map response_id (key or required)", e.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Fact]
    public void Mapping_with_an_expression_syntax_error_names_the_line()
    {
        var mapping = _ws.Write("m.yaml", """
            tables:
              - table: responses
                fields:
                  response_id: id
                  account_id: account
                  responded_at: when
                  nps: { expr: "[score] * " }
            """);

        var e = Assert.Throws<MappingException>(() => _ws.Import("responses", ResponsesFile(), mapping));

        Assert.Contains($"{mapping}, line 7: expression '[score] * '", e.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Fact]
    public void Mapping_that_declares_an_nps_scale_is_refused()
    {
        var mapping = _ws.Write("m.yaml", """
            scales:
              nps: [1, 5]
            tables:
              - table: responses
                fields: { response_id: id, account_id: account, responded_at: when, nps: score }
            """);

        var e = Assert.Throws<MappingException>(() => _ws.Import("responses", ResponsesFile(), mapping));

        Assert.Contains($"{mapping}, line 2: scale 'nps' is not declarable", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_mapping_file_is_refused()
    {
        var missing = _ws.PathOf("nope.yaml");

        var e = Assert.Throws<MappingException>(() => _ws.Import("responses", ResponsesFile(), missing));

        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Fact]
    public void Missing_source_column_is_refused_listing_the_available_columns()
    {
        var mapping = _ws.Write("m.yaml", """
            tables:
              - table: responses
                fields:
                  response_id: id
                  account_id: account
                  responded_at: when
                  nps: Likelihood to recommend
                  comment: { expr: "trim([Verbatim])" }
            """);
        var file = ResponsesFile();

        var e = Assert.Throws<ImportException>(() => _ws.Import("responses", file, mapping));

        Assert.Contains(file, e.Message, StringComparison.Ordinal);
        Assert.Contains("has no columns 'Likelihood to recommend', 'Verbatim' that", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{mapping}, line 7, column", e.Message, StringComparison.Ordinal);
        Assert.Contains("Columns available: id, account, when, score", e.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Fact]
    public void Identity_mapping_without_the_key_column_is_refused()
    {
        var file = _ws.WriteLines("responses.csv", "account_id,responded_at,nps", "A1,2024-03-01,9");

        var e = Assert.Throws<ImportException>(() => _ws.Import("responses", file));

        Assert.Contains($"{file} has no column for response_id", e.Message, StringComparison.Ordinal);
        Assert.Contains("Columns found: account_id, responded_at, nps", e.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Fact]
    public void Identity_mapping_matches_column_names_ignoring_case_spaces_and_punctuation()
    {
        var file = _ws.WriteLines("responses.csv", "Response ID,Account-Id,RESPONDED_AT,N.P.S.", "R1,A1,2024-03-01,9");

        ImportAssert.Committed(_ws.Import("responses", file));

        Assert.Equal(9, _ws.Scalar<long>("SELECT nps FROM responses WHERE response_id = 'R1'"));
    }

    [Fact]
    public void Identity_mapping_refuses_extra_columns_for_a_table_without_attributes()
    {
        var file = _ws.WriteLines("followups.csv", "response_id,status,priority", "R1,open,high");

        var e = Assert.Throws<ImportException>(() => _ws.Import("followups", file));

        Assert.Contains("columns priority are not fields of followups", e.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Fact]
    public void Unsupported_extension_is_refused_listing_the_formats()
    {
        var file = _ws.Write("responses.xml", "<responses/>");

        var e = Assert.Throws<SourceFormatException>(() => _ws.Import("responses", file));

        Assert.Contains("unsupported format 'xml'", e.Message, StringComparison.Ordinal);
        Assert.Contains("csv, tsv, xlsx, parquet, jsonl", e.Message, StringComparison.Ordinal);
        Assert.Equal(file, e.File);
        AssertNothingWritten();
    }

    [Fact]
    public void Mapping_format_overrides_the_extension()
    {
        var mapping = _ws.Write("m.yaml", """
            source: { format: csv }
            tables:
              - table: opportunities
                fields: { opportunity_id: id, amount: amount }
            """);
        var file = _ws.WriteLines("deals.export", "id,amount", "O1,10");

        ImportAssert.Committed(_ws.Import("opportunities", file, mapping));
    }

    [Fact]
    public void Missing_source_file_is_refused()
    {
        var file = _ws.PathOf("absent.csv");

        var e = Assert.Throws<SourceFormatException>(() => _ws.Import("responses", file));

        Assert.Contains("file not found", e.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Fact]
    public void Empty_csv_is_refused()
    {
        var file = _ws.Write("empty.csv", "");

        var e = Assert.Throws<SourceFormatException>(() => _ws.Import("responses", file));

        Assert.Contains("the file is empty", e.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Fact]
    public void Header_only_file_commits_nothing_and_records_the_run()
    {
        var file = _ws.WriteLines("accounts.csv", "account_id,name");

        var result = _ws.Import("accounts", file);

        ImportAssert.Committed(result);
        Assert.Equal((0L, 0L), (result.RowsRead, result.Inserted));
        Assert.Equal(1, _ws.Count("accounts")); // the seeded one
        Assert.Equal(2, _ws.Count("import_runs"));
    }

    [Fact]
    public void Header_with_a_repeated_column_is_refused()
    {
        var file = _ws.WriteLines("dup.csv", "response_id,account_id,nps,NPS", "R1,A1,9,9");

        var e = Assert.Throws<SourceFormatException>(() => _ws.Import("responses", file));

        Assert.Contains("header column 'NPS' appears twice", e.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Fact]
    public void Join_file_with_a_repeated_key_is_refused_naming_its_line()
    {
        var mapping = _ws.Write("m.yaml", """
            join:
              - file: regions.csv
                on: account
            tables:
              - table: accounts
                fields: { account_id: account, region: region }
            """);
        _ws.WriteLines("regions.csv", "account,region", "A5,EMEA", "A6,APAC", "A5,AMER");
        var file = _ws.WriteLines("accounts.csv", "account", "A5", "A6");

        var e = Assert.Throws<SourceFormatException>(() => _ws.Import("accounts", file, mapping));

        Assert.Contains("line 4: join key 'A5' appears twice (first on line 2)", e.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }
}
