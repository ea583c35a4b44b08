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
