using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Linkage;

/// <summary>A 4,000-account demo company with its planted effects, and one business-case run on it (400 resamples).</summary>
public sealed class LinkageDemoFixture : IDisposable
{
    public LinkageDemoFixture()
    {
        Store = FulcrumStore.Open(":memory:");
        DemoCompanyGenerator.Generate(Store, new DemoCompanyOptions(4_000, 3, 42));
        Run = BusinessCaseAnalysis.Run(new AnalysisFacts(Store), new LinkageOptions { Resamples = 400 });
        Truth = GroundTruth.Read(Store).ToDictionary(g => g.EffectId);
    }

    public FulcrumStore Store { get; }
    public BusinessCaseRun Run { get; }
    public IReadOnlyDictionary<string, GroundTruthEffect> Truth { get; }
    public LinkageReport Linkage => Run.Report.Linkage;

    public void Dispose() => Store.Dispose();
}
