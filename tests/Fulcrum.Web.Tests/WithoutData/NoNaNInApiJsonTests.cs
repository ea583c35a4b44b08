using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fulcrum.Web.Access;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fulcrum.Web.Tests.WithoutData;

/// <summary>
/// Every GET route of the API (read from the app's EndpointDataSource, so a new route is scanned without touching this
/// test), on a company without renewals or NPS: its JSON has no "NaN" or "Infinity" anywhere — a figure the data cannot
/// give is null, and an estimate without a value says why (<c>isDefined: false</c>, <c>reason</c>), as the CLI's --json.
/// </summary>
public sealed class NoNaNInApiJsonTests(WithoutOutcomesOrNpsWebFactory factory) : IClassFixture<WithoutOutcomesOrNpsWebFactory>
{
    // Beyond each route's defaults: the views the dashboard asks for, on thin cells where intervals are withheld.
    static readonly string[] MoreUrls =
    [
        "/api/metrics?metric=csat&period=month&by=segment,region&pageSize=500", "/api/metrics?metric=ces&period=quarter&by=product_count",
        "/api/drilldown?metric=csat&depth=3", "/api/growth-check?metric=csat&by=segment", "/api/drivers?outcome=csat",
        "/api/business-case?wait=true", "/api/business-case/revalue?gross_margin=0.5", "/api/followups/measures",
    ];

    [Fact]
    public async Task No_route_writes_NaN_or_Infinity_and_every_absent_estimate_says_why()
    {
        using var analyst = await factory.ClientAsync(Roles.Analyst);
        using var admin = await factory.ClientAsync(Roles.Admin);
        // Stored alerts, so GET /api/alerts lists some with their intervals.
        Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsync("/api/alerts/scan", null)).StatusCode);

        var urls = GetRoutes().Concat(MoreUrls).ToList();
        Assert.True(urls.Count >= 30, $"expected the API's GET routes, found {urls.Count}");
        var failures = new List<string>();
        var (answered, absent) = (0, 0);
        foreach (var url in urls)
        {
            using var response = await admin.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) != true) continue;
            answered++;
            if (body.Contains("NaN", StringComparison.Ordinal) || body.Contains("Infinity", StringComparison.Ordinal))
                failures.Add($"{url} ({(int)response.StatusCode}) writes NaN or Infinity: {Excerpt(body)}");
            foreach (var estimate in Objects(JsonDocument.Parse(body).RootElement).Where(o => o.TryGetProperty("isDefined", out var d) && d.ValueKind == JsonValueKind.False))
            {
                absent++;
                if (estimate.GetProperty("value").ValueKind != JsonValueKind.Null || !estimate.TryGetProperty("reason", out var reason) || string.IsNullOrWhiteSpace(reason.GetString()))
                    failures.Add($"{url}: an estimate without a value has no null value beside a reason: {Excerpt(estimate.GetRawText())}");
            }
        }
        Assert.Empty(failures);
        Assert.True(answered >= 25, $"only {answered} routes answered JSON");
        Assert.True(absent > 0, "no estimate without a value was found: the store is meant to have some");
    }

    static string Excerpt(string text) => text.Length <= 400 ? text : text[..400] + "…";

    static IEnumerable<JsonElement> Objects(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Objects(p.Value)).Prepend(element),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Objects),
        _ => [],
    };

    /// <summary>Every GET route under /api, with each route parameter filled by a value the store holds where there is one.</summary>
    List<string> GetRoutes()
    {
        _ = factory.Server;
        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        var pool = factory.Services.GetRequiredService<Fulcrum.Web.Store.StorePool>();
        var responseId = pool.ReadAsync(s => s.Scalar<string>("SELECT response_id FROM followups ORDER BY response_id LIMIT 1")).GetAwaiter().GetResult();
        return source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(r => r.StartsWith("/api/", StringComparison.Ordinal))
            .Select(r => Regex.Replace(r, @"\{([^}:=?]+)[^}]*\}", m => m.Groups[1].Value == "responseId" && responseId is not null ? responseId : "x"))
            .Distinct().ToList();
    }
}
