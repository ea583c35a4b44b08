namespace Fulcrum.Data.Import.Proposal;

/// <summary>What one value of a churn flag or customer-status column says about the renewal decision.</summary>
public enum OutcomeClass
{
    /// <summary>Not recognised: the user must say (a TODO).</summary>
    Unknown,
    Churn,
    Renewal,
    /// <summary>The customer stayed and bought more (Upgraded, Expanded): outcome kind expansion.</summary>
    Expansion,
    /// <summary>The customer stayed and bought less (Downgraded, Contracted): outcome kind contraction.</summary>
    Contraction,
    /// <summary>No renewal decision yet, e.g. a customer who joined this period: such rows are no outcome at all.</summary>
    NoDecision,
}

/// <summary>One value of an outcome column, how many sampled rows hold it and what it says.</summary>
public sealed record OutcomeLevel(string Value, long Rows, OutcomeClass Class)
{
    /// <summary>The outcome kind the store knows for this value (CanonicalSchema.OutcomeKinds), or null when it is no decision or not read.</summary>
    public string? Kind => Class switch
    {
        OutcomeClass.Churn => "churn",
        OutcomeClass.Renewal => "renewal",
        OutcomeClass.Expansion => "expansion",
        OutcomeClass.Contraction => "contraction",
        _ => null,
    };
}

/// <summary>
/// The column that says how each customer's renewal went: a churn flag (Yes/No, 1/0) or a status with words such as
/// Churned/Stayed/Upgraded/Downgraded/Joined, found by name and by value. A status that also tells new customers apart is preferred to a
/// plain flag, because a flag calls a customer who just joined a renewal.
/// </summary>
public sealed record OutcomeColumn(ColumnProfile Column, IReadOnlyList<OutcomeLevel> Levels)
{
    /// <summary>Most distinct values a status column has, case ignored (more is a free-text or id column).</summary>
    const int MaxLevels = 12;

    /// <summary>Most distinct spellings before the case-blind count is taken (Active, ACTIVE and active are one value).</summary>
    const int MaxSpellings = 3 * MaxLevels;

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
    static readonly HashSet<string> ExpansionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "upgraded", "upgrade", "upgrading", "expanded", "expansion", "expand", "expanding", "upsell", "upsold", "upsized",
    };
    /// <summary>Read before the churn words, so that "Partial churn" is a contraction. Not "contract": a plan is often called one.</summary>
    static readonly HashSet<string> ContractionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "downgraded", "downgrade", "downgrading", "contracted", "contraction", "downsell", "downsold", "downsized", "partial",
    };
    static readonly HashSet<string> NewWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "joined", "new", "onboarding", "trial", "trialing", "trialling", "pending", "prospect",
    };
    static readonly HashSet<string> Negations = new(StringComparer.OrdinalIgnoreCase) { "not", "non", "never" };

    public IEnumerable<string> ValuesOf(OutcomeClass kind) => Levels.Where(l => l.Class == kind).Select(l => l.Value);

    public bool FullyRecognised => Levels.All(l => l.Class != OutcomeClass.Unknown);

    public bool Has(OutcomeClass kind) => Levels.Any(l => l.Class == kind);

    /// <summary>How many of churn, renewal, expansion and contraction the values say.</summary>
    public int Decisions => Levels.Where(l => l.Kind is not null).Select(l => l.Class).Distinct().Count();

    /// <summary>Says at least two renewal decisions, one of them churn or renewal: a status, not a plan-change log.</summary>
    bool TellsDecisions => Decisions >= 2 && (Has(OutcomeClass.Churn) || Has(OutcomeClass.Renewal));

    /// <summary>The best outcome column of the sample, or null; <paramref name="exclude"/> are columns already given to other fields.</summary>
    public static OutcomeColumn? Find(FileSample sample, IReadOnlySet<string> exclude) =>
        sample.Columns
            .Where(c => !exclude.Contains(c.Name) && !c.Unique && c.Kind is ColumnKind.Boolean or ColumnKind.Text or ColumnKind.Integer
                        && c.Distinct is >= 2 and <= MaxSpellings
                        && sample.Levels(c).Select(l => l.Value).Distinct(StringComparer.OrdinalIgnoreCase).Count() <= MaxLevels)
            .Select(c => (Column: c, NameScore: FieldSynonyms.Score("churn", c.Name)))
            .Select(c => (c.Column, c.NameScore, Outcome: Read(sample, c.Column, flagNamed: c.NameScore > 0)))
            .Where(c => c.Outcome.TellsDecisions
                        // A churn-named column whose values say nothing is still the one to map by hand, if it fills every row.
                        || c.NameScore > 0 && c.Column.FillRate >= 0.9)
            .OrderByDescending(c => Rank(c.Outcome)).ThenByDescending(c => c.NameScore).ThenByDescending(c => c.Column.FillRate)
            .Select(c => c.Outcome).FirstOrDefault();

    static int Rank(OutcomeColumn outcome) =>
        (outcome.FullyRecognised && outcome.TellsDecisions ? 2 : 0)
        + (outcome.Has(OutcomeClass.NoDecision) ? 1 : 0);

    static OutcomeColumn Read(FileSample sample, ColumnProfile column, bool flagNamed) =>
        new(column, sample.Levels(column).Select(l => new OutcomeLevel(l.Value, l.Rows, Classify(l.Value, flagNamed))).ToList());

    /// <summary>
    /// What a value says, case ignored: Yes/No and 1/0 only in a column named for churn (elsewhere they are any flag); words
    /// anywhere ("Attrited Customer", "Existing Customer", "Upgraded", "Partial churn", "Joined"). A negation turns churn into
    /// renewal and renewal into churn ("Not churned", "Non-renewal"); a negated upgrade or downgrade is left to the user.
    /// </summary>
    public static OutcomeClass Classify(string value, bool flagNamed)
    {
        if (flagNamed && FlagYes.Contains(value)) return OutcomeClass.Churn;
        if (flagNamed && FlagNo.Contains(value)) return OutcomeClass.Renewal;
        var words = value.Split((char[])[' ', '-', '_', '/', '.', ','], StringSplitOptions.RemoveEmptyEntries);
        var negated = words.Any(Negations.Contains);
        if (words.Any(ContractionWords.Contains)) return negated ? OutcomeClass.Unknown : OutcomeClass.Contraction;
        if (words.Any(ChurnWords.Contains)) return negated ? OutcomeClass.Renewal : OutcomeClass.Churn;
        if (words.Any(ExpansionWords.Contains)) return negated ? OutcomeClass.Unknown : OutcomeClass.Expansion;
        if (words.Any(RenewalWords.Contains)) return negated ? OutcomeClass.Churn : OutcomeClass.Renewal;
        return words.Any(NewWords.Contains) ? OutcomeClass.NoDecision : OutcomeClass.Unknown;
    }
}
