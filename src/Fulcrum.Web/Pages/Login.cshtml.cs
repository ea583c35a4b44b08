using System.Security.Claims;
using Fulcrum.Web.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fulcrum.Web.Pages;

/// <summary>Sign-in with user name and password; the session is an HttpOnly, SameSite=Strict cookie.</summary>
public sealed class LoginModel(UserStore users, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var role = string.IsNullOrEmpty(Username) || string.IsNullOrEmpty(Password) ? null : await users.VerifyPasswordAsync(Username, Password);
        if (role is null)
        {
            // The name is logged, never the password.
            logger.LogWarning("Failed sign-in for {User}", Username);
            Error = "The user name or password is wrong.";
            return Page();
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, Username!), new Claim(ClaimTypes.Role, role)], Schemes.Cookie);
        await HttpContext.SignInAsync(Schemes.Cookie, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
