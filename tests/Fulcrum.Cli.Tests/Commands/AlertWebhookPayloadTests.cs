using System.Text.Json;
using Fulcrum.Analytics.Alerts;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>
/// The body `fulcrum alerts --webhook` posts writes a number that is not finite (an interval or a standard error a short
/// series cannot give, a CUSUM statistic over a baseline without spread) as null, as every JSON Fulcrum writes: never
/// the string "NaN" or "Infinity" a receiver would have to know to look for.
/// </summary>
public sealed class AlertWebhookPayloadTests
{
    static Alert AlertWithoutInterval() => new("a1b2c3", "csat", "segment", "SMB", new DateOnly(2025, 7, 1), "2025-Q3", AlertMethod.Cusum, ShiftDirection.Down,
        3.9, double.NaN, double.NaN, 12, 4.2, double.PositiveInfinity, 5, "2025-Q2", "CSAT fell from 4.2 to 3.9 in 2025-Q3 (12 answers).",
        new AlertDetail(4.2, 0, "2023-Q1", "2025-Q1", 9, double.NaN, new Dictionary<string, double> { ["k"] = 0.5, ["h"] = 5, ["alpha"] = double.NaN }, "mean of 1–5 scores"));

    /// <summary>Captures the body of each post and answers 204.</summary>
    sealed class Receiver : HttpMessageHandler
    {
        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Bodies.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
            return new HttpResponseMessage(System.Net.HttpStatusCode.NoContent);
        }
    }

    [Fact]
    public async Task The_posted_payload_writes_absent_figures_as_null_beside_the_evidence()
    {
        using var receiver = new Receiver();
        var delivery = await AlertWebhook.PostAsync(new Uri("http://127.0.0.1:9/hook"), [AlertWithoutInterval()], secret: "s3cret", handler: receiver);

        Assert.True(delivery.Succeeded, delivery.Message);
        var body = Assert.Single(receiver.Bodies);
        Assert.DoesNotContain("NaN", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", body, StringComparison.Ordinal);
        var alert = JsonDocument.Parse(body).RootElement[0];
        Assert.Equal(3.9, alert.GetProperty("value").GetDouble());
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("lower").ValueKind);
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("upper").ValueKind);
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("statistic").ValueKind);
        Assert.Equal("CSAT fell from 4.2 to 3.9 in 2025-Q3 (12 answers).", alert.GetProperty("evidence").GetString());
        var detail = alert.GetProperty("detail");
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("standardError").ValueKind);
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("parameters").GetProperty("alpha").ValueKind);
        Assert.Equal(0.5, detail.GetProperty("parameters").GetProperty("k").GetDouble());
        // Each null has its reason beside it, as an estimate's `reason` beside its null value.
        Assert.Equal("no 95% interval for the value in 2025-Q3: its 12 observations give none (mean of 1–5 scores)", alert.GetProperty("intervalReason").GetString());
        Assert.Equal("the CUSUM sum is not finite: the baseline has no spread (no variation between periods and no sampling error), so the shift from 4.2 "
            + "is infinitely many standard deviations; the value against the baseline is the evidence", alert.GetProperty("statisticReason").GetString());
        Assert.Equal("the value has no standard error: its observations give no spread to estimate one (mean of 1–5 scores)",
            detail.GetProperty("standardErrorReason").GetString());
        // The signature is over the body as sent.
        Assert.Equal(AlertWebhook.Sign(body, "s3cret"), AlertWebhook.Sign(AlertWebhook.Payload([AlertWithoutInterval()]), "s3cret"));
    }

    [Fact]
    public void A_finite_figure_has_no_reason_beside_it()
    {
        var finite = AlertWithoutInterval() with
        {
            Lower = 3.7, Upper = 4.1, Statistic = 6.2,
            Detail = AlertWithoutInterval().Detail with { StandardError = 0.1 },
        };
        var alert = JsonDocument.Parse(AlertWebhook.Payload([finite])).RootElement[0];
        Assert.Equal(3.7, alert.GetProperty("lower").GetDouble());
        Assert.False(alert.TryGetProperty("intervalReason", out _));
        Assert.False(alert.TryGetProperty("statisticReason", out _));
        Assert.False(alert.GetProperty("detail").TryGetProperty("standardErrorReason", out _));
        Assert.Null(finite.IntervalReason);
    }

    [Fact]
    public void A_stored_alert_with_reasons_reads_back_as_it_was()
    {
        var json = JsonSerializer.Serialize(AlertWithoutInterval().Detail, AlertStore.Json);
        Assert.Contains("\"standardErrorReason\"", json, StringComparison.Ordinal);
        var back = JsonSerializer.Deserialize<AlertDetail>(json, AlertStore.Json)!;
        Assert.True(double.IsNaN(back.StandardError));
        Assert.Equal(AlertWithoutInterval().Detail.StandardErrorReason, back.StandardErrorReason);
    }
}
