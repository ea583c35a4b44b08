using System.Security.Claims;
using System.Text.Encodings.Web;
using Fulcrum.Web.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Fulcrum.Web.Access;

/// <summary>Authenticates a request by its <c>X-Api-Key</c> header; the key's role becomes the caller's role.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserStore users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AccessOptions.ApiKeyHeader, out var values)) return AuthenticateResult.NoResult();
        var key = values.ToString();
        var info = string.IsNullOrEmpty(key) ? null : await users.FindKeyAsync(key);
        if (info is null) return AuthenticateResult.Fail("Unknown or revoked API key.");
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, $"key:{info.Name}"), new Claim(ClaimTypes.Role, info.Role), new Claim("key_id", info.KeyId)], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Authentication required",
            "Send a valid API key in the X-Api-Key header.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "This API key's role may not use this endpoint.");
}
