using System.Globalization;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Fulcrum.Data.Import;
using Fulcrum.Data.Import.Sources;
using Parquet;
using Parquet.Schema;

namespace Fulcrum.Data.Tests.Import;

/// <summary>The same data as CSV, TSV, XLSX, Parquet and JSON Lines imports to identical table contents; rejects name each format's row.</summary>
public sealed class ImporterFormatTests : IDisposable
{
    readonly List<ImportWorkspace> _workspaces = [];

    public void Dispose()
    {
        foreach (var ws in _workspaces) ws.Dispose();
    }

    ImportWorkspace NewWorkspace()
    {
        var ws = new ImportWorkspace();
        _workspaces.Add(ws);
        return ws;
    }

    const string Mapping = """
        tables:
          - table: accounts
            distinct: true
            fields:
              account_id: account
              created_at: since
              attributes: { columns: [plan] }
          - table: responses
            fields:
              response_id: id
              account_id: account
              responded_at: when
              nps: nps
              csat: csat
              comment: comment
        """;

    static readonly string[] Columns = ["id", "account", "since", "when", "nps", "csat", "comment", "plan"];

    sealed record Row(string Id, string Account, DateOnly Since, DateTime When, int Nps, double? Csat, string? Comment, string Plan);

    static readonly Row[] Data =
    [
        new("R1", "A1", new DateOnly(2020, 1, 15), new DateTime(2024, 3, 1, 10, 0, 0, DateTimeKind.Utc), 9, 4.5, "Great, \"fast\" service\nthanks", "gold"),
        new("R2", "A1", new DateOnly(2020, 1, 15), new DateTime(2024, 3, 2, 11, 30, 0, DateTimeKind.Utc), 6, null, "meh", "gold"),
        new("R3", "A2", new DateOnly(2019, 6, 30), new DateTime(2024, 3, 3, 8, 15, 0, DateTimeKind.Utc), 10, 5, null, "silver"),
        new("R4", "A3", new DateOnly(2021, 12, 1), new DateTime(2024, 3, 4, 23, 59, 59, DateTimeKind.Utc), 0, 1, "ünïcødé ✈ and tab\tinside", "bronze"),
    ];

