using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace Fulcrum.Bench.Micro;

/// <summary>Runs the BenchmarkDotNet benchmarks of this assembly with a short-run job (3 warm-ups, 3 iterations, 1 launch).</summary>
public static class MicroBenchmarks
{
    public static int Run(string[] args)
    {
        // Without a filter BenchmarkSwitcher asks interactively; run everything instead.
        if (!args.Any(a => a is "--filter" or "-f" or "--list" or "--allCategories" or "--anyCategories" or "--allcategories" or "--anycategories"))
            args = [.. args, "--filter", "*"];

        var config = DefaultConfig.Instance
            .AddJob(Job.ShortRun)
            .AddDiagnoser(MemoryDiagnoser.Default)
            // Keep artifacts inside the build output (ignored by git) unless --artifacts says otherwise.
            .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroBenchmarks).Assembly).Run(args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
