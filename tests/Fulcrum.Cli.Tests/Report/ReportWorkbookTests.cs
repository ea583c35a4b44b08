using System.Text.Json;
using ClosedXML.Excel;

namespace Fulcrum.Cli.Tests.Report;

/// <summary>The workbook holds the same numbers as the JSON outputs of `fulcrum report`, `fulcrum metrics` and `fulcrum business-case`.</summary>
public sealed class ReportWorkbookTests(ReportDemoFixture demo) : IClassFixture<ReportDemoFixture>
{
    // A workbook keeps 15 significant digits, as Excel does.
    static double Tolerance(double expected) => 1e-13 * Math.Max(1, Math.Abs(expected));

    [Fact]
    public void Readme_sheet_states_the_period_the_data_range_and_the_assumptions()
    {
        using var book = new XLWorkbook(demo.File("xlsx"));
        Assert.Equal("README", book.Worksheets.First().Name);
        var readme = book.Worksheet("README");
        var text = string.Join("\n", readme.CellsUsed().Select(c => c.GetString()));
        Assert.Contains("2025Q4 (2025-10-01 to 2025-12-31)", text);
        Assert.Contains("2024Q4", text);
        var responses = demo.Json.RootElement.GetProperty("coverage").EnumerateArray().Single(c => c.GetProperty("table").GetString() == "responses");
        Assert.Contains($"Survey data from\n{responses.GetProperty("from").GetString()} to {responses.GetProperty("to").GetString()}", text);
        Assert.Contains("gross_margin", text);
        foreach (var sheet in new[] { "Summary", "Trends", "Growth-check", "Levers", "Themes", "Initiatives", "Value ledger", "References", "Follow-ups", "Coverage" })
            Assert.True(book.Worksheets.Contains(sheet), $"sheet {sheet}");
    }

    [Fact]
    public void Trends_sheet_equals_the_report_json_and_fulcrum_metrics_json()
    {
        using var book = new XLWorkbook(demo.File("xlsx"));
        var rows = Rows(book.Worksheet("Trends"));
        var fromReport = demo.Json.RootElement.GetProperty("trends").GetProperty("cells").EnumerateArray().ToList();
        using var console = new ConsoleCapture();
        Assert.Equal(0, FulcrumApp.Run(["metrics", "--metric", "nps,csat,ces", "--to", "2025-12-31", "--json", "--db", demo.Db]));
        using var metrics = JsonDocument.Parse(console.Standard);
        var fromMetrics = metrics.RootElement.GetProperty("cells").EnumerateArray().ToList();

        Assert.Equal(36, rows.Count); // 3 metrics × 12 quarters
        Assert.Equal(rows.Count, fromReport.Count);
        Assert.Equal(rows.Count, fromMetrics.Count);
        foreach (var row in rows)
        {
            foreach (var cells in new[] { fromReport, fromMetrics })
            {
                var cell = cells.Single(c => c.GetProperty("metric").GetString() == row["Metric"].GetString() && c.GetProperty("periodLabel").GetString() == row["Quarter"].GetString());
                AssertEstimate(cell.GetProperty("estimate"), row, "Value");
            }
            Assert.Equal(XLDataType.Number, row["Value"].DataType);
            Assert.Equal("0.00", row["Value"].Style.NumberFormat.Format);
        }
    }

