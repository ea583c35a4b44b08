using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Analytics.Themes;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Linkage;

/// <summary>
/// A 4,000-account demo company with its planted effects, themes found in its comments (fast mode, with the two planted
/// complaints defined by keywords as an analyst would), and one business-case run on it (400 resamples).
/// </summary>
public sealed class LinkageDemoFixture : IDisposable
{
    public LinkageDemoFixture()
    {
        Store = FulcrumStore.Open(":memory:");
        DemoCompanyGenerator.Generate(Store, new DemoCompanyOptions(4_000, 3, 42));
        var editor = new ThemeEditor(Store);
        IntegrationThemeId = editor.Define("Products don't integrate", ["integrat*", "sync*", "single sign-on", "connectors"], []).ThemeId;
        ThemeAnalysis.Run(Store, new ThemeOptions(Fast: true));
        Run = BusinessCaseAnalysis.Run(new AnalysisFacts(Store), new LinkageOptions { Resamples = 400 });
        Truth = GroundTruth.Read(Store).ToDictionary(g => g.EffectId);
    }

    public FulcrumStore Store { get; }
    public string IntegrationThemeId { get; }
    public BusinessCaseRun Run { get; }
    public IReadOnlyDictionary<string, GroundTruthEffect> Truth { get; }
    public LinkageReport Linkage => Run.Report.Linkage;

    public void Dispose() => Store.Dispose();
}
