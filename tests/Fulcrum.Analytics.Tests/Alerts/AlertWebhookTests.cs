using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Fulcrum.Analytics.Alerts;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Tests.Alerts;

/// <summary>Posting, signing, retrying and redaction, against a local <see cref="WebhookReceiver"/>.</summary>
public sealed class AlertWebhookTests
{
    // No time limit on an answer (a loaded machine can be slow to answer on loopback); a short pause between attempts.
    static readonly WebhookOptions Fast = new() { Timeout = Timeout.InfiniteTimeSpan, RetryDelay = TimeSpan.FromMilliseconds(20) };

    static readonly Alert[] Alerts =
    [
        Sample("Enterprise", ShiftDirection.Down, "Enterprise NPS fell to 31.2 (95% CI 28.0–34.4, n=812) in 2025-Q3; its EWMA …"),
        Sample("Mid-Market", ShiftDirection.Up, "Mid-Market NPS rose to 58.1 (95% CI 55.0–61.2, n=1,702) in 2024-Q4; its EWMA …"),
    ];

    static Alert Sample(string group, ShiftDirection direction, string evidence) => new(
        AlertScan.AlertIdFor("nps", "segment", group, "2025-Q3", AlertMethod.Ewma, direction), "nps", "segment", group,
        new DateOnly(2025, 7, 1), "2025-Q3", AlertMethod.Ewma, direction, 31.2, 28.0, 34.4, 812, 42.0, 33.9, 35.1, null, evidence,
        new AlertDetail(42.0, 0.8, "2023-Q1", "2023-Q4", 4, 1.63, new Dictionary<string, double> { ["lambda"] = 0.2, ["L"] = 3 }, "NPS, trinomial variance"));

