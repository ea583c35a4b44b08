using Fulcrum.Data.Import.Proposal;

namespace Fulcrum.Data.Tests.Import;

/// <summary>`fulcrum map` and orders with a promised and an actual delivery date: days late as a computed attribute.</summary>
public sealed class MappingProposerDeliveryTests
{
    [Fact]
    public void An_orders_file_with_promised_and_delivered_dates_gets_days_late_and_it_imports_per_order()
    {
        using var ws = new ImportWorkspace();
        var file = ws.WriteLines("orders.csv", "order_id,customer_id,order_date,amount,promised_date,delivered_date",
            "o1,c1,13/03/2024,10.50,20/03/2024,22/03/2024",
            "o2,c2,14/03/2024,20.00,20/03/2024,18/03/2024",
            "o3,c1,15/03/2024,5.00,21/03/2024,");

        var proposal = MappingProposer.Propose(file);

        Assert.Empty(proposal.Todos);
        Assert.Contains("      attributes:\n        columns: [promised_date, delivered_date]   # every other column, kept\n        computed:\n"
            + "          days_late: \"days(date([delivered_date], 'dd/MM/yyyy'), date([promised_date], 'dd/MM/yyyy'))\"   # days from promised_date to delivered_date: late if above 0, early if below; empty where not delivered (1 of 3 sampled rows)\n",
            proposal.Yaml, StringComparison.Ordinal);
        ImportAssert.Committed(ws.Import("all", file, ws.Write("orders.yaml", proposal.Yaml)));
        Assert.Equal(2, ws.Scalar<int>("SELECT CAST(attributes ->> 'days_late' AS INTEGER) FROM orders WHERE order_id = 'o1'"));
        Assert.Equal(-2, ws.Scalar<int>("SELECT CAST(attributes ->> 'days_late' AS INTEGER) FROM orders WHERE order_id = 'o2'"));
        // Not delivered: no days late at all, never 0.
        Assert.Equal(0, ws.Scalar<long>("SELECT COUNT(*) FROM orders WHERE order_id = 'o3' AND (attributes ->> 'days_late') IS NOT NULL"));
    }

    [Fact]
    public void A_hand_over_to_the_carrier_is_no_delivery_so_no_days_late()
    {
        using var ws = new ImportWorkspace();
        var file = ws.WriteLines("orders.csv", "order_id,customer_id,order_purchase_timestamp,payment_value,order_delivered_carrier_date,order_estimated_delivery_date",
            "o1,c1,2024-03-01 10:00:00,10.50,2024-03-03 10:00:00,2024-03-10 00:00:00",
            "o2,c2,2024-03-02 10:00:00,20.00,2024-03-04 10:00:00,2024-03-10 00:00:00");

        var proposal = MappingProposer.Propose(file);

        Assert.Contains("table: orders", proposal.Yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("days_late", proposal.Yaml, StringComparison.Ordinal);
    }
}
