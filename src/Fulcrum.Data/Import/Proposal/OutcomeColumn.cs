namespace Fulcrum.Data.Import.Proposal;

/// <summary>What one value of a churn flag or customer-status column says about the renewal decision.</summary>
public enum OutcomeClass
{
    /// <summary>Not recognised: the user must say (a TODO).</summary>
    Unknown,
    Churn,
    Renewal,
    /// <summary>No renewal decision yet, e.g. a customer who joined this period: such rows are no outcome at all.</summary>
    NoDecision,
}

/// <summary>One value of an outcome column, how many sampled rows hold it and what it says.</summary>
public sealed record OutcomeLevel(string Value, long Rows, OutcomeClass Class);

/// <summary>
/// The column that says how each customer's renewal went: a churn flag (Yes/No, 1/0) or a status with words such as
/// Churned/Stayed/Joined, found by name and by value. A status that also tells new customers apart is preferred to a
/// plain flag, because a flag calls a customer who just joined a renewal.
/// </summary>
public sealed record OutcomeColumn(ColumnProfile Column, IReadOnlyList<OutcomeLevel> Levels)
{
    /// <summary>Most distinct values a status column has (more is a free-text or id column).</summary>
    const int MaxLevels = 10;

    static readonly HashSet<string> FlagYes = new(StringComparer.OrdinalIgnoreCase) { "yes", "y", "true", "t", "1" };
    static readonly HashSet<string> FlagNo = new(StringComparer.OrdinalIgnoreCase) { "no", "n", "false", "f", "0" };
    static readonly HashSet<string> ChurnWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "churn", "churned", "churner", "exited", "left", "lost", "cancelled", "canceled", "cancellation", "attrited", "attrition",
        "terminated", "lapsed", "inactive", "departed", "discontinued",
    };
    static readonly HashSet<string> RenewalWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "stayed", "stay", "renewed", "renewal", "retained", "active", "current", "existing", "continuing", "remained", "loyal",
    };
    static readonly HashSet<string> NewWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "joined", "new", "onboarding", "trial", "trialing", "trialling", "pending", "prospect",
    };
    static readonly HashSet<string> Negations = new(StringComparer.OrdinalIgnoreCase) { "not", "non", "never" };

    public IEnumerable<string> ValuesOf(OutcomeClass kind) => Levels.Where(l => l.Class == kind).Select(l => l.Value);

    public bool FullyRecognised => Levels.All(l => l.Class != OutcomeClass.Unknown);

    public bool Has(OutcomeClass kind) => Levels.Any(l => l.Class == kind);

    /// <summary>The best outcome column of the sample, or null; <paramref name="exclude"/> are columns already given to other fields.</summary>
    public static OutcomeColumn? Find(FileSample sample, IReadOnlySet<string> exclude) =>
        sample.Columns
            .Where(c => !exclude.Contains(c.Name) && !c.Unique && c.Kind is ColumnKind.Boolean or ColumnKind.Text or ColumnKind.Integer
                        && c.Distinct is >= 2 and <= MaxLevels)
            .Select(c => (Column: c, NameScore: FieldSynonyms.Score("churn", c.Name)))
            .Select(c => (c.Column, c.NameScore, Outcome: Read(sample, c.Column, flagNamed: c.NameScore > 0)))
            .Where(c => c.Outcome.Has(OutcomeClass.Churn) && c.Outcome.Has(OutcomeClass.Renewal)
                        // A churn-named column whose values say nothing is still the one to map by hand, if it fills every row.
                        || c.NameScore > 0 && c.Column.FillRate >= 0.9)
            .OrderByDescending(c => Rank(c.Outcome)).ThenByDescending(c => c.NameScore).ThenByDescending(c => c.Column.FillRate)
            .Select(c => c.Outcome).FirstOrDefault();

    static int Rank(OutcomeColumn outcome) =>
        (outcome.FullyRecognised && outcome.Has(OutcomeClass.Churn) && outcome.Has(OutcomeClass.Renewal) ? 2 : 0)
        + (outcome.Has(OutcomeClass.NoDecision) ? 1 : 0);

    static OutcomeColumn Read(FileSample sample, ColumnProfile column, bool flagNamed) =>
        new(column, sample.Levels(column).Select(l => new OutcomeLevel(l.Value, l.Rows, Classify(l.Value, flagNamed))).ToList());

    /// <summary>
    /// What a value says: Yes/No and 1/0 only in a column named for churn (elsewhere they are any flag); words anywhere
    /// ("Attrited Customer", "Existing Customer", "Joined").
    /// </summary>
    public static OutcomeClass Classify(string value, bool flagNamed)
    {
        if (flagNamed && FlagYes.Contains(value)) return OutcomeClass.Churn;
        if (flagNamed && FlagNo.Contains(value)) return OutcomeClass.Renewal;
        var words = value.Split((char[])[' ', '-', '_', '/', '.', ','], StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(ChurnWords.Contains)) return words.Any(Negations.Contains) ? OutcomeClass.Renewal : OutcomeClass.Churn;
        if (words.Any(RenewalWords.Contains)) return OutcomeClass.Renewal;
        return words.Any(NewWords.Contains) ? OutcomeClass.NoDecision : OutcomeClass.Unknown;
    }
}
