using Fulcrum.Web.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fulcrum.Web.Pages;

/// <summary>Sign-in with user name and password, throttled; the session is an HttpOnly, SameSite=Strict cookie.</summary>
public sealed class LoginModel(UserStore users, LoginThrottle throttle, TimeProvider clock, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var name = Username ?? "";
        if (throttle.Locked(name, address) is { } wait)
        {
            logger.LogWarning("Sign-in for {User} refused: locked after repeated failures", name);
            Error = $"Too many wrong passwords; try again in {Math.Ceiling(wait.TotalMinutes):N0} minute(s).";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Page();
        }
        var role = string.IsNullOrEmpty(Username) || string.IsNullOrEmpty(Password) ? null : await users.VerifyPasswordAsync(Username, Password);
        var session = role is null ? null : await users.SessionAsync(Username!);
        if (session is null)
        {
            throttle.Failed(name, address);
            // The name is logged, never the password.
            logger.LogWarning("Failed sign-in for {User}", Username);
            Error = "The user name or password is wrong.";
            return Page();
        }
        throttle.Succeeded(name);
        await HttpContext.SignInAsync(Schemes.Cookie, SessionValidation.Principal(session, clock.GetUtcNow()));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