    [Fact]
    public void Signature_is_the_hex_hmac_sha256_of_the_body()
    {
        // RFC 4231, test case 2.
        Assert.Equal("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            AlertWebhook.Sign("what do ya want for nothing?", "Jefe"));
    }

    [Fact]
    public async Task Posts_the_alerts_as_a_signed_json_array()
    {
        using var receiver = new WebhookReceiver();

        var delivery = await AlertWebhook.PostAsync(receiver.Url, Alerts, "s3cret-key", Fast);

        Assert.True(delivery.Succeeded, delivery.Message);
        Assert.Equal((1, 200), (delivery.Attempts, delivery.StatusCode));
        var request = Assert.Single(receiver.Requests);
        Assert.Equal(("POST", "/hooks/fulcrum"), (request.Method, request.Path));
        Assert.StartsWith("application/json", request.ContentType);
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData("s3cret-key"u8.ToArray(), Encoding.UTF8.GetBytes(request.Body))), request.Signature);

        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        var first = json.RootElement[0];
        Assert.Equal(Alerts[0].AlertId, first.GetProperty("alertId").GetString());
        Assert.Equal("down", first.GetProperty("direction").GetString());
        Assert.Equal("ewma", first.GetProperty("method").GetString());
        Assert.Equal("2025-07-01", first.GetProperty("period").GetString());
        Assert.Equal(Alerts[0].Evidence, first.GetProperty("evidence").GetString());
        Assert.Equal(42.0, first.GetProperty("expected").GetDouble());
        Assert.Equal(0.2, first.GetProperty("detail").GetProperty("parameters").GetProperty("lambda").GetDouble());
    }

    [Fact]
    public async Task Without_a_secret_no_signature_is_sent()
    {
        using var receiver = new WebhookReceiver();

        var delivery = await AlertWebhook.PostAsync(receiver.Url, Alerts, secret: null, Fast);

        Assert.True(delivery.Succeeded);
        Assert.Null(Assert.Single(receiver.Requests).Signature);
    }

    [Fact]
    public async Task A_server_error_is_retried_once()
    {
        using var receiver = new WebhookReceiver(503, 200);

        var delivery = await AlertWebhook.PostAsync(receiver.Url, Alerts, "k", Fast);

        Assert.True(delivery.Succeeded, delivery.Message);
        Assert.Equal(2, delivery.Attempts);
        Assert.Equal(2, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.Body).Distinct());
    }

    [Fact]
    public async Task A_timeout_is_retried_once()
    {
        // The timeout is the behaviour under test, so this test has one. The first answer never comes (held until the
        // receiver stops), so the first attempt times out however fast the machine; the limit is long enough that the
        // immediate second answer arrives in time on a machine kept busy by `stress --cpu 4` (it costs a wait, not CPU).
        using var receiver = new WebhookReceiver([(200, Timeout.InfiniteTimeSpan), (200, TimeSpan.Zero)]);

        var delivery = await AlertWebhook.PostAsync(receiver.Url, Alerts, "k", Fast with { Timeout = TimeSpan.FromSeconds(15) });

        Assert.True(delivery.Succeeded, delivery.Message);
        Assert.Equal(2, delivery.Attempts);
    }

    [Fact]
    public async Task Repeated_server_errors_fail_with_a_clear_message_after_one_retry()
    {
        using var receiver = new WebhookReceiver(500);

        var delivery = await AlertWebhook.PostAsync(receiver.Url, Alerts, "k", Fast);

        Assert.False(delivery.Succeeded);
        Assert.Equal((2, 500), (delivery.Attempts, delivery.StatusCode));
        Assert.Equal(2, receiver.Requests.Count);
        Assert.Equal($"Posting 2 alert(s) to {receiver.Url} failed after 2 attempt(s): HTTP 500 Internal Server Error.", delivery.Message);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        using var receiver = new WebhookReceiver(404);

        var delivery = await AlertWebhook.PostAsync(receiver.Url, Alerts, "k", Fast);

        Assert.False(delivery.Succeeded);
        Assert.Equal((1, 404), (delivery.Attempts, delivery.StatusCode));
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task Failure_messages_never_show_credentials_or_query_strings()
    {
        using var receiver = new WebhookReceiver(500);
        var url = new Uri($"http://hook-user:pa55word@127.0.0.1:{receiver.Url.Port}/hooks/fulcrum?token=t0ps3cret");

        var delivery = await AlertWebhook.PostAsync(url, Alerts, "k", Fast);

        Assert.False(delivery.Succeeded);
        Assert.Equal($"http://***@127.0.0.1:{receiver.Url.Port}/hooks/fulcrum?***", delivery.Target);
        Assert.DoesNotContain("pa55word", delivery.Message);
        Assert.DoesNotContain("t0ps3cret", delivery.Message);
        Assert.DoesNotContain("hook-user", delivery.Message);
        Assert.Contains(delivery.Target, delivery.Message);
    }

    [Fact]
    public async Task An_unreachable_endpoint_fails_after_one_retry_without_throwing()
    {
        int port;
        using (var gone = new WebhookReceiver()) port = gone.Url.Port;

        var delivery = await AlertWebhook.PostAsync(new Uri($"http://127.0.0.1:{port}/hooks?key=abc123"), Alerts, "k", Fast);

        Assert.False(delivery.Succeeded);
        Assert.Equal(2, delivery.Attempts);
        Assert.Null(delivery.StatusCode);
        Assert.StartsWith($"Posting 2 alert(s) to http://127.0.0.1:{port}/hooks?*** failed after 2 attempt(s): ", delivery.Message);
        Assert.DoesNotContain("abc123", delivery.Message);
    }

    [Theory]
    [InlineData("https://hooks.example.com/fulcrum", "https://hooks.example.com/fulcrum")]
    [InlineData("https://user:pw@hooks.example.com:8443/in?sig=1#x", "https://***@hooks.example.com:8443/in?***#***")]
    [InlineData("https://hooks.slack.com/services/T0AB12CD/B0EF34GH/abcdefGHIJ1234567890", "https://hooks.slack.com/services/T0AB12CD/B0EF34GH/***")]
    public void Redact_hides_user_info_queries_and_token_like_path_segments(string url, string expected)
    {
        Assert.Equal(expected, AlertWebhook.Redact(new Uri(url)));
    }

    [Fact]
    public async Task A_non_http_url_is_refused_without_a_request()
    {
        var delivery = await AlertWebhook.PostAsync(new Uri("ftp://example.com/x"), Alerts, null, Fast);

        Assert.False(delivery.Succeeded);
        Assert.Equal(0, delivery.Attempts);
    }
}
