using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Web.Tests.Support;

/// <summary>A demo company (seed 42) generated into a temporary DuckDB file, closed again so the web app can open it.</summary>
public sealed class TempDemoStore : IDisposable
{
    public TempDemoStore(int accounts = 1_000)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fulcrum-web-{Guid.NewGuid():N}.duckdb");
        using var store = FulcrumStore.Open(Path);
        DemoCompanyGenerator.Generate(store, new DemoCompanyOptions(accounts, 3, 42));
    }

    public string Path { get; }

    public void Dispose()
    {
        foreach (var file in Directory.GetFiles(System.IO.Path.GetDirectoryName(Path)!, System.IO.Path.GetFileName(Path) + "*"))
            File.Delete(file);
    }
}
