namespace Fulcrum.Analytics.Linkage;

/// <summary>
/// A change to the book to value: the affected accounts as they are (<see cref="From"/>) and as they would be
/// (<see cref="To"/>), and what the change costs. Its worth is the difference between the two projected cash flows.
/// </summary>
internal sealed record Scenario(string Key, IReadOnlyList<BookEntry> From, IReadOnlyList<BookEntry> To, double Cost)
{
    ProjectionPlan? _delta;

    /// <summary>When set, only the ARR retained at this horizon is valued (all a theme's excess-churn figure reads), not the full lever value.</summary>
    public int? OnlyArrRetainedAt { get; init; }

    /// <summary>
    /// <see cref="To"/> with <see cref="From"/> subtracted, compiled once: its projection is the scenario's change in
    /// every flow, and entries that project alike on both sides (same cell, same multipliers) cancel before projecting.
    /// Compiled on first use; a race compiles twice and keeps either, both identical.
    /// </summary>
    public ProjectionPlan DeltaPlan => _delta ??= ProjectionPlan.Compile(From.Select(e => e.Scaled(-1)).Concat(To));
}

/// <summary>The accounts on the books today, grouped by churn cell and cost cell.</summary>
internal sealed class Book
{
    public required IReadOnlyList<BookAccount> Accounts { get; init; }
    public required IReadOnlyList<BookEntry> Entries { get; init; }
    public double TotalArr => Entries.Sum(e => e.Arr);
    public double TotalAccounts => Entries.Sum(e => e.Accounts);

    public static Book From(IReadOnlyList<BookAccount> accounts) => new()
    {
        Accounts = accounts,
        Entries = Group(accounts.Select(a => new BookEntry(a.ChurnCell, a.CostCell, 1, a.Arr))),
    };

    /// <summary>Merges entries that share cells and multipliers, so projections loop over few entries.</summary>
    public static IReadOnlyList<BookEntry> Group(IEnumerable<BookEntry> entries) =>
        entries.GroupBy(e => (e.ChurnCell, e.CostCell, e.CostMultiplier, e.ChurnMultiplier, e.Theme, e.ExcessKept))
            .Select(g => new BookEntry(g.Key.ChurnCell, g.Key.CostCell, g.Sum(e => e.Accounts), g.Sum(e => e.Arr), g.Key.CostMultiplier, g.Key.ChurnMultiplier,
                g.Key.Theme, g.Key.ExcessKept))
            .ToList();

    /// <summary>The entries whose churn cell has factor <paramref name="factor"/> at <paramref name="level"/>, and the same entries moved to <paramref name="target"/>.</summary>
    public (IReadOnlyList<BookEntry> From, IReadOnlyList<BookEntry> To) Move(CellSpace space, int factor, int level, int target, double share)
    {
        var from = Entries.Where(e => space.LevelsOf(e.ChurnCell)[factor] == level).Select(e => e.Scaled(share)).ToList();
        var to = from.Select(e => e with { ChurnCell = space.WithLevel(e.ChurnCell, factor, target) }).ToList();
        return (from, to);
    }
}
