using Microsoft.Playwright;

namespace Fulcrum.Web.Tests.Browser;

/// <summary>A person's path through the dashboard in headless Chromium: sign in by keyboard, open every page, drill down.</summary>
public sealed class DashboardBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>Every page of the menu, plus Admin for admins.</summary>
    static readonly string[] Pages = [.. Fulcrum.Web.Pages.NavItems.Visible.Select(n => n.Href), "/admin"];

    /// <summary>Waits until ECharts has drawn the chart's series (axes alone are a handful of paths).</summary>
    static Task Drawn(IPage page, string chart) =>
        page.WaitForFunctionAsync($"() => document.querySelectorAll('{chart} svg path').length > 6");

    static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });

    [Fact]
    public async Task Wrong_password_keeps_the_user_out()
    {
        var page = (await fixture.Browser.NewPageAsync()).WithoutTimeLimits();
        await page.GotoAsync(fixture.BaseUrl + "/login");
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", "not the password");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("wrong");
        await Shot(page, "login-refused");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Every_page_opens_with_its_figures_and_no_script_error()
    {
        var (page, errors) = await fixture.SignedInPage();
        foreach (var path in Pages)
        {
            var response = await page.GotoAsync(fixture.BaseUrl + path);
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
            if (path == "/")
            {
                // The trend chart draws its line and band from /api/metrics; its table repeats the figures.
                await Drawn(page, "#trend-chart");
                await Assertions.Expect(page.Locator("#trend-table tbody tr")).Not.ToHaveCountAsync(0);
                await Assertions.Expect(page.Locator(".card").First).ToContainTextAsync("95% CI");
                // Money at risk comes from the business case's linkage models.
                await Assertions.Expect(page.Locator("#money-cards")).ToContainTextAsync("ARR expected to churn");
            }
            if (path == "/drilldown")
            {
                await Drawn(page, "#drill-chart");
                await Drawn(page, "#growth-chart");
                await Assertions.Expect(page.Locator("#growth-summary")).ToContainTextAsync("mix");
            }
            if (path == "/repeat-purchases")
            {
                // A company that renews has no orders: the page says what repeat purchases apply to, and draws nothing.
                await Assertions.Expect(page.Locator("#no-orders")).ToContainTextAsync("sells by order");
                Assert.Equal(0, await page.Locator("#repeat-chart").CountAsync());
            }
            Assert.Equal(0, await page.Locator(".message.error").CountAsync());
            await Shot(page, path == "/" ? "overview" : path.Trim('/').Replace('/', '-'));
        }
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Clicking_a_segment_drills_into_it()
    {
        var (page, errors) = await fixture.SignedInPage();
        await page.GotoAsync(fixture.BaseUrl + "/drilldown");
        var nodes = page.Locator("#drill-tree button.node");
        await Assertions.Expect(nodes.Nth(1)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#drill-selected")).ToContainTextAsync("All customers");
        var segment = (await nodes.Nth(1).TextContentAsync())!.Split(':')[0];
        await nodes.Nth(1).ClickAsync();
        await Assertions.Expect(page.Locator("#drill-selected")).ToContainTextAsync(" = " + segment);
        await Assertions.Expect(page.Locator("#drill-selected")).ToContainTextAsync("95% CI");
        // Keyboard too: focus the root and press Enter to fold it.
        await nodes.First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(nodes.First).ToHaveAttributeAsync("aria-expanded", "false");
        await Shot(page, "drilldown-clicked");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task An_analyst_edits_an_assumption_and_uploads_a_file()
    {
        var (page, errors) = await fixture.SignedInPage();
        await page.GotoAsync(fixture.BaseUrl + "/assumptions");
        var field = page.GetByLabel("Value of followup_sla_days");
        await field.FillAsync("5");
        await field.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("followup_sla_days is now 5");
        await Assertions.Expect(page.GetByLabel("Value of followup_sla_days")).ToHaveValueAsync("5");
        await Shot(page, "assumption-edited");

        var csv = Path.Combine(Path.GetTempPath(), $"upload-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, "account_id,name,segment,region,created_at\nNEW-1,New One,SMB,EMEA,2024-01-05\nNEW-2,Bad Date,SMB,EMEA,not-a-date\n");
        try
        {
            await page.GotoAsync(fixture.BaseUrl + "/data");
            await page.SelectOptionAsync("#table", "accounts");
            await page.SetInputFilesAsync("#file", csv);
            await page.ClickAsync("form[enctype] button[type=submit]");
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Nothing was imported");
            await Assertions.Expect(page.Locator("#upload-result")).ToContainTextAsync("rejected");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("not-a-date");
            await Shot(page, "upload-rejected");
        }
        finally
        {
            File.Delete(csv);
        }
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_form_post_without_its_antiforgery_token_is_refused()
    {
        var (page, _) = await fixture.SignedInPage();
        // The session cookie alone is not enough to change anything: without a site Origin the Origin check refuses it (403),
        // and even with one (a forged Origin) the missing antiforgery token does (400).
        var form = page.APIRequest.CreateFormData().Set("name", "gross_margin").Set("value", "0.1");
        var response = await page.APIRequest.PostAsync(fixture.BaseUrl + "/assumptions", new APIRequestContextOptions { Form = form, Timeout = 0 });
        Assert.Equal(403, response.Status);
        response = await page.APIRequest.PostAsync(fixture.BaseUrl + "/assumptions",
            new APIRequestContextOptions { Form = form, Timeout = 0, Headers = new Dictionary<string, string> { ["Origin"] = fixture.BaseUrl } });
        Assert.Equal(400, response.Status);
        await page.GotoAsync(fixture.BaseUrl + "/assumptions");
        await Assertions.Expect(page.GetByLabel("Value of gross_margin")).Not.ToHaveValueAsync("0.1");
    }

    [Fact]
    public async Task Moving_a_lever_slider_reprices_the_levers()
    {
        var (page, errors) = await fixture.SignedInPage();
        await page.GotoAsync(fixture.BaseUrl + "/levers");
        var row = page.Locator("#levers-table tbody tr", new PageLocatorOptions { HasText = "detractors to passive" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        var npvBefore = await row.Locator("td.npv").InnerTextAsync();
        // The share of resamples with a positive NPV stands beside the NPV (the rank rests on it when intervals tie).
        await Assertions.Expect(row.Locator("td").Nth(6)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{1,3}%$"));
        await Shot(page, "levers");

        // By keyboard: focus the slider and step it up; the table is re-priced from /api/business-case/revalue.
        var slider = page.GetByLabel("Detractors moved to passive");
        await slider.FocusAsync();
        for (var i = 0; i < 15; i++) await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.Locator("#out-lever_size_detractors_to_passive")).ToHaveTextAsync("35%");
        // Several re-pricings may run while the keys are pressed; the last one (35%) wins and its NPV differs.
        await Assertions.Expect(row).ToContainTextAsync("Move 35% of detractors to passive");
        Assert.NotEqual(npvBefore, await row.Locator("td.npv").InnerTextAsync());
        await Shot(page, "levers-slider-moved");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_follow_up_queue_is_opened_assigned_and_closed()
    {
        var (page, errors) = await fixture.SignedInPage();
        await page.GotoAsync(fixture.BaseUrl + "/followups");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Open follow-ups for detractor answers" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("detractor answer");
        var first = page.Locator("table tbody tr").First;
        var id = (await first.Locator("td").First.InnerTextAsync()).Trim();

        await first.GetByLabel("Owner").FillAsync("Kim Lee");
        await first.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Assign" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{id} assigned to Kim Lee");

        var row = page.Locator("table tbody tr", new PageLocatorOptions { HasText = id });
        await row.GetByLabel("Resolution").FillAsync("Called back; export fixed");
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Close" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{id} closed");
        await Shot(page, "followups-worked");
        // Closed cases sort last; the filter finds it.
        await page.SelectOptionAsync("#status", "closed");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.Locator("table tbody tr", new PageLocatorOptions { HasText = id })).ToContainTextAsync("Called back; export fixed");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Themes_are_discovered_and_a_theme_shows_its_trend_and_comments()
    {
        var (page, errors) = await fixture.SignedInPage();
        await page.GotoAsync(fixture.BaseUrl + "/themes");
        if (await page.Locator("button.theme").CountAsync() == 0)
        {
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Run theme discovery" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("themes in");
        }
        var themes = page.Locator("button.theme");
        await Assertions.Expect(themes.First).ToBeVisibleAsync();
        await themes.Nth(1).ClickAsync();
        await Assertions.Expect(page.Locator("#theme-title")).ToContainTextAsync(await themes.Nth(1).InnerTextAsync());
        await Assertions.Expect(page.Locator("#theme-verbatims li q").First).ToBeVisibleAsync();
        await Drawn(page, "#theme-chart");
        await Shot(page, "themes");
        Assert.Empty(errors);
    }
}
