using Fulcrum.Data.Demo;
using Fulcrum.Data.Demo.Shop;

namespace Fulcrum.Web.Tests.Support;

/// <summary>
/// A demo company (seed 42 unless other options are given) in a temporary DuckDB file (a copy of the one generated for
/// this test process), or a shop generated into it, closed so the web app can open it; <paramref name="change"/>
/// statements (e.g. clearing a table, as a company without it would have) run on the copy first.
/// </summary>
public sealed class TempDemoStore : IDisposable
{
    public TempDemoStore(int accounts = 1_000) : this(new DemoCompanyOptions(accounts, 3, 42)) { }

    public TempDemoStore(DemoCompanyOptions options, params string[] change) : this(path => DemoCompanyTemplates.CopyTo(path, options), change) { }

    /// <summary>An online shop (`generate --kind shop`): customers, orders and CSAT reviews; no subscriptions, renewals or tickets.</summary>
    public TempDemoStore(ShopCompanyOptions options, params string[] change) : this(path =>
    {
        using var store = Fulcrum.Data.Store.FulcrumStore.Open(path);
        ShopCompanyGenerator.Generate(store, options);
    }, change) { }

    TempDemoStore(Action<string> create, string[] change)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fulcrum-web-{Guid.NewGuid():N}.duckdb");
        create(Path);
        if (change.Length == 0) return;
        using var store = Fulcrum.Data.Store.FulcrumStore.Open(Path);
        foreach (var statement in change) store.Execute(statement);
    }

    public string Path { get; }

    public void Dispose()
    {
        foreach (var file in Directory.GetFiles(System.IO.Path.GetDirectoryName(Path)!, System.IO.Path.GetFileName(Path) + "*"))
            File.Delete(file);
    }
}
