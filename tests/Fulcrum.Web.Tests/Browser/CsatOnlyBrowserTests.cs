using Fulcrum.Data.Demo;
using Fulcrum.Web.Tests.Support;
using Microsoft.Playwright;

namespace Fulcrum.Web.Tests.Browser;

/// <summary>The browser app over a company whose survey asks for CSAT only (`generate --csat-only`, 300 accounts).</summary>
public sealed class CsatOnlyBrowserFixture() : BrowserFixture(new TempDemoStore(new DemoCompanyOptions(300, 3, 7, CsatOnly: true)));

/// <summary>A CSAT-only company's dashboard, as its user sees it: CSAT figures and charts, and no NPS figure or NaN anywhere.</summary>
public sealed class CsatOnlyBrowserTests(CsatOnlyBrowserFixture fixture) : IClassFixture<CsatOnlyBrowserFixture>
{
    [Fact]
    public async Task The_overview_and_the_drilldown_show_CSAT_and_no_NPS_figure()
    {
        // Signed in by keyboard like the dashboard tests: a mouse click on the button was lost once on a loaded machine, and
        // the wait for the next page then never ended.
        var (page, errors) = await fixture.SignedInPage();
        await page.GotoAsync(fixture.BaseUrl + "/");

        // The latest-quarter card and the trend are CSAT, on its 1–5 scale; the chart is drawn and its table filled.
        await Assertions.Expect(page.Locator(".card[data-metric=csat]")).ToContainTextAsync("95% CI");
        await Assertions.Expect(page.Locator("#trend-metric option")).ToHaveTextAsync(["CSAT"]);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#trend-chart svg path').length > 6");
        await Assertions.Expect(page.Locator("#trend-table tbody tr")).Not.ToHaveCountAsync(0);
        foreach (var value in await page.Locator("#trend-table tbody td:nth-child(2)").AllInnerTextsAsync())
            Assert.InRange(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture), 1, 5);
        await Assertions.Expect(page.Locator("#hidden")).ToContainTextAsync("Trouble hidden under growth");
        await NoNpsFigureOrNaN(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "csat-only-overview.png"), FullPage = true });

        await page.GotoAsync(fixture.BaseUrl + "/drilldown");
        await Assertions.Expect(page.Locator("#drill-selected")).ToContainTextAsync("All customers: ");
        await Assertions.Expect(page.Locator("#growth-summary")).ToContainTextAsync("mix");
        await Assertions.Expect(page.Locator("#drivers-summary")).ToContainTextAsync("R²");
        // Shares of R² are percentages of R², so each lies within 0–100 %.
        foreach (var share in await page.Locator("#drivers-table tbody td:nth-child(2)").AllInnerTextsAsync())
            Assert.InRange(double.Parse(share.Split('%')[0], System.Globalization.CultureInfo.InvariantCulture), 0, 100);
        await NoNpsFigureOrNaN(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "csat-only-drilldown.png"), FullPage = true });
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_levers_page_offers_the_CSAT_slider_and_lists_the_NPS_sliders_it_leaves_out()
    {
        var (page, errors) = await fixture.SignedInPage();
        await page.GotoAsync(fixture.BaseUrl + "/levers");
        // The business case arrives and fills the table; the CSAT lever's slider stays, the NPS ones are listed with the reason.
        await Assertions.Expect(page.Locator("#levers-table tbody tr")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#slider-lever_size_csat_dissatisfied_to_satisfied")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#slider-lever_size_detractors_to_passive")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#sliders-absent")).ToContainTextAsync("Detractors moved to passive: not offered, no NPS answers on record");
        await Assertions.Expect(page.Locator("#levers-unavailable")).ToContainTextAsync("the store has no NPS answers in the year before any renewal");
        Assert.DoesNotContain("--soft", await page.Locator("main").InnerTextAsync());
        Assert.DoesNotContain("NaN", await page.Locator("main").InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "csat-only-levers.png"), FullPage = true });
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_follow_up_queue_opens_on_dissatisfied_answers_and_measures_later_CSAT_and_churn()
    {
        var (page, errors) = await fixture.SignedInPage();
        await page.GotoAsync(fixture.BaseUrl + "/followups");
        await Assertions.Expect(page.Locator("#no-followups")).ToContainTextAsync("dissatisfied answers (CSAT 1–2)");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Open follow-ups for dissatisfied answers (CSAT 1–2)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("dissatisfied answers (CSAT 1–2)");

        var first = page.Locator("table tbody tr").First;
        var id = (await first.Locator("td").First.InnerTextAsync()).Trim();
        await first.GetByLabel("Owner").FillAsync("Kim Lee");
        await first.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Assign" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{id} assigned to Kim Lee");
        var row = page.Locator("table tbody tr", new PageLocatorOptions { HasText = id });
        await row.GetByLabel("Resolution").FillAsync("Called back");
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Close" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{id} closed");

        // The cards compare later CSAT and churn, each with its interval and n, or say why there is none.
        await Assertions.Expect(page.Locator(".card", new PageLocatorOptions { HasText = "CSAT of the account's next answer within 180 days, closed vs not" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".card", new PageLocatorOptions { HasText = "Churn within 365 days, closed vs not" })).ToContainTextAsync("n = ");
        await Assertions.Expect(page.Locator("#followup-rule")).ToHaveTextAsync("A follow-up opens for each of the dissatisfied answers (CSAT 1–2).");
        await NoNpsFigureOrNaN(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "csat-only-followups.png"), FullPage = true });
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    static async Task NoNpsFigureOrNaN(IPage page)
    {
        var text = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("NaN", text);
        Assert.DoesNotContain("NPS", text);
        Assert.DoesNotContain("Infinity", text);
    }
}
