using System.Text.RegularExpressions;

namespace Fulcrum.Cli.Tests.Report;

/// <summary>The demo company's report in HTML and PDF: complete, accessible, self-contained, paginated.</summary>
public sealed partial class ReportFormatsTests(ReportDemoFixture demo) : IClassFixture<ReportDemoFixture>
{
    static readonly string[] Sections =
    [
        "Executive summary", "NPS, CSAT and CES trends", "Trouble hidden under growth", "Levers to fund", "Themes in the comments", "Initiatives",
        "Reference program", "Follow-ups (closed loop)", "Assumptions and methods", "Data coverage and warnings",
    ];

    [Fact]
    public void Html_has_every_section_with_headings_table_headers_and_chart_alt_text()
    {
        var html = File.ReadAllText(demo.File("html"));
        Assert.Single(Regex.Matches(html, "<h1[ >]"));
        foreach (var section in Sections) Assert.Contains($">{System.Net.WebUtility.HtmlEncode(section)}</h2>", html);
        var tables = Regex.Matches(html, "<table>.*?</table>", RegexOptions.Singleline);
        Assert.True(tables.Count >= 10, $"{tables.Count} tables");
        Assert.All(tables, t => Assert.Contains("<th scope=\"col\">", t.Value));
        Assert.All(tables, t => Assert.Contains("<caption>", t.Value));
        var charts = Regex.Matches(html, "<svg [^>]*>");
        Assert.True(charts.Count >= 6, $"{charts.Count} charts");
        Assert.All(charts, svg => Assert.Matches("role=\"img\" aria-label=\"[^\"]{20,}\"", svg.Value));
    }

    [Fact]
    public void Html_is_self_contained_and_shows_no_undefined_figures()
    {
        var html = File.ReadAllText(demo.File("html"));
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.DoesNotContain("url(", html);
        Assert.DoesNotContain("NaN", html);
        Assert.DoesNotContain("$0 (", html);
        Assert.DoesNotContain("∞", html);
    }

    [Fact]
    public void Summary_states_figures_with_intervals_and_never_heads_with_an_unproven_lever()
    {
        var summary = demo.Json.RootElement.GetProperty("summary").EnumerateArray().ToDictionary(p => p.GetProperty("topic").GetString()!,
            p => p.GetProperty("sentences").EnumerateArray().Select(s => s.GetString()!).ToList());
        Assert.Contains("NPS in 2025Q4 was", summary["How customers feel"][0]);
        Assert.Contains("95% CI", summary["How customers feel"][0]);
        Assert.Contains("One point of NPS is worth", string.Join(" ", summary["What CX is worth"]));
        var levers = summary["Levers to fund"];
        var first = demo.Json.RootElement.GetProperty("levers")[0];
        if (first.GetProperty("confident").GetBoolean()) Assert.DoesNotContain("Not proven", levers[0]);
        else Assert.StartsWith("No lever pays back with confidence", levers[0]);
        Assert.All(levers.Where(l => l.Contains("The NPV interval includes zero", StringComparison.Ordinal)), l => Assert.StartsWith("Not proven", l));
        Assert.Contains(summary.Keys, k => k.StartsWith("Value delivered in 2025Q4 vs 2024Q4", StringComparison.Ordinal));
    }

    [Fact]
    public void Pdf_has_a_title_page_the_summary_next_and_page_numbers_on_every_page()
    {
        var pdf = demo.File("pdf");
        var pages = Poppler.Pages(pdf);
        Assert.InRange(pages, 6, 40);
        var cover = Poppler.PageText(pdf, 1);
        Assert.Contains("CX value report 2025Q4", cover);
        Assert.DoesNotContain("Executive summary", cover);
        Assert.Contains("Executive summary", Poppler.PageText(pdf, 2));
        for (var page = 1; page <= pages; page++)
            Assert.Contains($"page {page} of {pages}", Poppler.PageText(pdf, page));
        var all = Poppler.Run("pdftotext", "-layout", pdf, "-");
        foreach (var section in Sections) Assert.Contains(section, all);
        Assert.DoesNotContain("NaN", all);
    }

    [Fact]
    public void Pdf_pages_render_at_150_dpi()
    {
        var prefix = Path.Combine(demo.Out, "page");
        Poppler.Run("pdftoppm", "-r", "150", "-png", "-f", "2", "-l", "2", demo.File("pdf"), prefix);
        var png = Directory.GetFiles(demo.Out, "page*.png").Single();
        using var stream = File.OpenRead(png);
        var header = new byte[24];
        stream.ReadExactly(header);
        var width = (header[16] << 24) | (header[17] << 16) | (header[18] << 8) | header[19];
        Assert.InRange(width, 1230, 1250); // A4 is 8.27 in wide: 1240 pixels at 150 dpi
    }
}
