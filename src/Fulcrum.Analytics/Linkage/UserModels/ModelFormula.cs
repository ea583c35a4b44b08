namespace Fulcrum.Analytics.Linkage.UserModels;

/// <summary>What a user-stated model explains, one value per account.</summary>
public enum ModelOutcome
{
    /// <summary>1 when the account has a churn outcome on record, else 0 (logistic).</summary>
    Churn,

    /// <summary>1 when the account has an expansion outcome on record, else 0 (logistic).</summary>
    Expansion,

    /// <summary>Support tickets the account opened (linear, robust standard errors).</summary>
    Tickets,

    /// <summary>1 when a customer with orders on record ordered more than once, else 0 (logistic; customers without orders left out).</summary>
    Repeat,

    /// <summary>A customer's net revenue from its orders on record, less refunds (linear, robust standard errors; customers without orders left out).</summary>
    Revenue,
}

/// <summary>What kind of model each outcome takes.</summary>
public static class ModelOutcomes
{
    /// <summary>Yes/no outcomes get a logistic model; counts and amounts a linear one.</summary>
    public static bool IsYesNo(this ModelOutcome outcome) => outcome is ModelOutcome.Churn or ModelOutcome.Expansion or ModelOutcome.Repeat;

    /// <summary>The outcome's name as the user writes it.</summary>
    public static string Name(this ModelOutcome outcome) => outcome.ToString().ToLowerInvariant();
}

/// <summary>
/// One right-hand-side term: an account variable (<c>attr:NAME</c>, <c>segment</c>, <c>region</c>, <c>industry</c>, or the
/// account's mean <c>nps</c>, <c>csat</c>, <c>ces</c>), numeric or — written <c>C(…)</c> — categorical (one indicator per
/// level against the first level in sort order, as patsy/statsmodels do).
/// </summary>
public sealed record ModelTerm(string Variable, bool Categorical)
{
    public string Label => Categorical ? $"C({Variable})" : Variable;

    /// <summary>Account fields that only make sense as categories.</summary>
    internal static readonly string[] CategoricalFields = ["segment", "region", "industry"];

    /// <summary>The account's mean survey answers.</summary>
    internal static readonly string[] ScoreFields = ["nps", "csat", "ces"];
}

/// <summary>
/// A model as the user states it: <c>churn ~ attr:Tenure in Months + attr:Monthly Charge + C(attr:Contract)</c>. Terms are
/// separated by <c>+</c>; names may contain spaces.
/// </summary>
public sealed record ModelFormula(ModelOutcome Outcome, IReadOnlyList<ModelTerm> Terms)
{
    public override string ToString() => $"{Outcome.ToString().ToLowerInvariant()} ~ {string.Join(" + ", Terms.Select(t => t.Label))}";

    /// <exception cref="FormatException">The formula is malformed; the message says where and how to fix it.</exception>
    public static ModelFormula Parse(string text)
    {
        var parts = text.Split('~');
        if (parts.Length != 2)
            throw new FormatException($"A model is written OUTCOME ~ TERM + TERM, e.g. \"churn ~ attr:Tenure + C(attr:Contract)\" (got \"{text}\").");
        var terms = parts[1].Split('+').Select(t => t.Trim()).ToList();
        if (terms.Any(t => t.Length == 0))
            throw new FormatException($"An empty term in \"{parts[1].Trim()}\": every '+' needs a term on both sides.");
        return new ModelFormula(ParseOutcome(parts[0]), ParseTerms(terms));
    }

    /// <exception cref="FormatException">Not churn, expansion, tickets, repeat or revenue.</exception>
    public static ModelOutcome ParseOutcome(string text) => text.Trim().ToLowerInvariant() switch
    {
        "churn" => ModelOutcome.Churn,
        "expansion" => ModelOutcome.Expansion,
        "tickets" => ModelOutcome.Tickets,
        "repeat" => ModelOutcome.Repeat,
        "revenue" => ModelOutcome.Revenue,
        _ => throw new FormatException($"Unknown outcome '{text.Trim()}': use churn, expansion, tickets, repeat or revenue."),
    };

    /// <summary>Parses and checks terms (also the --controls of `fulcrum linkage`).</summary>
    /// <exception cref="FormatException">A term names no known variable or appears twice.</exception>
    public static IReadOnlyList<ModelTerm> ParseTerms(IEnumerable<string> texts)
    {
        var terms = texts.Select(Term).ToList();
        var repeated = terms.GroupBy(t => t.Variable, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new FormatException($"'{repeated.Key}' appears more than once in the model.");
        return terms;
    }

    static ModelTerm Term(string text)
    {
        var categorical = text.StartsWith("C(", StringComparison.Ordinal) && text.EndsWith(')');
        var name = (categorical ? text[2..^1] : text).Trim();
        if (name.StartsWith("attr:", StringComparison.OrdinalIgnoreCase) && name.Length > 5) return new ModelTerm("attr:" + name[5..].Trim(), categorical);
        var lower = name.ToLowerInvariant();
        if (ModelTerm.CategoricalFields.Contains(lower)) return new ModelTerm(lower, Categorical: true);
        if (ModelTerm.ScoreFields.Contains(lower)) return new ModelTerm(lower, categorical);
        throw new FormatException(
            $"Unknown term '{text}': use attr:NAME (an account attribute), segment, region, industry, nps, csat or ces; wrap a term in C(…) to treat it as categories.");
    }
}
