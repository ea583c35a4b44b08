using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Fulcrum.Analytics.Alerts;

namespace Fulcrum.Analytics.Tests.Alerts;

/// <summary>Scan → store → webhook on the demo company: only new alerts are posted, and a failed post loses nothing.</summary>
[Collection(AlertDemoCompanyCollection.Name)]
public sealed class AlertWebhookDeliveryTests(AlertDemoCompanyFixture demo)
{
    const string Secret = "webhook-test-secret";
    static readonly AlertOptions Options = new() { Dimensions = ["segment", "region"] };
    // No time limit on an answer (a loaded machine can be slow to answer on loopback); a short pause between attempts.
    static readonly WebhookOptions Fast = new() { Timeout = Timeout.InfiniteTimeSpan, RetryDelay = TimeSpan.FromMilliseconds(20) };

    [Fact]
    public async Task The_webhook_receives_exactly_the_new_alerts_as_signed_json_and_nothing_on_a_rerun()
    {
        demo.ResetAlerts();
        using var receiver = new WebhookReceiver();

        var first = AlertScan.Run(demo.Facts, Options);
        var delivery = await AlertWebhook.DeliverAsync(demo.Store, first, receiver.Url, Secret, Fast);

        Assert.True(delivery.Succeeded, delivery.Message);
        var request = Assert.Single(receiver.Requests);
        var expectedSignature = "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(request.Body)));
        Assert.Equal(expectedSignature, request.Signature);
        using var json = JsonDocument.Parse(request.Body);
        var posted = json.RootElement.EnumerateArray().Select(e => e.GetProperty("alertId").GetString()).ToList();
        Assert.Equal(first.Added.Select(a => a.Alert.AlertId), posted);
        Assert.Contains(json.RootElement.EnumerateArray(), e => e.GetProperty("group").GetString() == "EMEA");
        Assert.Equal(0, demo.StoredAlerts("new"));

        var second = AlertScan.Run(demo.Facts, Options);
        var again = await AlertWebhook.DeliverAsync(demo.Store, second, receiver.Url, Secret, Fast);

        Assert.Empty(second.Added);
        Assert.True(again.Succeeded);
        Assert.Equal(0, again.Attempts);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task A_failing_webhook_gives_a_clear_error_and_the_alerts_stay_stored_for_the_next_delivery()
    {
        demo.ResetAlerts();
        Alert[] attempted;
        using (var failing = new WebhookReceiver(500))
        {
            var scan = AlertScan.Run(demo.Facts, Options);
            attempted = scan.Added.Select(a => a.Alert).ToArray();

            var delivery = await AlertWebhook.DeliverAsync(demo.Store, scan, failing.Url, Secret, Fast);

            Assert.False(delivery.Succeeded);
            Assert.Equal((2, 500), (delivery.Attempts, delivery.StatusCode));
            Assert.Equal($"Posting {attempted.Length} alert(s) to {failing.Url} failed after 2 attempt(s): HTTP 500 Internal Server Error.", delivery.Message);
            Assert.Equal(2, failing.Requests.Count);
        }

        Assert.NotEmpty(attempted);
        Assert.Equal(attempted.Length, demo.StoredAlerts());
        Assert.Equal(attempted.Length, demo.StoredAlerts("new"));

        using var working = new WebhookReceiver();
        var rerun = AlertScan.Run(demo.Facts, Options);
        var retried = await AlertWebhook.DeliverAsync(demo.Store, rerun, working.Url, Secret, Fast);

        Assert.Empty(rerun.Added);
        Assert.True(retried.Succeeded, retried.Message);
        using var json = JsonDocument.Parse(Assert.Single(working.Requests).Body);
        Assert.Equal(attempted.Select(a => a.AlertId), json.RootElement.EnumerateArray().Select(e => e.GetProperty("alertId").GetString()));
        Assert.Equal(0, demo.StoredAlerts("new"));
    }
}
