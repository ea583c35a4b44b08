using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Linkage;

/// <summary>What the models were fitted on.</summary>
public sealed record LinkageDataSummary(int Accounts, int Renewals, int Churns, int Expansions, int ServiceAccountQuarters, int BookAccounts, double BookArr,
    double CesReliabilityMedian);

/// <summary>One fitted model: method, size and what was detected.</summary>
public sealed record ModelSummary(string Name, string Outcome, string Method, double Observations, int Parameters, bool Converged, string? Separation)
{
    /// <summary>Terms the data hold nothing about in this model (e.g. a level without expanders), held at the baseline; null when every term is estimated.</summary>
    public string? NotEstimated { get; init; }
}

/// <summary>A coefficient as an odds ratio (logistic) or rate ratio (log-linear) against the factor's baseline.</summary>
/// <param name="Withheld">Why there is no ratio (the level separates churn, so it is infinite), else null.</param>
public sealed record RatioEffect(string Term, Estimate Wald, Estimate Bootstrap, string? Withheld);

/// <summary>
/// Churn at one level of a soft metric. <paramref name="Observed"/> is descriptive (the level's churn rate);
/// <paramref name="Exact"/> the same with a Clopper–Pearson interval (renewals treated as independent);
/// <paramref name="Adjusted"/> the churn rate if every renewal had this level, other covariates as they were (standardized);
/// <paramref name="MarginalEffect"/> the adjusted rate minus the baseline level's (average marginal effect).
/// Under separation (the level's renewals all churned or all stayed) <paramref name="Observed"/> is the exact rate and the
/// model-based figures are undefined, with the reason in <paramref name="Withheld"/>.
/// </summary>
public sealed record LevelEffect(string Metric, string Level, bool IsBaseline, long Renewals, long Churns, Estimate Observed, Estimate Exact, Estimate Adjusted,
    Estimate MarginalEffect, Estimate ExpansionAdjusted, string? Withheld);

/// <summary>A money figure over a horizon.</summary>
public sealed record MoneyAtHorizon(int Months, Estimate Arr, Estimate Npv);

/// <summary>Cost to serve per account and year by NPS level (descriptive).</summary>
public sealed record CostByLevel(string Level, Estimate CostPerAccountYear)
{
    /// <summary>The accounts of this level gave no NPS answer in the quarter (every account, in a company that does not ask NPS).</summary>
    public bool IsNoAnswer => Level == LinkageFactors.NoAnswer;
}

/// <summary>
/// Churn of renewals by accounts that raised a theme in the year before, relative to what the churn model predicts for
/// them from NPS, CES and the controls (observed / expected, indirectly standardized): above 1, the theme adds churn
/// beyond what the scores already say.
/// </summary>
/// <param name="RaisingAccounts">Accounts on the books that raised the theme in the last year.</param>
/// <param name="ArrAtRisk">ARR those accounts are predicted to lose over the next 12 months through the theme's excess churn
/// (churn beyond what their scores, profile and other themes predict); null when no account on the books raised it.</param>
/// <param name="PValue">One-sided bootstrap p-value for "no excess churn" (ratio ≤ 1): (resamples with ratio ≤ 1, plus one) / (resamples + 1); NaN with fewer than 20 usable resamples.</param>
public sealed record ThemeChurn(string ThemeId, string Label, long Renewals, long Churns, Estimate ChurnRatio, long RaisingAccounts, Estimate? ArrAtRisk, double PValue);

/// <summary>A finance input used by the figures, listed in every output.</summary>
public sealed record AssumptionUsed(string Name, double Value, string Unit);

/// <summary>The soft → hard linkage: effects, money and model quality, every figure with its interval.</summary>
public sealed record LinkageReport(
    LinkageDataSummary Data,
    IReadOnlyList<string> SoftMetrics,
    IReadOnlyList<string> Controls,
    IReadOnlyList<ModelSummary> Models,
    IReadOnlyList<RatioEffect> ChurnOddsRatios,
    IReadOnlyList<LevelEffect> ChurnByLevel,
    Estimate? DetractorPromoterChurnRatioObserved,
    Estimate? DetractorPromoterChurnRatioAdjusted,
    Estimate? ChurnChangePerCesPoint,
    Estimate? ExpansionChangePerCesPoint,
    Estimate? ArrLostPerDetractorPerYear,
    IReadOnlyList<MoneyAtHorizon> ValueOfOneNpsPoint,
    IReadOnlyList<CostByLevel> CostToServeByNps,
    Estimate? TicketsRateRatioPerCesPoint,
    Estimate? HandleMinutesRateRatioPerCesPoint,
    IReadOnlyList<ThemeChurn> ThemeChurn,
    Estimate BookCostToServePerYear,
    Estimate BookChurnedArrNextYear,
    ModelQuality Quality,
    int Resamples,
    int FailedResamples,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<AssumptionUsed> Assumptions)
{
    /// <summary>Why the soft metrics are these when the rule chose them, e.g. "CSAT (6,589 renewals with an answer in the year before; NPS has only 1, under half as many)"; null when --soft named them.</summary>
    public string? SoftMetricChoice { get; init; }

    /// <summary>
    /// The caveat every headline on this fit carries (<see cref="Linkage.FitCaution"/>): a model that did not converge, or
    /// more than 10% of the bootstrap resamples failed, with the count; null when neither.
    /// </summary>
    public string? FitCaution => Linkage.FitCaution.Of(Models, Resamples, FailedResamples);

    /// <summary>Why the money figures on today's book (levers, book churn and cost to serve) are absent when no account holds a product on the last day of data.</summary>
    public const string NoBook = "there is no book to value (no account holds a product on the last day of data); import subscriptions (fulcrum import subscriptions FILE)";
}
