using BenchmarkDotNet.Attributes;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Bench.Micro;

/// <summary>NPS from category counts, and a 1,000-resample percentile bootstrap of a mean over 10,000 values.</summary>
[BenchmarkCategory("Statistics")]
public class StatisticsBenchmarks
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

    [Benchmark(Description = "NpsEstimator.FromCounts")]
    public Estimate NpsFromCounts() => NpsEstimator.FromCounts(412, 318, 270);

    [Benchmark(Description = "Bootstrap.Percentile, 1,000 resamples of 10,000 values (mean)")]
    public Estimate BootstrapPercentile() => Bootstrap.Percentile(Count, mean, seed: 42, replicates: Resamples);
}
