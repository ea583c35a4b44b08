using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Fulcrum.Analytics.Cohorts;
using Fulcrum.Analytics.Facts;
using Fulcrum.Data.Demo;

namespace Fulcrum.Analytics.Tests.Cohorts;

/// <summary>
/// The cohorts bootstrap on per-account sufficient statistics (each resample a weighted sum of the accounts' per-stratum
/// counts) gives the figures of the earlier implementation, which re-summed every stratum row of every resample
/// (Reference/README.md says how they were made).
/// </summary>
public sealed class CohortsBootstrapEquivalenceTests
{
    /// <summary>Relative tolerance: the same draws over integer counts agree to rounding of the final divisions.</summary>
    const double Tolerance = 1e-9;

    static readonly JsonSerializerOptions CliJson = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    [Fact]
    public void Every_figure_equals_the_row_bootstrap_of_the_earlier_implementation()
    {
        var referencePath = Path.Combine(RealDataSets.RepoRoot, "tests", "Fulcrum.Analytics.Tests", "Cohorts", "Reference", "cohorts_600_seed11_row_bootstrap.json");
        var expected = JsonNode.Parse(File.ReadAllText(referencePath))!;
        var folder = Directory.CreateTempSubdirectory("fulcrum-cohorts-eq-").FullName;
        try
        {
            using var store = DemoCompanyTemplates.Open(Path.Combine(folder, "c600.duckdb"), new DemoCompanyOptions(Accounts: 600, Years: 3, Seed: 11));
            var report = ProductTransitionAnalysis.Run(new AnalysisFacts(store), new TransitionOptions());
            var actual = JsonSerializer.SerializeToNode(report, CliJson)!;

            var compared = new List<string>();
            Compare(expected["cohorts"]!, actual["cohorts"], "cohorts", compared);
            // The bootstrap figures that moved to weighted sums are among those compared.
            Assert.Contains("cohorts[0].nps.trendAdjusted.difference.lower", compared);
            Assert.Contains("cohorts[0].churn.comparable.upper", compared);
            Assert.True(compared.Count > 100, $"only {compared.Count} values compared");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    static void Compare(JsonNode expected, JsonNode? actual, string path, List<string> compared)
    {
        Assert.True(actual is not null, $"{path} is missing");
        switch (expected)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                    if (value is not null) Compare(value, actual![key], $"{path}.{key}", compared);
                break;
            case JsonArray a:
                var other = actual!.AsArray();
                Assert.True(a.Count == other.Count, $"{path}: {other.Count} items, expected {a.Count}");
                for (var i = 0; i < a.Count; i++)
                    if (a[i] is { } item) Compare(item, other[i], $"{path}[{i}]", compared);
                break;
            case JsonValue v when v.TryGetValue<double>(out var number):
                var got = actual!.GetValue<double>();
                Assert.True(Math.Abs(got - number) <= Tolerance * Math.Max(1, Math.Abs(number)), $"{path}: {got:R}, expected {number:R}");
                compared.Add(path);
                break;
            default:
                Assert.Equal(expected.ToJsonString(), actual!.ToJsonString());
                compared.Add(path);
                break;
        }
    }
}
