using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fulcrum.Web.Access;
using Fulcrum.Web.Store;
using Fulcrum.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fulcrum.Web.Tests.WithoutData;

/// <summary>
/// The closed loop of a company that asks CSAT only (`generate --csat-only`): a dissatisfied answer posted to the intake
/// opens its follow-up, sync opens one for every dissatisfied answer, and the page and the measures compare later CSAT and
/// churn of followed-up vs not, naming the rule — never an empty NPS.
/// </summary>
public sealed class CsatOnlyFollowupTests(CsatOnlyWebFactory factory) : IClassFixture<CsatOnlyWebFactory>
{
    static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    static string CsatAnswer(string id, double csat) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["response_id"] = id, ["account_id"] = "ACC-000001", ["responded_at"] = "2025-11-20T10:00:00Z", ["csat"] = csat, ["comment"] = "posted by a test",
    });

    [Fact]
    public async Task Dissatisfied_answers_open_follow_ups_and_the_loop_is_measured_on_CSAT_and_churn()
    {
        var pool = factory.Services.GetRequiredService<StorePool>();
        Task<long> Count(string sql) => pool.ReadAsync(s => s.Scalar<long>(sql));
        using var analyst = await factory.ClientAsync(Roles.Analyst);

        // The webhook: a dissatisfied answer opens its follow-up in the same commit, a satisfied one does not.
        using var anonymous = factory.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(FulcrumWebFactory.Signed(HttpMethod.Post, "/api/intake/responses", CsatAnswer("csat-low", 2)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(FulcrumWebFactory.Signed(HttpMethod.Post, "/api/intake/responses", CsatAnswer("csat-high", 5)))).StatusCode);
        Assert.Equal(1, await Count("SELECT COUNT(*) FROM followups WHERE response_id = 'csat-low' AND status = 'open'"));
        Assert.Equal(0, await Count("SELECT COUNT(*) FROM followups WHERE response_id = 'csat-high'"));

        var sync = await Json(await analyst.PostAsync("/api/followups/sync", null));
        var dissatisfied = await Count("SELECT COUNT(*) FROM responses WHERE csat <= 2");
        Assert.True(dissatisfied > 100, $"{dissatisfied} dissatisfied answers");
        Assert.Equal(dissatisfied, sync.GetProperty("answers").GetInt64());
        Assert.Equal("dissatisfied answers (CSAT 1–2)", sync.GetProperty("rule").GetString());
        Assert.Equal(dissatisfied, await Count("SELECT COUNT(*) FROM followups"));

        // Asked before the cases are worked, the measures are cached; working a case must not leave them stale.
        Assert.Equal(0, (await Json(await analyst.GetAsync("/api/followups/measures"))).GetProperty("closed").GetInt64());

        // Work a few cases, so both groups of the comparison have some.
        var open = await Json(await analyst.GetAsync("/api/followups?status=open&pageSize=5"));
        foreach (var item in open.GetProperty("items").EnumerateArray())
        {
            var id = item.GetProperty("responseId").GetString()!;
            Assert.InRange(item.GetProperty("score").GetDouble(), 1, 2);
            Assert.Equal(HttpStatusCode.NoContent, (await analyst.PostAsJsonAsync($"/api/followups/{id}/assign", new { owner = "kim" })).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await analyst.PostAsJsonAsync($"/api/followups/{id}/close", new { resolution = "called back" })).StatusCode);
        }

        var measures = await Json(await analyst.GetAsync("/api/followups/measures"));
        Assert.Equal("csat", measures.GetProperty("metric").GetString());
        Assert.Equal(5, measures.GetProperty("closed").GetInt64());
        var later = measures.GetProperty("laterScore");
        Assert.Equal("CSAT of the account's next answer within 180 days", later.GetProperty("measure").GetString());
        Assert.Equal(JsonValueKind.Null, later.GetProperty("missing").ValueKind);
        var outcome = measures.GetProperty("outcome");
        Assert.Equal("churn within 365 days", outcome.GetProperty("measure").GetString());
        Assert.Equal(JsonValueKind.Null, outcome.GetProperty("missing").ValueKind);
        Assert.True(outcome.GetProperty("notFollowedUp").GetProperty("n").GetInt64() > 50);

        // Decoded: the page encodes the en dash and the apostrophe.
        var page = WebUtility.HtmlDecode(await analyst.GetStringAsync("/followups"));
        Assert.Contains("A follow-up opens for each of the dissatisfied answers (CSAT 1–2).", page);
        Assert.Contains("Open follow-ups for dissatisfied answers (CSAT 1–2)", page);
        Assert.Contains("CSAT of the account's next answer within 180 days, closed vs not", page);
        Assert.Contains("Churn within 365 days, closed vs not", page);
        Assert.Contains("<th class=\"num\">CSAT</th>", page);
        Assert.DoesNotContain("NPS", page);
        Assert.DoesNotContain("NaN", page);
    }
}

/// <summary>A shop's closed loop: dissatisfied reviews get follow-ups, measured by later CSAT and repeat purchase (no renewals to churn at).</summary>
public sealed class ShopFollowupTests(ShopFollowupWebFactory factory) : IClassFixture<ShopFollowupWebFactory>
{
    [Fact]
    public async Task Follow_ups_of_dissatisfied_reviews_are_measured_by_repeat_purchase()
    {
        using var analyst = await factory.ClientAsync(Roles.Analyst);
        var sync = JsonDocument.Parse(await (await analyst.PostAsync("/api/followups/sync", null)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("dissatisfied answers (CSAT 1–2)", sync.GetProperty("rule").GetString());
        Assert.True(sync.GetProperty("opened").GetInt32() > 20);

        var measures = JsonDocument.Parse(await analyst.GetStringAsync("/api/followups/measures")).RootElement;
        Assert.Equal("repeat purchase within 180 days", measures.GetProperty("outcome").GetProperty("measure").GetString());
        var page = WebUtility.HtmlDecode(await analyst.GetStringAsync("/followups"));
        Assert.Contains("Repeat purchase within 180 days, closed vs not", page);
        Assert.DoesNotContain("Churn", page);
        Assert.DoesNotContain("NaN", page);
    }
}
