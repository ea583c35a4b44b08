using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Alerts;

/// <summary>How a webhook delivery is attempted.</summary>
public sealed record WebhookOptions
{
    /// <summary>Time allowed for each attempt (connect, send, response headers). Default 10 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Further attempts after a 5xx response, a timeout or a network error. Default 1. 4xx responses are not retried.</summary>
    public int Retries { get; init; } = 1;

    /// <summary>Pause before a retry. Default 1 s.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);
}

/// <summary>What happened to a webhook delivery. <see cref="Message"/> never contains the URL's credentials or query.</summary>
/// <param name="Succeeded">True when the endpoint answered 2xx.</param>
/// <param name="Attempts">Requests made.</param>
/// <param name="StatusCode">HTTP status of the last response, if any.</param>
/// <param name="Target">The URL, redacted (<see cref="AlertWebhook.Redact"/>).</param>
/// <param name="Message">What happened, in words.</param>
public sealed record WebhookDelivery(bool Succeeded, int Attempts, int? StatusCode, string Target, string Message);

/// <summary>
/// Posts alerts to a user-supplied webhook as a JSON array (the <see cref="Alert"/> records, camelCase), optionally signed:
/// header <c>X-Fulcrum-Signature: sha256=HEX</c>, the lower-case hex HMAC-SHA256 of the exact body bytes with the shared secret
/// (verify by recomputing it over the raw body and comparing in constant time).
/// </summary>
public static class AlertWebhook
{
    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-Fulcrum-Signature";

    /// <summary>Environment variable read by the CLI for the signing secret when --webhook-secret is not given.</summary>
    public const string SecretVariable = "FULCRUM_WEBHOOK_SECRET";

    /// <summary>The JSON body: an array of the alerts.</summary>
    public static string Payload(IReadOnlyList<Alert> alerts) => JsonSerializer.Serialize(alerts, AlertStore.Json);

    /// <summary>"sha256=" and the lower-case hex HMAC-SHA256 of the UTF-8 body under the UTF-8 secret.</summary>
    public static string Sign(string body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    /// <summary>
    /// The URL safe to print: user info, query and fragment replaced by ***, and path segments that look like tokens
    /// (16 or more characters mixing letters and digits, as in chat-tool webhook URLs) replaced by ***.
    /// </summary>
    public static string Redact(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri) return "***";
        var builder = new StringBuilder().Append(url.Scheme).Append("://");
        if (url.UserInfo.Length > 0) builder.Append("***@");
        builder.Append(url.Authority);
        var segments = url.AbsolutePath.Split('/');
        builder.Append(string.Join('/', segments.Select(s => LooksLikeToken(s) ? "***" : s)));
        if (url.Query.Length > 1) builder.Append("?***");
        if (url.Fragment.Length > 1) builder.Append("#***");
        return builder.ToString();
    }

    /// <summary>
    /// Posts <paramref name="alerts"/> to <paramref name="url"/>; retries once (by default) on a 5xx answer, a timeout or a
    /// network error. Never throws for delivery problems: the result says what happened, with the URL redacted.
    /// </summary>
    /// <param name="handler">For tests or proxies; the default is a fresh <see cref="SocketsHttpHandler"/>.</param>
    public static async Task<WebhookDelivery> PostAsync(
        Uri url, IReadOnlyList<Alert> alerts, string? secret, WebhookOptions? options = null, HttpMessageHandler? handler = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(alerts);
        options ??= new WebhookOptions();
        var target = Redact(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            return new WebhookDelivery(false, 0, null, target, $"The webhook URL must be an absolute http or https URL (got {target}).");

        var body = Payload(alerts);
        var signature = string.IsNullOrEmpty(secret) ? null : Sign(body, secret);
        using var client = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: handler is null) { Timeout = Timeout.InfiniteTimeSpan };
        var attempts = 0;
        var maxAttempts = 1 + Math.Max(0, options.Retries);
        int? status = null;
        var problem = "";
        while (attempts < maxAttempts)
        {
            if (attempts > 0) await Task.Delay(options.RetryDelay, cancellationToken).ConfigureAwait(false);
            attempts++;
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(options.Timeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Fulcrum", "1.0"));
                if (signature is not null) request.Headers.TryAddWithoutValidation(SignatureHeader, signature);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
                status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                    return new WebhookDelivery(true, attempts, status, target, $"Posted {alerts.Count} alert(s) to {target} (HTTP {status}).");
                problem = $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
                if (status < 500) break;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                status = null;
                problem = $"no answer within {options.Timeout.TotalSeconds:0.###} s";
            }
            catch (HttpRequestException e)
            {
                status = null;
                problem = Scrub(e.Message, url, target);
            }
        }

        return new WebhookDelivery(false, attempts, status, target,
            $"Posting {alerts.Count} alert(s) to {target} failed after {attempts} attempt(s): {problem}.");
    }

    /// <summary>
    /// Posts the scan's alerts that are not yet reported (<see cref="AlertScanResult.Unreported"/>) and, when the endpoint
    /// accepts them, marks them seen. On failure they stay stored with status new, so the next delivery sends them again.
    /// With nothing to report no request is made.
    /// </summary>
    public static async Task<WebhookDelivery> DeliverAsync(
        FulcrumStore store, AlertScanResult scan, Uri url, string? secret, WebhookOptions? options = null, HttpMessageHandler? handler = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(url);
        var pending = scan.Unreported.Select(r => r.Alert).ToList();
        if (pending.Count == 0)
            return new WebhookDelivery(true, 0, null, Redact(url), $"No new alerts to post to {Redact(url)}.");
        var delivery = await PostAsync(url, pending, secret, options, handler, cancellationToken).ConfigureAwait(false);
        if (delivery.Succeeded) AlertStore.MarkSeen(store, pending.Select(a => a.AlertId), DateTime.UtcNow);
        return delivery;
    }

    static bool LooksLikeToken(string segment) =>
        segment.Length >= 16 && segment.Any(char.IsDigit) && segment.Any(char.IsLetter);

    /// <summary>Removes the raw URL and its secret parts from an exception message, in case a handler put them there.</summary>
    static string Scrub(string message, Uri url, string redacted)
    {
        var text = message.Replace(url.OriginalString, redacted, StringComparison.Ordinal).Replace(url.AbsoluteUri, redacted, StringComparison.Ordinal);
        foreach (var secret in new[] { url.UserInfo, url.Query.TrimStart('?'), WebUtility.UrlDecode(url.UserInfo) })
            if (secret.Length > 0) text = text.Replace(secret, "***", StringComparison.Ordinal);
        return text;
    }
}
