using System.Text.Json;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Analytics.Tests.Metrics;
using Fulcrum.Analytics.Tests.RealData;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Tests.Reference;

/// <summary>
/// Issue 4, "Must show": NPS intervals and two-sample tests agree with a reference implementation.
/// The reference is nps_reference.py beside this file (numpy/scipy/statsmodels), its committed output
/// nps_reference_output.json holds, per fixture, the closed-form Wald values and a 20,000-resample percentile bootstrap.
/// Stated tolerances:
/// <list type="bullet">
/// <item>closed form (same method, independent code): 1e-6 on values, bounds, standard errors, z and p;</item>
/// <item>bootstrap percentile interval ends: 0.5 NPS points for one group with n ≥ 200 and for a difference; max(0.5, 100/n)
/// for one small group (the bootstrap distribution of an NPS lives on a lattice of step 100/n points); 1.0 point for the
/// ARR-weighted NPS, whose Kish effective-n variance is an approximation;</item>
/// <item>standard error vs the bootstrap standard deviation: 5 % relative.</item>
/// </list>
/// Fulcrum's figures are taken both from <see cref="NpsEstimator"/> and from <see cref="MetricsAnalysis"/> on a store holding the fixture.
/// </summary>
public sealed class NpsReferenceTests
{
    const double ClosedFormTolerance = 1e-6;
    const double DifferenceBootstrapTolerance = 0.5;
    const double WeightedBootstrapTolerance = 1.0;

    /// <summary>Responses per score 0..10, exactly as in nps_reference.py.</summary>
    static readonly Dictionary<string, (int[] A, int[] B)> Histograms = new()
    {
        ["moderate"] = ([10, 6, 8, 10, 12, 14, 30, 50, 60, 90, 110], [8, 6, 8, 10, 12, 14, 22, 45, 55, 65, 55]),
        ["small"] = ([2, 1, 1, 2, 2, 3, 4, 7, 8, 14, 16], [3, 2, 2, 2, 3, 2, 4, 6, 6, 7, 8]),
    };

    /// <summary>score_i = (7i + 3) mod 11, weight_i = 1000 (1 + (37i mod 13)), i = 0..119, as in nps_reference.py.</summary>
    static readonly (int Score, double Weight)[] Weighted =
        Enumerable.Range(0, 120).Select(i => ((7 * i + 3) % 11, 1000.0 * (1 + 37 * i % 13))).ToArray();

    static readonly Lazy<JsonElement> Reference = new(() =>
    {
        var path = Path.Combine(RealDataSets.RepoRoot, "tests", "Fulcrum.Analytics.Tests", "Reference", "nps_reference_output.json");
        Assert.True(File.Exists(path), $"{path} is missing: run /usr/bin/python3 nps_reference.py > nps_reference_output.json in that folder and commit it.");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
    });

    static JsonElement Fixture(string name) => Reference.Value.GetProperty("fixtures").GetProperty(name);

    static int[] Scores(int[] histogram) => histogram.SelectMany((count, score) => Enumerable.Repeat(score, count)).ToArray();

