using System.Globalization;
using Fulcrum.Data.Import.Proposal;

namespace Fulcrum.Data.Tests.Import;

/// <summary>
/// `fulcrum map` on a marketplace export split over several files (the Olist shape): the customer is found through the
/// files beside the one mapped, answers get a template id where theirs repeats, payments become orders, and the proposals
/// import as they are, in order, without a TODO.
/// </summary>
public sealed class MappingProposerJoinTests : IDisposable
{
    readonly ImportWorkspace _ws = new();
    readonly OlistShapedFiles _export = OlistShapedFiles.Generate();

    public MappingProposerJoinTests() => _export.WriteTo(_ws.Directory);

    public void Dispose() => _ws.Dispose();

    ProposedMapping Propose(string file) => MappingProposer.Propose(_ws.PathOf(file));

    [Fact]
    public void Reviews_without_a_customer_column_get_the_unique_customer_through_orders_then_customers()
    {
        var proposal = Propose(OlistShapedFiles.Reviews);

        Assert.Empty(proposal.Todos);
        var yaml = proposal.Yaml;
        // The chain: order_id → the orders file, then its customer_id → the customers file; the second key came from the first join.
        var orders = yaml.IndexOf($"  - file: {OlistShapedFiles.Orders}\n    on: order_id", StringComparison.Ordinal);
        var customers = yaml.IndexOf($"  - file: {OlistShapedFiles.Customers}\n    on: customer_id", StringComparison.Ordinal);
        Assert.True(orders > 0 && customers > orders, yaml);
        Assert.True(yaml.IndexOf("join:", StringComparison.Ordinal) < yaml.IndexOf("tables:", StringComparison.Ordinal));
        Assert.Contains("account_id: customer_unique_id", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("account_id: customer_id", yaml, StringComparison.Ordinal);
        Assert.Contains("# customer_unique_id is the customer: it has fewer distinct values in the sample (24) than customer_id (40)", yaml, StringComparison.Ordinal);
        // review_id repeats across orders: the id is made of it and the order.
        Assert.Contains("response_id: { template: \"{review_id}-{order_id}\" }   # review_id repeats (4 values on more than one sampled row)", yaml, StringComparison.Ordinal);
        Assert.Contains("csat: review_score", yaml, StringComparison.Ordinal);
        Assert.Contains("comment: review_comment_message", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Payments_become_orders_folded_by_order_id_with_the_payments_summed()
    {
        var yaml = Propose(OlistShapedFiles.Payments).Yaml;

        Assert.Contains("  - table: orders\n    group_by: order_id", yaml, StringComparison.Ordinal);
        Assert.Contains("amount: { column: payment_value, aggregate: sum }", yaml, StringComparison.Ordinal);
        Assert.Contains("ordered_at: order_purchase_timestamp", yaml, StringComparison.Ordinal);
        Assert.Contains("status: order_status", yaml, StringComparison.Ordinal);
        Assert.Contains("account_id: customer_unique_id", yaml, StringComparison.Ordinal);
        // A customer's first order is when they became one; the payment columns that differ within an order are not kept.
        Assert.Contains("created_at: { column: order_purchase_timestamp, aggregate: min }", yaml, StringComparison.Ordinal);
        Assert.Contains("# left out: payment_sequential, payment_type, payment_installments differ between the rows of one order_id", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Customers_become_one_account_per_unique_customer_without_the_per_order_id()
    {
        var proposal = Propose(OlistShapedFiles.Customers);

        Assert.Empty(proposal.Todos);
        var yaml = proposal.Yaml;
        Assert.DoesNotContain("join:", yaml, StringComparison.Ordinal);
        Assert.Contains("  - table: accounts\n    group_by: account_id", yaml, StringComparison.Ordinal);
        Assert.Contains("account_id: customer_unique_id", yaml, StringComparison.Ordinal);
        // One customer moved state between orders: the last row's state, not a rejected duplicate.
        Assert.Contains("region: { column: customer_state, aggregate: last }", yaml, StringComparison.Ordinal);
        Assert.Contains("attributes: { columns: [customer_zip_code_prefix, customer_city], aggregate: last }", yaml, StringComparison.Ordinal);
        Assert.Contains("# left out: customer_id, a finer key than customer_unique_id", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void The_proposals_import_in_order_as_they_are_dry_run_first()
    {
        foreach (var (file, mapping) in new[] { (OlistShapedFiles.Customers, "accounts.yaml"), (OlistShapedFiles.Payments, "orders.yaml"), (OlistShapedFiles.Reviews, "reviews.yaml") })
        {
            var proposal = Propose(file);
            Assert.Empty(proposal.Todos);
            Assert.DoesNotContain(MappingProposer.Todo, proposal.Yaml, StringComparison.Ordinal);
            var path = _ws.Write(mapping, proposal.Yaml);
            var dry = _ws.Import("all", _ws.PathOf(file), path, dryRun: true);
            Assert.Empty(dry.Rejects);
            var result = _ws.Import("all", _ws.PathOf(file), path);
            ImportAssert.Committed(result);
            Assert.Empty(result.Rejects);
            Assert.Empty(result.Warnings);
        }

        Assert.Equal(_export.UniqueCustomers.Count, _ws.Count("accounts"));
        Assert.Equal(_export.OrderRows.Count, _ws.Count("orders"));
        Assert.Equal(_export.ReviewRows.Count, _ws.Count("responses"));
        var split = _export.PaymentRows.GroupBy(p => p.OrderId).First(g => g.Count() > 1);
        Assert.Equal((double)split.Sum(p => p.Value), _ws.Scalar<double>("SELECT amount FROM orders WHERE order_id = $id", new { id = split.Key }), 2);
        var repeat = _export.OrderRows.GroupBy(o => o.UniqueId).First(g => g.Count() > 1);
        Assert.Equal(repeat.Count(), _ws.Scalar<long>("SELECT COUNT(*) FROM orders WHERE account_id = $id", new { id = repeat.Key }));
        Assert.Equal(repeat.Min(o => o.PurchasedAt).Date,
            DateTime.Parse(_ws.Scalar<string>("SELECT CAST(created_at AS VARCHAR) FROM accounts WHERE account_id = $id", new { id = repeat.Key }), CultureInfo.InvariantCulture).Date);
        // Every answer belongs to the real customer of its order, and a comment keeps its line break.
        var review = _export.ReviewRows.First(r => r.Message?.Contains('\n', StringComparison.Ordinal) == true);
        var customer = _export.OrderRows.Single(o => o.Id == review.OrderId).UniqueId;
        Assert.Equal(customer, _ws.Scalar<string>("SELECT account_id FROM responses WHERE response_id = $id", new { id = $"{review.Id}-{review.OrderId}" }));
        Assert.Equal(review.Message, _ws.Scalar<string>("SELECT comment FROM responses WHERE response_id = $id", new { id = $"{review.Id}-{review.OrderId}" }));
    }
}
