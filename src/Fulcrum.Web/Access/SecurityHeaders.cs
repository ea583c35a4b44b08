using System.Security.Cryptography;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Fulcrum.Web.Access;

/// <summary>
/// Headers on every response (pages, API, errors, static files): a Content-Security-Policy that runs only this site's
/// scripts (inline ones need the request's nonce, added by <see cref="ScriptNonceTagHelper"/>), no MIME sniffing, no
/// framing, and no referrer sent to other sites.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    const string NonceKey = "fulcrum:csp-nonce";

    public static string Nonce(HttpContext context) => (string)context.Items[NonceKey]!;

    public Task InvokeAsync(HttpContext context)
    {
        // Hex, not base64: '+' and '/' would be HTML-encoded in the attribute while the header keeps them raw.
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // Style attributes stay allowed: the charts set them and they cannot run code.
            headers.ContentSecurityPolicy = $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; " +
                                            "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}

/// <summary>Gives every script element of the pages the request's CSP nonce, so a page's inline call into fulcrum.js runs and injected script does not.</summary>
[HtmlTargetElement("script")]
public sealed class ScriptNonceTagHelper(IHttpContextAccessor accessor) : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (accessor.HttpContext is { } http) output.Attributes.SetAttribute("nonce", SecurityHeaders.Nonce(http));
    }
}