    [Fact]
    public void Levers_sheet_equals_the_report_json_and_fulcrum_business_case_json()
    {
        using var book = new XLWorkbook(demo.File("xlsx"));
        var rows = Rows(book.Worksheet("Levers"));
        using var console = new ConsoleCapture();
        Assert.Equal(0, FulcrumApp.Run(["business-case", "--json", "--out", Path.Combine(demo.Out, "bc"), "--db", demo.Db]));
        using var businessCase = JsonDocument.Parse(console.Standard);
        var horizon = businessCase.RootElement.GetProperty("horizonMonths").GetInt32();
        var levers = businessCase.RootElement.GetProperty("levers").EnumerateArray().ToList();
        var ordered = demo.Json.RootElement.GetProperty("levers").EnumerateArray().ToList();
        Assert.NotEmpty(levers);

        foreach (var lever in levers)
        {
            var title = lever.GetProperty("lever").GetProperty("title").GetString();
            foreach (var h in lever.GetProperty("horizons").EnumerateArray())
            {
                var row = rows.Single(r => r["Lever"].GetString() == title && r["Months"].GetDouble() == h.GetProperty("months").GetInt32());
                AssertEstimate(h.GetProperty("npv"), row, "NPV");
                AssertEstimate(h.GetProperty("arrTotal"), row, "ARR gained");
                AssertEstimate(h.GetProperty("costSaved"), row, "Cost to serve saved");
                Assert.Equal("$#,##0", row["NPV"].Style.NumberFormat.Format);
            }
        }
        foreach (var lever in ordered)
        {
            var row = rows.Single(r => r["Order"].GetDouble() == lever.GetProperty("order").GetInt32() && r["Months"].GetDouble() == horizon);
            AssertEstimate(lever.GetProperty("atHorizon").GetProperty("npv"), row, "NPV");
            Assert.Equal(lever.GetProperty("confident").GetBoolean() ? "yes" : "no", row["NPV above zero with confidence"].GetString());
        }
    }

    [Fact]
    public void Growth_sheet_equals_the_report_json()
    {
        using var book = new XLWorkbook(demo.File("xlsx"));
        var rows = Rows(book.Worksheet("Growth-check"));
        var decomposition = demo.Json.RootElement.GetProperty("growth").GetProperty("decomposition");
        AssertEstimate(decomposition.GetProperty("totalChange"), rows.Single(r => r["Part of the change"].GetString() == "total change"), "NPS points");
        AssertEstimate(decomposition.GetProperty("mixEffect"), rows.Single(r => r["Part of the change"].GetString() == "mix"), "NPS points");
        AssertEstimate(decomposition.GetProperty("rateEffect"), rows.Single(r => r["Part of the change"].GetString() == "rate"), "NPS points");
    }

    /// <summary>The cells equal the JSON estimate; one the report does not show (undefined, or the "nothing here" zero) is left blank, never 0.</summary>
    static void AssertEstimate(JsonElement estimate, IReadOnlyDictionary<string, IXLCell> row, string column)
    {
        var bounds = new[] { "value", "lower", "upper" }.Select(f => estimate.GetProperty(f)).ToList();
        if (bounds.Any(b => b.ValueKind == JsonValueKind.String) || bounds.All(b => b.GetDouble() == 0))
        {
            Assert.True(row[column].IsEmpty() && row[$"{column} lower"].IsEmpty() && row[$"{column} upper"].IsEmpty(), $"{column} should be blank");
            return;
        }
        foreach (var (field, suffix) in new[] { ("value", ""), ("lower", " lower"), ("upper", " upper") })
        {
            var expected = estimate.GetProperty(field).GetDouble();
            Assert.Equal(expected, row[column + suffix].GetDouble(), Tolerance(expected));
        }
        Assert.Equal(estimate.GetProperty("n").GetInt64(), (long)row[$"{column} n"].GetDouble());
    }

    /// <summary>The first table of a sheet (from row 1 to the first empty row), each row by its header.</summary>
    static List<IReadOnlyDictionary<string, IXLCell>> Rows(IXLWorksheet sheet)
    {
        var headers = sheet.Row(1).CellsUsed().Select(c => (c.Address.ColumnNumber, Name: c.GetString())).ToList();
        var rows = new List<IReadOnlyDictionary<string, IXLCell>>();
        for (var r = 2; !sheet.Row(r).IsEmpty(); r++)
            rows.Add(headers.ToDictionary(h => h.Name, h => sheet.Cell(r, h.ColumnNumber)));
        return rows;
    }
}
