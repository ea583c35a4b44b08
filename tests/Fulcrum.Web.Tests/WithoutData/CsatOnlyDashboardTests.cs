using System.Net;
using System.Text.Json;
using Fulcrum.Web.Access;

namespace Fulcrum.Web.Tests.WithoutData;

/// <summary>
/// The dashboard of a company that measures CSAT only: every survey figure is CSAT (on its 1–5 scale), an NPS figure is
/// refused with what the store has, what needs NPS (the promoter funnel, cohorts' NPS) is absent with a reason, and follow-ups
/// open on the dissatisfied answers.
/// </summary>
public sealed class CsatOnlyDashboardTests(CsatOnlyWebFactory factory) : IClassFixture<CsatOnlyWebFactory>
{
    static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task Drilldown_growth_check_and_drivers_default_to_CSAT_within_its_scale()
    {
        using var client = await factory.ClientAsync(Roles.Viewer);
        var drill = await Json(await client.GetAsync("/api/drilldown?depth=1"));
        var top = drill.GetProperty("value");
        Assert.True(top.GetProperty("n").GetInt64() > 1_000);
        foreach (var bound in new[] { "value", "lower", "upper" })
            Assert.InRange(top.GetProperty(bound).GetDouble(), 1, 5);

        var growthText = await (await client.GetAsync("/api/growth-check")).Content.ReadAsStringAsync();
        var growth = JsonDocument.Parse(growthText).RootElement;
        Assert.Equal("csat", growth.GetProperty("metric").GetString());
        Assert.InRange(growth.GetProperty("totalAfter").GetProperty("value").GetDouble(), 1, 5);
        Assert.DoesNotContain("NaN", growthText);

        var drivers = await Json(await client.GetAsync("/api/drivers"));
        Assert.Equal("csat", drivers.GetProperty("options").GetProperty("outcome").GetString());
    }

    [Theory]
    [InlineData("/api/drilldown?metric=nps")]
    [InlineData("/api/growth-check?metric=nps")]
    public async Task An_NPS_figure_is_refused_with_what_the_store_has(string url)
    {
        using var client = await factory.ClientAsync(Roles.Viewer);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.Equal("No answers have an NPS score; this store has CSAT: ask for metric=csat.", detail);
    }

    [Fact]
    public async Task Pages_offer_CSAT_only_and_say_what_needs_NPS()
    {
        using var client = await factory.ClientAsync(Roles.Viewer);
        var overview = await client.GetStringAsync("/");
        Assert.Contains("<option value=\"csat\">CSAT</option>", overview);
        Assert.DoesNotContain("value=\"nps\"", overview);
        Assert.Contains("Total CSAT went from", overview);
        var drilldown = await client.GetStringAsync("/drilldown");
        Assert.Contains("<option value=\"csat\">CSAT</option>", drilldown);
        Assert.DoesNotContain("value=\"nps\"", drilldown);
        // The closed loop follows up the dissatisfied answers instead of saying it needs NPS (CsatOnlyFollowupTests works it).
        Assert.Contains("a case opens for each of the dissatisfied answers (CSAT 1–2)", WebUtility.HtmlDecode(await client.GetStringAsync("/followups")));
        Assert.Contains("No promoter funnel", await client.GetStringAsync("/value"));
        var cohorts = await client.GetStringAsync("/cohorts");
        Assert.Contains("no account of the cohort gave NPS answers both before and after", cohorts);
        foreach (var page in new[] { overview, drilldown, cohorts })
        {
            Assert.DoesNotContain("NaN", page);
            Assert.DoesNotContain("n = 0)", page);
            Assert.DoesNotContain("– to –", page);
        }
    }

    [Fact]
    public async Task The_business_case_says_the_store_has_no_NPS_and_the_page_offers_no_NPS_slider()
    {
        using var client = await factory.ClientAsync(Roles.Viewer);
        var report = await Json(await client.GetAsync("/api/business-case"));
        var reasons = report.GetProperty("unavailableLevers").EnumerateArray()
            .ToDictionary(l => l.GetProperty("id").GetString()!, l => l.GetProperty("unavailable").GetString()!);
        Assert.Equal("the store has no NPS answers in the year before any renewal; import survey responses with an nps column (fulcrum import responses FILE) to use this lever",
            reasons["detractors_to_passive"]);
        Assert.DoesNotContain(reasons.Values, r => r.Contains("--soft", StringComparison.Ordinal));

        var page = await client.GetStringAsync("/levers");
        Assert.Contains("id=\"slider-lever_size_csat_dissatisfied_to_satisfied\"", page);
        Assert.Contains("id=\"slider-cost_per_agent_hour\"", page); // the company has tickets
        foreach (var nps in new[] { "detractors_to_passive", "detractors_to_promoter", "passives_to_promoter" })
            Assert.DoesNotContain($"id=\"slider-lever_size_{nps}\"", page);
        Assert.Contains("Detractors moved to passive: not offered, no NPS answers on record; import survey responses with an nps column.", page);
        Assert.Contains("Lower customer effort (CES points): not offered, no CES answers on record", page);
    }

    [Fact]
    public async Task Initiatives_are_measured_by_CSAT()
    {
        using var client = await factory.ClientAsync(Roles.Viewer);
        var value = await Json(await client.GetAsync("/api/value"));
        var callback = value.GetProperty("initiatives").EnumerateArray()
            .Single(i => i.GetProperty("initiative").GetProperty("initiativeId").GetString() == "INIT-QW-CALLBACK");
        var outcomes = callback.GetProperty("outcomes").EnumerateArray().Select(o => o.GetProperty("outcome").GetString()).ToList();
        Assert.Contains("csat", outcomes);
        Assert.DoesNotContain("nps", outcomes);
        Assert.Contains("pre-period CSAT band", callback.GetProperty("sample").GetProperty("matchedOn").EnumerateArray().Select(m => m.GetString()));
    }
}
