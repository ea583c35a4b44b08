using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Analytics.Segments;
using Fulcrum.Web.Access;
using Fulcrum.Web.Store;
using Fulcrum.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fulcrum.Web.Tests.Api;

/// <summary>The API serves the analytics' own numbers, pages long lists, and names bad parameters.</summary>
public sealed class AnalyticsApiTests(FulcrumWebFactory factory) : IClassFixture<FulcrumWebFactory>
{
    Task<T> Direct<T>(Func<AnalysisFacts, T> analysis) =>
        factory.Services.GetRequiredService<StorePool>().ReadAsync(store => analysis(new AnalysisFacts(store)));

    static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task Metrics_are_the_numbers_of_MetricsAnalysis()
    {
        using var client = await factory.ClientAsync(Roles.Viewer);
        var json = await Json(await client.GetAsync("/api/metrics?metric=nps&by=segment&period=year"));
        var direct = await Direct(f => MetricsAnalysis.Run(f, new MetricsQuery(["nps"], ["segment"], PeriodUnit.Year)));
        var items = json.GetProperty("cells").GetProperty("items");
        Assert.Equal(direct.Cells.Count, items.GetArrayLength());
        for (var i = 0; i < direct.Cells.Count; i++)
        {
            var estimate = items[i].GetProperty("estimate");
            Assert.Equal(direct.Cells[i].Estimate.Value, estimate.GetProperty("value").GetDouble(), 9);
            Assert.Equal(direct.Cells[i].Estimate.Lower, estimate.GetProperty("lower").GetDouble(), 9);
            Assert.Equal(direct.Cells[i].Estimate.Upper, estimate.GetProperty("upper").GetDouble(), 9);
            Assert.Equal(direct.Cells[i].Estimate.N, estimate.GetProperty("n").GetInt64());
        }
    }

    [Fact]
    public async Task Growth_check_and_drilldown_are_the_numbers_of_the_analytics()
    {
        using var client = await factory.ClientAsync(Roles.Viewer);
        var growth = await Json(await client.GetAsync("/api/growth-check?by=product_count"));
        var direct = await Direct(f => GrowthCheck.Run(f, new GrowthCheckOptions(By: "product_count")));
        var decomposition = growth.GetProperty("decomposition");
        Assert.Equal(direct.Decomposition.MixEffect.Value, decomposition.GetProperty("mixEffect").GetProperty("value").GetDouble(), 9);
        Assert.Equal(direct.Decomposition.RateEffect.Value, decomposition.GetProperty("rateEffect").GetProperty("value").GetDouble(), 9);
        Assert.Equal(direct.Findings.Count, growth.GetProperty("findings").GetArrayLength());

        var drill = await Json(await client.GetAsync("/api/drilldown?depth=2"));
        var tree = await Direct(f => DrillDown.Run(f, new DrillOptions(Depth: 2)));
        Assert.Equal(tree.Value.Value, drill.GetProperty("value").GetProperty("value").GetDouble(), 9);
        Assert.Equal(tree.Children.Count, drill.GetProperty("children").GetArrayLength());
    }

    [Fact]
    public async Task Lists_are_paged()
    {
        using var client = await factory.ClientAsync(Roles.Viewer);
        var all = await Json(await client.GetAsync("/api/metrics?metric=nps&by=region&period=quarter&pageSize=500"));
        var second = await Json(await client.GetAsync("/api/metrics?metric=nps&by=region&period=quarter&page=2&pageSize=5"));
        var cells = second.GetProperty("cells");
        Assert.Equal(all.GetProperty("cells").GetProperty("total").GetInt64(), cells.GetProperty("total").GetInt64());
        Assert.Equal(5, cells.GetProperty("items").GetArrayLength());
        Assert.Equal(all.GetProperty("cells").GetProperty("items")[5].GetProperty("periodLabel").GetString(), cells.GetProperty("items")[0].GetProperty("periodLabel").GetString());
    }

