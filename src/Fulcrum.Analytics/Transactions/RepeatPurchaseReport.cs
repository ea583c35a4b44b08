using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Transactions;

/// <summary>One level of the soft metric (dissatisfied / neutral / satisfied, or detractor / passive / promoter).</summary>
/// <param name="Observed">Share of the level's answers followed by an order within the window (Wilson interval).</param>
/// <param name="Adjusted">The same, standardised to all answers' prior-order mix (logistic model; customer bootstrap).</param>
public sealed record RepeatLevel(string Level, long Answers, Estimate Observed, Estimate Adjusted);

/// <summary>The lever "move a share of the last year's lowest-level answers to the top level", in customers and money per year.</summary>
public sealed record RepeatLever(string Description, double Share, long BaseAnswers, Estimate ExtraRepeatCustomers, Estimate ExtraRevenue, Estimate ExtraGrossMargin);

/// <summary>What a score is worth in a business that sells by order: repeat purchases and the revenue they bring.</summary>
/// <param name="Missing">Why the linkage could not be computed (what to import), or null.</param>
public sealed record RepeatPurchaseReport(
    string Soft,
    int WindowDays,
    long Answers,
    long Customers,
    IReadOnlyList<RepeatLevel> Levels,
    Estimate OddsRatioLowestVsTop,
    Estimate RevenuePerRepeat,
    RepeatLever? Lever,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Notes,
    string? Missing = null)
{
    public bool IsDefined => Missing is null;
}
