using Fulcrum.Analytics.Drivers;
using Fulcrum.Analytics.Facts;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Drivers;

/// <summary>Two small demo companies (1,500 accounts, 3 years, seed 42): one with the planted effects, one without (only noise).</summary>
public sealed class DriverDemoFixture : IDisposable
{
    public DriverDemoFixture()
    {
        Planted = FulcrumStore.Open(":memory:");
        DemoCompanyGenerator.Generate(Planted, new DemoCompanyOptions(1_500, 3, 42));
        Null = FulcrumStore.Open(":memory:");
        DemoCompanyGenerator.Generate(Null, new DemoCompanyOptions(1_500, 3, 42, PlantEffects: false));
        PlantedFacts = new AnalysisFacts(Planted);
        NullFacts = new AnalysisFacts(Null);
        PlantedDefault = KeyDriverAnalysis.Run(PlantedFacts, Options());
        NullDefault = KeyDriverAnalysis.Run(NullFacts, Options());
    }

    public FulcrumStore Planted { get; }
    public FulcrumStore Null { get; }
    public AnalysisFacts PlantedFacts { get; }
    public AnalysisFacts NullFacts { get; }

    /// <summary>Default drivers of NPS on the planted company.</summary>
    public DriverReport PlantedDefault { get; }

    /// <summary>Default drivers of NPS on the company without planted effects.</summary>
    public DriverReport NullDefault { get; }

    /// <summary>Options for the tests: 500 resamples keep them fast (the CLI default is 2,000).</summary>
    public static DriverOptions Options(string outcome = "nps", IReadOnlyList<string>? predictors = null,
        DriverMethod method = DriverMethod.RelativeWeights, DriverLevel level = DriverLevel.Response) =>
        new(outcome, predictors, method, level, Replicates: 500);

    public void Dispose()
    {
        Planted.Dispose();
        Null.Dispose();
    }
}