    [Theory]
    [InlineData("/api/metrics?by=colour", "Unknown dimension 'colour'")]
    [InlineData("/api/metrics?period=fortnight", "period must be one of")]
    [InlineData("/api/metrics?pageSize=100000", "pageSize must be 1 to 500")]
    [InlineData("/api/growth-check?before=2023-01-01:2023-12-31", "Give both before and after")]
    [InlineData("/api/drilldown?depth=9", "depth must be 1 to 5")]
    public async Task Bad_parameters_get_400_naming_the_problem(string url, string message)
    {
        using var client = await factory.ClientAsync(Roles.Viewer);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_analyst_changes_an_assumption_and_cost_to_serve_follows()
    {
        using var analyst = await factory.ClientAsync(Roles.Analyst);
        async Task<double> CostToServe()
        {
            var json = await Json(await analyst.GetAsync("/api/metrics?metric=cost_to_serve&period=year"));
            return json.GetProperty("cells").GetProperty("items")[0].GetProperty("estimate").GetProperty("value").GetDouble();
        }
        var before = await CostToServe();
        var put = await analyst.PutAsJsonAsync("/api/assumptions/cost_per_agent_hour", new { value = 90.0 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var after = await CostToServe();
        Assert.True(after > before * 1.3, $"cost to serve {before} → {after} after doubling the agent hour cost");
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.PutAsJsonAsync("/api/assumptions/no_such_thing", new { value = 1.0 })).StatusCode);
        await analyst.PutAsJsonAsync("/api/assumptions/cost_per_agent_hour", new { value = 45.0 });
    }

    [Fact]
    public async Task OpenApi_document_lists_the_named_endpoints()
    {
        using var client = await factory.ClientAsync(Roles.Viewer);
        var text = await (await client.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        foreach (var id in new[] { "GetMetrics", "GetDrillDown", "GetGrowthCheck", "PostResponse", "PostResponses", "GetFollowups", "CreateApiKey" })
            Assert.Contains($"\"operationId\": \"{id}\"", text);
    }

    [Fact]
    public async Task Follow_ups_are_assigned_and_closed_by_analysts()
    {
        var writer = factory.Services.GetRequiredService<StoreWriter>();
        await writer.RunAsync(s => s.Execute("""
            INSERT INTO followups (response_id, status, opened_at)
            SELECT response_id, 'open', responded_at FROM responses WHERE nps <= 6 ORDER BY response_id LIMIT 3
            """), changesData: true);
        using var analyst = await factory.ClientAsync(Roles.Analyst);
        var list = await Json(await analyst.GetAsync("/api/followups?status=open"));
        var id = list.GetProperty("items")[0].GetProperty("responseId").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent, (await analyst.PostAsJsonAsync($"/api/followups/{id}/assign", new { owner = "kim" })).StatusCode);
        Assert.Equal(1, (await Json(await analyst.GetAsync("/api/followups?owner=kim"))).GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.NoContent, (await analyst.PostAsJsonAsync($"/api/followups/{id}/close", new { resolution = "called back" })).StatusCode);
        var openId = list.GetProperty("items")[1].GetProperty("responseId").GetString()!;
        var closeOpen = await analyst.PostAsJsonAsync($"/api/followups/{openId}/close", new { resolution = "skipped a step" });
        Assert.Equal(HttpStatusCode.BadRequest, closeOpen.StatusCode);
        Assert.Contains("assign it first", await closeOpen.Content.ReadAsStringAsync());
        var closedAgain = await analyst.PostAsJsonAsync($"/api/followups/{id}/close", new { resolution = "again" });
        Assert.Equal(HttpStatusCode.BadRequest, closedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.PostAsJsonAsync("/api/followups/nope/close", new { resolution = "x" })).StatusCode);
    }

    [Fact]
    public async Task Sync_opens_a_follow_up_for_every_detractor_answer_once()
    {
        using var analyst = await factory.ClientAsync(Roles.Analyst);
        var first = await Json(await analyst.PostAsync("/api/followups/sync", null));
        var again = await Json(await analyst.PostAsync("/api/followups/sync", null));
        Assert.Equal(0, again.GetProperty("opened").GetInt32());
        var detractors = await factory.Services.GetRequiredService<StorePool>().ReadAsync(s => s.Scalar<long>("SELECT COUNT(*) FROM responses WHERE nps <= 6"));
        Assert.Equal(detractors, first.GetProperty("answers").GetInt64());
        var measures = await Json(await analyst.GetAsync("/api/followups/measures"));
        Assert.Equal(detractors, measures.GetProperty("cases").GetInt64());
    }

    [Fact]
    public async Task Business_case_ranks_levers_and_sliders_reprice_them()
    {
        using var viewer = await factory.ClientAsync(Roles.Viewer);
        var report = await Json(await viewer.GetAsync("/api/business-case"));
        var horizon = report.GetProperty("horizonMonths").GetInt32();
        // Ranked by the lower bound of the NPV interval (LeverRanking), not by the point estimate.
        double Npv(JsonElement lever) => lever.GetProperty("horizons").EnumerateArray().First(h => h.GetProperty("months").GetInt32() == horizon)
            .GetProperty("npv").GetProperty("lower").GetDouble();
        double Arr(JsonElement r, string id) => r.GetProperty("levers").EnumerateArray().First(l => l.GetProperty("lever").GetProperty("id").GetString() == id)
            .GetProperty("horizons").EnumerateArray().First(h => h.GetProperty("months").GetInt32() == horizon).GetProperty("arrTotal").GetProperty("value").GetDouble();
        var npvs = report.GetProperty("levers").EnumerateArray().Select(Npv).ToList();
        Assert.True(npvs.Count >= 3, $"{npvs.Count} levers valued");
        Assert.Equal(npvs.OrderByDescending(n => n), npvs);

        // Twice the share of detractors moved to passive: that lever is worth more ARR, on the same fitted models.
        var before = Arr(report, "detractors_to_passive");
        var doubled = await Json(await viewer.GetAsync("/api/business-case/revalue?lever_size_detractors_to_passive=0.4"));
        Assert.True(Arr(doubled, "detractors_to_passive") > 1.5 * before, $"{before} → {Arr(doubled, "detractors_to_passive")}");

        var unknown = await viewer.GetAsync("/api/business-case/revalue?wishful_thinking=1");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var outOfRange = await viewer.GetAsync("/api/business-case/revalue?gross_margin=3");
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Contains("gross_margin must be a number between", await outOfRange.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Value_and_drivers_are_served()
    {
        using var viewer = await factory.ClientAsync(Roles.Viewer);
        var value = await Json(await viewer.GetAsync("/api/value"));
        Assert.True(value.GetProperty("initiatives").GetArrayLength() >= 3);
        var total = value.GetProperty("ledger").GetProperty("total").GetProperty("total");
        Assert.True(total.GetProperty("lower").GetDouble() <= total.GetProperty("value").GetDouble());
        var drivers = await Json(await viewer.GetAsync("/api/drivers?outcome=nps"));
        Assert.True(drivers.GetProperty("drivers").GetArrayLength() > 0);
        Assert.Equal(HttpStatusCode.BadRequest, (await viewer.GetAsync("/api/drivers?method=astrology")).StatusCode);
    }
}
