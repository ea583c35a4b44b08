namespace Fulcrum.Analytics.Themes;

/// <summary>The order the theme impact report lists themes in: problems first, strengths after them.</summary>
public static class ThemeRanking
{
    /// <summary>
    /// Whether a problem's score impact confirms it: true when those raising it score worse than the others with confidence
    /// (the interval wholly on the unfavourable side of 0: below for NPS and CSAT, above for CES), false when it reaches 0;
    /// null for a strength or without a score. The sentence model takes some praise for complaints ("Our last ticket was
    /// closed before lunch" reads −0.62), and its raisers' scores then say what their words do not.
    /// </summary>
    public static bool? ScoreConfirms(ThemeImpact theme, ThemeScoreMetric? metric) =>
        theme.Kind != ThemeKind.Problem || metric is null || !theme.ScoreImpact.IsDefined ? null
        : metric.Favourable(theme.ScoreImpact.Lower) < 0 && metric.Favourable(theme.ScoreImpact.Upper) < 0;

    /// <summary>
    /// With renewal outcomes (<paramref name="money"/>): problems whose excess churn beyond the scores survives the FDR, then
    /// the other valued problems, each group with the problems the score confirms before those it does not, by ARR at risk
    /// beyond the scores; then the rest by the stratified ARR at risk; strengths by comments. Without outcomes: problems by
    /// how far they pull the score down, then by comments.
    /// </summary>
    public static List<ThemeImpact> Order(IEnumerable<ThemeImpact> themes, bool money, double fdr, ThemeScoreMetric? metric) => money
        ? themes
            .OrderBy(r => r.Kind)
            .ThenByDescending(r => r.Kind == ThemeKind.Strength ? r.Comments : 0)
            .ThenByDescending(r => r.ExcessChurnQValue < fdr ? 2 : r.ArrAtRiskBeyondScores is { } e && double.IsFinite(e.Value) ? 1 : 0)
            .ThenByDescending(r => r.ScoreConfirms != false)
            .ThenByDescending(r => r.ArrAtRiskBeyondScores is { } e && double.IsFinite(e.Value) ? e.Value : double.NegativeInfinity)
            .ThenByDescending(r => r.ArrAtRisk is { } a && double.IsFinite(a.Value) ? a.Value : double.NegativeInfinity).ToList()
        : themes.OrderBy(r => r.Kind).ThenBy(r => r.ScoreImpact.IsDefined ? metric!.Favourable(r.ScoreImpact.Value) : double.PositiveInfinity)
            .ThenByDescending(r => r.Comments).ToList();
}
