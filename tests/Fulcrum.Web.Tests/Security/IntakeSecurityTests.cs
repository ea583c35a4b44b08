using System.Net;
using System.Text;
using System.Text.Json;
using Fulcrum.Web.Store;
using Fulcrum.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fulcrum.Web.Tests.Security;

/// <summary>Figures recomputed on every change (no stale window) and small body limits, so the limits are cheap to cross.</summary>
public sealed class StrictIntakeWebFactory() : FulcrumWebFactory(new Dictionary<string, string?>
{
    ["Fulcrum:Analytics:MaxStaleSeconds"] = "0",
    ["Fulcrum:Intake:MaxBodyBytes"] = "1048576",
    ["Fulcrum:Limits:MaxRequestBytes"] = "65536",
    ["Fulcrum:Limits:MaxUploadBytes"] = "2097152",
});

/// <summary>
/// Findings 3–6, 8 and 14 of the hardening review replayed against the webhook intake: an out-of-range date, updates
/// that never reached the figures, replayed posts, oversize bodies (anonymous, signed, streamed), NUL and invalid UTF-8,
/// a response with neither score nor comment, and follow-ups opened with the answers.
/// </summary>
public sealed class IntakeSecurityTests(StrictIntakeWebFactory factory) : IClassFixture<StrictIntakeWebFactory>
{
    const string One = "/api/intake/responses";
    const string Batch = "/api/intake/responses/batch";

    static string Response(string id, string respondedAt = "2025-11-20T10:00:00Z", int? nps = 7, string? comment = "posted by a test") =>
        JsonSerializer.Serialize(new Dictionary<string, object?> { ["response_id"] = id, ["account_id"] = "ACC-000001", ["responded_at"] = respondedAt, ["nps"] = nps, ["comment"] = comment });

    Task<T> Read<T>(string sql) => factory.Services.GetRequiredService<StorePool>().ReadAsync(s => s.Scalar<T>(sql));

    static async Task<string> Error(HttpResponseMessage response, string field)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    async Task<HttpResponseMessage> Post(string url, string body) => await factory.Anonymous().SendAsync(FulcrumWebFactory.Signed(HttpMethod.Post, url, body));

