using Fulcrum.Core.Statistics;

namespace Fulcrum.Core.Tests.Statistics;

public class BootstrapTests
{
    // A fixed, skew-free sample of 60 values (golden-ratio sequence plus a sine), no RNG involved.
    private static readonly double[] Sample =
        Enumerable.Range(1, 60).Select(i => 40 + 15 * (i * 0.6180339887 % 1) + 5 * Math.Sin(i)).ToArray();

    private static IndexStatistic MeanOf(double[] data) => indices =>
    {
        var sum = 0.0;
        foreach (var i in indices)
        {
            sum += data[i];
        }

        return sum / indices.Length;
    };

    [Fact]
    public void Percentile_interval_of_a_mean_is_close_to_the_t_interval()
    {
        var t = MeanEstimator.Mean(Sample);
        var boot = Bootstrap.Percentile(Sample.Length, MeanOf(Sample), seed: 20240601, replicates: 4000);

        Assert.Equal(t.Value, boot.Value, 1e-12);
        Assert.Equal(Sample.Length, boot.N);
        // Within 5% of the t interval's width at each end, and SE within 5%.
        Assert.InRange(Math.Abs(boot.Lower - t.Lower), 0, 0.05 * t.Width);
        Assert.InRange(Math.Abs(boot.Upper - t.Upper), 0, 0.05 * t.Width);
        Assert.InRange(boot.StandardError!.Value / t.StandardError!.Value, 0.95, 1.05);
        Assert.Contains("Percentile bootstrap, 4000 resamples", boot.Method);
    }

    [Fact]
    public void Same_seed_gives_identical_results()
    {
        var first = Bootstrap.Percentile(Sample.Length, MeanOf(Sample), seed: 7, replicates: 1000);
        var second = Bootstrap.Percentile(Sample.Length, MeanOf(Sample), seed: 7, replicates: 1000);
        Assert.Equal(first, second);
        Assert.Equal(
            Bootstrap.Replicates(Sample.Length, MeanOf(Sample), seed: 7, replicates: 1000),
            Bootstrap.Replicates(Sample.Length, MeanOf(Sample), seed: 7, replicates: 1000));

        var other = Bootstrap.Replicates(Sample.Length, MeanOf(Sample), seed: 8, replicates: 1000);
        Assert.NotEqual(Bootstrap.Replicates(Sample.Length, MeanOf(Sample), seed: 7, replicates: 1000), other);
    }

    [Fact]
    public void Replicate_b_depends_only_on_seed_and_b_not_on_thread_scheduling()
    {
        const int seed = 99;
        var parallel = Bootstrap.Replicates(Sample.Length, MeanOf(Sample), seed, replicates: 500);
        var statistic = MeanOf(Sample);
        for (var b = 0; b < parallel.Length; b++)
        {
            var rng = DeterministicRandom.Create(seed, (ulong)b);
            var indices = new int[Sample.Length];
            for (var i = 0; i < indices.Length; i++)
            {
                indices[i] = rng.Next(Sample.Length);
            }

            Assert.Equal(statistic(indices), parallel[b]);
        }
    }

    [Fact]
    public void Cluster_bootstrap_resamples_whole_groups()
    {
        // 30 groups of 3 observations: observation i belongs to group i / 3.
        var groups = Enumerable.Range(0, 90).Select(i => $"G{i / 3}").ToArray();
        var replicates = Bootstrap.ClusterReplicates(groups, indices =>
        {
            if (indices.Length != 90)
            {
                return 0;
            }

            var counts = new int[90];
            foreach (var i in indices)
            {
                counts[i]++;
            }

            for (var g = 0; g < 30; g++)
            {
                if (counts[3 * g] != counts[3 * g + 1] || counts[3 * g] != counts[3 * g + 2])
                {
                    return 0;
                }
            }

            return 1;
        }, seed: 3, replicates: 300);

        Assert.Equal(300, replicates.Length);
        Assert.All(replicates, r => Assert.Equal(1, r));
    }

