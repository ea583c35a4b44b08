namespace Fulcrum.Analytics.BusinessCase;

/// <summary>A business-case lever as defined: a change in a soft metric, its size and its cost.</summary>
/// <param name="Id">Stable id, e.g. <c>detractors_to_passive</c>.</param>
/// <param name="Title">Short name with the size, e.g. "Move 20% of detractors to passive".</param>
/// <param name="Size">The lever's size in <paramref name="SizeUnit"/> (from the assumption <paramref name="SizeAssumption"/>).</param>
/// <param name="AffectedAccounts">Accounts the change touches.</param>
/// <param name="Cost">What the lever costs, from <paramref name="CostAssumption"/>.</param>
/// <param name="Mechanism">How the models turn the change into money, in plain words.</param>
/// <param name="Unavailable">Why the lever cannot be valued on these data, or null.</param>
public sealed record Lever(
    string Id, string Title, double Size, string SizeUnit, string SizeAssumption, double AffectedAccounts, double Cost, string CostAssumption,
    string CostBasis, string Mechanism, string? Unavailable = null);
