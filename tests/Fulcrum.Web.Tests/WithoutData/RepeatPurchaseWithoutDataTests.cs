using System.Net;
using System.Text.Json;
using Fulcrum.Web.Access;
using Fulcrum.Web.Tests.Support;

namespace Fulcrum.Web.Tests.WithoutData;

/// <summary>
/// Repeat purchases where the data cannot give them: a company that renews (no orders) and a shop whose reviews carry no
/// score. The API answers 422 with the reason, never figures of 0 or NaN; the pages say what applies.
/// </summary>
public sealed class RepeatPurchaseWithoutDataTests(FulcrumWebFactory renewals, ShopWithoutScoresWebFactory unscored)
    : IClassFixture<FulcrumWebFactory>, IClassFixture<ShopWithoutScoresWebFactory>
{
    static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("NaN", body);
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task A_company_without_orders_gets_422_saying_to_import_orders_and_keeps_money_at_risk()
    {
        using var client = await renewals.ClientAsync(Roles.Viewer);
        var problem = await Problem(await client.GetAsync("/api/repeat-purchase"));
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        Assert.Equal("The analysis cannot run on this data", problem.GetProperty("title").GetString());
        Assert.StartsWith("No orders imported, so repeat purchases cannot be measured.", problem.GetProperty("detail").GetString());
        // The dashboard's way of asking answers the same, not 202 forever.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.GetAsync("/api/repeat-purchase?wait=false")).StatusCode);

        // Its customers renew: the Overview keeps money at risk, the menu has no Repeat purchases, and the page, opened
        // anyway, says they apply to orders.
        var overview = await client.GetStringAsync("/");
        Assert.Contains("id=\"money-cards\"", overview);
        Assert.DoesNotContain("repeat-money", overview);
        Assert.DoesNotContain("href=\"/repeat-purchases\"", overview);
        var page = await client.GetStringAsync("/repeat-purchases");
        Assert.Contains("id=\"no-orders\"", page);
        Assert.Contains("apply to a business that sells by order", page);
        Assert.Contains("Its customers renew instead", page);
        Assert.DoesNotContain("repeatPurchases()", page);
    }

    [Fact]
    public async Task A_shop_without_scored_answers_gets_422_saying_what_to_import()
    {
        using var client = await unscored.ClientAsync(Roles.Viewer);
        var problem = await Problem(await client.GetAsync("/api/repeat-purchase"));
        Assert.StartsWith("No CSAT answers imported, so there is no score to link to repeat purchases.", problem.GetProperty("detail").GetString());

        // It sells by order: the Overview's money panel is the repeat purchase (its script shows this reason), not money at risk.
        var overview = await client.GetStringAsync("/");
        Assert.Contains("id=\"repeat-money-cards\"", overview);
        Assert.DoesNotContain("id=\"money-cards\"", overview);
        Assert.Contains("<a href=\"/repeat-purchases\" aria-current=\"false\">Repeat purchases</a>", overview);
        Assert.Contains("repeatPurchases()", await client.GetStringAsync("/repeat-purchases"));
    }
}
