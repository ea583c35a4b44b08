using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Value.Initiatives;

/// <summary>Money an effect is worth in each quarter since the start and in total (a linear combination of the event-study
/// effects, so its interval carries their covariance).</summary>
/// <param name="Kind">"cost saved", "ARR retained (churn avoided)" or "expansion ARR".</param>
public sealed record MoneyImpact(string Kind, Estimate Total, IReadOnlyList<QuarterMoney> ByQuarter);

/// <summary>The money of one calendar quarter and the running total up to it.</summary>
public sealed record QuarterMoney(string Quarter, DateOnly QuarterStart, int QuartersSinceStart, Estimate Amount, Estimate Cumulative);

/// <summary>The measured impact of an initiative on one outcome.</summary>
/// <param name="Outcome">nps, churn, expansion or cost_to_serve.</param>
/// <param name="AverageSinceStart">The effect averaged over the treated observations since the start (weights: how many
/// there were in each quarter since the start).</param>
/// <param name="Detected">True when the interval of <paramref name="AverageSinceStart"/> excludes zero.</param>
public sealed record OutcomeImpact(
    string Outcome, string Unit, ImpactDesign Design, string Method, Estimate AverageSinceStart, double PValue, bool Detected, string Verdict,
    IReadOnlyList<EventEffect> ByQuarterSinceStart, IReadOnlyList<EventEffect> Leads, PreTrendCheck? PreTrend, PlaceboTest? Placebo, MoneyImpact? Money);

/// <summary>Who the analysis compared: the targeted accounts, those kept, their controls, and why others were left out.</summary>
public sealed record ImpactSample(
    int TargetedAccounts, int TreatedAnalysed, int Controls, int TreatedWithoutControls, int TreatedWithoutHistory, int ControlsExcludedForOtherInitiatives,
    IReadOnlyList<string> MatchedOn);

/// <summary>What an initiative did, outcome by outcome, with every figure's interval.</summary>
public sealed record InitiativeImpact(Initiative Initiative, ImpactDesign? Design, ImpactSample Sample, IReadOnlyList<OutcomeImpact> Outcomes, string Summary)
{
    /// <summary>Outcomes the data cannot measure (not in <see cref="Outcomes"/>), each with the reason and what to import.</summary>
    public IReadOnlyDictionary<string, string> NotMeasured { get; init; } = new Dictionary<string, string>();

    public OutcomeImpact? Outcome(string name) => Outcomes.FirstOrDefault(o => o.Outcome == name);
}
