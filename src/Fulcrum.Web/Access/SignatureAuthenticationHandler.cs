using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Fulcrum.Analytics.Alerts;
using Fulcrum.Web.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Fulcrum.Web.Access;

/// <summary>
/// Authenticates a webhook post by <c>X-Fulcrum-Timestamp: UNIX-SECONDS</c> and <c>X-Fulcrum-Signature: sha256=HEX</c>,
/// the HMAC-SHA256 with the intake secret of <c>TIMESTAMP + "." + raw body</c>. The timestamp must be within
/// <see cref="IntakeOptions.SignatureTolerance"/> of the server's clock and each signature is accepted once
/// (<see cref="ReplayCache"/>), so a captured post cannot be replayed. A valid signature gives the <see cref="Roles.Intake"/> role only.
/// </summary>
public sealed class SignatureAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IntakeSecret secret,
    ReplayCache replays, TimeProvider clock, IOptions<IntakeOptions> intake)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Header = AlertWebhook.SignatureHeader;
    public const string TimestampHeader = "X-Fulcrum-Timestamp";
    const string Prefix = "sha256=";
    const string BodyKey = "fulcrum:signed-body";

    /// <summary>The body the signature covered, read once (within the intake's size limit) by this handler.</summary>
    public static byte[] SignedBody(HttpContext context) => (byte[])context.Items[BodyKey]!;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values)) return AuthenticateResult.NoResult();
        var text = values.ToString();
        if (!text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || text.Length != Prefix.Length + 64)
            return AuthenticateResult.Fail("The signature header must be 'sha256=' followed by 64 hex digits.");
        byte[] given;
        try { given = Convert.FromHexString(text.AsSpan(Prefix.Length)); }
        catch (FormatException) { return AuthenticateResult.Fail("The signature is not hexadecimal."); }
        if (!long.TryParse(Request.Headers[TimestampHeader].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > 253402300799)
            return AuthenticateResult.Fail($"Send the time of signing as '{TimestampHeader}: UNIX-SECONDS' and sign TIMESTAMP + \".\" + body.");
        var tolerance = intake.Value.SignatureTolerance;
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if ((clock.GetUtcNow() - signedAt).Duration() > tolerance)
            return AuthenticateResult.Fail($"The signature's timestamp is more than {tolerance.TotalMinutes:N0} minutes from the server's clock; sign each post when sending it.");

        // The body is read here, once, within the intake's size limit (RequestScreening), and kept for the endpoint.
        using var buffer = new MemoryStream();
        await Request.Body.CopyToAsync(buffer, Context.RequestAborted);
        var body = buffer.ToArray();
        var prefix = System.Text.Encoding.ASCII.GetBytes(seconds.ToString(CultureInfo.InvariantCulture) + ".");
        var expected = HMACSHA256.HashData(await secret.KeyAsync(), (byte[])[.. prefix, .. body]);
        if (!CryptographicOperations.FixedTimeEquals(given, expected)) return AuthenticateResult.Fail("The signature does not match the timestamp and body.");
        if (!replays.TryUse(Convert.ToHexString(given), signedAt + tolerance))
            return AuthenticateResult.Fail("This signed post was already received; a retry must be signed again with a new timestamp.");
        Context.Items[BodyKey] = body;

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "webhook"), new Claim(ClaimTypes.Role, Roles.Intake)], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await Context.AuthenticateAsync(Scheme.Name);
        await Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Invalid signature",
            result.Failure?.Message ?? $"Sign TIMESTAMP + \".\" + raw body with HMAC-SHA256 and the intake secret; send '{TimestampHeader}: TIMESTAMP' and '{Header}: sha256=HEX'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "A signed webhook may only post survey responses.");
}
