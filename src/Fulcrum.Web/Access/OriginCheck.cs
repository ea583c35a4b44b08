using Fulcrum.Web.Api;
using Fulcrum.Web.Options;
using Microsoft.Extensions.Options;

namespace Fulcrum.Web.Access;

/// <summary>
/// Cross-site request forgery beyond SameSite cookies: a change (POST, PUT, PATCH, DELETE) that a browser could send
/// with the session cookie must come from this site's own pages. Its Origin (or, without one, its Referer) must be this
/// server's origin or one of <see cref="AccessOptions.AllowedOrigins"/>; a cookie-carrying change with neither is refused
/// too. Requests with an API key or a webhook signature carry no ambient credential and are not checked.
/// </summary>
public sealed class OriginCheck(RequestDelegate next, IOptions<AccessOptions> options)
{
    public const string CookieName = "fulcrum.auth";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || request.Headers.ContainsKey(AccessOptions.ApiKeyHeader) || request.Headers.ContainsKey(SignatureAuthenticationHandler.Header))
        {
            await next(context);
            return;
        }
        var origin = request.Headers.Origin.ToString() is { Length: > 0 } o ? o : OriginOf(request.Headers.Referer.ToString());
        var own = $"{request.Scheme}://{request.Host}";
        var refused = origin is null
            ? request.Cookies.ContainsKey(CookieName)
            : !string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
              && !options.Value.AllowedOrigins.Contains(origin.TrimEnd('/'), StringComparer.OrdinalIgnoreCase);
        if (refused)
        {
            await Problems.WriteAsync(context, StatusCodes.Status403Forbidden, "Cross-site request refused",
                origin is null
                    ? "A signed-in change must carry an Origin header from this site's pages."
                    : $"A signed-in change must come from this site's pages, not from {origin}.");
            return;
        }
        await next(context);
    }

    static string? OriginOf(string referer) =>
        Uri.TryCreate(referer, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}
