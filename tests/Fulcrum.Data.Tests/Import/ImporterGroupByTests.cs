using Fulcrum.Data.Import;
using Fulcrum.Data.Import.Mapping;

namespace Fulcrum.Data.Tests.Import;

/// <summary>group_by folds several source rows into one canonical row (GroupFold.cs); aggregates and their errors.</summary>
public sealed class ImporterGroupByTests : IDisposable
{
    readonly ImportWorkspace _ws = new();

    public ImporterGroupByTests() => _ws.SeedAccounts("A1", "A2");

    public void Dispose() => _ws.Dispose();

    const string PaymentsMapping = """
        tables:
          - table: orders
            group_by: order_id
            fields:
              order_id: order
              account_id: customer
              ordered_at: { column: paid_at, aggregate: min }
              amount: { column: value, aggregate: sum }
              refund_amount: { column: refund, aggregate: max }
              status: { column: state, aggregate: last }
              attributes: { columns: [method], computed: { payments: "1" }, aggregate: first }
        """;

    string Payments(params string[] rows) => _ws.WriteLines("payments.csv", ["order,customer,paid_at,value,refund,state,method", .. rows]);

    [Fact]
    public void Payment_rows_fold_into_one_order_per_order_id()
    {
        var mapping = _ws.Write("m.yaml", PaymentsMapping);
        var file = Payments(
            "O1,A1,2024-03-02T10:00:00Z,10.1,,paid,card",
            "O2,A2,2024-03-05T09:00:00Z,5,,paid,voucher",
            "O1,A1,2024-03-01T08:30:00Z,20.2,3,shipped,voucher",
            "O1,A1,2024-03-03T00:00:00Z,0.7,1.5,,card");

        var result = _ws.Import("orders", file, mapping);

        ImportAssert.Committed(result);
        var stats = ImportAssert.Table(result, "orders");
        Assert.Equal(2, stats.Staged);
        Assert.Equal(2, stats.Folded);
        Assert.Equal(
            [
                "order_id=O1 | account_id=A1 | ordered_at=2024-03-01T08:30:00.0000000 | amount=31 | status=shipped | refund_amount=3 | attributes={\"method\":\"card\",\"payments\":1}",
                "order_id=O2 | account_id=A2 | ordered_at=2024-03-05T09:00:00.0000000 | amount=5 | status=paid | refund_amount=∅ | attributes={\"method\":\"voucher\",\"payments\":1}",
            ],
            _ws.Rows("orders"));
    }

    [Fact]
    public void Sums_are_exact_in_decimal_and_count_counts_non_empty_values()
    {
        var mapping = _ws.Write("m.yaml", """
            tables:
              - table: tickets
                group_by: ticket_id
                fields:
                  ticket_id: case
                  account_id: account
                  opened_at: { column: at, aggregate: first }
                  closed_at: { column: at, aggregate: last }
                  handle_minutes: { column: minutes, aggregate: sum }
                  contacts: { column: message, aggregate: count }
            """);
        var file = _ws.WriteLines("t.csv", "case,account,at,minutes,message",
            "T1,A1,2024-01-01T10:00:00Z,0.1,hello",
            "T1,A1,2024-01-01T11:00:00Z,0.2,",
            "T1,A1,2024-01-02T09:00:00Z,,still broken");

        ImportAssert.Committed(_ws.Import("tickets", file, mapping));

        Assert.Equal(0.3, _ws.Scalar<double>("SELECT handle_minutes FROM tickets")); // 0.1 + 0.2 in double is 0.30000000000000004
        Assert.Equal(2L, _ws.Scalar<long>("SELECT contacts FROM tickets"));
        Assert.Equal("2024-01-02T09:00:00.0000000", ImportWorkspace.Format(_ws.Scalar<DateTime>("SELECT closed_at FROM tickets")));
    }

    [Fact]
    public void Rows_that_disagree_on_a_field_without_aggregate_leave_their_group_out()
    {
        var mapping = _ws.Write("m.yaml", PaymentsMapping);
        var file = Payments(
            "O1,A1,2024-03-02T10:00:00Z,10,,paid,card",
            "O2,A2,2024-03-05T09:00:00Z,5,,paid,card",
            "O1,A2,2024-03-01T08:30:00Z,20,,paid,card");

        var refused = _ws.Import("orders", file, mapping);
        Assert.Equal(ImportStatus.Rejected, refused.Status);
        // The cause comes first, then the rows it kept out: with hundreds of groups the first screenful must say what is wrong.
        Assert.Equal([4L, 2L], refused.Rejects.Select(r => r.Line!.Value).ToList());
        ImportAssert.AssertReject(refused.Rejects[0], file, 4, "customer", "A2", "rows grouped by order_id 'O1' disagree on account_id: line 2 has 'A1'");
        ImportAssert.AssertReject(refused.Rejects[1], file, 2, null, null, "the 2 rows grouped by order_id 'O1' are not imported because line 4 was rejected");
        Assert.Equal(4L, refused.Rejects[1].CausedByLine);
        Assert.Null(refused.Rejects[0].CausedByLine);
        Assert.Equal(0, _ws.Count("orders"));

        ImportAssert.Committed(_ws.Import("orders", file, mapping, skipInvalid: true));
        Assert.Equal(["O2"], _ws.Rows("orders").Select(r => r.Split(" | ")[0]["order_id=".Length..]).ToList());
    }

