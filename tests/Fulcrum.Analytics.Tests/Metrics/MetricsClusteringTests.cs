using Fulcrum.Analytics.Metrics;

namespace Fulcrum.Analytics.Tests.Metrics;

/// <summary>
/// Several answers from one account are correlated: by default, wherever an account answered more than once in a cell, the
/// interval is the cluster-robust one by account when that is wider than the exact one. Reference: Reference/clustered_metrics_reference.py (statsmodels OLS on a
/// constant with cov_type="cluster"), output in clustered_metrics_reference.txt.
/// </summary>
public sealed class MetricsClusteringTests : IDisposable
{
    readonly MetricsTestStore _data = new();

    public MetricsClusteringTests()
    {
        int[][] a = [[10, 10, 9], [9, 10, 9], [2, 3, 1], [10, 9, 9], [8, 7, 8], [0, 4, 2], [9, 9, 10], [7, 8, 8]];
        int[][] b = [[9], [6, 5], [10, 9], [3]];
        for (var i = 0; i < a.Length; i++) _data.Account($"A{i + 1}", "A").Nps($"A{i + 1}", "2024-02-01", a[i]);
        for (var i = 0; i < b.Length; i++) _data.Account($"B{i + 1}", "B").Nps($"B{i + 1}", "2024-03-01", b[i]);
    }

    [Fact]
    public void Nps_interval_is_cluster_robust_by_account_and_equals_statsmodels()
    {
        var all = _data.Run(["nps"], cluster: true).Cell("nps", "2024-Q1").Estimate;
        Assert.Equal(20.0, all.Value, 1e-8);
        Assert.Equal(-32.8915237463, all.Lower, 1e-8);
        Assert.Equal(72.8915237463, all.Upper, 1e-8);
        Assert.Equal(26.9859671726, all.StandardError!.Value, 1e-8);
        Assert.Contains("Cluster-robust", all.Method);

        var bySegment = _data.Run(["nps"], ["segment"], cluster: true);
        var a = bySegment.Cell("nps", "2024-Q1", "A").Estimate;
        Assert.Equal(25.0, a.Value, 1e-8);
        Assert.Equal(-36.4236220175, a.Lower, 1e-8);
        Assert.Equal(86.4236220175, a.Upper, 1e-8);
        var b = bySegment.Cell("nps", "2024-Q1", "B").Estimate; // four accounts: either interval fills the scale
        Assert.Equal((0, -100, 100), (b.Value, Math.Round(b.Lower), Math.Round(b.Upper)));
    }

    [Fact]
    public void Reported_interval_is_never_narrower_than_treating_answers_as_independent()
    {
        var clustered = _data.Run(["nps"], cluster: true).Cell("nps", "2024-Q1").Estimate;
        var independent = _data.Run(["nps"]).Cell("nps", "2024-Q1").Estimate;
        Assert.Equal(independent.Value, clustered.Value, 1e-9);
        Assert.True(clustered.Upper - clustered.Lower >= independent.Upper - independent.Lower,
            $"clustered {clustered.Lower:F1}..{clustered.Upper:F1} vs independent {independent.Lower:F1}..{independent.Upper:F1}");
    }

    [Fact]
    public void One_answer_per_account_keeps_the_exact_interval()
    {
        using var single = new MetricsTestStore();
        foreach (var (id, score) in new[] { ("C1", 10), ("C2", 3), ("C3", 9), ("C4", 7) }) single.Account(id, "C").Nps(id, "2024-01-15", score);
        var clustered = single.Run(["nps"], cluster: true).Cell("nps", "2024-Q1").Estimate;
        var exact = single.Run(["nps"]).Cell("nps", "2024-Q1").Estimate;
        Assert.Equal((exact.Value, exact.Lower, exact.Upper, exact.Method), (clustered.Value, clustered.Lower, clustered.Upper, clustered.Method));
    }

    public void Dispose() => _data.Dispose();
}
