using System.Globalization;

namespace Fulcrum.Analytics.BusinessCase;

/// <summary>
/// Decisions under uncertainty: levers are ranked by the lower bound of their NPV interval (what the lever is worth at
/// least, at the chosen confidence), so a large but uncertain NPV does not outrank a smaller sure one; a lever whose NPV is
/// withheld comes last. The headline names a lever only when its whole interval is positive, and otherwise says first
/// that no lever pays back with confidence. The CLI, the web page and the one-page report all use these two functions.
/// </summary>
public static class LeverRanking
{
    /// <summary>The levers in rank order over <paramref name="horizon"/> months.</summary>
    public static IReadOnlyList<T> Rank<T>(IEnumerable<T> levers, Func<T, LeverHorizon> atHorizon) =>
        levers.OrderBy(l => double.IsNaN(atHorizon(l).Npv.Lower) ? 1 : 0)
            .ThenByDescending(l => atHorizon(l).Npv.Lower)
            .ThenByDescending(l => atHorizon(l).ProbabilityNpvPositive)
            .ToList();

    /// <param name="ranked">Levers in rank order (<see cref="Rank{T}"/>).</param>
    /// <param name="unavailable">Why the other levers could not be valued, for the headline when none could.</param>
    public static string Headline(IReadOnlyList<LeverResult> ranked, int horizon, double confidenceLevel, IEnumerable<string> unavailable)
    {
        if (ranked.Count == 0)
        {
            var reasons = unavailable.Distinct().ToList();
            return "No lever can be valued on these data" + (reasons.Count > 0 ? ": " + string.Join("; ", reasons) + "." : "; see the warnings.");
        }
        var top = ranked[0];
        var h = top.At(horizon);
        if (h.PaysBackWithConfidence) return $"The lever that pays back with most confidence: {top.Sentence}";
        // Withheld NPVs rank last, so a withheld top lever means every lever's value is withheld.
        if (!h.Npv.IsDefined) return $"No lever pays back with confidence: every lever's value is withheld ({h.Npv.Method}).";
        var ci = $"{confidenceLevel * 100:0}% CI";
        var npv = !double.IsNaN(h.Npv.Lower)
            ? $"NPV {MoneyFormat.Short(h.Npv.Value)} ({ci} {MoneyFormat.Short(h.Npv.Lower)} to {MoneyFormat.Short(h.Npv.Upper)})"
              + (double.IsNaN(h.ProbabilityNpvPositive) ? "" : string.Create(CultureInfo.InvariantCulture, $", positive in {h.ProbabilityNpvPositive * 100:0}% of resamples"))
            : $"NPV {MoneyFormat.Short(h.Npv.Value)} without an interval";
        if (double.IsNaN(h.Npv.Lower))
            return $"No lever pays back with confidence: the NPV intervals are withheld ({h.Npv.Method}). The first in rank is \"{top.Lever.Title}\": {npv}.";
        return $"No lever pays back with confidence at the {ci[..^3]} level over {horizon} months: every NPV interval includes zero or lies below it. "
               + $"The least uncertain is \"{top.Lever.Title}\": {npv}.";
    }
}
