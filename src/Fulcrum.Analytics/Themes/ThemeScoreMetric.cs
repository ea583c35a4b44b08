using Fulcrum.Analytics.Metrics;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Themes;

/// <summary>
/// The survey score a theme's impact is read on: the store's primary survey metric (<see cref="PrimarySurveyMetric"/>), so a
/// company that asks CSAT or CES only sees how much its themes move that score instead of no impact at all.
/// </summary>
/// <param name="Column">The response column ("nps", "csat", "ces").</param>
/// <param name="Name">As users read it: NPS, CSAT, CES.</param>
/// <param name="Unit">The impact's unit: "points" of NPS, or the answer scale's own units for a mean score.</param>
/// <param name="Scale">NPS is 100 × (share of promoters − share of detractors); CSAT and CES are means of the answers.</param>
/// <param name="HigherIsBetter">False for CES (more effort is worse): a theme whose raisers report less effort pulls CES down.</param>
public sealed record ThemeScoreMetric(string Column, string Name, string Unit, double Scale, bool HigherIsBetter)
{
    public static readonly ThemeScoreMetric Nps = new("nps", "NPS", "points", 100, true);
    public static readonly ThemeScoreMetric Csat = new("csat", "CSAT", "points on the answer scale", 1, true);
    public static readonly ThemeScoreMetric Ces = new("ces", "CES", "points on the answer scale", 1, false);

    /// <summary>The store's primary survey metric, or null when no answer has a score.</summary>
    public static ThemeScoreMetric? Of(FulcrumStore store) => PrimarySurveyMetric.Of(store) switch
    {
        "nps" => Nps,
        "csat" => Csat,
        "ces" => Ces,
        _ => null,
    };

    /// <summary>A response's value in the sums behind the metric: +1 promoter (9–10), −1 detractor (0–6), 0 passive for NPS; the answer itself for CSAT and CES.</summary>
    public string ValueSql(string column) => Column == "nps"
        ? $"CASE WHEN CAST({column} AS INTEGER) >= 9 THEN 1 WHEN CAST({column} AS INTEGER) <= 6 THEN -1 ELSE 0 END"
        : $"CAST({column} AS DOUBLE PRECISION)";

    /// <summary>The impact in the direction of "better": positive when the theme's raisers score the company better than the rest.</summary>
    public double Favourable(double impact) => HigherIsBetter ? impact : -impact;
}