    [Fact]
    public void Fixtures_are_the_ones_the_reference_script_used()
    {
        Assert.Equal(0.95, Reference.Value.GetProperty("confidence_level").GetDouble());
        Assert.Equal(20_000, Reference.Value.GetProperty("bootstrap").GetProperty("resamples").GetInt32());
        foreach (var (name, (a, b)) in Histograms)
        {
            var histograms = Fixture(name).GetProperty("histograms");
            Assert.Equal(a, histograms.GetProperty("A").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Equal(b, histograms.GetProperty("B").EnumerateArray().Select(e => e.GetInt32()));
        }
        Assert.Equal(Weighted.Length, Fixture("weighted").GetProperty("wald").GetProperty("A").GetProperty("n").GetInt32());
    }

    [Theory]
    [InlineData("moderate")]
    [InlineData("small")]
    public void Nps_interval_and_two_sample_z_test_equal_the_statsmodels_closed_form(string name)
    {
        var (histogramA, histogramB) = Histograms[name];
        var wald = Fixture(name).GetProperty("wald");

        var a = NpsEstimator.FromScores(Scores(histogramA));
        var b = NpsEstimator.FromScores(Scores(histogramB));
        var difference = NpsEstimator.Compare(a, b);

        AssertClosedForm(wald.GetProperty("A"), a);
        AssertClosedForm(wald.GetProperty("B"), b);
        AssertClosedForm(wald.GetProperty("A_minus_B"), difference.Difference);
        AssertClose(wald.GetProperty("A_minus_B").GetProperty("z").GetDouble(), difference.Statistic, "z");
        AssertClose(wald.GetProperty("A_minus_B").GetProperty("p").GetDouble(), difference.PValue, "p-value");
    }

    [Theory]
    [InlineData("moderate")]
    [InlineData("small")]
    public void Metrics_report_nps_and_its_vs_rest_test_equal_the_statsmodels_closed_form(string name)
    {
        var (histogramA, histogramB) = Histograms[name];
        var wald = Fixture(name).GetProperty("wald");
        using var s = new MetricsTestStore().Account("a", "A", "2023-01-01").Account("b", "B", "2023-01-01")
            .Nps("a", "2024-02-01", Scores(histogramA)).Nps("b", "2024-02-02", Scores(histogramB));

        var report = s.Run(["nps"], ["segment"]);

        var a = report.Cell("nps", "2024-Q1", "A");
        var b = report.Cell("nps", "2024-Q1", "B");
        AssertClosedForm(wald.GetProperty("A"), a.Estimate);
        AssertClosedForm(wald.GetProperty("B"), b.Estimate);
        // With two groups the rest of A is B: A's "vs rest" is the reference A − B test, B's its mirror image.
        var reference = wald.GetProperty("A_minus_B");
        AssertClosedForm(reference, a.VsRest!.Difference);
        AssertClose(reference.GetProperty("p").GetDouble(), a.VsRest.PValue, "p-value (A vs rest)");
        AssertClose(-reference.GetProperty("value").GetDouble(), b.VsRest!.Difference.Value, "B − A");
        AssertClose(reference.GetProperty("p").GetDouble(), b.VsRest.PValue, "p-value (B vs rest)");
    }

    [Theory]
    [InlineData("moderate")]
    [InlineData("small")]
    public void Nps_intervals_lie_within_the_stated_tolerance_of_the_bootstrap_percentile_interval(string name)
    {
        var (histogramA, histogramB) = Histograms[name];
        var bootstrap = Fixture(name).GetProperty("bootstrap");
        var a = NpsEstimator.FromScores(Scores(histogramA));
        var b = NpsEstimator.FromScores(Scores(histogramB));

        AssertNearBootstrap(bootstrap.GetProperty("A"), a, Math.Max(0.5, 100.0 / a.N));
        AssertNearBootstrap(bootstrap.GetProperty("B"), b, Math.Max(0.5, 100.0 / b.N));
        AssertNearBootstrap(bootstrap.GetProperty("A_minus_B"), NpsEstimator.Compare(a, b).Difference, DifferenceBootstrapTolerance);
    }

    [Fact]
    public void Arr_weighted_nps_equals_the_kish_closed_form_and_lies_near_the_weighted_bootstrap()
    {
        var fixture = Fixture("weighted");
        using var s = new MetricsTestStore();
        for (var i = 0; i < Weighted.Length; i++)
            s.Account($"W{i:D3}", "W", "2023-01-01").Subscription($"W{i:D3}", "P", "2023-01-01", null, Weighted[i].Weight).Nps($"W{i:D3}", "2024-02-01", Weighted[i].Score);

        var direct = NpsEstimator.FromWeightedScores(Weighted);
        var report = s.Run(["nps"], weight: MetricWeight.Arr).Cell("nps", "2024-Q1").Estimate;

        AssertClosedForm(fixture.GetProperty("wald").GetProperty("A"), direct);
        AssertClosedForm(fixture.GetProperty("wald").GetProperty("A"), report);
        Assert.Equal(Weighted.Length, report.N);
        AssertNearBootstrap(fixture.GetProperty("bootstrap").GetProperty("A"), report, WeightedBootstrapTolerance);
    }

    static void AssertClosedForm(JsonElement reference, Estimate actual)
    {
        AssertClose(reference.GetProperty("value").GetDouble(), actual.Value, "value");
        AssertClose(reference.GetProperty("lower").GetDouble(), actual.Lower, "lower bound");
        AssertClose(reference.GetProperty("upper").GetDouble(), actual.Upper, "upper bound");
        AssertClose(reference.GetProperty("se").GetDouble(), actual.StandardError ?? double.NaN, "standard error");
        if (reference.TryGetProperty("n", out var n)) Assert.Equal(n.GetInt64(), actual.N);
    }

    static void AssertNearBootstrap(JsonElement bootstrap, Estimate actual, double tolerance)
    {
        var (lower, upper, se) = (bootstrap.GetProperty("lower").GetDouble(), bootstrap.GetProperty("upper").GetDouble(), bootstrap.GetProperty("se").GetDouble());
        Assert.True(Math.Abs(actual.Lower - lower) <= tolerance && Math.Abs(actual.Upper - upper) <= tolerance,
            $"Fulcrum {actual.Lower:0.###} to {actual.Upper:0.###} vs bootstrap {lower:0.###} to {upper:0.###}: more than {tolerance:0.##} points apart");
        Assert.True(Math.Abs(actual.StandardError!.Value / se - 1) <= 0.05, $"standard error {actual.StandardError:0.###} vs bootstrap {se:0.###}");
    }

    static void AssertClose(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= ClosedFormTolerance, $"{what}: reference {expected:R}, Fulcrum {actual:R}");
}
