using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Linkage.UserModels;

/// <summary>
/// One coefficient of a user-stated model. For a logistic model <paramref name="Ratio"/> is the odds ratio and
/// <paramref name="MarginalEffect"/> the average marginal effect on the probability (a level vs the baseline level; a
/// numeric term per unit); for the linear tickets model the coefficient is itself the marginal effect and there is no ratio.
/// </summary>
/// <param name="Withheld">Why the coefficient, ratio and effect are absent (e.g. the level separates the outcome), else null.</param>
public sealed record ModelCoefficient(string Name, string Term, string? Level, Estimate Coefficient, Estimate? Ratio, Estimate MarginalEffect, double PValue, string? Withheld);

/// <summary>The outcome at one level of a categorical term, exactly as observed (Clopper–Pearson for a share, t for a mean).</summary>
public sealed record ModelLevelOutcome(string Term, string Level, bool IsBaseline, bool Separated, long Accounts, double Events, Estimate Observed);

/// <summary>Accounts left out because a term had no value for them.</summary>
public sealed record ModelMissingTerm(string Term, long Accounts);

/// <summary>A fitted user-stated model with every figure's uncertainty, what was left out and what was detected.</summary>
public sealed record UserModelReport(
    string Formula,
    string Outcome,
    string Method,
    long Accounts,
    double Events,
    IReadOnlyList<ModelMissingTerm> Missing,
    IReadOnlyList<ModelCoefficient> Coefficients,
    IReadOnlyList<ModelLevelOutcome> Levels,
    Estimate Auc,
    string? Separation,
    IReadOnlyList<string> Warnings)
{
    /// <summary>A yes/no outcome (logistic: odds ratios, rates); otherwise a count or amount (linear).</summary>
    public bool IsYesNo => Outcome is "churn" or "expansion" or "repeat";
}
