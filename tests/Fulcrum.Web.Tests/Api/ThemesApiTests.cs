using System.Net;
using System.Text.Json;
using Fulcrum.Web.Access;
using Fulcrum.Web.Tests.Support;

namespace Fulcrum.Web.Tests.Api;

/// <summary>Themes through the API: none before a discovery, then themes with impact and their comments.</summary>
public sealed class ThemesApiTests(FulcrumWebFactory factory) : IClassFixture<FulcrumWebFactory>
{
    [Fact]
    public async Task Discovery_finds_themes_whose_impact_and_comments_are_served()
    {
        using var viewer = await factory.ClientAsync(Roles.Viewer);
        using var analyst = await factory.ClientAsync(Roles.Analyst);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/api/themes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/themes/discover?fast=true", null)).StatusCode);

        var run = await analyst.PostAsync("/api/themes/discover?fast=true", null);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        using var discovery = JsonDocument.Parse(await run.Content.ReadAsStringAsync());
        Assert.True(discovery.RootElement.GetProperty("themes").GetInt32() >= 3);

        var report = await viewer.GetAsync("/api/themes");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        using var json = JsonDocument.Parse(await report.Content.ReadAsStringAsync());
        var themes = json.RootElement.GetProperty("themes");
        Assert.True(themes.GetArrayLength() >= 3);
        var first = themes[0];
        var impact = first.GetProperty("scoreImpact");
        Assert.True(impact.GetProperty("lower").GetDouble() <= impact.GetProperty("value").GetDouble());

        var id = first.GetProperty("themeId").GetString();
        using var verbatims = JsonDocument.Parse(await viewer.GetStringAsync($"/api/themes/{id}/verbatims?pageSize=5"));
        Assert.Equal(5, verbatims.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(first.GetProperty("comments").GetInt64(), verbatims.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/api/themes/no-such-theme/verbatims")).StatusCode);
    }
}
