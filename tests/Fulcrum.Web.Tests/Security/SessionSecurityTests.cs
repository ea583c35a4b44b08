using System.Net;
using Fulcrum.Web.Access;
using Fulcrum.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fulcrum.Web.Tests.Security;

/// <summary>The web app with a clock the tests move, for session lifetimes and login lockouts.</summary>
public sealed class ClockedWebFactory() : FulcrumWebFactory(new Dictionary<string, string?>(), clock: new ManualClock())
{
    public ManualClock Clock => (ManualClock)Services.GetRequiredService<TimeProvider>();
}

/// <summary>
/// Findings 2, 9 and 10 of the hardening review replayed: a session cookie must stop working after sign-out, disabling and
/// demotion, and after the absolute lifetime however it is renewed; password guessing is throttled; a cookie-authenticated
/// change from a foreign Origin is refused.
/// </summary>
public sealed class SessionSecurityTests(ClockedWebFactory factory) : IClassFixture<ClockedWebFactory>
{
    const string Password = "correct horse battery";

    async Task<BrowserSession> NewUserSession(string username, string role)
    {
        await factory.Services.GetRequiredService<UserStore>().CreateUserAsync(username, Password, role);
        return await BrowserSession.SignInAsync(factory, username, Password);
    }

    /// <summary>The stolen copy of a cookie, used from another client.</summary>
    HttpClient Replaying(string cookie)
    {
        var client = factory.Anonymous();
        client.DefaultRequestHeaders.Add("Cookie", $"fulcrum.auth={cookie}");
        client.DefaultRequestHeaders.Add("Origin", BrowserSession.Origin);
        return client;
    }

    [Fact]
    public async Task Sign_out_ends_the_session_for_every_copy_of_the_cookie()
    {
        using var session = await NewUserSession("out-user", Roles.Viewer);
        var copy = session.SessionCookie!;
        using var thief = Replaying(copy);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/api/me")).StatusCode);

        var signOut = await session.PostFormAsync("/logout", [], tokenFrom: "/");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_session_at_once()
    {
        using var session = await NewUserSession("disabled-user", Roles.Analyst);
        Assert.Equal(HttpStatusCode.OK, (await session.SendAsync(HttpMethod.Post, "/api/followups/sync")).StatusCode);

        await factory.Services.GetRequiredService<UserStore>().UpdateUserAsync("disabled-user", null, null, disabled: true);

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.SendAsync(HttpMethod.Post, "/api/followups/sync")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_demoted_analyst_can_no_longer_change_assumptions()
    {
        using var session = await NewUserSession("demoted-user", Roles.Analyst);
        var change = """{"value": 50}""";
        Assert.Equal(HttpStatusCode.OK, (await session.SendAsync(HttpMethod.Put, "/api/assumptions/cost_per_agent_hour", change)).StatusCode);

        await factory.Services.GetRequiredService<UserStore>().UpdateUserAsync("demoted-user", Roles.Viewer, null, null);

        var after = await session.SendAsync(HttpMethod.Put, "/api/assumptions/cost_per_agent_hour", change);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        // Signing in again gives the new role, which may read but not change.
        using var again = await BrowserSession.SignInAsync(factory, "demoted-user", Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.SendAsync(HttpMethod.Put, "/api/assumptions/cost_per_agent_hour", change)).StatusCode);
    }

    [Fact]
    public async Task A_session_renewed_by_use_still_ends_at_the_absolute_limit()
    {
        using var session = await NewUserSession("busy-user", Roles.Viewer);
        // Used every 5 hours: each use is within the 8-hour idle lifetime and renews the cookie, but 12 hours after
        // sign-in the session ends.
        for (var hours = 5; hours <= 10; hours += 5)
        {
            factory.Clock.Advance(TimeSpan.FromHours(5));
            Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/api/me")).StatusCode);
        }
        factory.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Wrong_passwords_lock_sign_in_even_with_the_right_password_until_the_lockout_passes()
    {
        await factory.Services.GetRequiredService<UserStore>().CreateUserAsync("guessed-user", Password, Roles.Viewer);
        using var attacker = BrowserSession.Open(factory);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await attacker.PostFormAsync("/login", new() { ["Username"] = "guessed-user", ["Password"] = $"guess number {i}" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("wrong", await wrong.Content.ReadAsStringAsync());
        }
        var locked = await attacker.PostFormAsync("/login", new() { ["Username"] = "guessed-user", ["Password"] = Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains("Too many wrong passwords", await locked.Content.ReadAsStringAsync());

        factory.Clock.Advance(TimeSpan.FromMinutes(1.5));
        var accepted = await attacker.PostFormAsync("/login", new() { ["Username"] = "guessed-user", ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Theory]
    [InlineData("/api/followups/sync")]
    [InlineData("/api/admin/intake-secret/rotate")]
    [InlineData("/api/imports")]
    public async Task A_cookie_authenticated_change_from_a_foreign_origin_is_refused(string path)
    {
        using var session = await NewUserSession($"csrf-{path.GetHashCode():x}", Roles.Admin);
        var foreign = await session.SendAsync(HttpMethod.Post, path, origin: "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Contains("https://evil.example", await foreign.Content.ReadAsStringAsync());
        var none = await session.SendAsync(HttpMethod.Post, path, origin: null);
        Assert.Equal(HttpStatusCode.Forbidden, none.StatusCode);
        // From the site's own pages the same request passes the check (and then succeeds or fails on its merits).
        var own = await session.SendAsync(HttpMethod.Post, path);
        Assert.NotEqual(HttpStatusCode.Forbidden, own.StatusCode);
    }

    [Fact]
    public async Task User_names_differing_only_in_case_cannot_both_exist()
    {
        using var admin = await factory.ClientAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/admin/users", Json("""{"username": "casey", "password": "long enough pass", "role": "viewer"}"""))).StatusCode);
        var twin = await admin.PostAsync("/api/admin/users", Json("""{"username": "CASEY", "password": "long enough pass", "role": "admin"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, twin.StatusCode);
        Assert.Contains("already exists", await twin.Content.ReadAsStringAsync());
    }

    static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
