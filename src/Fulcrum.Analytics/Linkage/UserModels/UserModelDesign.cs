using System.Globalization;

namespace Fulcrum.Analytics.Linkage.UserModels;

/// <summary>A column of the design: the term it belongs to and, for a categorical term, the level it indicates.</summary>
internal sealed record DesignColumn(string Name, int Term, string? Level);

/// <summary>A categorical term's levels in sort order, its baseline and the levels whose accounts all share one outcome.</summary>
internal sealed record TermLevels(IReadOnlyList<string> Levels, int Baseline, IReadOnlySet<string> Separated);

/// <summary>
/// The complete-case design matrix of a user model: intercept, numeric terms as they are, categorical terms as one
/// indicator per level against a baseline (patsy's naming: <c>C(attr:Contract)[T.One Year]</c>).
/// </summary>
internal sealed class UserModelDesign
{
    public required double[,] X { get; init; }
    public required double[] Y { get; init; }
    public required IReadOnlyList<DesignColumn> Columns { get; init; }
    /// <summary>Per term: its levels when categorical, else null.</summary>
    public required IReadOnlyList<TermLevels?> Levels { get; init; }
    /// <summary>Per kept row, the level of each categorical term (null for numeric terms).</summary>
    public required string?[][] RowLevels { get; init; }
    public required IReadOnlyList<ModelMissingTerm> Missing { get; init; }

    /// <param name="csat">The store's CSAT scale (a C(csat) term has one level per point of it); CSAT 1–5 when not given.</param>
    public static UserModelDesign Build(ModelFormula formula, IReadOnlyList<UserModelRow> rows, CsatPoints? csat = null)
    {
        csat ??= CsatPoints.Default;
        var terms = formula.Terms;
        var binary = formula.Outcome.IsYesNo();
        var missing = new long[terms.Count];
        var kept = new List<(double Outcome, double[] Numbers, string?[] Levels)>();
        foreach (var row in rows)
        {
            var numbers = new double[terms.Count];
            var levels = new string?[terms.Count];
            var complete = true;
            for (var t = 0; t < terms.Count; t++)
            {
                var raw = row.Values[t];
                if (raw is null || raw.Trim().Length == 0) { missing[t]++; complete = false; continue; }
                if (terms[t].Categorical) levels[t] = Level(terms[t], raw, csat);
                else numbers[t] = Number(terms[t], raw);
            }
            if (complete) kept.Add((row.Outcome, numbers, levels));
        }
        for (var t = 0; t < terms.Count; t++)
            if (missing[t] == rows.Count)
                throw new UserModelException(ModelTerm.ScoreFields.Contains(terms[t].Variable)
                    ? $"No account has a {terms[t].Variable} answer on record; import survey responses with a {terms[t].Variable} column (fulcrum import responses FILE)."
                    : $"No account has a value for {terms[t].Variable}; check its name (attribute names are case-sensitive) or import it.");
        if (kept.Count == 0) throw new UserModelException("No account has a value for every term together; drop a term or import the missing values.");

        var termLevels = terms.Select((term, t) =>
        {
            if (!term.Categorical) return null;
            var groups = kept.GroupBy(k => k.Levels[t]!).ToDictionary(g => g.Key, g => (N: g.Count(), Events: g.Sum(k => k.Outcome)));
            var levels = groups.Keys.Order(StringComparer.Ordinal).ToList();
            if (levels.Count < 2) throw new UserModelException($"{term.Label} has a single level ('{levels[0]}') among the accounts modelled: it cannot explain anything; drop it.");
            var separated = binary
                ? levels.Where(l => groups[l].Events == 0 || groups[l].Events == groups[l].N).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal);
            // The first level in sort order is the baseline (as patsy's), unless every account there shares one outcome:
            // comparisons with such a baseline are infinite, so the first level with both outcomes takes its place.
            var baseline = levels.FindIndex(l => !separated.Contains(l));
            return new TermLevels(levels, Math.Max(baseline, 0), separated);
        }).ToList();

        var columns = new List<DesignColumn> { new("intercept", -1, null) };
        for (var t = 0; t < terms.Count; t++)
        {
            if (termLevels[t] is not { } tl) { columns.Add(new DesignColumn(terms[t].Variable, t, null)); continue; }
            for (var l = 0; l < tl.Levels.Count; l++)
                if (l != tl.Baseline) columns.Add(new DesignColumn($"{terms[t].Label}[T.{tl.Levels[l]}]", t, tl.Levels[l]));
        }
        var x = new double[kept.Count, columns.Count];
        for (var i = 0; i < kept.Count; i++)
            for (var c = 0; c < columns.Count; c++)
            {
                var column = columns[c];
                x[i, c] = column.Term < 0 ? 1 : column.Level is null ? kept[i].Numbers[column.Term] : kept[i].Levels[column.Term] == column.Level ? 1 : 0;
            }
        return new UserModelDesign
        {
            X = x,
            Y = kept.Select(k => k.Outcome).ToArray(),
            Columns = columns,
            Levels = termLevels,
            RowLevels = kept.Select(k => k.Levels).ToArray(),
            Missing = terms.Select((t, i) => new ModelMissingTerm(t.Label, missing[i])).Where(m => m.Accounts > 0).ToList(),
        };
    }

    /// <summary>Scores as categories: the NPS category or the CSAT/CES answer of the account's rounded mean.</summary>
    static string Level(ModelTerm term, string raw, CsatPoints csat) => term.Variable switch
    {
        "nps" => LinkageFactors.NpsLevel(double.Parse(raw, CultureInfo.InvariantCulture)),
        "csat" => csat.Level(double.Parse(raw, CultureInfo.InvariantCulture)),
        "ces" => Math.Round(double.Parse(raw, CultureInfo.InvariantCulture), MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture),
        _ => raw.Trim(),
    };

    /// <summary>A number; yes/no and true/false count as 1/0.</summary>
    static double Number(ModelTerm term, string raw)
    {
        var text = raw.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)) return value;
        if (text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text.Equals("true", StringComparison.OrdinalIgnoreCase)) return 1;
        if (text.Equals("no", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase)) return 0;
        throw new UserModelException($"{term.Variable} has a value that is not a number ('{text}'); write C({term.Variable}) to treat it as categories.");
    }
}
