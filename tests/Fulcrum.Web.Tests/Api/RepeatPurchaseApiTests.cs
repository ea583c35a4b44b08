using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fulcrum.Analytics.Transactions;
using Fulcrum.Core.Statistics;
using Fulcrum.Data.Demo.Shop;
using Fulcrum.Web.Access;
using Fulcrum.Web.Api;
using Fulcrum.Web.Store;
using Fulcrum.Web.Tests.WithoutData;
using Microsoft.Extensions.DependencyInjection;

namespace Fulcrum.Web.Tests.Api;

/// <summary>
/// GET /api/repeat-purchase on a generated shop: the numbers of `fulcrum repeat-purchase` with their intervals, n and
/// method, the planted repeat rates recovered, cached until the data or an assumption changes, and bad options refused.
/// </summary>
public sealed class RepeatPurchaseApiTests(ShopWebFactory factory) : IClassFixture<ShopWebFactory>
{
    /// <summary>The planted odds of reordering after a dissatisfied vs a satisfied order (18% vs 50%).</summary>
    static readonly double PlantedOddsRatio = ShopModel.RepeatRate[0] / (1 - ShopModel.RepeatRate[0]) / (ShopModel.RepeatRate[2] / (1 - ShopModel.RepeatRate[2]));

    Task<RepeatPurchaseReport> Direct(RepeatPurchaseOptions options) =>
        factory.Services.GetRequiredService<StorePool>().ReadAsync(store => RepeatPurchaseAnalysis.Run(store, options));

