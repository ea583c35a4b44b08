using System.Text.Json;
using Fulcrum.Data.Survey;
using Fulcrum.Web.Access;
using Fulcrum.Web.Store;
using Fulcrum.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fulcrum.Web.Tests.Api;

/// <summary>
/// GET /api/status gives the CSAT and CES scales the store's answers are on, in `fulcrum status`'s words ("CSAT 1–10
/// (declared by the mapping survey10.yaml)", "CES 1–7 (default)"), and a new declaration shows at once.
/// </summary>
public sealed class StatusApiTests : IDisposable
{
    readonly FulcrumWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    static async Task<List<JsonElement>> Scales(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/api/status")).RootElement.GetProperty("scales").EnumerateArray().ToList();

    [Fact]
    public async Task Status_gives_each_scale_with_where_it_comes_from_in_the_CLIs_words()
    {
        using var viewer = await _factory.ClientAsync(Roles.Viewer);
        var pool = _factory.Services.GetRequiredService<StorePool>();
        var stored = await pool.ReadAsync(ScoreScales.Stored);

        var before = await Scales(viewer);
        Assert.Equal(["csat", "ces"], before.Select(s => s.GetProperty("metric").GetString()));
        Assert.Equal(stored.Select(s => s.Description), before.Select(s => s.GetProperty("description").GetString()));
        Assert.Equal("CES 1–7 (default)", before[1].GetProperty("description").GetString());
        Assert.False(before[1].GetProperty("declared").GetBoolean());
        Assert.Equal(JsonValueKind.Null, before[1].GetProperty("declaredBy").ValueKind);

        await _factory.Services.GetRequiredService<StoreWriter>().RunAsync(s =>
        {
            s.Execute("DELETE FROM score_scales WHERE metric = 'csat'");
            s.Execute("INSERT INTO score_scales (metric, min_value, max_value, declared_by, declared_at) VALUES ('csat', 1, 10, 'the mapping survey10.yaml', TIMESTAMP '2026-01-02 03:04:05')");
            return 0;
        }, changesData: true);

        var csat = (await Scales(viewer))[0];
        Assert.Equal("CSAT 1–10 (declared by the mapping survey10.yaml)", csat.GetProperty("description").GetString());
        Assert.Equal(1, csat.GetProperty("min").GetDouble());
        Assert.Equal(10, csat.GetProperty("max").GetDouble());
        Assert.True(csat.GetProperty("declared").GetBoolean());
        Assert.Equal("the mapping survey10.yaml", csat.GetProperty("declaredBy").GetString());
    }
}
