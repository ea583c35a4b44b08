using Fulcrum.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Fulcrum.Web.Tests.Browser;

/// <summary>
/// The app on a loopback port (real Kestrel) over a demo company, and Debian's headless Chromium driven by Playwright.
/// Never downloads a browser: a missing /usr/bin/chromium fails the tests with the command that installs it.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string AdminPassword = "browser-test-password";
    readonly TempDemoStore _store;

    public BrowserFixture() : this(new TempDemoStore(1_000)) { }

    /// <summary>The app over <paramref name="store"/> (a company made for the test), which the fixture disposes.</summary>
    protected BrowserFixture(TempDemoStore store) => _store = store;
    WebApplication? _app;
    IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>TestResults/screenshots at the repository root (kept as test artifacts).</summary>
    public static string ScreenshotFolder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Fulcrum.slnx"))) dir = dir.Parent;
            var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing: the browser tests drive Debian's Chromium. Run ./test.sh (it installs it) or `apt-get install -y chromium`.");
        _app = FulcrumWeb.Build([
            "--urls", "http://127.0.0.1:0",
            $"--Fulcrum:Store:Path={_store.Path}",
            $"--Fulcrum:Access:FirstAdminPassword={AdminPassword}",
            // Figures are computed when a page asks; a start-up warm-up would compete with the first tests on a shared 2-core machine.
            "--Fulcrum:Analytics:WarmUp=false",
        ]);
        await _app.StartAsync();
        await FulcrumWeb.EnsureFirstAdminAsync(_app.Services);
        BaseUrl = _app.Urls.First().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(PlaywrightTimeLimits.Launch);
    }

    /// <summary>
    /// A new page signed in as the admin (on its way to a light page), with the page's errors collected: console errors,
    /// uncaught exceptions and responses of 400 and above.
    /// </summary>
    public async Task<(IPage Page, List<string> Errors)> SignedInPage()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        // No time limits: the reference machine is a shared 2-core VM and a page's first figures are computed on demand.
        context.WithoutTimeLimits();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        page.Response += (_, response) => { if (response.Status >= 400) errors.Add($"{response.Status} {response.Url}"); };

        // Sign in on the way to a light page; the Overview is checked (and waited for) by the every-page test.
        await page.GotoAsync(BaseUrl + "/assumptions");
        Assert.EndsWith("/login?ReturnUrl=%2Fassumptions", page.Url);
        // By keyboard: the name field has focus, Tab moves to the password, Enter submits. Wait for the focus first: on a
        // loaded machine typing can start before the page has focused the field, and the keys would go nowhere.
        await Assertions.Expect(page.Locator("#username")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("admin");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(AdminPassword);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(BaseUrl + "/assumptions");
        return (page, errors);
    }

    public IServiceProvider Services => _app!.Services;

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _store.Dispose();
    }
}
