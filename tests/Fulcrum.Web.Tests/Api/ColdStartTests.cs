using System.Net;
using System.Text.Json;
using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Web.Access;
using Fulcrum.Web.Store;
using Fulcrum.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fulcrum.Web.Tests.Api;

/// <summary>
/// The server is ready at once: start-up does not wait for the warm-up, and a figure still being computed answers
/// 202 with its progress (when asked with ?wait=false, as the dashboard does) instead of holding the request.
/// </summary>
public sealed class ColdStartTests
{
    [Fact]
    public async Task Start_up_returns_before_the_warm_up_and_a_cold_business_case_reports_progress_until_it_is_ready()
    {
        using var factory = new FulcrumWebFactory(new Dictionary<string, string?> { ["Fulcrum:Analytics:WarmUp"] = "true" });
        using var viewer = await factory.ClientAsync(Roles.Viewer); // starts the app (StartAsync has returned)
        var runner = factory.Services.GetRequiredService<AnalyticsRunner>();
        // Were the warm-up run inside start-up, the business case would be cached by now.
        Assert.False(runner.TryGetFresh<BusinessCaseRun>("business-case-run", out _));

        var first = await viewer.GetAsync("/api/business-case?wait=false");
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal("2", first.Headers.GetValues("Retry-After").Single());
        using (var progress = JsonDocument.Parse(await first.Content.ReadAsStringAsync()))
        {
            Assert.Contains(progress.RootElement.GetProperty("state").GetString(), new[] { "queued", "running" });
            Assert.False(string.IsNullOrWhiteSpace(progress.RootElement.GetProperty("message").GetString()));
        }

        // Polled as the page does, it becomes the report; the count only stops a broken server from looping for ever.
        HttpResponseMessage? ready = null;
        for (var poll = 0; poll < 100_000 && ready is null; poll++)
        {
            var response = await viewer.GetAsync("/api/business-case?wait=false");
            if (response.StatusCode == HttpStatusCode.Accepted) { await Task.Delay(200); continue; }
            ready = response;
        }
        Assert.NotNull(ready);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.True(report.RootElement.GetProperty("levers").GetArrayLength() >= 3);
    }
}
