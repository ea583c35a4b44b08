namespace Fulcrum.Analytics.Value.Initiatives;

/// <summary>A CX initiative as the registry holds it (table <c>initiatives</c>).</summary>
/// <param name="Kind">quick_win or long_term.</param>
/// <param name="Target">A <see cref="TargetFilter"/> over account fields; empty targets every account.</param>
/// <param name="Status">planned, active or closed.</param>
public sealed record Initiative(
    string InitiativeId, string Name, string Kind, DateOnly StartDate, DateOnly? EndDate, double? Cost,
    string? Target, string? Lever, string? Owner, string Status)
{
    public const string QuickWin = "quick_win", LongTerm = "long_term";
    public static readonly IReadOnlyList<string> Kinds = [QuickWin, LongTerm];
    public static readonly IReadOnlyList<string> Statuses = ["planned", "active", "closed"];

    public TargetFilter ParseTarget() => TargetFilter.Parse(Target);
}
