using System.Globalization;

namespace Fulcrum.Data.Import.Proposal;

public static partial class MappingProposer
{
    /// <summary>What makes a file one of orders: its own order id and amount; when and how they went may come from a joined file.</summary>
    sealed record OrderColumns(ColumnProfile Id, ColumnProfile? Amount, ColumnProfile? OrderedAt, ColumnProfile? Status, ColumnProfile? Refund);

    sealed partial class Builder
    {
        /// <summary>The file's order id (its own, filled in every row) and what goes with it, or null.</summary>
        /// <param name="hasResponses">The file holds answers or tickets: the orders it names are what they are about, not purchases to propose.</param>
        OrderColumns? FindOrder(bool hasResponses)
        {
            var id = hasResponses ? null : Pick("order_id", c => c.Kind is ColumnKind.Text or ColumnKind.Integer && c.Filled == rows);
            if (id is null) return null;
            var amount = Pick("amount", c => c.IsNumeric && c.Min >= 0, except: id);
            var view = joined.View.Columns;
            var orderedAt = PickFrom(view, "ordered_at", c => c.IsTime && c != _createdAt)
                ?? columns.FirstOrDefault(c => c.IsTime && c != _createdAt) ?? view.FirstOrDefault(c => c.IsTime && c != _createdAt);
            var status = PickFrom(view, "order_status", c => c.Kind == ColumnKind.Text && c.Distinct <= 50);
            var refund = amount is null ? null : Pick("refund_amount", c => c.IsNumeric && c.Min >= 0, except: amount);
            return new OrderColumns(id, amount, orderedAt, status, refund);
        }

        /// <summary>
        /// One order per order id. Where the id repeats (a row per payment or per item), rows fold: an amount that differs
        /// between an order's rows is summed, one that is the same on each (the order's total, repeated) is taken once.
        /// </summary>
        void Orders(ColumnProfile? account, OrderColumns order, bool takesRest)
        {
            var view = joined.View;
            var fold = !order.Id.Unique;
            Block("orders", fold ? string.Create(CultureInfo.InvariantCulture,
                $"{order.Id.Name} repeats ({GroupCheck.RepeatedKeys(sample, order.Id):N0} orders on several sampled rows): one order each") : null, groupBy: fold ? "order_id" : null);
            Field("order_id", order.Id);
            Field("account_id", account, AccountTodo);
            Field("ordered_at", order.OrderedAt, "no date or time column found: when each order was placed");
            Money("amount", order.Amount!);
            if (order.Status is not null)
                Field("status", order.Status, aggregate: fold && GroupCheck.VariesWithin(view, order.Id, order.Status) ? ("last", "the last of an order's rows") : null);
            if (order.Refund is not null) Money("refund_amount", order.Refund);
            var daysLate = DaysLate(FindDelivery(), fold ? order.Id : null);
            if (takesRest || daysLate is not null) Attributes(fold ? order.Id : null, computed: daysLate, keepRest: takesRest);

            void Money(string field, ColumnProfile column) =>
                Field(field, column, aggregate: !fold ? null
                    : GroupCheck.VariesWithin(view, order.Id, column) ? ("sum", "differs between an order's rows (one per payment or item): summed")
                    : ("first", "the same on every row of an order (its total), so taken once"));
        }

        /// <summary>An order id without any amount: orders need one, which a file of payments or items beside this one may hold.</summary>
        void OrdersWithoutAmount(OrderColumns order) =>
            _yaml.Append(CultureInfo.InvariantCulture,
                $"  # {order.Id.Name} names orders, but no amount column was found, so no orders are proposed: run `fulcrum map` on the file with each order's payments or value.\n");
    }
}
