using Fulcrum.Analytics.BusinessCase;

namespace Fulcrum.Reports.Executive.Model;

/// <summary>A lever as the summary recommends it: its business-case result and whether its NPV is positive with confidence.</summary>
/// <param name="Confident">True when the NPV interval lies above zero; otherwise the summary says the interval includes (or lies below) zero.</param>
public sealed record FundableLever(int Order, LeverResult Result, LeverHorizon AtHorizon, bool Confident);

/// <summary>
/// The levers to fund, in the business case's own order (<see cref="LeverRanking"/>: by the lower bound of the NPV interval),
/// so the report, the CLI and the web page recommend the same levers; levers whose value is withheld are left out.
/// </summary>
public static class LeverFunding
{
    public static IReadOnlyList<FundableLever> Rank(BusinessCaseReport report) =>
        report.Levers
            .Select(l => (Result: l, At: l.At(report.HorizonMonths)))
            .Where(l => l.At.Npv.IsDefined)
            .Select((l, i) => new FundableLever(i + 1, l.Result, l.At, l.At.PaysBackWithConfidence))
            .ToList();
}
