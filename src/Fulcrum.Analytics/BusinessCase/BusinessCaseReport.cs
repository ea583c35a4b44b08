using Fulcrum.Analytics.Linkage;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.BusinessCase;

/// <summary>A lever's worth over one horizon; every figure with its bootstrap interval.</summary>
/// <param name="ArrExpansion">Undefined (with the reason) when no expansion is on record.</param>
/// <param name="CostSaved">Undefined (with the reason) when no support tickets are on record.</param>
/// <param name="PaybackMonths">Undefined, with the reason, when the lever does not pay back within the horizon (<see cref="NeverPaysBack"/>).</param>
/// <param name="ProbabilityNpvPositive">Share of the usable bootstrap resamples in which the NPV is above zero (NaN when the NPV is withheld).</param>
public sealed record LeverHorizon(int Months, Estimate ArrRetained, Estimate ArrExpansion, Estimate ArrTotal, Estimate CostSaved, Estimate Revenue,
    Estimate Npv, Estimate Roi, Estimate PaybackMonths, double ProbabilityNpvPositive)
{
    /// <summary>The NPV interval lies above zero: the lever pays back with confidence.</summary>
    public bool PaysBackWithConfidence => Npv.Lower > 0;

    /// <summary>The lever's point estimate does not pay back within the horizon (its payback is then undefined, never +∞).</summary>
    public bool NeverPaysBack { get; init; }
}

/// <summary>A valued lever: its definition, its rank (1 = highest lower bound of the NPV interval over the chosen horizon, see <see cref="LeverRanking"/>) and its value per horizon.</summary>
public sealed record LeverResult(int Rank, Lever Lever, IReadOnlyList<LeverHorizon> Horizons, string Sentence)
{
    public LeverHorizon At(int months) => Horizons.First(h => h.Months == months);
}

/// <summary>One bar of a tornado chart: the lever's NPV when one assumption takes its low and its high value.</summary>
public sealed record TornadoBar(string Assumption, double Low, double High, double NpvAtLow, double NpvAtHigh)
{
    public double Swing => Math.Abs(NpvAtHigh - NpvAtLow);
}

/// <summary>Sensitivity of one lever's NPV to each assumption, largest swing first.</summary>
public sealed record LeverSensitivity(string LeverId, string Title, double BaseNpv, IReadOnlyList<TornadoBar> Bars);

/// <summary>
/// The executive business case: levers ranked by the lower bound of their NPV interval (<see cref="LeverRanking"/>), the
/// headline that respects that uncertainty, their sensitivity, the assumptions and the linkage behind them.
/// </summary>
/// <param name="Headline">The one sentence to lead with (<see cref="LeverRanking.Headline"/>): the top lever only when it pays back with confidence, else "no lever pays back with confidence" first.</param>
public sealed record BusinessCaseReport(
    int HorizonMonths,
    double ConfidenceLevel,
    string Headline,
    IReadOnlyList<LeverResult> Levers,
    IReadOnlyList<Lever> UnavailableLevers,
    IReadOnlyList<LeverSensitivity> Sensitivity,
    IReadOnlyList<AssumptionUsed> Assumptions,
    IReadOnlyList<string> Warnings,
    LinkageReport Linkage)
{
    /// <summary>The caveat on the linkage fit the levers are valued on (<see cref="LinkageReport.FitCaution"/>), or null; the headline ends with it.</summary>
    public string? FitCaution => Linkage.FitCaution;

    /// <summary>How many levers sharing one reason are named before "and N more".</summary>
    const int NamedPerReason = 3;

    /// <summary>
    /// The levers not valued, one line per reason, with the levers that share it named once ("Fix theme "A", Fix theme "B",
    /// Fix theme "C" and 58 more (a strength, …)"): a company with sixty strength themes would otherwise read sixty identical
    /// reasons. Plain text, for every view to print after "Not valued: ".
    /// </summary>
    public IReadOnlyList<string> NotValued => [.. UnavailableLevers
        .GroupBy(l => l.Unavailable ?? "", StringComparer.Ordinal)
        .Select(g =>
        {
            var titles = g.Select(l => l.Title).ToList();
            var named = string.Join(", ", titles.Take(NamedPerReason));
            var more = titles.Count > NamedPerReason ? $" and {titles.Count - NamedPerReason} more" : "";
            return g.Key.Length == 0 ? named + more : $"{named}{more} ({g.Key})";
        })];

    /// <summary>The reason every lever not valued shares (e.g. no book to value), or null when they have several or there are none.</summary>
    public string? SharedUnavailableReason => UnavailableLevers.Select(l => l.Unavailable ?? "").Distinct().ToList() is [{ Length: > 0 } reason] ? reason : null;

    /// <summary>The top-ranked lever when its NPV interval lies above zero, else null (no lever pays back with confidence).</summary>
    public LeverResult? ConfidentLever => Levers.Count > 0 && Levers[0].At(HorizonMonths).PaysBackWithConfidence ? Levers[0] : null;
}