    [Fact]
    public void A_rejected_row_leaves_its_whole_group_out_so_no_sum_is_partial()
    {
        var mapping = _ws.Write("m.yaml", PaymentsMapping);
        var file = Payments(
            "O1,A1,2024-03-02T10:00:00Z,10,,paid,card",
            "O1,A1,2024-03-02T10:00:00Z,-4,,paid,card",
            "O2,A2,2024-03-05T09:00:00Z,5,,paid,card");

        var result = _ws.Import("orders", file, mapping, skipInvalid: true);

        Assert.Equal([2L, 3L], result.Rejects.Select(r => r.Line!.Value).Order().ToList());
        Assert.Contains(result.Rejects, r => r.Line == 2 && r.Reason.Contains("the 2 rows grouped by order_id 'O1' are not imported because line 3 was rejected", StringComparison.Ordinal));
        Assert.Equal(1, _ws.Count("orders"));
    }

    [Fact]
    public void Reimporting_a_grouped_file_changes_nothing()
    {
        var mapping = _ws.Write("m.yaml", PaymentsMapping);
        var file = Payments("O1,A1,2024-03-02T10:00:00Z,10.1,,paid,card", "O1,A1,2024-03-01T10:00:00Z,20.2,,paid,card");
        ImportAssert.Committed(_ws.Import("orders", file, mapping));
        var before = _ws.Snapshot()["orders"];

        var again = _ws.Import("orders", file, mapping);

        ImportAssert.Committed(again);
        Assert.Equal((0L, 0L, 1L), (again.Inserted, again.Updated, ImportAssert.Table(again, "orders").Unchanged));
        Assert.Equal(before, _ws.Snapshot()["orders"]);
    }

    [Fact]
    public void A_sum_that_leaves_the_fields_range_is_rejected_after_folding()
    {
        var mapping = _ws.Write("m.yaml", """
            tables:
              - table: responses
                group_by: response_id
                fields:
                  response_id: id
                  account_id: account
                  responded_at: { column: at, aggregate: min }
                  nps: { column: score, aggregate: sum }
            """);
        var file = _ws.WriteLines("r.csv", "id,account,at,score", "R1,A1,2024-01-01,6", "R1,A1,2024-01-02,7");

        var result = _ws.Import("responses", file, mapping);

        var reject = Assert.Single(result.Rejects);
        Assert.Equal(2, reject.Line);
        Assert.Contains("out of range: nps must be between 0 and 10 (after sum over the group)", reject.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("order", "{ column: value, aggregate: avg }", "", 8, "field 'amount': unknown aggregate 'avg'. Aggregates: sum, count, min, max, first, last.")]
    [InlineData("order", "{ column: value, aggregate: sum }", "status: { column: state, aggregate: sum }", 9, "field 'status' is text; aggregate 'sum' needs a number or whole-number field.")]
    [InlineData("{ column: order, aggregate: first }", "value", "", 5, "field 'order_id' groups the rows (group_by) and so cannot also have an aggregate.")]
    public void Mistakes_in_aggregates_name_the_mapping_line(string orderId, string amount, string extra, int line, string message)
    {
        var mapping = _ws.Write("m.yaml",
            $"tables:\n  - table: orders\n    group_by: order_id\n    fields:\n      order_id: {orderId}\n      account_id: customer\n      ordered_at: paid_at\n      amount: {amount}\n      {extra}\n");

        var e = Assert.Throws<MappingException>(() => _ws.Import("orders", Payments(), mapping));

        Assert.Equal($"{mapping}, line {line}: {message}", e.Message);
    }

    [Fact]
    public void Group_by_an_unknown_or_unmapped_field_and_an_aggregate_without_group_by_are_mapping_errors()
    {
        var unknown = _ws.Write("u.yaml", "tables:\n  - table: orders\n    group_by: [order_id, basket]\n    fields:\n      order_id: order\n      account_id: customer\n      ordered_at: paid_at\n      amount: value\n");
        Assert.Equal($"{unknown}, line 3: group_by: table 'orders' has no field 'basket'. Fields: order_id, account_id, ordered_at, amount, status, refund_amount, attributes.",
            Assert.Throws<MappingException>(() => _ws.Import("orders", Payments(), unknown)).Message);

        var unmapped = _ws.Write("n.yaml", "tables:\n  - table: orders\n    group_by: status\n    fields:\n      order_id: order\n      account_id: customer\n      ordered_at: paid_at\n      amount: value\n");
        Assert.Equal($"{unmapped}, line 3: group_by: field 'status' is not mapped; map it under 'fields' (group_by names canonical fields, not source columns).",
            Assert.Throws<MappingException>(() => _ws.Import("orders", Payments(), unmapped)).Message);

        var ungrouped = _ws.Write("g.yaml", "tables:\n  - table: orders\n    fields:\n      order_id: order\n      account_id: customer\n      ordered_at: paid_at\n      amount: { column: value, aggregate: sum }\n");
        Assert.Equal($"{ungrouped}, line 7: field 'amount' has an aggregate (sum) but table 'orders' has no 'group_by' to fold rows by.",
            Assert.Throws<MappingException>(() => _ws.Import("orders", Payments(), ungrouped)).Message);
    }
}
