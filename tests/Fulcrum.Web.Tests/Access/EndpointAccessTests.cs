using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Fulcrum.Web.Access;
using Fulcrum.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fulcrum.Web.Tests.Access;

/// <summary>
/// Every endpoint the app maps (read from its EndpointDataSource, so a new route is checked without touching this test)
/// refuses anonymous callers and callers whose role is too low. Only the routes in <see cref="PublicRoutes"/> are public.
/// </summary>
public sealed class EndpointAccessTests(FulcrumWebFactory factory) : IClassFixture<FulcrumWebFactory>
{
    /// <summary>The only routes anyone may call without signing in.</summary>
    static readonly HashSet<string> PublicRoutes = ["/health", "/login"];

    // Who may call an endpoint that needs a policy; each other caller must be refused with 403.
    static readonly Dictionary<string, string[]> Allowed = new()
    {
        [Policies.Viewer] = [Roles.Viewer, Roles.Analyst, Roles.Admin],
        [Policies.Analyst] = [Roles.Analyst, Roles.Admin],
        [Policies.Admin] = [Roles.Admin],
        [Policies.Intake] = [Roles.Intake],
    };

    static readonly string[] Callers = [Roles.Intake, Roles.Viewer, Roles.Analyst, Roles.Admin];

    [Fact]
    public async Task Every_endpoint_refuses_anonymous_callers()
    {
        var endpoints = Endpoints();
        Assert.True(endpoints.Count >= 30, $"expected the app's endpoints, found {endpoints.Count}");
        using var client = factory.Anonymous();
        var failures = new List<string>();
        foreach (var e in endpoints.Where(e => !PublicRoutes.Contains(e.Route)))
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(e.Method), e.Url));
            var refused = response.StatusCode == HttpStatusCode.Unauthorized
                          || response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/login", StringComparison.Ordinal);
            if (!refused) failures.Add($"{e.Method} {e.Url} answered {(int)response.StatusCode} to an anonymous caller");
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Every_endpoint_refuses_callers_whose_role_is_too_low()
    {
        var failures = new List<string>();
        var checkedPairs = 0;
        // Counted back from one start: counted from the clock, a loop that crosses a second boundary would sign two posts
        // alike (the body is empty, the URL is not signed) and the second is refused as a replay (401, not 403).
        var start = FulcrumWebFactory.Now;
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in Callers.Where(r => r != Roles.Intake)) clients[role] = await factory.ClientAsync(role);
        foreach (var e in Endpoints().Where(e => !PublicRoutes.Contains(e.Route)))
        {
            foreach (var caller in Callers.Where(c => !Allowed[e.Policy].Contains(c)))
            {
                HttpResponseMessage response;
                if (caller == Roles.Intake)
                {
                    // A correctly signed request: the signature proves a webhook sender, which is not a user. Each is signed at
                    // its own second, as a sender signs each post: the same signature twice is refused as a replay.
                    using var anonymous = factory.Anonymous();
                    response = await anonymous.SendAsync(FulcrumWebFactory.Signed(new HttpMethod(e.Method), e.Url, "", timestamp: start - checkedPairs));
                }
                else
                {
                    response = await clients[caller].SendAsync(new HttpRequestMessage(new HttpMethod(e.Method), e.Url));
                }
                checkedPairs++;
                if (response.StatusCode != HttpStatusCode.Forbidden)
                    failures.Add($"{e.Method} {e.Url} (needs {e.Policy}) answered {(int)response.StatusCode} to {caller}");
                response.Dispose();
            }
        }
        Assert.Empty(failures);
        Assert.True(checkedPairs >= 40, $"only {checkedPairs} endpoint/role pairs checked");
    }

    [Fact]
    public async Task Public_routes_answer_without_sign_in()
    {
        using var client = factory.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login")).StatusCode);
        // Every public route the app maps is in the allow-list, and nothing else is public.
        Assert.All(Endpoints().Where(e => e.IsAnonymous), e => Assert.Contains(e.Route, PublicRoutes));
    }

    [Fact]
    public async Task Revoked_key_is_refused_at_once()
    {
        var users = factory.Services.GetRequiredService<UserStore>();
        var created = await users.CreateKeyAsync("short-lived", Roles.Viewer, "tests");
        using var client = factory.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", created.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        Assert.True(await users.RevokeKeyAsync(created.Info.KeyId));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Admin_creates_a_user_whose_password_is_stored_hashed()
    {
        using var admin = await factory.ClientAsync(Roles.Admin);
        var response = await admin.PostAsJsonAsync("/api/admin/users", new { username = "ana", password = "correct horse battery", role = "analyst" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var short_ = await admin.PostAsJsonAsync("/api/admin/users", new { username = "bob", password = "short", role = "viewer" });
        Assert.Equal(HttpStatusCode.BadRequest, short_.StatusCode);
        Assert.Contains("password", await short_.Content.ReadAsStringAsync());
        var users = factory.Services.GetRequiredService<UserStore>();
        Assert.Equal(Roles.Analyst, await users.VerifyPasswordAsync("ana", "correct horse battery"));
        Assert.Null(await users.VerifyPasswordAsync("ana", "wrong password!"));
        var stored = await factory.Services.GetRequiredService<Fulcrum.Web.Store.StorePool>()
            .ReadAsync(s => s.Scalar<string>("SELECT password_hash FROM users WHERE username = 'ana'"));
        Assert.DoesNotContain("correct horse", stored);
        Assert.True(stored.Length > 60, "a PBKDF2 hash with salt");
    }

    sealed record EndpointCase(string Method, string Route, string Url, string Policy, bool IsAnonymous);

    List<EndpointCase> Endpoints()
    {
        _ = factory.Server;
        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        var cases = new List<EndpointCase>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var url = Regex.Replace(route, @"\{\*{0,2}([^}:=?]+)[^}]*\}", "x");
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).ToList();
            var policy = policies.Contains(Policies.Admin) ? Policies.Admin
                : policies.Contains(Policies.Analyst) ? Policies.Analyst
                : policies.Contains(Policies.Intake) ? Policies.Intake
                : Policies.Viewer; // explicit viewer, or the fallback policy
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            foreach (var method in methods) cases.Add(new EndpointCase(method, route, url, policy, anonymous));
        }
        return cases;
    }
}
