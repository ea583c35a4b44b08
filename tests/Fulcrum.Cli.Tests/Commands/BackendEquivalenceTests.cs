using System.Text.Json.Nodes;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>
/// The same demo company generated into a DuckDB file and into a PostgreSQL database gives the same figures from every
/// analysis: the --json output of each command is compared value by value, integers exactly and other numbers to
/// 1e-9 relative (sums are added in a different order). Only wall-clock fields (timings, when an alert was first seen) differ.
/// </summary>
public sealed class BackendEquivalenceTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-equivalence-").FullName;

    static readonly string[][] Analyses =
    [
        ["metrics", "--by", "segment", "--period", "quarter"],
        ["metrics", "--metric", "nps,csat,ces,contacts_per_account,handle_minutes,first_contact_resolution,reopen_rate,cost_to_serve", "--by", "product_count", "--weight", "arr"],
        ["drilldown", "--depth", "3"],
        ["growth-check"],
        ["cohorts"],
        ["alerts", "--method", "both"],
        ["drivers"],
        ["drivers", "--within-account"],
        ["linkage", "--resamples", "200"],
        ["business-case", "--resamples", "200"],
        ["value"],
        ["references"],
        ["initiatives", "show", "INIT-QW-CALLBACK"],
        ["themes", "--fast"],
    ];

    /// <summary>Keys whose values are clock readings, not figures.</summary>
    static readonly HashSet<string> ClockKeys = ["firstSeenAt", "seenAt", "elapsed", "phases", "generatedAt"];

    [Fact]
    public void Every_analysis_gives_the_same_figures_on_PostgreSQL_as_on_DuckDB()
    {
        var duckDb = Path.Combine(_directory, "demo.duckdb");
        var postgres = PostgresCluster.Instance.Url(PostgresCluster.Instance.CreateDatabase("fulcrum_equivalence"));
        foreach (var db in new[] { duckDb, postgres })
            Assert.Equal(0, FulcrumApp.Run(["generate", "--accounts", "600", "--seed", "19", "--db", db]));

        var differences = new List<string>();
        var compared = 0;
        foreach (var analysis in Analyses)
        {
            var onDuckDb = Json(analysis, duckDb);
            var onPostgres = Json(analysis, postgres);
            compared += Compare(onDuckDb, onPostgres, string.Join(' ', analysis), differences);
        }
        Assert.True(differences.Count == 0, $"{differences.Count} differences, e.g.:\n{string.Join("\n", differences.Take(20))}");
        Assert.True(compared > 10_000, $"only {compared} values compared");
    }

    JsonNode Json(string[] analysis, string db)
    {
        using var console = new ConsoleCapture();
        var exit = FulcrumApp.Run([.. analysis, "--json", "--db", db, .. analysis[0] == "business-case" ? new[] { "--out", Path.Combine(_directory, "bc") } : []]);
        Assert.True(exit == 0, $"{string.Join(' ', analysis)} on {db} failed: {console.Spectre}");
        return JsonNode.Parse(console.Standard) ?? throw new InvalidOperationException($"{string.Join(' ', analysis)} wrote no JSON");
    }

    /// <returns>The number of leaf values compared.</returns>
    static int Compare(JsonNode? a, JsonNode? b, string path, List<string> differences)
    {
        switch (a, b)
        {
            case (JsonObject x, JsonObject y):
                var keys = x.Select(p => p.Key).Union(y.Select(p => p.Key)).Where(k => !ClockKeys.Contains(k));
                return keys.Sum(k => x.ContainsKey(k) && y.ContainsKey(k)
                    ? Compare(x[k], y[k], $"{path}.{k}", differences)
                    : Difference(differences, $"{path}.{k}: present in only one"));
            case (JsonArray x, JsonArray y):
                if (x.Count != y.Count) return Difference(differences, $"{path}: {x.Count} vs {y.Count} items");
                return x.Select((item, i) => Compare(item, y[i], $"{path}[{i}]", differences)).Sum();
            case (JsonValue x, JsonValue y) when x.TryGetValue<long>(out var m) && y.TryGetValue<long>(out var n):
                return m == n ? 1 : Difference(differences, $"{path}: {m} vs {n}");
            case (JsonValue x, JsonValue y) when x.TryGetValue<double>(out var u) && y.TryGetValue<double>(out var v):
                return u == v || Math.Abs(u - v) <= 1e-9 * Math.Max(Math.Abs(u), Math.Abs(v)) ? 1 : Difference(differences, $"{path}: {u:R} vs {v:R}");
            case (null, null):
                return 1;
            default:
                return a?.ToJsonString() == b?.ToJsonString() ? 1 : Difference(differences, $"{path}: {a?.ToJsonString()} vs {b?.ToJsonString()}");
        }
    }

    static int Difference(List<string> differences, string text)
    {
        differences.Add(text);
        return 1;
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }
}
