namespace Fulcrum.Analytics.Transactions;

/// <summary>Options of the repeat-purchase linkage (transactional businesses).</summary>
/// <param name="Soft">The score that defines the levels: "csat" or "nps"; null = the one with more answers.</param>
/// <param name="WindowDays">An answer is followed by a repeat purchase when the customer orders within this many days after it.</param>
/// <param name="LeverShare">Share of the last year's dissatisfied answers moved to satisfied by the lever; null = the assumption.</param>
public sealed record RepeatPurchaseOptions(
    string? Soft = null,
    int WindowDays = 180,
    int Resamples = 1000,
    double ConfidenceLevel = 0.90,
    int Seed = 20_241,
    double? LeverShare = null)
{
    public void Validate()
    {
        if (Soft is not (null or "csat" or "nps")) throw new ArgumentException($"Unknown soft metric '{Soft}' for repeat purchases. Use csat or nps.");
        if (WindowDays is < 7 or > 1_095) throw new ArgumentOutOfRangeException(nameof(WindowDays), WindowDays, "The repeat window must be 7 to 1,095 days.");
        if (Resamples is < 100 or > 20_000) throw new ArgumentOutOfRangeException(nameof(Resamples), Resamples, "Resamples must be 100 to 20,000.");
        if (ConfidenceLevel is <= 0.5 or >= 1) throw new ArgumentOutOfRangeException(nameof(ConfidenceLevel), ConfidenceLevel, "The confidence level must be between 0.5 and 1.");
        if (LeverShare is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(LeverShare), LeverShare, "The lever share must be between 0 and 1.");
    }
}
