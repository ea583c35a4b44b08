using Fulcrum.Analytics.BusinessCase;

namespace Fulcrum.Reports.Executive.Model;

/// <summary>A lever as the summary recommends it: its business-case result and whether its NPV is positive with confidence.</summary>
/// <param name="Confident">True when the NPV interval lies above zero; otherwise the summary says the interval includes (or lies below) zero.</param>
public sealed record FundableLever(int Order, LeverResult Result, LeverHorizon AtHorizon, bool Confident);

/// <summary>
/// Orders the business case's levers by a rule that respects uncertainty: levers whose NPV interval lies above zero first
/// (by NPV), then the rest (by NPV). A lever whose interval includes zero is never presented as "the lever to fund"
/// without saying so. One function, so it can be replaced by the business case's own ranking once that carries this rule.
/// </summary>
public static class LeverFunding
{
    public static IReadOnlyList<FundableLever> Rank(BusinessCaseReport report) =>
        report.Levers
            .Select(l => (Result: l, At: l.At(report.HorizonMonths)))
            .Where(l => l.At.Npv.IsDefined)
            .OrderByDescending(l => l.At.Npv.Lower > 0)
            .ThenByDescending(l => l.At.Npv.Value)
            .Select((l, i) => new FundableLever(i + 1, l.Result, l.At, l.At.Npv.Lower > 0))
            .ToList();
}
