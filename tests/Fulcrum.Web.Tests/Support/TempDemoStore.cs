using Fulcrum.Data.Demo;

namespace Fulcrum.Web.Tests.Support;

/// <summary>A demo company (seed 42) in a temporary DuckDB file (a copy of the one generated for this test process), closed so the web app can open it.</summary>
public sealed class TempDemoStore : IDisposable
{
    public TempDemoStore(int accounts = 1_000)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fulcrum-web-{Guid.NewGuid():N}.duckdb");
        DemoCompanyTemplates.CopyTo(Path, new DemoCompanyOptions(accounts, 3, 42));
    }

    public string Path { get; }

    public void Dispose()
    {
        foreach (var file in Directory.GetFiles(System.IO.Path.GetDirectoryName(Path)!, System.IO.Path.GetFileName(Path) + "*"))
            File.Delete(file);
    }
}