    [Fact]
    public void Cluster_bootstrap_reflects_within_group_correlation()
    {
        // 40 accounts with 10 identical responses each: the information is in 40 accounts, not 400 responses.
        var values = Enumerable.Range(0, 400).Select(i => Sample[i / 10]).ToArray();
        var groups = Enumerable.Range(0, 400).Select(i => i / 10).ToArray();
        var naive = Bootstrap.Percentile(values.Length, MeanOf(values), seed: 11, replicates: 2000);
        var cluster = Bootstrap.ClusterPercentile(groups, MeanOf(values), seed: 11, replicates: 2000);
        var accountLevel = MeanEstimator.Mean(Sample.Take(40));

        Assert.Equal(naive.Value, cluster.Value, 1e-12);
        Assert.Equal(400, cluster.N);
        Assert.Contains("40 clusters", cluster.Method);
        Assert.True(cluster.StandardError > 2.5 * naive.StandardError);
        Assert.InRange(cluster.StandardError!.Value / accountLevel.StandardError!.Value, 0.9, 1.1);
    }

    [Fact]
    public void Percentile_interval_uses_linear_interpolation_like_numpy()
    {
        double[] values = [3.2, 1.5, 4.8, 2.2, 9.1, 0.4, 5.5, 6.0, 2.9, 7.3, 1.1];
        var (lower95, upper95) = Bootstrap.PercentileInterval(values, 0.95);
        Assert.Equal(0.5750000000000001, lower95, 1e-12);
        Assert.Equal(8.65, upper95, 1e-12);
        var (lower80, upper80) = Bootstrap.PercentileInterval(values, 0.80);
        Assert.Equal(1.1, lower80, 1e-12);
        Assert.Equal(7.3, upper80, 1e-12);
    }

    [Fact]
    public void Undefined_replicates_are_dropped_and_reported()
    {
        var data = Sample;
        var e = Bootstrap.Percentile(data.Length, indices => indices[1] % 2 == 0 ? double.NaN : MeanOf(data)(indices),
            seed: 5, replicates: 400);
        Assert.True(e.IsDefined);
        Assert.False(double.IsNaN(e.Lower));
        Assert.Contains("undefined statistic dropped", e.Method);
    }

    [Fact]
    public void Empty_data_gives_an_undefined_estimate_and_bad_arguments_throw()
    {
        Assert.False(Bootstrap.Percentile(0, _ => 1, seed: 1).IsDefined);
        Assert.False(Bootstrap.ClusterPercentile(Array.Empty<int>(), _ => 1, seed: 1).IsDefined);
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Percentile(10, _ => 1, seed: 1, replicates: 0));
        Assert.Throws<InvalidOperationException>(() =>
            Bootstrap.Replicates(10, _ => throw new InvalidOperationException("boom"), seed: 1, replicates: 10));
    }

    [Fact]
    public void Cluster_replicate_vectors_use_the_same_draws_as_cluster_replicates()
    {
        string[] groups = ["a", "a", "b", "c", "c", "c", "d"];
        double[] values = [1, 2, 3, 4, 5, 6, 7];
        double Sum(ReadOnlySpan<int> ix) { var s = 0.0; foreach (var i in ix) s += values[i]; return s; }
        double Count(ReadOnlySpan<int> ix) => ix.Length;
        var sums = Bootstrap.ClusterReplicates(groups, Sum, seed: 5, replicates: 200);
        var counts = Bootstrap.ClusterReplicates(groups, Count, seed: 5, replicates: 200);
        var both = Bootstrap.ClusterReplicateVectors(groups, ix => [Sum(ix), Count(ix)], seed: 5, replicates: 200);
        Assert.Equal(sums, both.Select(v => v[0]));
        Assert.Equal(counts, both.Select(v => v[1]));
    }

    [Fact]
    public void Percentiles_of_a_vector_statistic_equal_percentile_of_each_component()
    {
        var values = Enumerable.Range(0, 40).Select(i => Math.Sin(i) * 10 + i % 7).ToArray();
        double Mean(ReadOnlySpan<int> ix) { var s = 0.0; foreach (var i in ix) s += values[i]; return s / ix.Length; }
        double Largest(ReadOnlySpan<int> ix) { var m = double.MinValue; foreach (var i in ix) m = Math.Max(m, values[i]); return m; }
        var both = Bootstrap.Percentiles(values.Length, ix => [Mean(ix), Largest(ix)], seed: 9, replicates: 300, confidenceLevel: 0.9);
        Assert.Equal(Bootstrap.Percentile(values.Length, Mean, seed: 9, replicates: 300, confidenceLevel: 0.9), both[0]);
        Assert.Equal(Bootstrap.Percentile(values.Length, Largest, seed: 9, replicates: 300, confidenceLevel: 0.9), both[1]);
        Assert.All(Bootstrap.Percentiles(0, _ => [double.NaN], seed: 9), e => Assert.False(e.IsDefined));
    }
}
