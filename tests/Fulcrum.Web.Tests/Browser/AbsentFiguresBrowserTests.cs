using Fulcrum.Data.Demo;
using Fulcrum.Web.Tests.Support;
using Microsoft.Playwright;

namespace Fulcrum.Web.Tests.Browser;

/// <summary>The browser app over a company without renewals or NPS answers (outcomes cleared, NPS removed).</summary>
public sealed class WithoutOutcomesOrNpsBrowserFixture() : BrowserFixture(new TempDemoStore(new DemoCompanyOptions(300, 3, 7),
    "DELETE FROM outcomes", "UPDATE responses SET nps = NULL"));

/// <summary>
/// The API writes a figure the data cannot give as null beside the estimate's reason; the dashboard's script shows the
/// reason or a dash for it, never the 0 that JavaScript makes of null (Number(null), 100 * null) nor "NaN".
/// </summary>
public sealed class AbsentFiguresBrowserTests(WithoutOutcomesOrNpsBrowserFixture fixture) : IClassFixture<WithoutOutcomesOrNpsBrowserFixture>
{
    [Fact]
    public async Task The_script_shows_the_reason_or_a_dash_for_null_never_0()
    {
        var (page, errors) = await fixture.SignedInPage();
        const string absent = "{ value: null, lower: null, upper: null, n: 0, isDefined: false, reason: 'no answers in 2025-Q4', method: 'no answers in 2025-Q4' }";
        Assert.Equal("not available: no answers in 2025-Q4", await page.EvaluateAsync<string>($"Fulcrum.figure({absent}, v => Fulcrum.num(v))"));
        Assert.Equal("no interval", await page.EvaluateAsync<string>($"Fulcrum.ci({absent})"));
        Assert.Equal(["–", "–", "–"], await page.EvaluateAsync<string[]>("[Fulcrum.num(null), Fulcrum.money(null), Fulcrum.percent(null)]"));
        Assert.Equal(["7.3", "$1,200", "−$5", "40.0%"], await page.EvaluateAsync<string[]>("[Fulcrum.num(7.25), Fulcrum.money(1200), Fulcrum.money(-5), Fulcrum.percent(0.4)]"));
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_overview_and_drilldown_say_what_is_missing_and_show_no_NaN_or_0_for_it()
    {
        var (page, errors) = await fixture.SignedInPage();
        await page.GotoAsync(fixture.BaseUrl + "/");
        // No renewals: the money panel gives the business case's reason instead of cards of $0.
        await Assertions.Expect(page.Locator("#money-cards")).ToContainTextAsync("No money figures: No renewal decisions on record");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#trend-chart svg path').length > 6");
        await Assertions.Expect(page.Locator("#trend-table tbody tr")).Not.ToHaveCountAsync(0);
        var overview = await page.Locator("main").InnerTextAsync();

        await page.GotoAsync(fixture.BaseUrl + "/drilldown");
        await Assertions.Expect(page.Locator("#growth-summary")).ToContainTextAsync("mix");
        await Assertions.Expect(page.Locator("#drivers-summary")).ToContainTextAsync("R²");
        var drilldown = await page.Locator("main").InnerTextAsync();

        foreach (var text in new[] { overview, drilldown })
        {
            Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
            Assert.DoesNotContain("$0 ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("null", text, StringComparison.Ordinal);
        }
        // The 422s of figures the data cannot give are expected; a script error is not.
        Assert.DoesNotContain(errors, e => !e.StartsWith("422 ", StringComparison.Ordinal) && !e.Contains("status of 422", StringComparison.Ordinal));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "without-outcomes-or-nps-drilldown.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
