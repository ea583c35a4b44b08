using Microsoft.Playwright;

namespace Fulcrum.Web.Tests.Browser;

/// <summary>
/// Playwright's waits without a time limit (0 = none). Its defaults (30 s an action, 5 s an assertion) and even generous
/// ones (2 minutes) failed the theme-discovery tests on a loaded 2-core machine with nothing wrong: a page's first figures
/// are computed on demand. A page that never shows what the test waits for hangs the test, which the run reports.
/// </summary>
public static class PlaywrightTimeLimits
{
    static PlaywrightTimeLimits() => Assertions.SetDefaultExpectTimeout(0);

    /// <summary>Launch options for Debian's Chromium that wait for it however long it takes to start.</summary>
    public static BrowserTypeLaunchOptions Launch => new() { ExecutablePath = BrowserFixture.ChromiumPath, Headless = true, Timeout = 0 };

    public static IBrowserContext WithoutTimeLimits(this IBrowserContext context)
    {
        context.SetDefaultTimeout(0);
        context.SetDefaultNavigationTimeout(0);
        return context;
    }

    public static IPage WithoutTimeLimits(this IPage page)
    {
        page.SetDefaultTimeout(0);
        page.SetDefaultNavigationTimeout(0);
        return page;
    }
}
