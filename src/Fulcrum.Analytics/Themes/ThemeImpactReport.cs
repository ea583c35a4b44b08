using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Themes;

/// <summary>Share of commented responses raising a theme in one quarter.</summary>
public sealed record ThemeTrendPoint(DateOnly Quarter, string Label, Estimate Share);

/// <summary>The latest quarter's share against all earlier quarters (one-sided test for a rise, BH-adjusted over themes).</summary>
public sealed record EmergingCheck(string LatestQuarter, Estimate Latest, Estimate Before, double PValue, double QValue, bool Emerging);

/// <summary>
/// What one theme costs. NpsImpact: NPS of all responses minus NPS without the responses raising the theme (negative: the theme
/// drags NPS down). Churn: raising accounts vs the others; ExcessChurn and ArrAtRisk are stratified by segment × product count
/// (descriptive associations adjusted for those two, not causal effects). ChurnRatioBeyondScores and ArrAtRiskBeyondScores come
/// from the linkage model: churn of renewals after the theme was raised over what the accounts' NPS, CES and profile predict,
/// and the ARR today's raising accounts stand to lose over 12 months through that excess (null when the linkage cannot run
/// or fewer than <see cref="Linkage.LinkageAnalysis.MinimumThemeRenewals"/> renewals followed the theme). ExcessChurnQValue: the
/// Benjamini–Hochberg q-value of "no excess churn" over all themes valued (one-sided bootstrap p-values); a theme with q below
/// the FDR carries excess churn the data can defend.
/// </summary>
public sealed record ThemeImpact(
    string ThemeId, string Label, long Comments, long Accounts, Estimate MeanSentiment,
    Estimate NpsImpact, Estimate ChurnRaising, Estimate ChurnOthers, Estimate ExcessChurn, Estimate ArrAtRisk, double ArrHeld,
    IReadOnlyList<ThemeTrendPoint> Trend, EmergingCheck? Emerging,
    Estimate? ChurnRatioBeyondScores = null, Estimate? ArrAtRiskBeyondScores = null, double? ExcessChurnQValue = null);

/// <param name="LinkageNote">Why the linkage figures are missing (no renewals, too few), or null when they are there.</param>
public sealed record ThemeImpactReport(
    int Responses, int Accounts, long ChurnedAccounts, string Method, IReadOnlyList<ThemeImpact> Themes, string? LinkageNote = null);
