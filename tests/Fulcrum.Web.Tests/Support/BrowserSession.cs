using System.Net;
using System.Text.RegularExpressions;

namespace Fulcrum.Web.Tests.Support;

/// <summary>
/// A signed-in browser without a browser: an HttpClient that keeps cookies, signs in through the login form (with its
/// antiforgery token) and sends this site's Origin on changes, as a browser on the dashboard does.
/// </summary>
public sealed partial class BrowserSession : IDisposable
{
    public const string Origin = "http://localhost";
    readonly CookieContainer _cookies = new();

    BrowserSession(FulcrumWebFactory factory)
    {
        var handler = factory.Server.CreateHandler();
        Client = new HttpClient(new CookieHandler(_cookies, handler)) { BaseAddress = new Uri(Origin) }.WithoutTimeLimit();
    }

    public HttpClient Client { get; }

    /// <summary>The session cookie as the browser holds it (to replay it from elsewhere).</summary>
    public string? SessionCookie => _cookies.GetCookies(new Uri(Origin))["fulcrum.auth"]?.Value;

    /// <summary>A browser that has not signed in.</summary>
    public static BrowserSession Open(FulcrumWebFactory factory) => new(factory);

    public static async Task<BrowserSession> SignInAsync(FulcrumWebFactory factory, string username, string password)
    {
        var session = new BrowserSession(factory);
        var response = await session.PostFormAsync("/login", new() { ["Username"] = username, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {username} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return session;
    }

    /// <summary>Posts a form of <paramref name="path"/> with the antiforgery token of the page at <paramref name="tokenFrom"/> (default: the same path).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string? tokenFrom = null, string? origin = Origin)
    {
        var page = await Client.GetStringAsync(tokenFrom ?? path);
        fields["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        if (origin is not null) request.Headers.Add("Origin", origin);
        return await Client.SendAsync(request);
    }

    /// <summary>A change as the dashboard's scripts send it: JSON, with this site's Origin unless told otherwise.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? origin = Origin)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        if (origin is not null) request.Headers.Add("Origin", origin);
        return Client.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => Client.Dispose();

    /// <summary>Keeps cookies across requests and never follows redirects (the test looks at them).</summary>
    sealed class CookieHandler(CookieContainer cookies, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!.IsAbsoluteUri ? request.RequestUri : new Uri(new Uri(Origin), request.RequestUri);
            if (cookies.GetCookieHeader(uri) is { Length: > 0 } header) request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
                foreach (var cookie in set) cookies.SetCookies(uri, cookie);
            return response;
        }
    }
}
