using System.Net;
using Fulcrum.Web.Access;
using Fulcrum.Web.Tests.Support;

namespace Fulcrum.Web.Tests.Security;

/// <summary>Finding 15: a viewer could queue slow re-valuations one after another; now each caller has at most one running.</summary>
public sealed class RevaluationGateTests(FulcrumWebFactory factory) : IClassFixture<FulcrumWebFactory>
{
    [Fact]
    public async Task A_caller_with_a_revaluation_running_gets_429_for_the_next_one_and_never_a_5xx()
    {
        using var viewer = await factory.ClientAsync(Roles.Viewer);
        // The fitted business case first (shared and cached), so the requests below race only for the re-valuation itself.
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/business-case")).StatusCode);

        // Distinct settings, so no answer comes from the cache: each is a real re-valuation of 1,000 resamples.
        var responses = await Task.WhenAll(Enumerable.Range(1, 12).Select(i =>
            viewer.GetAsync(FormattableString.Invariant($"/api/business-case/revalue?gross_margin={0.40 + i * 0.03:0.00}"))));

        var codes = responses.Select(r => r.StatusCode).ToList();
        Assert.All(codes, c => Assert.True(c is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"unexpected {c}"));
        Assert.Contains(HttpStatusCode.OK, codes);
        Assert.Contains(HttpStatusCode.TooManyRequests, codes);
        var refused = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Contains("still running", await refused.Content.ReadAsStringAsync());
    }
}
