using System.Globalization;
using Fulcrum.Data.Store;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>
/// A user with a marketplace export split over several files (the Olist shape) and only the README: `fulcrum map` on each
/// file, then `fulcrum import all` of each proposal as written, accounts first, checked with --dry-run before the import.
/// </summary>
public sealed class MapOlistEndToEndTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-map-olist-").FullName;
    string Db => Path.Combine(_directory, "shop.duckdb");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    static (int Code, string Output) Run(params string[] args)
    {
        using var capture = new ConsoleCapture();
        var code = FulcrumApp.Run(args);
        return (code, capture.Spectre + capture.Standard);
    }

    [Fact]
    public void Each_file_is_mapped_and_its_proposal_imports_as_written_with_no_TODO_left()
    {
        var export = OlistShapedFiles.Generate();
        export.WriteTo(_directory);

        foreach (var (file, mapping) in new[] { (OlistShapedFiles.Customers, "accounts.yaml"), (OlistShapedFiles.Payments, "orders.yaml"), (OlistShapedFiles.Reviews, "reviews.yaml") })
        {
            var source = Path.Combine(_directory, file);
            var yaml = Path.Combine(_directory, mapping);
            var (mapCode, mapOutput) = Run("map", source, "--out", yaml);
            Assert.Equal(0, mapCode);
            Assert.DoesNotContain("TODO", mapOutput, StringComparison.Ordinal);
            Assert.DoesNotContain("TODO", File.ReadAllText(yaml), StringComparison.Ordinal);

            var (dryCode, dryOutput) = Run("import", "all", source, "--mapping", yaml, "--db", Db, "--dry-run");
            Assert.True(dryCode == 0, dryOutput);
            Assert.Contains("Dry run: nothing was written.", dryOutput, StringComparison.Ordinal);
            var (code, output) = Run("import", "all", source, "--mapping", yaml, "--db", Db);
            Assert.True(code == 0, output);
        }

        using var store = FulcrumStore.Open(Db);
        Assert.Equal(export.UniqueCustomers.Count, store.Count("accounts"));
        Assert.Equal(export.OrderRows.Count, store.Count("orders"));
        Assert.Equal(export.ReviewRows.Count, store.Count("responses"));
        Assert.Equal((double)export.PaymentRows.Sum(p => p.Value), store.Scalar<double>("SELECT SUM(amount) FROM orders"), 2);
        // Every order and answer belongs to an account imported from the customers file: the real customer, not the per-order id.
        Assert.Equal(0L, store.Scalar<long>("SELECT COUNT(*) FROM responses r WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.account_id = r.account_id)"));
        Assert.Equal(export.UniqueCustomers.Count, store.Scalar<long>("SELECT COUNT(DISTINCT account_id) FROM orders"));
        // Days late from the orders file joined to the payments: delivered minus estimated, in days; none for an order not delivered.
        Assert.Contains("days_late: \"days([order_delivered_customer_date], [order_estimated_delivery_date])\"", File.ReadAllText(Path.Combine(_directory, "orders.yaml")), StringComparison.Ordinal);
        var daysLate = store.Query<(string, string?)>("SELECT order_id, attributes ->> 'days_late' FROM orders").ToDictionary(r => r.Item1, r => r.Item2);
        foreach (var order in export.OrderRows)
            Assert.Equal(order.DeliveredAt is { } delivered ? (delivered.Date - order.EstimatedAt.Date).Days.ToString(CultureInfo.InvariantCulture) : null, daysLate[order.Id]);
        Assert.Contains(export.OrderRows, o => o.DeliveredAt > o.EstimatedAt.AddDays(1));
    }
}
