using System.Globalization;
using Fulcrum.Data.Demo.Shop;
using Fulcrum.Web.Tests.Support;
using Microsoft.Playwright;

namespace Fulcrum.Web.Tests.Browser;

/// <summary>The browser app over an online shop (`generate --kind shop`, 4,000 customers, seed 11): orders and CSAT reviews, no renewals.</summary>
public sealed class ShopBrowserFixture() : BrowserFixture(new TempDemoStore(new ShopCompanyOptions(Customers: 4_000, Seed: 11)));

/// <summary>A shop's dashboard as its user sees it: money from repeat purchases on the Overview, and the rates by score level with their intervals.</summary>
public sealed class ShopBrowserTests(ShopBrowserFixture fixture) : IClassFixture<ShopBrowserFixture>
{
    [Fact]
    public async Task A_shop_sees_what_its_scores_are_worth_in_repeat_orders_with_intervals()
    {
        // Signed in by keyboard through the fixture, as the other browser tests (a lost mouse click once hung one under load).
        var (page, errors) = await fixture.SignedInPage();
        await page.GotoAsync(fixture.BaseUrl + "/");

        // No renewals to lose: the money panel is the repeat purchase, each figure with its 90% interval and n.
        await Assertions.Expect(page.Locator("#repeat-money-cards .card")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#repeat-money-cards .card").First).ToContainTextAsync("Lever NPV over 24 months");
        foreach (var card in await page.Locator("#repeat-money-cards .card").AllInnerTextsAsync())
            Assert.Contains("90% CI", card);
        await Assertions.Expect(page.Locator("#repeat-money-headline")).ToContainTextAsync("lever");
        Assert.Equal(0, await page.Locator("#money-cards").CountAsync());
        await NoNaN(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "shop-overview.png"), FullPage = true });

        // The store has orders: the menu offers the page.
        await Assertions.Expect(page.Locator("nav a[href='/repeat-purchases']")).ToHaveTextAsync("Repeat purchases");
        await page.GotoAsync(fixture.BaseUrl + "/repeat-purchases");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#repeat-chart svg path').length > 6");
        var rows = page.Locator("#repeat-levels tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.First).ToContainTextAsync("dissatisfied");
        // The adjusted rates recover the planted 18% (dissatisfied) and 50% (satisfied) within 6 points.
        Assert.InRange(Rate(await rows.First.Locator("td").Nth(3).InnerTextAsync()), 100 * ShopModel.RepeatRate[0] - 6, 100 * ShopModel.RepeatRate[0] + 6);
        Assert.InRange(Rate(await rows.Last.Locator("td").Nth(3).InnerTextAsync()), 100 * ShopModel.RepeatRate[2] - 6, 100 * ShopModel.RepeatRate[2] + 6);
        await Assertions.Expect(rows.First.Locator("td").Nth(3)).ToContainTextAsync("90% CI");
        await Assertions.Expect(page.Locator("#repeat-cards")).ToContainTextAsync("Odds of ordering again");
        await Assertions.Expect(page.Locator("#repeat-lever-cards .card")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#repeat-lever-cards")).ToContainTextAsync("resamples");
        await Assertions.Expect(page.Locator("#repeat-notes li")).Not.ToHaveCountAsync(0);
        await NoNaN(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "shop-repeat-purchases.png"), FullPage = true });
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    /// <summary>The rate in a cell that reads "18.1%" then its interval.</summary>
    static double Rate(string cell) => double.Parse(cell.Split('%')[0], CultureInfo.InvariantCulture);

    static async Task NoNaN(IPage page)
    {
        var text = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("NaN", text);
        Assert.DoesNotContain("Infinity", text);
        Assert.DoesNotContain("undefined", text);
    }
}
