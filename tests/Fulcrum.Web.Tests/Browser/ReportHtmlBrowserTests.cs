using Fulcrum.Analytics.Facts;
using Fulcrum.Data.Store;
using Fulcrum.Reports.Executive;
using Fulcrum.Reports.Executive.Html;
using Fulcrum.Reports.Executive.Model;
using Fulcrum.Web.Tests.Support;
using Microsoft.Playwright;

namespace Fulcrum.Web.Tests.Browser;

/// <summary>The report's HTML opened in Debian's headless Chromium: it makes no request beyond its own file and passes an
/// accessibility check of its headings, table headers and chart alt text.</summary>
public sealed class ReportHtmlBrowserTests : IAsyncLifetime
{
    readonly TempDemoStore _store = new(600);
    readonly TempFolder _folder = new();
    IPlaywright? _playwright;
    IBrowser? _browser;
    string _file = "";

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath))
            throw new InvalidOperationException($"{BrowserFixture.ChromiumPath} is missing. Run ./test.sh (it installs it) or `apt-get install -y chromium`.");
        using (var store = FulcrumStore.Open(_store.Path))
        {
            var report = ExecutiveReportBuilder.Build(new AnalysisFacts(store), new ReportRequest(), "test");
            _file = Path.Combine(_folder.Path, "report.html");
            await File.WriteAllTextAsync(_file, ReportHtml.Render(report));
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(PlaywrightTimeLimits.Launch);
    }

    [Fact]
    public async Task The_report_makes_no_request_beyond_its_own_file()
    {
        var page = (await _browser!.NewPageAsync()).WithoutTimeLimits();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync(new Uri(_file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal([new Uri(_file).AbsoluteUri], requests);
        Assert.True(await page.Locator("svg").CountAsync() >= 4);
    }

    [Fact]
    public async Task Headings_table_headers_and_chart_alt_text_pass_an_accessibility_check()
    {
        var page = (await _browser!.NewPageAsync()).WithoutTimeLimits();
        await page.GotoAsync(new Uri(_file).AbsoluteUri);
        var problems = await page.EvaluateAsync<string[]>("""
            () => {
              const problems = [];
              if (!document.documentElement.lang) problems.push('no lang on <html>');
              if (!document.title) problems.push('no <title>');
              const headings = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')];
              if (headings.filter(h => h.tagName === 'H1').length !== 1) problems.push('not exactly one h1');
              let level = 0;
              for (const h of headings) {
                const l = +h.tagName[1];
                if (l > level + 1) problems.push(`heading skips a level: ${h.tagName} "${h.textContent}"`);
                if (!h.textContent.trim()) problems.push(`empty ${h.tagName}`);
                level = l;
              }
              for (const t of document.querySelectorAll('table')) {
                if (!t.querySelector('caption')) problems.push('table without caption');
                const ths = t.querySelectorAll('thead th[scope=col]');
                if (ths.length === 0 || ths.length !== t.querySelector('thead tr').children.length) problems.push(`table without column headers: ${t.caption?.textContent}`);
              }
              for (const s of document.querySelectorAll('svg')) {
                if (s.getAttribute('role') !== 'img' || (s.getAttribute('aria-label') || '').length < 20 || !s.querySelector('title')) problems.push('chart without alt text');
              }
              for (const i of document.querySelectorAll('img')) if (!i.alt) problems.push('img without alt');
              return problems;
            }
            """);
        Assert.Empty(problems);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _folder.Dispose();
        _store.Dispose();
    }
}
