using System.Globalization;

namespace Fulcrum.Data.Import.Proposal;

public static partial class MappingProposer
{
    /// <summary>An order's promised and actual delivery dates (Olist's order_estimated_delivery_date and order_delivered_customer_date).</summary>
    sealed record DeliveryDates(ColumnProfile Promised, ColumnProfile Delivered);

    sealed partial class Builder
    {
        /// <summary>Name parts of a date that is no delivery to the customer: a promise, or a hand-over to the carrier.</summary>
        static readonly string[] NotDelivered = ["estimat", "promis", "expect", "carrier", "ship", "limit"];

        /// <summary>The orders' promised and actual delivery dates, in the file or a file it joins; null without both.</summary>
        DeliveryDates? FindDelivery()
        {
            var view = joined.View.Columns;
            var promised = PickFrom(view, "promised_delivery", c => c.IsTime);
            if (promised is null) return null;
            var delivered = PickFrom(view, "delivered_at", c => c.IsTime && c != promised
                && !NotDelivered.Any(part => FieldSynonyms.Normalize(c.Name).Contains(part, StringComparison.Ordinal)));
            return delivered is null ? null : new DeliveryDates(promised, delivered);
        }

        /// <summary>
        /// days_late as a computed attribute (orders have no such field; the mapping's days() takes the difference of two dates):
        /// days from the promised date to the delivery, negative when early, empty for an order not delivered. In a table that
        /// folds several rows per order, only when both dates are the same on each of an order's rows. Null when not proposed.
        /// </summary>
        (string Name, string Expression, string Why)? DaysLate(DeliveryDates? dates, ColumnProfile? groupKey)
        {
            if (dates is null) return null;
            if (groupKey is not null && new[] { dates.Promised, dates.Delivered }.FirstOrDefault(c => GroupCheck.VariesWithin(joined.View, groupKey, c)) is { } varying)
            {
                _yaml.Append(CultureInfo.InvariantCulture, $"      # days_late: not proposed: {varying.Name} differs between the rows of one {groupKey.Name}.\n");
                return null;
            }
            Read(dates.Promised);
            Read(dates.Delivered);
            var filled = joined.View.Values(dates.Delivered).Count(v => v is not null);
            var why = string.Create(CultureInfo.InvariantCulture,
                $"days from {dates.Promised.Name} to {dates.Delivered.Name}{From(dates.Delivered)}: late if above 0, early if below; empty where not delivered ({joined.View.Rows - filled:N0} of {joined.View.Rows:N0} sampled rows)");
            return ("days_late", $"days({AsDate(dates.Delivered)}, {AsDate(dates.Promised)})", why);
        }

        string From(ColumnProfile column) => joined.Origin(column) is { } join ? $" (from {join.File})" : "";

        /// <summary>A date column in an expression: ISO text as is (days() reads it), another layout through date(text, format).</summary>
        static string AsDate(ColumnProfile column) =>
            column.Format is null ? Ref(column) : $"date({Ref(column)}, {Literal(column.Format)})";
    }
}