    static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    static string Num(double? d) => d?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    static string Quote(string? text, char delimiter) =>
        text is null ? "" : text.IndexOfAny([delimiter, '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    static string Delimited(IEnumerable<Row> rows, char delimiter)
    {
        var text = new StringBuilder(string.Join(delimiter, Columns)).Append('\n');
        foreach (var r in rows)
            text.Append(string.Join(delimiter, new[] { r.Id, r.Account, Iso(r.Since), Iso(r.When), r.Nps.ToString(CultureInfo.InvariantCulture), Num(r.Csat), r.Comment, r.Plan }
                .Select(v => Quote(v, delimiter)))).Append('\n');
        return text.ToString();
    }

    static string WriteCsv(ImportWorkspace ws) => ws.Write("survey.csv", Delimited(Data, ','));

    static string WriteTsv(ImportWorkspace ws) => ws.Write("survey.tsv", Delimited(Data, '\t'));

    static string WriteJsonLines(ImportWorkspace ws)
    {
        var lines = Data.Select(r =>
        {
            var o = new Dictionary<string, object?>
            {
                ["id"] = r.Id, ["account"] = r.Account, ["since"] = Iso(r.Since), ["when"] = Iso(r.When),
                ["nps"] = r.Nps, ["csat"] = r.Csat, ["plan"] = r.Plan,
            };
            if (r.Comment is not null) o["comment"] = r.Comment; // an absent key, not only null, must work
            return JsonSerializer.Serialize(o);
        });
        return ws.Write("survey.jsonl", string.Join("\n", lines) + "\n");
    }

    static string WriteXlsx(ImportWorkspace ws, IEnumerable<Row>? rows = null, string sheet = "Survey", int blankRowAfter = 0, string? firstSheet = null)
    {
        var path = ws.PathOf("survey.xlsx");
        using var workbook = new XLWorkbook();
        if (firstSheet is not null) workbook.Worksheets.Add(firstSheet).Cell(1, 1).SetValue("notes, not data");
        var s = workbook.Worksheets.Add(sheet);
        for (var c = 0; c < Columns.Length; c++) s.Cell(1, c + 1).SetValue(Columns[c]);
        var row = 2;
        foreach (var r in rows ?? Data)
        {
            s.Cell(row, 1).SetValue(r.Id);
            s.Cell(row, 2).SetValue(r.Account);
            s.Cell(row, 3).SetValue(r.Since.ToDateTime(TimeOnly.MinValue));   // a real Excel date
            s.Cell(row, 4).SetValue(DateTime.SpecifyKind(r.When, DateTimeKind.Unspecified)); // Excel has no time zones
            s.Cell(row, 5).SetValue(r.Nps);                                   // a number cell
            if (r.Csat is { } csat) s.Cell(row, 6).SetValue(csat);
            if (r.Comment is not null) s.Cell(row, 7).SetValue(r.Comment);
            s.Cell(row, 8).SetValue(r.Plan);
            if (row - 1 == blankRowAfter) row++; // leave an empty sheet row
            row++;
        }
        workbook.SaveAs(path);
        return path;
    }

    static string WriteParquet(ImportWorkspace ws, IReadOnlyList<Row>? rows = null)
    {
        var path = ws.PathOf("survey.parquet");
        WriteParquetAsync(path, rows ?? Data).GetAwaiter().GetResult();
        return path;
    }

    static async Task WriteParquetAsync(string path, IReadOnlyList<Row> rows)
    {
        var id = new DataField<string>("id");
        var account = new DataField<string>("account");
        var since = new DataField<DateOnly>("since");
        var when = new DataField<DateTime>("when");
        var nps = new DataField<int>("nps");
        var csat = new DataField<double?>("csat");
        var comment = new DataField<string>("comment");
        var plan = new DataField<string>("plan");
        var schema = new ParquetSchema(id, account, since, when, nps, csat, comment, plan);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(id, rows.Select(r => r.Id).ToArray());
        await group.WriteAsync(account, rows.Select(r => r.Account).ToArray());
        await group.WriteAsync<DateOnly>(since, new ReadOnlyMemory<DateOnly>(rows.Select(r => r.Since).ToArray()));
        await group.WriteAsync<DateTime>(when, new ReadOnlyMemory<DateTime>(rows.Select(r => r.When).ToArray()));
        await group.WriteAsync<int>(nps, new ReadOnlyMemory<int>(rows.Select(r => r.Nps).ToArray()));
        await group.WriteAsync<double>(csat, new ReadOnlyMemory<double?>(rows.Select(r => r.Csat).ToArray()));
        await group.WriteAsync(comment, rows.Select(r => r.Comment).ToArray());
        await group.WriteAsync(plan, rows.Select(r => r.Plan).ToArray());
    }

    (ImportWorkspace Ws, ImportResult Result) ImportInto(Func<ImportWorkspace, string> write)
    {
        var ws = NewWorkspace();
        var mapping = ws.Write("survey.yaml", Mapping);
        var result = ws.Import("all", write(ws), mapping);
        ImportAssert.Committed(result);
        return (ws, result);
    }

    static Func<ImportWorkspace, string> Writer(string format) => format switch
    {
        "csv" => WriteCsv,
        "tsv" => WriteTsv,
        "xlsx" => ws => WriteXlsx(ws),
        "parquet" => ws => WriteParquet(ws),
        "jsonl" => WriteJsonLines,
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    [Fact]
    public void Csv_baseline_holds_the_expected_values()
    {
        var (ws, result) = ImportInto(WriteCsv);

        Assert.Equal(4, result.RowsRead);
        Assert.Equal((3L, 1L), (ImportAssert.Table(result, "accounts").Inserted, ImportAssert.Table(result, "accounts").CollapsedDuplicates));
        Assert.Equal(4, ImportAssert.Table(result, "responses").Inserted);
        var r1 = ws.Store.Query<(DateTime When, long Nps, double Csat, string Comment)>(
            "SELECT responded_at, nps, csat, comment FROM responses WHERE response_id = 'R1'").Single();
        Assert.Equal((new DateTime(2024, 3, 1, 10, 0, 0), 9L, 4.5, "Great, \"fast\" service\nthanks"), r1);
        Assert.True(ws.Scalar<bool>("SELECT csat IS NULL AND comment = 'meh' FROM responses WHERE response_id = 'R2'"));
        Assert.Equal("ünïcødé ✈ and tab\tinside", ws.Scalar<string>("SELECT comment FROM responses WHERE response_id = 'R4'"));
        Assert.Equal(new DateTime(2019, 6, 30), ws.Scalar<DateTime>("SELECT created_at FROM accounts WHERE account_id = 'A2'"));
        Assert.Equal("""{"plan":"silver"}""", ws.Scalar<string>("SELECT CAST(attributes AS VARCHAR) FROM accounts WHERE account_id = 'A2'"));
    }

    [Theory]
    [InlineData("tsv")]
    [InlineData("xlsx")]
    [InlineData("parquet")]
    [InlineData("jsonl")]
    public void Same_data_imports_to_identical_tables_as_from_csv(string format)
    {
        var (csv, csvResult) = ImportInto(WriteCsv);

        var (other, result) = ImportInto(Writer(format));

        Assert.Equal(csvResult.RowsRead, result.RowsRead);
        Assert.Equal(csvResult.Tables, result.Tables);
        foreach (var table in new[] { "accounts", "responses" })
            Assert.Equal(csv.Rows(table), other.Rows(table));
    }

    [Theory]
    [InlineData("tsv")]
    [InlineData("xlsx")]
    [InlineData("parquet")]
    [InlineData("jsonl")]
    public void Reimport_from_another_format_changes_nothing(string format)
    {
        var (ws, _) = ImportInto(WriteCsv);
        var mapping = ws.PathOf("survey.yaml");

        var result = ws.Import("all", Writer(format)(ws), mapping);

        Assert.Equal((0L, 0L), (result.Inserted, result.Updated));
    }

    [Fact]
    public void Xlsx_reject_names_the_sheet_row_counting_empty_rows()
    {
        var ws = NewWorkspace();
        var mapping = ws.Write("survey.yaml", Mapping);
        var rows = Data.Take(3).Select((r, i) => i == 2 ? r with { Nps = 11 } : r).ToList();
        var file = WriteXlsx(ws, rows, blankRowAfter: 2); // rows: 1 header, 2 R1, 3 R2, 4 empty, 5 R3

        var result = ws.Import("all", file, mapping);

        Assert.Equal(ImportStatus.Rejected, result.Status);
        ImportAssert.SingleReject(result, file, 5, "nps", "11", "out of range");
    }

    [Fact]
    public void Xlsx_sheet_named_in_the_mapping_is_read()
    {
        var ws = NewWorkspace();
        var mapping = ws.Write("survey.yaml", "source: { sheet: Answers }\n" + Mapping);
        var file = WriteXlsx(ws, sheet: "Answers", firstSheet: "Read me");

        ImportAssert.Committed(ws.Import("all", file, mapping));

        Assert.Equal(4, ws.Count("responses"));
    }

    [Fact]
    public void Xlsx_without_the_named_sheet_is_refused_listing_the_sheets()
    {
        var ws = NewWorkspace();
        var mapping = ws.Write("survey.yaml", "source: { sheet: Answers }\n" + Mapping);
        var file = WriteXlsx(ws, sheet: "Responses", firstSheet: "Read me");

        var e = Assert.Throws<SourceFormatException>(() => ws.Import("all", file, mapping));

        Assert.Contains("no worksheet named 'Answers'. Sheets: Read me, Responses.", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, ws.Count("import_runs"));
    }

    [Fact]
    public void Parquet_reject_names_the_record_number()
    {
        var ws = NewWorkspace();
        var mapping = ws.Write("survey.yaml", Mapping);
        var file = WriteParquet(ws, Data.Select((r, i) => i == 1 ? r with { Nps = 42 } : r).ToList());

        var result = ws.Import("all", file, mapping);

        ImportAssert.SingleReject(result, file, 2, "nps", "42", "out of range");
    }

    [Fact]
    public void Json_lines_reject_names_the_physical_line_counting_blank_lines()
    {
        var ws = NewWorkspace();
        var mapping = ws.Write("survey.yaml", Mapping);
        var file = ws.Write("survey.jsonl",
            """{"id":"R1","account":"A1","since":"2020-01-15","when":"2024-03-01T10:00:00Z","nps":9,"csat":null,"comment":"hi","plan":"gold"}""" + "\n" +
            "\n" +
            """{"id":"R2","account":"A1","since":"2020-01-15","when":"2024-03-01T10:00:00Z","nps":9.5,"plan":"gold"}""" + "\n");

        var result = ws.Import("all", file, mapping);

        ImportAssert.SingleReject(result, file, 3, "nps", "9.5", "not a whole number");
    }

    [Fact]
    public void Json_lines_nested_values_are_kept_as_json_text()
    {
        var ws = NewWorkspace();
        var file = ws.Write("accounts.jsonl", """{"account_id":"A1","tags":["vip","beta"],"owner":{"name":"kim"}}""" + "\n");

        ImportAssert.Committed(ws.Import("accounts", file));

        Assert.Equal("""["vip","beta"]""", ws.Scalar<string>("SELECT json_extract_string(attributes, '$.tags') FROM accounts"));
    }

    [Fact]
    public void Json_lines_large_integer_ids_keep_every_digit()
    {
        var ws = NewWorkspace();
        ws.SeedAccounts("A1");
        // e.g. a tweet id exported as a JSON number, as the Twitter API does
        var file = ws.Write("responses.jsonl", """{"response_id":570306133677760513,"account_id":"A1","responded_at":"2024-03-01","nps":9}""" + "\n");

        var result = ws.Import("responses", file);

        ImportAssert.Committed(result);
        var stored = ws.Scalar<string>("SELECT response_id FROM responses");
        Assert.True(stored == "570306133677760513",
            $"a 18-digit JSON number id must be stored exactly, got '{stored}': JsonLinesSourceReader.ValueText turns every JSON number " +
            "into a double (TryGetDouble + \"R\"), which rounds integers above 2^53 and writes them in E-notation");
    }

    [Fact]
    public void Json_lines_numbers_keep_their_decimal_value()
    {
        var ws = NewWorkspace();
        var file = ws.Write("opportunities.jsonl", """{"opportunity_id":"O1","amount":1234.50}""" + "\n" + """{"opportunity_id":"O2","amount":1e3}""" + "\n");

        ImportAssert.Committed(ws.Import("opportunities", file));

        Assert.Equal([1234.5, 1000.0], ws.Store.Query<double>("SELECT amount FROM opportunities ORDER BY 1 DESC"));
    }

    [Fact]
    public void Invalid_json_line_is_refused_before_anything_is_written()
    {
        var ws = NewWorkspace();
        var file = ws.Write("accounts.jsonl", "{\"account_id\":\"A1\"}\n{\"account_id\": \n");

        var e = Assert.Throws<SourceFormatException>(() => ws.Import("accounts", file));

        Assert.Equal(2, e.Line);
        Assert.Contains("invalid JSON", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, ws.Count("accounts"));
        Assert.Equal(0, ws.Count("import_runs"));
    }

    [Fact]
    public void Tsv_keeps_commas_inside_fields()
    {
        var ws = NewWorkspace();
        var file = ws.WriteLines("accounts.tsv", "account_id\tname", "A1\tAcme, Inc.");

        ImportAssert.Committed(ws.Import("accounts", file));

        Assert.Equal("Acme, Inc.", ws.Scalar<string>("SELECT name FROM accounts"));
    }

    [Fact]
    public void Semicolon_separated_csv_is_detected()
    {
        var ws = NewWorkspace();
        var file = ws.WriteLines("accounts.csv", "account_id;name;segment", "A1;Acme;SMB", "A2;Globex;Enterprise");

        ImportAssert.Committed(ws.Import("accounts", file));

        Assert.Equal(["Acme", "Globex"], ws.Store.Query<string>("SELECT name FROM accounts ORDER BY 1"));
    }

    [Fact]
    public void Comma_separated_csv_with_semicolons_in_its_values_is_not_mistaken_for_semicolon_separated()
    {
        var ws = NewWorkspace();
        var file = ws.WriteLines("accounts.csv", "account_id,name,segment", "A1,Acme; Ltd; Group; Co,SMB", "A2,X; Y; Z; W,SMB", "A3,P; Q; R; S,SMB");

        ImportAssert.Committed(ws.Import("accounts", file));

        Assert.Equal(["Acme; Ltd; Group; Co", "P; Q; R; S", "X; Y; Z; W"], ws.Store.Query<string>("SELECT name FROM accounts ORDER BY 1"));
    }

    [Fact]
    public void Mapping_delimiter_overrides_detection()
    {
        var ws = NewWorkspace();
        var mapping = ws.Write("m.yaml", """
            source: { delimiter: "|" }
            tables:
              - table: accounts
                fields: { account_id: id, name: name }
            """);
        var file = ws.WriteLines("accounts.csv", "id|name", "A1|Acme, Inc.; Ltd");

        ImportAssert.Committed(ws.Import("accounts", file, mapping));

        Assert.Equal("Acme, Inc.; Ltd", ws.Scalar<string>("SELECT name FROM accounts"));
    }

    [Fact]
    public void Csv_with_a_byte_order_mark_reads_the_first_column_name()
    {
        var ws = NewWorkspace();
        var path = ws.PathOf("accounts.csv");
        File.WriteAllText(path, "account_id,name\nA1,Acme\n", new UTF8Encoding(true));

        ImportAssert.Committed(ws.Import("accounts", path));

        Assert.Equal(1, ws.Count("accounts"));
    }
}
