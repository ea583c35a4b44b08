using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Transactions;

/// <summary>One level of the soft metric (dissatisfied / neutral / satisfied, or detractor / passive / promoter).</summary>
/// <param name="Observed">Share of the level's answers followed by an order within the window (Wilson interval).</param>
/// <param name="Adjusted">The same, standardised to all answers' prior-order mix (logistic model; customer bootstrap).</param>
public sealed record RepeatLevel(string Level, long Answers, Estimate Observed, Estimate Adjusted);

/// <summary>
/// The lever "move a share of the last year's lowest-level answers to the top level", in customers and money per year, and its
/// NPV over the horizon: the yearly margin, discounted month by month, less the cost of the answers moved each year.
/// </summary>
/// <param name="ProbabilityNpvPositive">Share of resamples with a positive NPV.</param>
public sealed record RepeatLever(string Description, double Share, long BaseAnswers, Estimate ExtraRepeatCustomers, Estimate ExtraRevenue, Estimate ExtraGrossMargin,
    int HorizonMonths, double Cost, Estimate Npv, double ProbabilityNpvPositive)
{
    /// <summary>The whole NPV interval lies above zero.</summary>
    public bool PaysBackWithConfidence => Npv.IsDefined && Npv.Lower > 0;
}

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

    /// <summary>The business case's first sentence: the lever only when its whole NPV interval is positive, else that none pays back with confidence.</summary>
    public string Headline => Lever switch
    {
        null => Missing ?? "No lever can be valued on these data.",
        { Npv.IsDefined: false } l => $"No lever pays back with confidence: the value of \"{l.Description}\" is withheld ({l.Npv.Method}).",
        { PaysBackWithConfidence: true } l => $"The lever that pays back with confidence: {l.Description} — NPV {Money(l.Npv.Value)} over {l.HorizonMonths} months ({Ci(l.Npv)}).",
        var l => $"No lever pays back with confidence: \"{l.Description}\" has an NPV of {Money(l.Npv.Value)} over {l.HorizonMonths} months ({Ci(l.Npv)}), " +
                 (double.IsNaN(l.ProbabilityNpvPositive) ? "an interval that includes zero." : $"positive in {l.ProbabilityNpvPositive * 100:0}% of resamples."),
    };

    static string Money(double value) => BusinessCase.MoneyFormat.Short(value);

    static string Ci(Estimate e) => $"{e.ConfidenceLevel * 100:0}% CI {Money(e.Lower)} to {Money(e.Upper)}";
}