    static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.Clone();
    }

    static void Same(Estimate expected, JsonElement actual)
    {
        Assert.True(actual.GetProperty("isDefined").GetBoolean(), actual.ToString());
        Assert.Equal(expected.Value, actual.GetProperty("value").GetDouble(), 9);
        Assert.Equal(expected.Lower, actual.GetProperty("lower").GetDouble(), 9);
        Assert.Equal(expected.Upper, actual.GetProperty("upper").GetDouble(), 9);
        Assert.Equal(expected.N, actual.GetProperty("n").GetInt64());
        Assert.Equal(expected.Method, actual.GetProperty("method").GetString());
        Assert.Equal(0.90, actual.GetProperty("confidenceLevel").GetDouble(), 9);
    }

    [Fact]
    public async Task A_shop_gets_the_numbers_of_the_analysis_with_intervals_n_and_method_and_the_planted_rates()
    {
        using var client = await factory.ClientAsync(Roles.Viewer);
        // As the dashboard asks: 202 with progress while it is computed, then the report.
        HttpResponseMessage response;
        while ((response = await client.GetAsync("/api/repeat-purchase?wait=false")).StatusCode == HttpStatusCode.Accepted)
        {
            var progress = await Json(response, HttpStatusCode.Accepted);
            Assert.False(string.IsNullOrEmpty(progress.GetProperty("message").GetString()));
            await Task.Delay(200);
        }
        var json = await Json(response);
        var direct = await Direct(new RepeatPurchaseOptions());
        Assert.True(direct.IsDefined, direct.Missing);

        Assert.Equal("csat", json.GetProperty("soft").GetString());
        Assert.Equal(180, json.GetProperty("windowDays").GetInt32());
        Assert.Equal(direct.Answers, json.GetProperty("answers").GetInt64());
        Assert.Equal(direct.Customers, json.GetProperty("customers").GetInt64());
        Assert.Equal(direct.Headline, json.GetProperty("headline").GetString());
        var levels = json.GetProperty("levels");
        Assert.Equal(3, levels.GetArrayLength());
        for (var i = 0; i < direct.Levels.Count; i++)
        {
            Assert.Equal(direct.Levels[i].Level, levels[i].GetProperty("level").GetString());
            Assert.Equal(direct.Levels[i].Answers, levels[i].GetProperty("answers").GetInt64());
            Same(direct.Levels[i].Observed, levels[i].GetProperty("observed"));
            Same(direct.Levels[i].Adjusted, levels[i].GetProperty("adjusted"));
        }
        Same(direct.OddsRatioLowestVsTop, json.GetProperty("oddsRatioLowestVsTop"));
        Same(direct.RevenuePerRepeat, json.GetProperty("revenuePerRepeat"));
        var lever = json.GetProperty("lever");
        Same(direct.Lever!.Npv, lever.GetProperty("npv"));
        Same(direct.Lever.ExtraGrossMargin, lever.GetProperty("extraGrossMargin"));
        Assert.Contains("customer cluster bootstrap, 1,000 resamples", lever.GetProperty("npv").GetProperty("method").GetString());

        // The planted behaviour: 18% of dissatisfied and 50% of satisfied reviewers order again (±6 points), odds ratio 0.22.
        Assert.InRange(levels[0].GetProperty("adjusted").GetProperty("value").GetDouble(), ShopModel.RepeatRate[0] - 0.06, ShopModel.RepeatRate[0] + 0.06);
        Assert.InRange(levels[2].GetProperty("adjusted").GetProperty("value").GetDouble(), ShopModel.RepeatRate[2] - 0.06, ShopModel.RepeatRate[2] + 0.06);
        var odds = json.GetProperty("oddsRatioLowestVsTop");
        Assert.InRange(PlantedOddsRatio, odds.GetProperty("lower").GetDouble(), odds.GetProperty("upper").GetDouble());
        Assert.True(odds.GetProperty("upper").GetDouble() < 1);
        Assert.True(lever.GetProperty("extraGrossMargin").GetProperty("lower").GetDouble() > 0);

        // Kept for the data version: the next caller gets this very report.
        Assert.True(factory.Services.GetRequiredService<AnalyticsRunner>().TryGetFresh<RepeatPurchaseReport>(RepeatPurchaseApi.CacheKey(new()), out var cached));
        Assert.Equal(direct.Lever.Npv.Value, cached.Lever!.Npv.Value, 9);
    }

    [Fact]
    public async Task An_assumption_change_reprices_the_lever_at_once()
    {
        using var viewer = await factory.ClientAsync(Roles.Viewer);
        using var analyst = await factory.ClientAsync(Roles.Analyst);
        var before = (await Json(await viewer.GetAsync("/api/repeat-purchase"))).GetProperty("lever");
        // Gross margin = net revenue × gross_margin, resample by resample.
        var margin = before.GetProperty("extraGrossMargin").GetProperty("value").GetDouble() / before.GetProperty("extraRevenue").GetProperty("value").GetDouble();
        Assert.Equal(Fulcrum.Data.Store.DefaultAssumptions.Find("gross_margin")!.Value, margin, 9);

        Assert.Equal(HttpStatusCode.OK, (await analyst.PutAsJsonAsync("/api/assumptions/gross_margin", new AssumptionUpdate(margin / 2))).StatusCode);
        var after = (await Json(await viewer.GetAsync("/api/repeat-purchase"))).GetProperty("lever");

        // Halving the assumption halves the figure and its interval; the revenue stays.
        foreach (var bound in new[] { "value", "lower", "upper" })
            Assert.Equal(before.GetProperty("extraGrossMargin").GetProperty(bound).GetDouble() / 2, after.GetProperty("extraGrossMargin").GetProperty(bound).GetDouble(), 6);
        Assert.Equal(before.GetProperty("extraRevenue").GetProperty("value").GetDouble(), after.GetProperty("extraRevenue").GetProperty("value").GetDouble(), 6);
        Assert.Equal(HttpStatusCode.OK, (await analyst.PutAsJsonAsync("/api/assumptions/gross_margin", new AssumptionUpdate(margin))).StatusCode);
    }

    [Fact]
    public async Task Other_options_are_their_own_figures()
    {
        using var client = await factory.ClientAsync(Roles.Viewer);
        var shorter = await Json(await client.GetAsync("/api/repeat-purchase?windowDays=90&share=0.5"));
        var direct = await Direct(new RepeatPurchaseOptions(WindowDays: 90, LeverShare: 0.5));
        Assert.Equal(90, shorter.GetProperty("windowDays").GetInt32());
        Assert.Equal(direct.Answers, shorter.GetProperty("answers").GetInt64());
        Assert.Equal(0.5, shorter.GetProperty("lever").GetProperty("share").GetDouble(), 9);
        Same(direct.Levels[0].Adjusted, shorter.GetProperty("levels")[0].GetProperty("adjusted"));
        Same(direct.Lever!.ExtraRepeatCustomers, shorter.GetProperty("lever").GetProperty("extraRepeatCustomers"));
        // A shorter window follows more answers (fewer lack a full window of orders after them).
        Assert.True(direct.Answers > (await Direct(new RepeatPurchaseOptions(Resamples: 100))).Answers);
    }

    [Fact]
    public async Task A_caller_with_a_computation_of_other_options_running_gets_429_for_the_next_one()
    {
        using var viewer = await factory.ClientAsync(Roles.Viewer);
        // Distinct windows, so no answer comes from the cache: each is a real run of 1,000 customer resamples.
        var responses = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => viewer.GetAsync($"/api/repeat-purchase?windowDays={30 + 10 * i}")));

        var codes = responses.Select(r => r.StatusCode).ToList();
        Assert.All(codes, c => Assert.True(c is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"unexpected {c}"));
        Assert.Contains(HttpStatusCode.OK, codes);
        Assert.Contains(HttpStatusCode.TooManyRequests, codes);
        Assert.Contains("still running", await responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests).Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("windowDays=3", "windowDays", "7 to 1095")]
    [InlineData("windowDays=5000", "windowDays", "7 to 1095")]
    [InlineData("soft=ces", "soft", "csat or nps")]
    [InlineData("share=1.5", "share", "between 0 and 1")]
    [InlineData("share=NaN", "share", "between 0 and 1")]
    public async Task Bad_options_are_refused_naming_the_parameter(string query, string field, string message)
    {
        using var client = await factory.ClientAsync(Roles.Viewer);
        var problem = await Json(await client.GetAsync($"/api/repeat-purchase?{query}"), HttpStatusCode.BadRequest);
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }
}
