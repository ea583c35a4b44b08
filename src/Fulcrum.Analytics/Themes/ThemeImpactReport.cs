using System.Text.Json.Serialization;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Themes;

/// <summary>Share of commented responses raising a theme in one quarter.</summary>
public sealed record ThemeTrendPoint(DateOnly Quarter, string Label, Estimate Share);

/// <summary>
/// The latest quarter's share against all earlier quarters (one-sided test for a rise, BH-adjusted over themes). PValue and
/// QValue are null, Emerging false and NotTested says why when the theme had fewer comments in the latest quarter than the
/// minimum (<see cref="ThemeImpactOptions.EmergingMinimum"/>).
/// </summary>
public sealed record EmergingCheck(string LatestQuarter, Estimate Latest, Estimate Before, double? PValue, double? QValue, bool Emerging,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NotTested = null);

/// <summary>
/// What one theme costs. ScoreImpact: the survey score (<see cref="ThemeImpactReport.ScoreMetric"/>: NPS, else CSAT, else CES)
/// of all responses minus the score without the responses raising the theme (for NPS and CSAT negative means the theme drags the
/// score down; for CES, where more effort is worse, positive does). Churn: raising accounts vs the others; ExcessChurn and ArrAtRisk are stratified by segment × product count
/// (descriptive associations adjusted for those two, not causal effects). ChurnRatioBeyondScores and ArrAtRiskBeyondScores come
/// from the linkage model: churn of renewals after the theme was raised over what the accounts' NPS, CES and profile predict,
/// and the ARR today's raising accounts stand to lose over 12 months through that excess (null when the linkage cannot run
/// or fewer than <see cref="Linkage.LinkageAnalysis.MinimumThemeRenewals"/> renewals followed the theme). ExcessChurnQValue: the
/// Benjamini–Hochberg q-value of "no excess churn" over all themes valued (one-sided bootstrap p-values); a theme with q below
/// the FDR carries excess churn the data can defend. Every churn and ARR figure is null (and left out of JSON) when the data
/// hold no renewal outcomes (<see cref="ThemeImpactReport.Money"/> says why); ArrHeld is null when no account has an ARR.
/// </summary>
public sealed record ThemeImpact(
    string ThemeId, string Label, ThemeKind Kind, long Comments, long Accounts, Estimate MeanSentiment,
    Estimate ScoreImpact,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Estimate? ChurnRaising,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Estimate? ChurnOthers,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Estimate? ExcessChurn,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Estimate? ArrAtRisk,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ArrHeld,
    IReadOnlyList<ThemeTrendPoint> Trend, EmergingCheck? Emerging,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Estimate? ChurnRatioBeyondScores = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Estimate? ArrAtRiskBeyondScores = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ExcessChurnQValue = null)
{
    /// <summary>Whether the score impact confirms a problem (<see cref="ThemeRanking.ScoreConfirms"/>); null for a strength or without a score.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ScoreConfirms { get; init; }
}

/// <summary>
/// Problem: what customers complain about or wish were different. Strength: a theme most of whose mentions are positive, or
/// whose mean sentiment is above neutral with confidence (its interval's lower bound above 0); it is
/// listed apart and never ranked as ARR at risk (accounts praising a thing churning for other reasons says nothing about it).
/// </summary>
public enum ThemeKind { Problem, Strength }

/// <summary>Whether the report can put money on themes: with no renewal outcomes it cannot, and Reason says which data and command would change that.</summary>
public sealed record ThemeMoneyCoverage(bool IsDefined, string? Reason)
{
    public static readonly ThemeMoneyCoverage Defined = new(true, null);
}

/// <param name="Money">Whether churn and ARR figures are there (false with the reason when the data hold no renewal outcomes).</param>
/// <param name="LinkageNote">Why the linkage figures are missing (no renewals, too few), or null when they are there.</param>
/// <param name="ScoreMetric">The survey score each theme's ScoreImpact is read on ("NPS", "CSAT" or "CES"), or null when no answer has a score.</param>
public sealed record ThemeImpactReport(
    int Responses, int Accounts, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? ChurnedAccounts, string Method,
    IReadOnlyList<ThemeImpact> Themes, ThemeMoneyCoverage Money, string? LinkageNote = null, string? ScoreMetric = null)
{
    /// <summary>Each theme's kind by id (what the business case reads to offer "fix" levers for problems only).</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, ThemeKind> Kinds => Themes.ToDictionary(t => t.ThemeId, t => t.Kind, StringComparer.Ordinal);

    /// <summary>The caveat on the linkage fit behind the figures beyond the scores (<see cref="Linkage.FitCaution"/>), or null.</summary>
    public string? LinkageCaution { get; init; }
}
