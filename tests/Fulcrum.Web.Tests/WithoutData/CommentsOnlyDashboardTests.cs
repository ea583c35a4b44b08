using System.Net;
using System.Text.Json;
using Fulcrum.Web.Access;

namespace Fulcrum.Web.Tests.WithoutData;

/// <summary>
/// A store of comments without scores, renewals or tickets (the airline tweets' shape): the server keeps serving after a
/// warm-up that has nothing to compute, and every figure the data cannot give is absent with the reason, never a
/// computation that restarts forever, an empty chart or a 500.
/// </summary>
public sealed class CommentsOnlyDashboardTests(CommentsOnlyWebFactory factory) : IClassFixture<CommentsOnlyWebFactory>
{
    static async Task<string> Detail(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;

    [Fact]
    public async Task The_business_case_without_renewals_ends_in_its_reason_and_the_server_keeps_serving()
    {
        using var client = await factory.ClientAsync(Roles.Viewer);
        HttpResponseMessage response;
        // The dashboard's way: ask without waiting until the answer is not "still computing" (202).
        while ((response = await client.GetAsync("/api/business-case?wait=false")).StatusCode == HttpStatusCode.Accepted)
            await Task.Delay(200);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.StartsWith("No renewal decisions on record", await Detail(response));
        // Asked again on the same data: the same reason at once, not a new computation.
        var again = await client.GetAsync("/api/business-case?wait=false");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().GetAsync("/health")).StatusCode);
    }

    [Theory]
    [InlineData("/api/drilldown")]
    [InlineData("/api/growth-check")]
    [InlineData("/api/drivers")]
    public async Task A_survey_figure_without_scores_is_refused_with_the_reason(string url)
    {
        using var client = await factory.ClientAsync(Roles.Viewer);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("No survey scores (NPS, CSAT or CES) on record: import responses with a score.", await Detail(response));
    }

    [Fact]
    public async Task Pages_say_what_is_missing_instead_of_empty_figures()
    {
        using var client = await factory.ClientAsync(Roles.Viewer);
        var overview = await client.GetStringAsync("/");
        Assert.Contains("No trend: no answer has an NPS, CSAT or CES score.", overview);
        Assert.DoesNotContain("trend-chart", overview);
        Assert.Contains("id=\"drill-absent\"", await client.GetStringAsync("/drilldown"));
        Assert.Contains("No follow-up cases", await client.GetStringAsync("/followups"));
        foreach (var path in new[] { "/", "/drilldown", "/levers", "/value", "/cohorts", "/followups", "/data", "/assumptions" })
        {
            var page = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.DoesNotContain("NaN", html);
            Assert.DoesNotContain("$0 ($0 to $0)", html);
        }
    }

    [Fact]
    public async Task The_levers_page_offers_no_slider_whose_lever_or_cost_the_store_cannot_hold()
    {
        using var client = await factory.ClientAsync(Roles.Viewer);
        var page = await client.GetStringAsync("/levers");
        // No tickets, no scores: the agent-hour cost, the contact and effort sizes and every score lever are listed with the reason.
        foreach (var absent in new[] { "cost_per_agent_hour", "lever_size_contact_reduction", "lever_size_ces_reduction", "lever_size_detractors_to_passive",
                     "lever_size_csat_dissatisfied_to_satisfied" })
            Assert.DoesNotContain($"id=\"slider-{absent}\"", page);
        Assert.Contains("Cost per agent hour: not offered, no support tickets on record, so there is no cost to serve for it to move; import tickets (fulcrum import tickets FILE).", page);
        Assert.Contains("Support contacts avoided: not offered, no support tickets on record", page);
        // What every lever's value rests on stays.
        foreach (var kept in new[] { "gross_margin", "discount_rate", "horizon_months" })
            Assert.Contains($"id=\"slider-{kept}\"", page);
    }
}
