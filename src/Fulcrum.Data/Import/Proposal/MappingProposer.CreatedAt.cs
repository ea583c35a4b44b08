using System.Globalization;

namespace Fulcrum.Data.Import.Proposal;

public static partial class MappingProposer
{
    /// <summary>A tenure in months and the day it counts back from, giving when each customer joined.</summary>
    /// <param name="Reference">The day the file was taken, or null when no column gives it (then nothing is proposed).</param>
    /// <param name="Format">The .NET format <paramref name="Reference"/>'s values parse with, for date(text, format).</param>
    sealed record TenureDate(ColumnProfile Tenure, ColumnProfile? Reference, string? Format, string? ReferenceWhy);

    sealed partial class Builder
    {
        /// <summary>Most months a tenure may say (a century); more is no tenure.</summary>
        const double MaxTenureMonths = 1_200;

        /// <summary>Formats tried for an ISO reference date, which date(text, format) needs spelled out.</summary>
        static readonly string[] IsoReferenceFormats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"];

        /// <summary>
        /// A tenure in months (Telco's "Tenure in Months"; a bare "tenure" is months by convention; days or years are not read) in
        /// the file or a file it joins, with the day it counts back from: a column named for the snapshot (as of, export date) or a
        /// date that is the same on every sampled row. Null without a tenure.
        /// </summary>
        TenureDate? FindTenure()
        {
            var view = joined.View;
            var tenure = PickFrom(view.Columns, "tenure_months", c => c.IsNumeric && c.Min >= 0 && c.Max <= MaxTenureMonths && InMonths(c));
            if (tenure is null) return null;
            var named = PickFrom(view.Columns, "reference_date", c => c.IsTime && c != _createdAt);
            var constant = named is null
                ? view.Columns.FirstOrDefault(c => c.IsTime && c != _createdAt && c.Rows >= 2 && c.Filled == c.Rows && c.Distinct == 1)
                : null;
            var reference = named ?? constant;
            var why = named is not null ? $"{named.Name}, named for the day the file was taken"
                : constant is not null ? $"{constant.Name}, the same day on every sampled row: taken as the day the file was taken"
                : null;
            return new TenureDate(tenure, reference, reference is null ? null : ReferenceFormat(view, reference), why);
        }

        static bool InMonths(ColumnProfile column)
        {
            var name = FieldSynonyms.Normalize(column.Name);
            return !new[] { "day", "week", "year", "yr" }.Any(unit => name.Contains(unit, StringComparison.Ordinal));
        }

        /// <summary>The one format every sampled value of the reference date parses with exactly, or null.</summary>
        static string? ReferenceFormat(FileSample view, ColumnProfile reference)
        {
            var values = view.Values(reference).OfType<string>().ToList();
            return (reference.Format is null ? IsoReferenceFormats : [reference.Format]).FirstOrDefault(f => values.All(v =>
                DateTime.TryParseExact(v, f, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)));
        }

        /// <summary>
        /// created_at counted back from a tenure, when the day it counts from is known (a mapping expression); otherwise a
        /// comment saying why none is proposed and what to write once that day is known. A guessed day would shift every
        /// customer's tenure, so none is guessed. Returns whether created_at was written.
        /// </summary>
        bool CreatedFromTenure(TenureDate found, bool fold)
        {
            var tenure = found.Tenure;
            var join = joined.Origin(tenure);
            var about = string.Create(CultureInfo.InvariantCulture, $"{tenure.Name} ({tenure.Min:0.##}–{tenure.Max:0.##} months{(join is null ? "" : $", in {join.File}")})");
            if (found is { Reference: { } reference, Format: { } format })
            {
                Read(tenure);
                Read(reference);
                var aggregate = fold ? ", aggregate: min" : "";
                var expr = $"addmonths(date({Ref(reference)}, {Literal(format)}), -{Ref(tenure)})";
                _yaml.Append(CultureInfo.InvariantCulture,
                    $"      created_at: {{ expr: {Quote(expr)}{aggregate} }}   # {about} counted back from {found.ReferenceWhy}; to the month\n");
                return true;
            }
            var whyNot = found.Reference is { } unreadable
                ? $"{unreadable.Name} may be that day, but its values share no one layout date() reads"
                : "no column gives that day";
            _yaml.Append(CultureInfo.InvariantCulture, $"      # created_at: not proposed. {about} counts back from the day the file was taken, and {whyNot}.\n");
            var joinToo = join is null ? "" : $", a join of {join.File} on {join.On}";
            _yaml.Append(CultureInfo.InvariantCulture, $"      # If you know that day, add `constants: {{ snapshot_date: \"YYYY-MM-DD\" }}` at the top{joinToo} and here:\n");
            _yaml.Append(CultureInfo.InvariantCulture,
                $"      # created_at: {{ expr: {Quote($"addmonths(date([snapshot_date], 'yyyy-MM-dd'), -{Ref(tenure)})")} }}\n");
            return false;
        }

        /// <summary>In a file of customers without a created_at: the date columns found by their values, for the user to choose from.</summary>
        void CreatedCandidates()
        {
            var dates = columns.Where(c => c.IsTime && c != _outcomeDate && !_used.Contains(c.Name) && !_outcomeOnly.Contains(c.Name)).ToList();
            if (dates.Count == 0) return;
            _yaml.Append(CultureInfo.InvariantCulture,
                $"      # created_at: not proposed: no column is named for when a customer joined. Dates found by their values: {string.Join("; ", dates.Select(c => $"{c.Name} ({Describe(c)})"))}.\n");
            _yaml.Append("      # If one of them is that day, map it here: created_at: COLUMN\n");
        }

        /// <summary>Notes that an expression reads a column: the join it comes through is listed, and the column stays among the attributes.</summary>
        void Read(ColumnProfile column)
        {
            if (joined.Origin(column) is not null) _joined.Add(column);
        }
    }
}
