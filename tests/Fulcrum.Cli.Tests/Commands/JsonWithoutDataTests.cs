using System.Text.Json;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>
/// Every --json output on stores that lack some data (no scores, as the airline tweets; no opportunities; no tickets;
/// no renewals): a figure without data behind it is null beside its reason, never the string "NaN" or "Infinity".
/// </summary>
public sealed class JsonWithoutDataTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-json-nan-").FullName;

    /// <summary>The demo company with one change that takes data away, as a user's store might lack it.</summary>
    string Store(string name, string sql)
    {
        var path = Path.Combine(_directory, $"{name}.duckdb");
        DemoCompanyTemplates.CopyTo(path, new DemoCompanyOptions(300, 3, 17));
        using var store = FulcrumStore.Open(path);
        store.Execute(sql);
        return path;
    }

    static string Json(params string[] args)
    {
        using var capture = new ConsoleCapture();
        var code = FulcrumApp.Run(args);
        Assert.True(code == 0, $"{string.Join(' ', args)} exited {code}: {capture.Spectre}");
        return capture.Standard;
    }

    static void AssertNoNonFiniteLiteral(string command, string json)
    {
        using var _ = JsonDocument.Parse(json);
        Assert.False(json.Contains("\"NaN\"", StringComparison.Ordinal) || json.Contains("Infinity", StringComparison.Ordinal),
            $"{command} --json writes a non-finite number as a string: {json[..Math.Min(json.Length, 400)]}");
    }

    [Fact]
    public void Themes_on_comments_without_scores_have_no_score_impact_as_null_with_the_reason()
    {
        // As the airline tweets: comments and nothing else to score them by.
        var db = Store("no-scores", "UPDATE responses SET nps = NULL, csat = NULL, ces = NULL");
        var json = Json("themes", "--fast", "--clusters", "4", "--replicates", "100", "--json", "--db", db);
        AssertNoNonFiniteLiteral("themes", json);
        using var document = JsonDocument.Parse(json);
        var impact = document.RootElement.GetProperty("impact").GetProperty("themes").EnumerateArray().First().GetProperty("scoreImpact");
        Assert.False(impact.GetProperty("isDefined").GetBoolean());
        Assert.Equal(JsonValueKind.Null, impact.GetProperty("value").ValueKind);
        Assert.Contains("NPS", impact.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void References_without_opportunities_give_a_null_p_value_and_revenue_beside_the_reason()
    {
        var db = Store("no-opportunities", "DELETE FROM opportunities");
        var json = Json("references", "--json", "--db", db);
        AssertNoNonFiniteLiteral("references", json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.False(root.GetProperty("isDefined").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("winRateUplift").GetProperty("pValue").ValueKind);
        Assert.Contains("no opportunities", root.GetProperty("winRateUplift").GetProperty("method").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("revenueInfluenced").ValueKind);
        AssertNoNonFiniteLiteral("value", Json("value", "--json", "--db", db));
    }

    [Theory]
    [InlineData("no-tickets", "DELETE FROM tickets")]
    [InlineData("no-outcomes", "DELETE FROM outcomes")]
    [InlineData("csat-only", "UPDATE responses SET nps = NULL, ces = NULL")]
    public void Analysis_json_on_a_store_without_some_data_writes_no_NaN_or_Infinity(string name, string sql)
    {
        var db = Store(name, sql);
        string[][] commands =
        [
            ["metrics", "--json"], ["growth-check", "--json"], ["cohorts", "--json"], ["drivers", "--outcome", "csat", "--replicates", "100", "--json"],
            ["linkage", "--resamples", "100", "--json"], ["business-case", "--resamples", "100", "--json", "--out", Path.Combine(_directory, name)],
            ["references", "--json"], ["value", "--json"], ["repeat-purchase", "--resamples", "100", "--json"],
        ];
        foreach (var command in commands)
            AssertNoNonFiniteLiteral(string.Join(' ', command), Json([.. command, "--db", db]));
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
