using System.Security.Claims;
using Fulcrum.Web.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fulcrum.Web.Api;

public sealed record Me(string Name, string Role);
public sealed record Health(string Status);

/// <summary>Health (public), who am I, and sign-out.</summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => TypedResults.Ok(new Health("ok"))).WithName("GetHealth").WithTags("Health")
            .WithSummary("Liveness; public.").AllowAnonymous();
        app.MapGet("/api/me", GetMe).WithName("GetMe").WithTags("Account").RequireAuthorization(Policies.Viewer)
            .WithSummary("The caller's name and role.");
        app.MapPost("/logout", Logout).WithName("Logout").WithTags("Account").RequireAuthorization(Policies.Viewer)
            .WithSummary("Ends the user's browser sessions.");
        return app;
    }

    public static Ok<Me> GetMe(ClaimsPrincipal user) =>
        TypedResults.Ok(new Me(user.Identity?.Name ?? "?", user.FindFirstValue(ClaimTypes.Role) ?? "?"));

    public static async Task<RedirectHttpResult> Logout(HttpContext context, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery)
    {
        // The sign-out form carries an antiforgery token; a cross-site post cannot sign a user out.
        await antiforgery.ValidateRequestAsync(context);
        // Every session of the user ends, not only this cookie: a copied cookie stops working too.
        if (context.User.Identity?.Name is { } name && context.User.Identities.Any(i => i.AuthenticationType == Schemes.Cookie))
            await context.RequestServices.GetRequiredService<UserStore>().RevokeSessionsAsync(name);
        await context.SignOutAsync(Schemes.Cookie);
        return TypedResults.Redirect("/login");
    }
}
