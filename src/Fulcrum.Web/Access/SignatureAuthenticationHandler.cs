using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Fulcrum.Analytics.Alerts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Fulcrum.Web.Access;

/// <summary>
/// Authenticates a webhook post by its <c>X-Fulcrum-Signature: sha256=HEX</c> header: HMAC-SHA256 of the raw body with the
/// intake secret (the same format Fulcrum's own alert webhook sends). A valid signature gives the <see cref="Roles.Intake"/> role only.
/// </summary>
public sealed class SignatureAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IntakeSecret secret)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Header = AlertWebhook.SignatureHeader;
    const string Prefix = "sha256=";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values)) return AuthenticateResult.NoResult();
        var text = values.ToString();
        if (!text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || text.Length != Prefix.Length + 64)
            return AuthenticateResult.Fail("The signature header must be 'sha256=' followed by 64 hex digits.");
        byte[] given;
        try { given = Convert.FromHexString(text.AsSpan(Prefix.Length)); }
        catch (FormatException) { return AuthenticateResult.Fail("The signature is not hexadecimal."); }

        // The body is read here and again by the endpoint, so it is buffered; the signature covers the exact bytes sent.
        Request.EnableBuffering();
        byte[] expected;
        using (var hmac = new HMACSHA256(await secret.KeyAsync()))
        {
            expected = await hmac.ComputeHashAsync(Request.Body, Context.RequestAborted);
        }
        Request.Body.Position = 0;
        if (!CryptographicOperations.FixedTimeEquals(given, expected)) return AuthenticateResult.Fail("The signature does not match the body.");

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "webhook"), new Claim(ClaimTypes.Role, Roles.Intake)], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await Context.AuthenticateAsync(Scheme.Name);
        await Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Invalid signature",
            result.Failure?.Message ?? $"Sign the raw body with HMAC-SHA256 and the intake secret; send it as '{Header}: sha256=HEX'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "A signed webhook may only post survey responses.");
}