    [Fact]
    public async Task A_year_0001_answer_is_refused_and_the_headline_keeps_answering()
    {
        var refused = await Post(One, Response("year-1", respondedAt: "0001-01-01T00:00:00Z"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("outside the years 1900–2100", await Error(refused, "responded_at"));
        Assert.Equal(0, await Read<long>("SELECT COUNT(*) FROM responses WHERE response_id = 'year-1'"));
        using var viewer = await factory.ClientAsync("viewer");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/metrics?metric=nps")).StatusCode);
    }

    [Fact]
    public async Task Updates_through_the_intake_reach_the_figures_at_once()
    {
        using var viewer = await factory.ClientAsync("viewer");
        Assert.Equal(await SqlNps2025(), await ApiNps2025(viewer), 9);
        // Promoters of 2025 who now answer 0: the row count stays the same, only values change.
        var promoters = await factory.Services.GetRequiredService<StorePool>().ReadAsync(s => s.Query<(string Id, string Account, DateTime At)>(
            "SELECT response_id, account_id, responded_at FROM responses WHERE nps >= 9 AND year(responded_at) = 2025 ORDER BY response_id LIMIT 300").ToList());
        var body = JsonSerializer.Serialize(promoters.Select(p => new Dictionary<string, object?>
            { ["response_id"] = p.Id, ["account_id"] = p.Account, ["responded_at"] = p.At.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), ["nps"] = 0 }));
        var before = await ApiNps2025(viewer);
        var posted = await Post(Batch, body);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var after = await ApiNps2025(viewer);
        Assert.True(after < before - 5, $"2025 NPS stayed at {after:F2} (was {before:F2}) after 300 promoters answered 0");
        Assert.Equal(await SqlNps2025(), after, 9);
    }

    Task<double> SqlNps2025() => Read<double>(
        "SELECT 100.0 * (COUNT(*) FILTER (WHERE nps >= 9) - COUNT(*) FILTER (WHERE nps <= 6)) / COUNT(*) FROM responses WHERE nps IS NOT NULL AND year(responded_at) = 2025");

    static async Task<double> ApiNps2025(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/metrics?metric=nps&period=year&pageSize=50"));
        var cell = json.RootElement.GetProperty("cells").GetProperty("items").EnumerateArray().Single(c => c.GetProperty("periodLabel").GetString()!.StartsWith("2025", StringComparison.Ordinal));
        return cell.GetProperty("estimate").GetProperty("value").GetDouble();
    }

    [Fact]
    public async Task A_captured_post_cannot_be_replayed_now_or_later()
    {
        var body = Response("replay-1", nps: 9);
        var timestamp = FulcrumWebFactory.Now;
        Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().SendAsync(FulcrumWebFactory.Signed(HttpMethod.Post, One, body, timestamp: timestamp))).StatusCode);
        // Newer data arrives, then the captured post is sent again.
        Assert.Equal(HttpStatusCode.OK, (await Post(One, Response("replay-1", nps: 2))).StatusCode);
        var replayed = await factory.Anonymous().SendAsync(FulcrumWebFactory.Signed(HttpMethod.Post, One, body, timestamp: timestamp));
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Contains("already received", await replayed.Content.ReadAsStringAsync());
        // Captured long ago: the timestamp is outside the 5-minute window.
        var old = await factory.Anonymous().SendAsync(FulcrumWebFactory.Signed(HttpMethod.Post, One, body, timestamp: timestamp - 600));
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Contains("timestamp", await old.Content.ReadAsStringAsync());
        var unstamped = FulcrumWebFactory.Signed(HttpMethod.Post, One, body);
        unstamped.Headers.Remove("X-Fulcrum-Timestamp");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().SendAsync(unstamped)).StatusCode);
        Assert.Equal(2, await Read<long>("SELECT nps FROM responses WHERE response_id = 'replay-1'"));
    }

    [Fact]
    public async Task Oversize_bodies_get_413_before_they_are_read_signed_or_not()
    {
        var big = new byte[3 * 1024 * 1024];
        Array.Fill(big, (byte)' ');
        using var anonymous = new HttpRequestMessage(HttpMethod.Post, One) { Content = new ByteArrayContent(big) };
        anonymous.Headers.Add("X-Fulcrum-Signature", "sha256=" + new string('0', 64));
        anonymous.Headers.Add("X-Fulcrum-Timestamp", FulcrumWebFactory.Now.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var refused = await factory.Anonymous().SendAsync(anonymous);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Contains("at most 1,048,576", await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await factory.Anonymous().SendAsync(FulcrumWebFactory.Signed(HttpMethod.Post, Batch, big))).StatusCode);

        // Streamed without a declared length: refused once the limit is passed, still 413, not 500.
        var streamed = FulcrumWebFactory.Signed(HttpMethod.Post, Batch, big);
        streamed.Content = new UnknownLengthContent(big);
        streamed.Content.Headers.ContentType = new("application/json");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await factory.Anonymous().SendAsync(streamed)).StatusCode);

        using var analyst = await factory.ClientAsync("analyst");
        var edit = await analyst.PutAsync("/api/assumptions/gross_margin", new ByteArrayContent(new byte[100_000]) { Headers = { ContentType = new("application/json") } });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, edit.StatusCode);

        using var upload = new MultipartFormDataContent { { new ByteArrayContent(big), "file", "accounts.csv" }, { new StringContent("accounts"), "table" } };
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await analyst.PostAsync("/api/imports", upload)).StatusCode);
    }

    /// <summary>A body sent chunked, with no Content-Length.</summary>
    sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Fact]
    public async Task A_NUL_is_refused_not_cut_and_nothing_is_overwritten()
    {
        Assert.Equal(HttpStatusCode.OK, (await Post(One, Response("nul-target", nps: 10))).StatusCode);
        var withNul = await Post(One, Response("nul-target\u0000-other", nps: 0));
        Assert.Equal(HttpStatusCode.BadRequest, withNul.StatusCode);
        Assert.Contains("NUL", await Error(withNul, "response_id"));
        var inComment = await Post(One, Response("nul-comment", comment: "fine\u0000hidden"));
        Assert.Equal(HttpStatusCode.BadRequest, inComment.StatusCode);
        Assert.Contains("NUL", await Error(inComment, "comment"));
        Assert.Equal(10, await Read<long>("SELECT nps FROM responses WHERE response_id = 'nul-target'"));
        Assert.Equal(0, await Read<long>("SELECT COUNT(*) FROM responses WHERE response_id LIKE 'nul-comment%' OR response_id LIKE 'nul-target_%'"));
    }

    [Fact]
    public async Task Invalid_UTF8_is_refused_with_a_400_naming_the_byte()
    {
        var bytes = Encoding.UTF8.GetBytes(Response("utf8-bad", comment: "caf?"));
        bytes[Array.LastIndexOf(bytes, (byte)'?')] = 0xE9; // Latin-1 é: not UTF-8
        var response = await factory.Anonymous().SendAsync(FulcrumWebFactory.Signed(HttpMethod.Post, One, bytes));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid UTF-8", await Error(response, "$"));
        Assert.Equal(0, await Read<long>("SELECT COUNT(*) FROM responses WHERE response_id = 'utf8-bad'"));
    }

    [Fact]
    public async Task A_response_with_neither_score_nor_comment_is_refused_as_the_importer_does()
    {
        var empty = await Post(One, Response("empty-1", nps: null, comment: null));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("at least one of nps, csat, ces or comment", await Error(empty, "$"));
    }

    [Fact]
    public async Task A_detractor_answer_has_its_follow_up_when_the_post_is_acknowledged()
    {
        Assert.Equal(HttpStatusCode.OK, (await Post(One, Response("detractor-now", nps: 3))).StatusCode);
        Assert.Equal("open", await Read<string>("SELECT status FROM followups WHERE response_id = 'detractor-now'"));
    }
}
