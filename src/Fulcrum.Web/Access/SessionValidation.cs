using System.Globalization;
using System.Security.Claims;
using Fulcrum.Web.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Fulcrum.Web.Access;

/// <summary>
/// Checks a session cookie on every request against the user as stored now: the security stamp (changed by sign-out,
/// disabling, a new role or password), the role and the enabled state must still match, and the session must be younger
/// than <see cref="AccessOptions.AbsoluteSessionLifetime"/> however often it was renewed. Otherwise the cookie is dropped.
/// </summary>
public static class SessionValidation
{
    public const string StampClaim = "fulcrum:stamp";
    public const string StartedClaim = "fulcrum:started";

    public static ClaimsPrincipal Principal(SessionState user, DateTimeOffset now) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.Name, user.Username), new Claim(ClaimTypes.Role, user.Role),
        new Claim(StampClaim, user.Stamp), new Claim(StartedClaim, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
    ], Schemes.Cookie));

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var principal = context.Principal;
        var name = principal?.Identity?.Name;
        var state = name is null ? null : await services.GetRequiredService<UserStore>().SessionAsync(name);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var limit = services.GetRequiredService<IOptions<AccessOptions>>().Value.AbsoluteSessionLifetime;
        var started = long.TryParse(principal?.FindFirstValue(StartedClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;
        var valid = principal is not null && state is { Disabled: false }
                    && state.Stamp == principal.FindFirstValue(StampClaim)
                    && state.Role == principal.FindFirstValue(ClaimTypes.Role)
                    && started is { } s && now - s <= limit && s <= now + TimeSpan.FromMinutes(5);
        if (valid) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(Schemes.Cookie);
    }
}
