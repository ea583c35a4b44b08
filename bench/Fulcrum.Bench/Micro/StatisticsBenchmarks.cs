using BenchmarkDotNet.Attributes;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Bench.Micro;

/// <summary>NPS with its trinomial-variance interval from category counts.</summary>
[BenchmarkCategory("Statistics")]
public class NpsEstimatorBenchmarks
{
    [Benchmark(Description = "NpsEstimator.FromCounts")]
    public Estimate FromCounts() => NpsEstimator.FromCounts(412, 318, 270);
}

/// <summary>
/// A 1,000-resample percentile bootstrap of a mean over 10,000 values (its own class so that the
/// summary shows milliseconds rather than the nanoseconds of the other statistics benchmarks).
/// </summary>
[BenchmarkCategory("Statistics")]
public class BootstrapBenchmarks
{
    private const int Count = 10_000;
    private const int Resamples = 1_000;

    private IndexStatistic mean = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        var values = new double[Count];
        for (var i = 0; i < values.Length; i++) values[i] = rng.Next(0, 11);
        mean = indices =>
        {
            var sum = 0.0;
            foreach (var i in indices) sum += values[i];
            return sum / indices.Length;
        };
    }

    [Benchmark(Description = "Bootstrap.Percentile, 1,000 resamples of 10,000 values (mean)")]
    public Estimate Percentile() => Bootstrap.Percentile(Count, mean, seed: 42, replicates: Resamples);
}
