using System.Globalization;
using System.Text.Json;
using Fulcrum.Data.Import;

namespace Fulcrum.Data.Tests.Import.Marketplace;

/// <summary>
/// A marketplace-style export, generated here (customers, orders, several payment rows per order, 1–5 review scores with
/// Portuguese comments), imported through mappings that fold rows with group_by and compute days late with days().
/// Every folded value is checked exactly against what the generated rows say it must be.
/// </summary>
public sealed class MarketplaceImportTests : IDisposable
{
    readonly ImportWorkspace _ws = new();
    readonly MarketplaceExport _export = MarketplaceExport.Generate(seed: 16, customers: 80);

    public void Dispose() => _ws.Dispose();

    const string AccountsMapping = """
        name: Marketplace customers, one account per customer from their orders
        join:
          - file: customers.csv
            on: customer_id
        tables:
          - table: accounts
            group_by: account_id
            fields:
              account_id: customer_id
              region: customer_state
              created_at: { column: order_purchase_timestamp, aggregate: min }
              attributes: { columns: [customer_city] }
        """;

    const string OrdersMapping = """
        name: Marketplace payments, folded into one order each
        join:
          - file: orders.csv
            on: order_id
        tables:
          - table: orders
            group_by: order_id
            fields:
              order_id: order_id
              account_id: customer_id
              ordered_at: order_purchase_timestamp
              status: order_status
              amount: { column: payment_value, aggregate: sum }
              attributes:
                computed:
                  days_late: "days([order_delivered_customer_date], [order_estimated_delivery_date])"
        """;

    const string ReviewsMapping = """
        name: Marketplace reviews
        join:
          - file: orders.csv
            on: order_id
        tables:
          - table: responses
            fields:
              response_id: review_id
              account_id: customer_id
              responded_at: review_creation_date
              csat: review_score
              comment: review_comment_message
              channel: { value: marketplace review }
        """;

    (ImportResult Accounts, ImportResult Orders, ImportResult Reviews) ImportAll()
    {
        var accounts = _ws.Import("all", _ws.PathOf("orders.csv"), _ws.Write("accounts.yaml", AccountsMapping));
        var orders = _ws.Import("all", _ws.PathOf("order_payments.csv"), _ws.Write("orders.yaml", OrdersMapping));
        var reviews = _ws.Import("all", _ws.PathOf("order_reviews.csv"), _ws.Write("reviews.yaml", ReviewsMapping));
        return (accounts, orders, reviews);
    }

    [Fact]
    public void Folds_payments_into_orders_and_orders_into_customers_exactly()
    {
        _export.WriteTo(_ws.Directory);
        Assert.InRange(_export.Payments.Count, 300, 800); // a few hundred rows, several per order

        var (accounts, orders, reviews) = ImportAll();

        foreach (var result in new[] { accounts, orders, reviews })
        {
            ImportAssert.Committed(result);
            Assert.Empty(result.Rejects);
            Assert.Empty(result.Warnings);
        }
        Assert.Equal(_export.Orders.Count - _export.Orders.Select(o => o.CustomerId).Distinct().Count(), ImportAssert.Table(accounts, "accounts").Folded);
        Assert.Equal(_export.Payments.Count - _export.Orders.Count, ImportAssert.Table(orders, "orders").Folded);

        var expectedAccounts = _export.Orders.GroupBy(o => o.CustomerId).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var customer = _export.Customers.Single(c => c.Id == g.Key);
                var created = g.Min(o => o.PurchasedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return $"{g.Key} | {customer.State} | {created} | {{\"customer_city\":\"{customer.City}\"}}";
            }).ToList();
        Assert.Equal(expectedAccounts, _ws.Store.Query<(string, string, DateOnly, string)>(
                "SELECT account_id, region, created_at, CAST(attributes AS VARCHAR) FROM accounts ORDER BY account_id")
            .Select(a => $"{a.Item1} | {a.Item2} | {a.Item3:yyyy-MM-dd} | {a.Item4}").ToList());

        var stored = _ws.Store.Query<(string, string, DateTime, string, double, string?)>(
            "SELECT order_id, account_id, ordered_at, status, amount, CAST(attributes AS VARCHAR) FROM orders ORDER BY order_id").ToList();
        Assert.Equal(_export.Orders.Count, stored.Count);
        foreach (var (row, order) in stored.Zip(_export.Orders.OrderBy(o => o.Id, StringComparer.Ordinal)))
        {
            Assert.Equal(order.Id, row.Item1);
            Assert.Equal(order.CustomerId, row.Item2);
            Assert.Equal(order.PurchasedAt, row.Item3);
            Assert.Equal(order.Status, row.Item4);
            // Exact: the importer sums in decimal, so the stored amount is the double nearest to the true sum of the payments.
            Assert.Equal((double)_export.Payments.Where(p => p.OrderId == order.Id).Sum(p => p.Value), row.Item5);
            int? daysLate = row.Item6 is null ? null : JsonDocument.Parse(row.Item6).RootElement.GetProperty("days_late").GetInt32();
            Assert.Equal(order.DeliveredAt is { } delivered ? delivered.DayNumber() - order.EstimatedAt.DayNumber() : null, daysLate);
        }

        Assert.Equal(_export.Reviews.Count, _ws.Count("responses"));
        var scores = _ws.Store.Query<(string, double, string?)>("SELECT response_id, csat, comment FROM responses ORDER BY response_id").ToList();
        Assert.Equal(_export.Reviews.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => (r.Id, (double)r.Score, r.Comment)).ToList(), scores);
        Assert.Contains(scores, s => s.Item3 == "Não recebi o produto até agora");
    }

    [Fact]
    public void Reimporting_the_export_changes_nothing()
    {
        _export.WriteTo(_ws.Directory);
        ImportAll();
        var before = _ws.Snapshot();

        var (accounts, orders, reviews) = ImportAll();

        foreach (var result in new[] { accounts, orders, reviews })
        {
            ImportAssert.Committed(result);
            Assert.Equal((0L, 0L), (result.Inserted, result.Updated));
        }
        Assert.Equal(before.Where(t => !t.Key.StartsWith("import_", StringComparison.Ordinal)),
            _ws.Snapshot().Where(t => !t.Key.StartsWith("import_", StringComparison.Ordinal)));
    }
}

static class DayNumbers
{
    public static int DayNumber(this DateTime time) => DateOnly.FromDateTime(time).DayNumber;
}
