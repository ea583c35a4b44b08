using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;
using Xunit.Abstractions;

namespace Fulcrum.Analytics.Tests.Linkage;

public sealed class LinkageScratchTests(ITestOutputHelper output)
{
    [Fact]
    public void Scratch()
    {
        using var store = FulcrumStore.Open(":memory:");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        DemoCompanyGenerator.Generate(store, new DemoCompanyOptions(4_000, 3, 42));
        output.WriteLine($"gen {sw.Elapsed}");
        sw.Restart();
        var run = LinkageAnalysis.Run(new AnalysisFacts(store), new LinkageOptions { Resamples = 200 }, new AssumptionStore(store).Snapshot());
        output.WriteLine($"run {sw.Elapsed}");
        output.WriteLine(System.Text.Json.JsonSerializer.Serialize(run.Report, new System.Text.Json.JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
        foreach (var g in GroundTruth.Read(store)) output.WriteLine($"{g.EffectId}: nominal {g.Nominal} realized {g.Realized} {g.Detail}");
    }
}
