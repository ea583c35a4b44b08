using ClosedXML.Excel;
using Fulcrum.Data.Store;
using Fulcrum.Reports.Executive.Pdf;

namespace Fulcrum.Cli.Tests.Report;

/// <summary>What the report does when the store lacks data, and when a program it needs is missing.</summary>
public sealed class ReportWithoutDataTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-report-thin-").FullName;
    string Db => Path.Combine(_directory, "thin.duckdb");

    [Fact]
    public void A_shops_report_values_the_repeat_purchase_lever_as_business_case_does_not_renewals()
    {
        Assert.Equal(0, FulcrumApp.Run(["generate", "--kind", "shop", "--accounts", "2000", "--seed", "7", "--db", Db]));
        var output = Path.Combine(_directory, "shop");
        Assert.Equal(0, FulcrumApp.Run(["report", "--format", "html,xlsx", "--out", output, "--db", Db]));
        using var capture = new ConsoleCapture();
        Assert.Equal(0, FulcrumApp.Run(["business-case", "--json", "--out", Path.Combine(_directory, "bc"), "--db", Db]));
        using var businessCase = System.Text.Json.JsonDocument.Parse(capture.Standard);

        var html = File.ReadAllText(Directory.GetFiles(output, "*.html").Single());
        Assert.Contains("Repeat purchases within 180 days of a CSAT answer", html);
        Assert.Contains("Odds of a repeat purchase, lowest vs top level", html);
        Assert.Contains("Move 20% of the last year", html);
        Assert.DoesNotContain("Import renewals, churn and expansion", html);
        Assert.DoesNotContain("what one NPS point is worth", html);
        Assert.DoesNotContain("NaN", html);
        // The same lever and NPV as `fulcrum business-case`: one decision, one computation.
        var npv = businessCase.RootElement.GetProperty("lever").GetProperty("npv").GetProperty("value").GetDouble();
        Assert.Contains(Fulcrum.Analytics.BusinessCase.MoneyFormat.Short(npv), html);
        using var book = new XLWorkbook(Directory.GetFiles(output, "*.xlsx").Single());
        Assert.Equal("Level", book.Worksheet("Levers").Cell(1, 1).GetString());
    }

    [Fact]
    public void A_store_without_outcomes_or_tickets_leaves_those_sections_out_with_a_sentence()
    {
        Assert.Equal(0, FulcrumApp.Run(["generate", "--accounts", "300", "--seed", "7", "--db", Db]));
        using (var store = FulcrumStore.Open(Db))
        {
            store.Execute("DELETE FROM outcomes");
            store.Execute("DELETE FROM tickets");
        }
        var output = Path.Combine(_directory, "out");
        Assert.Equal(0, FulcrumApp.Run(["report", "--format", "html,xlsx", "--out", output, "--db", Db]));

        var html = File.ReadAllText(Path.Combine(output, "cx-value-report-2025Q4.html"));
        Assert.Contains("No renewal outcomes are stored, so churn and expansion cannot be linked to the scores. Import renewals, churn and expansion (`fulcrum import outcomes FILE`)", html);
        Assert.Contains("No support tickets are stored: cost to serve and the contact and effort levers need them", html);
        Assert.Contains("Run `fulcrum themes` to fill this section.", html);
        Assert.DoesNotContain("NaN", html);
        Assert.DoesNotContain("$0 (", html);
        Assert.DoesNotContain("One point of NPS is worth", html);

        using var book = new XLWorkbook(Path.Combine(output, "cx-value-report-2025Q4.xlsx"));
        Assert.StartsWith("No renewal outcomes are stored", book.Worksheet("Levers").Cell(1, 1).GetString());
        var numbers = book.Worksheets.SelectMany(s => s.CellsUsed()).Where(c => c.DataType == XLDataType.Number).Select(c => c.GetDouble());
        Assert.All(numbers, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void A_shop_without_renewals_shows_its_themes_by_comments_never_an_empty_ARR_chart()
    {
        Assert.Equal(0, FulcrumApp.Run(["generate", "--kind", "shop", "--accounts", "600", "--seed", "3", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["themes", "--fast", "--no-impact", "--db", Db]));
        var output = Path.Combine(_directory, "out");
        Assert.Equal(0, FulcrumApp.Run(["report", "--format", "html,pdf", "--out", output, "--db", Db]));

        var html = File.ReadAllText(Path.Combine(output, "cx-value-report-2025Q4.html"));
        var start = html.IndexOf("id=\"themesinthecomments\"", StringComparison.Ordinal);
        Assert.True(start > 0, "the themes section is in the report");
        var section = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
        // No ARR figure to draw: no chart, the reason, and the themes the store has with what customers wrote.
        Assert.DoesNotContain("<svg", section);
        Assert.DoesNotContain("ARR at risk by theme", section);
        Assert.Contains("No theme is valued in money. No churn or ARR at risk", section);
        Assert.Contains("<caption>Themes by the comments that raise them</caption>", section);
        Assert.Contains("<td>problem</td>", section);
        Assert.Contains("in customers' words</h3>", section);
        Assert.Contains("(CSAT ", section);
        Assert.DoesNotContain("NPS not given", section);
        // The summary names what customers complain about instead of saying nothing.
        Assert.Contains("comments by ", html[..start]);

        var pdf = Poppler.Run("pdftotext", "-layout", Path.Combine(output, "cx-value-report-2025Q4.pdf"), "-");
        Assert.Contains("Themes by the comments that raise them", pdf);
        Assert.Contains("No theme is valued in money.", pdf);
    }

    [Fact]
    public void A_company_that_measures_CSAT_only_is_reported_on_CSAT_never_on_an_empty_NPS()
    {
        Assert.Equal(0, FulcrumApp.Run(["generate", "--accounts", "300", "--seed", "7", "--csat-only", "--db", Db]));
        var output = Path.Combine(_directory, "out");
        Assert.Equal(0, FulcrumApp.Run(["report", "--format", "html", "--out", output, "--db", Db]));

        var html = File.ReadAllText(Path.Combine(output, "cx-value-report-2025Q4.html"));
        // The growth-check and the first sentence are about CSAT (1–5, in hundredths), not an NPS nobody was asked.
        Assert.Contains("CSAT in 2025Q4 was ", html);
        Assert.DoesNotContain("NPS in 2025Q4", html);
        Assert.Contains("came from mix", html);
        // Its chart and tables name the metric they show.
        Assert.Contains("CSAT change from 2024Q4 to 2025Q4 split into mix and rate", html);
        Assert.Contains("CSAT by segment, 2024Q4 vs 2025Q4", html);
        Assert.DoesNotContain("points of NPS", html);
        Assert.DoesNotContain("NPS change", html);
        Assert.DoesNotContain("NaN", html);
        Assert.DoesNotContain("-+", html);
        // Every account is "no answer" on NPS: cost to serve by NPS level compares nothing and is left out.
        Assert.DoesNotContain("no answers $", html);
        // The closed loop follows up the dissatisfied answers, not detractors nobody could be.
        Assert.Contains("Run `fulcrum followups sync` to open one for each of the dissatisfied answers (CSAT 1–2)", html);
        Assert.DoesNotContain("detractor answer", html);
    }

    [Fact]
    public void A_shops_follow_ups_are_measured_by_later_CSAT_and_repeat_purchase_never_by_churn()
    {
        Assert.Equal(0, FulcrumApp.Run(["generate", "--kind", "shop", "--accounts", "300", "--seed", "7", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["followups", "sync", "--db", Db]));
        string id;
        using (var store = FulcrumStore.Open(Db))
            id = store.Scalar<string>("SELECT response_id FROM followups ORDER BY response_id LIMIT 1");
        Assert.Equal(0, FulcrumApp.Run(["followups", "assign", id, "--to", "Maya", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["followups", "close", id, "--resolution", "refunded", "--db", Db]));
        var output = Path.Combine(_directory, "shop");
        Assert.Equal(0, FulcrumApp.Run(["report", "--format", "html", "--out", output, "--db", Db]));

        var html = File.ReadAllText(Directory.GetFiles(output, "*.html").Single());
        Assert.Contains("follow-ups on dissatisfied answers (CSAT 1–2)", html);
        Assert.Contains("Repeat purchase within 180 days after a closed follow-up", html);
        Assert.Contains("CSAT of the account&#39;s next answer within 180 days", html);
        Assert.DoesNotContain("churn after a closed follow-up", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("NaN", html);
    }

    [Fact]
    public void Answers_on_a_single_date_leave_the_growth_check_out_with_the_reason_never_NaN()
    {
        Assert.Equal(0, FulcrumApp.Run(["generate", "--accounts", "200", "--years", "2", "--seed", "7", "--csat-only", "--db", Db]));
        // A snapshot, as the IBM Telco data: every answer on one date, so no quarter compared holds any.
        using (var store = FulcrumStore.Open(Db)) store.Execute("UPDATE responses SET responded_at = TIMESTAMP '2022-09-30 12:00:00'");
        var output = Path.Combine(_directory, "out");
        Assert.Equal(0, FulcrumApp.Run(["report", "--format", "html,xlsx", "--out", output, "--db", Db]));

        var html = File.ReadAllText(Path.Combine(output, "cx-value-report-2022Q3.html"));
        Assert.Contains("growth-check needs CSAT answers in both periods; there are none in 2021Q3 (2021-07-01 to 2021-09-30), and all CSAT answers fall on 2022-09-30.", html);
        Assert.DoesNotContain("NaN", html);
        Assert.DoesNotContain("came from mix", html);
        Assert.DoesNotContain("NPS change", html);

        using var book = new XLWorkbook(Path.Combine(output, "cx-value-report-2022Q3.xlsx"));
        Assert.Contains("all CSAT answers fall on 2022-09-30", book.Worksheet("Growth-check").Cell(1, 1).GetString());
        var numbers = book.Worksheets.SelectMany(s => s.CellsUsed()).Where(c => c.DataType == XLDataType.Number).Select(c => c.GetDouble());
        Assert.All(numbers, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void A_future_dated_answer_does_not_choose_the_quarter_and_a_quarter_before_every_answer_is_refused()
    {
        Assert.Equal(0, FulcrumApp.Run(["generate", "--accounts", "100", "--years", "1", "--seed", "3", "--csat-only", "--db", Db]));
        using (var store = FulcrumStore.Open(Db))
        {
            store.Execute("UPDATE responses SET responded_at = TIMESTAMP '2022-09-30 12:00:00'");
            // One mistyped date far ahead, as a copy of the IBM Telco snapshot with a row dated 2030-01-01.
            store.Execute("UPDATE responses SET responded_at = TIMESTAMP '2030-01-01 09:00:00' WHERE response_id = (SELECT MIN(response_id) FROM responses)");
        }
        var output = Path.Combine(_directory, "out");
        Assert.Equal(0, FulcrumApp.Run(["report", "--format", "html", "--out", output, "--db", Db]));
        Assert.Equal(["cx-value-report-2022Q3.html"], Directory.GetFiles(output).Select(Path.GetFileName));
        var html = File.ReadAllText(Path.Combine(output, "cx-value-report-2022Q3.html"));
        Assert.Contains("1 survey answer is dated after today (", html);
        Assert.Contains("the last on 2030-01-01), so the report is of 2022Q3, the latest quarter with answers up to today", html);

        using var capture = new ConsoleCapture();
        Assert.Equal(64, FulcrumApp.Run(["report", "--period", "2019Q1", "--format", "html", "--out", output, "--db", Db]));
        Assert.Contains("No survey answers in or before 2019Q1, so there is nothing to report for it; survey answers fall in 2022Q3 and 2030Q1.", capture.Spectre);
        Assert.False(File.Exists(Path.Combine(output, "cx-value-report-2019Q1.html")));
    }

    [Fact]
    public void A_missing_chromium_is_a_clear_error_saying_how_to_install_it()
    {
        var error = Assert.Throws<ReportRenderException>(() =>
            ReportPdf.WriteAsync("<html></html>", "t", Path.Combine(_directory, "x.pdf"), "/nonexistent/chromium").GetAwaiter().GetResult());
        Assert.Contains("apt-get install chromium", error.Message);
        Assert.Contains("/nonexistent/chromium", error.Message);
    }

    [Fact]
    public void Report_has_help() => Assert.Equal(0, FulcrumApp.Run(["report", "--help"]));

    [Theory]
    [InlineData("--period", "2025Q5")]
    [InlineData("--period", "last")]
    [InlineData("--compare", "decade")]
    [InlineData("--format", "docx")]
    public void Bad_options_are_refused_with_a_usage_error(string option, string value)
    {
        Assert.Equal(0, FulcrumApp.Run(["generate", "--accounts", "100", "--years", "1", "--seed", "3", "--db", Db]));
        Assert.Equal(64, FulcrumApp.Run(["report", option, value, "--db", Db]));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
