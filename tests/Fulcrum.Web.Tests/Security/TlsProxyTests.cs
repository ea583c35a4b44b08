using Fulcrum.Web.Access;
using Fulcrum.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fulcrum.Web.Tests.Security;

/// <summary>The app set up for a TLS proxy in front (docs/security.md): the session cookie always Secure.</summary>
public sealed class SecureCookieWebFactory() : FulcrumWebFactory(new Dictionary<string, string?> { ["Fulcrum:Access:SecureCookies"] = "true" });

/// <summary>Finding 13 of the hardening review: behind a TLS proxy the session cookie is marked Secure.</summary>
public sealed class TlsProxyTests(SecureCookieWebFactory factory) : IClassFixture<SecureCookieWebFactory>
{
    [Fact]
    public async Task The_session_cookie_is_Secure_when_configured_for_a_TLS_proxy()
    {
        await factory.Services.GetRequiredService<UserStore>().CreateUserAsync("tls-user", "correct horse battery", Roles.Viewer);
        // Plain HTTP between the proxy and Fulcrum; cookies are sent by hand (a cookie jar would hold Secure ones back).
        using var client = factory.Server.CreateClient().WithoutTimeLimit();
        var page = await client.GetAsync("/login");
        var antiforgery = Assert.Single(page.Headers.GetValues("Set-Cookie"));
        var token = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
                { ["Username"] = "tls-user", ["Password"] = "correct horse battery", ["__RequestVerificationToken"] = token }),
        };
        signIn.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        signIn.Headers.Add("Origin", "http://localhost");
        var response = await client.SendAsync(signIn);
        var session = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("fulcrum.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", session, StringComparison.OrdinalIgnoreCase);
    }
}
