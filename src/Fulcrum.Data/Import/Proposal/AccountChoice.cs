using System.Globalization;

namespace Fulcrum.Data.Import.Proposal;

/// <summary>The column proposed as the customer (account_id), and the finer customer-like keys passed over for it.</summary>
/// <param name="Why">Why the finer keys were passed over, for a YAML comment; null when there were none.</param>
public sealed record AccountChoice(ColumnProfile? Column, IReadOnlyList<ColumnProfile> PassedOver, string? Why)
{
    /// <summary>
    /// Picks the customer column among the main file's columns and those of the files it joins: named like a customer or
    /// account id (<see cref="FieldSynonyms"/>) and holding text or whole numbers (not a delivery date named for the customer), the main file's own preferred to a joined one of the same name score. A
    /// column is passed over when another customer id determines less: fewer distinct values in the sample and exactly one
    /// of them for each of its values. Then it is a finer key (a customer id issued per order, a person within a company),
    /// and the coarser id is the customer: e.g. customer_unique_id over a customer_id that is new on every order.
    /// </summary>
    public static AccountChoice Choose(JoinedSample joined, Func<ColumnProfile, bool> allowed)
    {
        var view = joined.View;
        var candidates = view.Columns
            .Where(c => c.Kind is ColumnKind.Text or ColumnKind.Integer && allowed(c) && FieldSynonyms.Score("account_id", c.Name) > 0)
            .ToList();
        var coarser = new Dictionary<ColumnProfile, ColumnProfile?>(ReferenceEqualityComparer.Instance);
        foreach (var c in candidates) coarser[c] = candidates.FirstOrDefault(other => other != c && IsId(other) && Determines(view, c, other));
        var chosen = candidates.Where(c => coarser[c] is null)
            .OrderByDescending(c => FieldSynonyms.Score("account_id", c.Name))
            .ThenBy(c => joined.Origin(c)?.Depth ?? 0)
            .ThenByDescending(c => c.FillRate)
            .FirstOrDefault();
        if (chosen is null) return new AccountChoice(null, [], null);
        var passed = candidates.Where(c => ReferenceEquals(coarser[c], chosen)).ToList();
        return new AccountChoice(chosen, passed, passed.Count == 0 ? null : Explain(view, chosen, passed));
    }

    /// <summary>An id by name (customer_unique_id, account_id), not a customer's city or state that a customer id also determines.</summary>
    static bool IsId(ColumnProfile column) => FieldSynonyms.Normalize(column.Name).EndsWith("id", StringComparison.Ordinal);

    /// <summary>
    /// Whether each value of <paramref name="finer"/> goes with a single value of <paramref name="coarse"/>, which has fewer
    /// distinct values (at least two) over the rows where both are filled.
    /// </summary>
    static bool Determines(FileSample view, ColumnProfile finer, ColumnProfile coarse)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        var coarseValues = new HashSet<string>(StringComparer.Ordinal);
        var finerValues = view.Values(finer);
        var coarseCells = view.Values(coarse);
        for (var i = 0; i < finerValues.Count; i++)
        {
            if (finerValues[i] is not { } f || coarseCells[i] is not { } c) continue;
            if (pairs.TryGetValue(f, out var seen) && seen != c) return false;
            pairs[f] = c;
            coarseValues.Add(c);
        }
        return coarseValues.Count >= 2 && coarseValues.Count < pairs.Count;
    }

    static string Explain(FileSample view, ColumnProfile chosen, IReadOnlyList<ColumnProfile> passed)
    {
        static int Distinct(FileSample view, ColumnProfile column) => view.Values(column).OfType<string>().Distinct(StringComparer.Ordinal).Count();
        var finer = string.Join(", ", passed.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} ({Distinct(view, p):N0})")));
        return string.Create(CultureInfo.InvariantCulture,
            $"{chosen.Name} is the customer: it has fewer distinct values in the sample ({Distinct(view, chosen):N0}) than {finer}, ")
            + $"and each value of {string.Join(" or ", passed.Select(p => p.Name))} goes with one {chosen.Name}: a finer key (e.g. issued per order), not the customer";
    }
}
