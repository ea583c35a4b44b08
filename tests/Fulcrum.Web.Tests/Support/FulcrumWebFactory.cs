using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Fulcrum.Web.Access;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fulcrum.Web.Tests.Support;

/// <summary>
/// The web app over a temporary demo company, with a known intake secret and one API key per role. Settings given to
/// the constructor override configuration (e.g. a low intake rate limit).
/// </summary>
public class FulcrumWebFactory : WebApplicationFactory<Program>
{
    public const string Secret = "test-intake-secret-0123456789";
    readonly TempDemoStore _store;
    readonly IReadOnlyDictionary<string, string?> _settings;
    readonly Dictionary<string, string> _keys = [];

    public FulcrumWebFactory() : this(new Dictionary<string, string?>()) { }

    protected internal FulcrumWebFactory(IReadOnlyDictionary<string, string?> settings, int accounts = 1_000, TimeProvider? clock = null)
        : this(settings, new TempDemoStore(accounts), clock) { }

    /// <summary>The app over <paramref name="store"/> (a company made for the test: CSAT only, no renewals, …), which it disposes.</summary>
    protected internal FulcrumWebFactory(IReadOnlyDictionary<string, string?> settings, TempDemoStore store, TimeProvider? clock = null)
    {
        _settings = settings;
        _clock = clock;
        _store = store;
    }

    readonly TimeProvider? _clock;

    public string StorePath => _store.Path;

    /// <summary>What the app logged (every level).</summary>
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Fulcrum:Store:Path", _store.Path);
        builder.UseSetting("Fulcrum:Intake:Secret", Secret);
        // Each test computes what it asks for; a background warm-up would only compete for the two cores.
        builder.UseSetting("Fulcrum:Analytics:WarmUp", "false");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace).AddProvider(Logs));
        if (_clock is { } clock) builder.ConfigureServices(services => services.AddSingleton(clock));
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.WithoutTimeLimit();
    }

    /// <summary>An API key with <paramref name="role"/> (created on first use).</summary>
    public async Task<string> KeyAsync(string role)
    {
        if (_keys.TryGetValue(role, out var key)) return key;
        _ = Server; // starts the app
        var created = await Services.GetRequiredService<UserStore>().CreateKeyAsync($"test-{role}", role, "tests");
        return _keys[role] = created.Key;
    }

    public async Task<HttpClient> ClientAsync(string role)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", await KeyAsync(role));
        return client;
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>The signature of <paramref name="body"/> sent at <paramref name="timestamp"/> (unix seconds): HMAC of "TIMESTAMP.BODY".</summary>
    public static string Sign(string body, long timestamp) => Sign(Encoding.UTF8.GetBytes(body), timestamp);

    public static string Sign(byte[] body, long timestamp) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), (byte[])[.. Encoding.ASCII.GetBytes($"{timestamp}."), .. body]));

    /// <summary>A request signed with the intake secret now (or at <paramref name="timestamp"/>).</summary>
    public static HttpRequestMessage Signed(HttpMethod method, string url, string body, string? signature = null, long? timestamp = null) =>
        Signed(method, url, Encoding.UTF8.GetBytes(body), signature, timestamp);

    public static HttpRequestMessage Signed(HttpMethod method, string url, byte[] body, string? signature = null, long? timestamp = null)
    {
        var at = timestamp ?? Now;
        var request = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Fulcrum-Timestamp", at.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-Fulcrum-Signature", signature ?? Sign(body, at));
        return request;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _store.Dispose();
    }
}
