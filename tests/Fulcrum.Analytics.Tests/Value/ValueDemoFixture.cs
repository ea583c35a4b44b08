using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Value.Initiatives;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Value;

/// <summary>One demo company (3,000 accounts, seed 42) and its value panel, built once for a test class.</summary>
public sealed class ValueDemoFixture : IDisposable
{
    readonly string _path = Path.Combine(Path.GetTempPath(), $"fulcrum-value-{Guid.NewGuid():N}.duckdb");

    public ValueDemoFixture()
    {
        Store = DemoCompanyTemplates.Open(_path, new DemoCompanyOptions(3_000, 3, 42));
        Facts = new AnalysisFacts(Store);
        Panel = ValuePanel.Load(Facts);
        Initiatives = new InitiativeRegistry(Store).List();
        Impacts = InitiativeImpactAnalysis.Run(Panel, Initiatives);
        GroundTruth = Data.Demo.GroundTruth.Read(Store).ToDictionary(g => g.EffectId);
    }

    public FulcrumStore Store { get; }
    public AnalysisFacts Facts { get; }
    public ValuePanel Panel { get; }
    public IReadOnlyList<Initiative> Initiatives { get; }
    public IReadOnlyList<InitiativeImpact> Impacts { get; }
    public IReadOnlyDictionary<string, GroundTruthEffect> GroundTruth { get; }

    public InitiativeImpact Impact(string id) => Impacts.Single(i => i.Initiative.InitiativeId == id);

    public void Dispose()
    {
        Store.Dispose();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_path)!, Path.GetFileName(_path) + "*")) File.Delete(file);
    }
}
