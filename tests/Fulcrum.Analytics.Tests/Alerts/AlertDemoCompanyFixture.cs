using Fulcrum.Analytics.Facts;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Alerts;

/// <summary>
/// One demo company (3,000 accounts, 3 years, seed 42) copied once into a temporary file store and shared by the alert
/// test classes of the "Alert demo company" collection, which therefore run one after the other (a store is one DuckDB
/// connection, not thread-safe). Tests that need a fresh alerts table call <see cref="ResetAlerts"/>.
/// </summary>
public sealed class AlertDemoCompanyFixture : IDisposable
{
    public static readonly DemoCompanyOptions Options = new(Accounts: 3_000, Years: 3, Seed: 42);

    readonly string _directory;

    public AlertDemoCompanyFixture()
    {
        _directory = Path.Combine(Path.GetTempPath(), "fulcrum-alert-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_directory);
        Store = DemoCompanyTemplates.Open(Path.Combine(_directory, "demo.duckdb"), Options);
        Facts = new AnalysisFacts(Store);
    }

    public FulcrumStore Store { get; }

    /// <summary>Shared so the fact tables are built once.</summary>
    public AnalysisFacts Facts { get; }

    public void ResetAlerts() => Store.Execute("DELETE FROM alerts");

    public long StoredAlerts(string? status = null) => status is null
        ? Store.Scalar<long>("SELECT COUNT(*) FROM alerts")
        : Store.Scalar<long>("SELECT COUNT(*) FROM alerts WHERE status = $status", new { status });

    public void Dispose()
    {
        Store.Dispose();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { /* a leftover temp directory is harmless */ }
    }
}

[CollectionDefinition(Name)]
public sealed class AlertDemoCompanyCollection : ICollectionFixture<AlertDemoCompanyFixture>
{
    public const string Name = "Alert demo company";
}
