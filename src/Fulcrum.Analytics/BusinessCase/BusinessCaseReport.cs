using Fulcrum.Analytics.Linkage;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.BusinessCase;

/// <summary>A lever's worth over one horizon; every figure with its bootstrap interval.</summary>
/// <param name="PaybackMonths">+∞ when the lever does not pay back within the horizon.</param>
public sealed record LeverHorizon(int Months, Estimate ArrRetained, Estimate ArrExpansion, Estimate ArrTotal, Estimate CostSaved, Estimate Revenue,
    Estimate Npv, Estimate Roi, Estimate PaybackMonths);

/// <summary>A valued lever: its definition, its rank (1 = largest NPV over the chosen horizon) and its value per horizon.</summary>
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

/// <summary>The executive business case: levers ranked by NPV, their sensitivity, the assumptions and the linkage behind them.</summary>
public sealed record BusinessCaseReport(
    int HorizonMonths,
    double ConfidenceLevel,
    string Headline,
    IReadOnlyList<LeverResult> Levers,
    IReadOnlyList<Lever> UnavailableLevers,
    IReadOnlyList<LeverSensitivity> Sensitivity,
    IReadOnlyList<AssumptionUsed> Assumptions,
    IReadOnlyList<string> Warnings,
    LinkageReport Linkage);
