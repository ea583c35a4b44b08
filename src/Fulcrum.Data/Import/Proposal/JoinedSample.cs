namespace Fulcrum.Data.Import.Proposal;

/// <summary>
/// The main file's sample with the columns of the files it can join (<see cref="JoinSearch"/>) looked up for each sampled
/// row, so a joined column is profiled as the mapping would see it (e.g. whether the customer repeats across reviews).
/// </summary>
public sealed class JoinedSample(FileSample own, FileSample view, IReadOnlyList<ProposedJoin> joins,
    IReadOnlyDictionary<ColumnProfile, ProposedJoin> origins, Siblings siblings)
{
    /// <summary>The main file's own columns only.</summary>
    public FileSample Own { get; } = own;

    /// <summary>The own columns (the same profiles) followed by every joined column not shadowed by an earlier one of its name.</summary>
    public FileSample View { get; } = view;

    /// <summary>Every join found, in the order found (a join's <see cref="ProposedJoin.Via"/> comes before it).</summary>
    public IReadOnlyList<ProposedJoin> Joins { get; } = joins;

    public Siblings Siblings { get; } = siblings;

    public static JoinedSample Alone(FileSample own) =>
        new(own, own, [], new Dictionary<ColumnProfile, ProposedJoin>(ReferenceEqualityComparer.Instance), Siblings.None);

    /// <summary>The join a column came from; null for the main file's own columns.</summary>
    public ProposedJoin? Origin(ColumnProfile column) => origins.TryGetValue(column, out var join) ? join : null;

    /// <summary>The joins a mapping must list to read <paramref name="columns"/>, each after the one its key came from.</summary>
    public IReadOnlyList<ProposedJoin> Needed(IEnumerable<ColumnProfile> columns)
    {
        var needed = new HashSet<ProposedJoin>(ReferenceEqualityComparer.Instance);
        foreach (var column in columns)
            for (var join = Origin(column); join is not null; join = join.Via) needed.Add(join);
        return Joins.Where(needed.Contains).ToList();
    }
}
