using System.Net;
using Microsoft.Playwright;

namespace Fulcrum.Reports.Executive.Pdf;

/// <summary>A program the report needs is missing; the message says how to install it.</summary>
public sealed class ReportRenderException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Prints the report's HTML to PDF with headless Chromium (Debian's, driven by Playwright; never a downloaded browser):
/// A4, vector charts, a page number on every page. Requests leaving the document are refused, so the PDF shows only what the file holds.
/// </summary>
public static class ReportPdf
{
    public const string DefaultChromium = "/usr/bin/chromium";

    public static async Task WriteAsync(string html, string title, string path, string chromium = DefaultChromium, CancellationToken cancellation = default)
    {
        if (!File.Exists(chromium))
            throw new ReportRenderException($"The PDF is printed by Chromium, which is not at {chromium}. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) " +
                                            "or leave pdf out of --format (html and xlsx need nothing else).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true });
        var page = await browser.NewPageAsync();
        await page.RouteAsync("**/*", route => route.Request.Url.StartsWith("data:", StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync());
        cancellation.ThrowIfCancellationRequested();
        await page.SetContentAsync(html);
        await page.PdfAsync(new PagePdfOptions
        {
            Path = path,
            Format = "A4",
            PrintBackground = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = "<span></span>",
            FooterTemplate = "<div style=\"font-size:8px;width:100%;text-align:center;color:#5b6776\">" + WebUtility.HtmlEncode(title) +
                             " · page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></div>",
            Margin = new Margin { Top = "14mm", Bottom = "18mm", Left = "14mm", Right = "14mm" },
        });
    }
}
