using System.Net;
using System.Net.Http.Json;
using Fulcrum.Web.Access;
using Fulcrum.Web.Api;
using Fulcrum.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fulcrum.Web.Tests.Access;

/// <summary>Passwords, API keys and the intake secret never appear in the app's logs, whatever happens to the request.</summary>
public sealed class SecretsInLogsTests(FulcrumWebFactory factory) : IClassFixture<FulcrumWebFactory>
{
    [Fact]
    public async Task No_secret_reaches_the_logs()
    {
        const string password = "Correct-Horse-Battery-42";
        var users = factory.Services.GetRequiredService<UserStore>();
        await users.CreateUserAsync("logcheck", password, Roles.Viewer);
        var key = await factory.KeyAsync(Roles.Admin);

        using var admin = await factory.ClientAsync(Roles.Admin);
        var created = await (await admin.PostAsJsonAsync("/api/admin/keys", new { name = "log-key", role = "viewer" })).Content.ReadFromJsonAsync<CreatedApiKey>();
        var secret = (await (await admin.GetAsync("/api/admin/intake-secret")).Content.ReadFromJsonAsync<IntakeSecretInfo>())!.Secret;

        using var anonymous = factory.Anonymous();
        // A wrong password, a revoked key, a bad signature, a malformed body: the paths that log warnings.
        await users.VerifyPasswordAsync("logcheck", password + "x");
        await admin.PostAsJsonAsync("/api/admin/users", new { username = "logcheck", password, role = "viewer" });
        await users.RevokeKeyAsync(created!.Info.KeyId);
        using (var revoked = factory.Anonymous())
        {
            revoked.DefaultRequestHeaders.Add("X-Api-Key", created.Key);
            Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync("/api/me")).StatusCode);
        }
        await anonymous.SendAsync(FulcrumWebFactory.Signed(HttpMethod.Post, "/api/intake/responses", "{}", "sha256=" + new string('0', 64)));
        await anonymous.SendAsync(FulcrumWebFactory.Signed(HttpMethod.Post, "/api/intake/responses", "{not json"));

        Assert.NotEmpty(factory.Logs.Lines);
        foreach (var line in factory.Logs.Lines)
        {
            Assert.DoesNotContain(password, line);
            Assert.DoesNotContain(key, line);
            Assert.DoesNotContain(created.Key, line);
            Assert.DoesNotContain(secret, line);
            Assert.DoesNotContain(FulcrumWebFactory.Secret, line);
        }
    }
}
