using System.Globalization;
using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Reports.Executive;

/// <summary>Figures in words for the report: every number with its interval, and nothing for an undefined estimate.</summary>
public static class Phrases
{
    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The text with its first letter upper case ("churn within 365 days" → "Churn within 365 days").</summary>
    public static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public static string Level(Estimate e) => (e.ConfidenceLevel * 100).ToString("0.##", C) + "% CI";

    /// <summary>"$1.2M (90% CI $0.8M to $1.6M)"; "$1.2M (no interval)" when the interval is withheld.</summary>
    public static string Money(Estimate e) => HasInterval(e)
        ? $"{MoneyFormat.Short(e.Value)} ({Level(e)} {MoneyFormat.Short(e.Lower)} to {MoneyFormat.Short(e.Upper)})"
        : $"{MoneyFormat.Short(e.Value)} (no interval)";

    /// <summary>"32.1 (95% CI 28.0 to 36.2)", or with <paramref name="signed"/> "+2.0 (95% CI −1.1 to +5.0)".</summary>
    public static string Number(Estimate e, string format = "0.0", bool signed = false)
    {
        var f = signed ? $"+{format};−{format};{format}" : format;
        return HasInterval(e) ? $"{e.Value.ToString(f, C)} ({Level(e)} {e.Lower.ToString(f, C)} to {e.Upper.ToString(f, C)})" : $"{e.Value.ToString(f, C)} (no interval)";
    }

    /// <summary>"41.2% (95% CI 38.0% to 44.5%)" for a proportion.</summary>
    public static string Percent(Estimate e) => HasInterval(e)
        ? string.Create(C, $"{e.Value * 100:0.0}% ({Level(e)} {e.Lower * 100:0.0}% to {e.Upper * 100:0.0}%)")
        : string.Create(C, $"{e.Value * 100:0.0}% (no interval)");

    /// <summary>Both bounds are numbers: a figure whose resamples could not be refitted keeps its value but no interval.</summary>
    public static bool HasInterval(Estimate e) => !double.IsNaN(e.Lower) && !double.IsNaN(e.Upper);

    /// <summary>
    /// True when the estimate can be shown: a value and an interval. A zero with a zero-width interval is what the ledger
    /// records for "nothing measured", so it is left out like an undefined figure rather than shown as "$0 ($0 to $0)".
    /// </summary>
    public static bool Shown(Estimate? e) =>
        e is not null && e.IsDefined && double.IsFinite(e.Lower) && double.IsFinite(e.Upper) && !(e.Value == 0 && e.Lower == 0 && e.Upper == 0);
}
