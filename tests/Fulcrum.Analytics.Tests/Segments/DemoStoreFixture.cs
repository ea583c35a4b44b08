using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Segments;

/// <summary>One demo company (3,000 accounts, seed 42) in a temporary file for a test class (a copy of the one generated per test run).</summary>
public sealed class DemoStoreFixture : IDisposable
{
    readonly string _path = Path.Combine(Path.GetTempPath(), $"fulcrum-segments-{Guid.NewGuid():N}.duckdb");

    public DemoStoreFixture()
    {
        Store = DemoCompanyTemplates.Open(_path, new DemoCompanyOptions(3_000, 3, 42));
    }

    public FulcrumStore Store { get; }

    public void Dispose()
    {
        Store.Dispose();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_path)!, Path.GetFileName(_path) + "*")) File.Delete(file);
    }
}
