using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Cohorts;

/// <summary>Options of <see cref="ProductTransitionAnalysis"/>.</summary>
/// <param name="WindowMonths">Months compared on each side of the transition: before = [T − window, T) (from the day the account first
/// held its pre-transition number of products, if later), after = [T, T + window).</param>
/// <param name="IncludeSecondToThird">Also analyse accounts that went from two products to three or more.</param>
/// <param name="Seed">Seed of every bootstrap (same seed, same intervals).</param>
/// <param name="Replicates">Bootstrap resamples.</param>
/// <param name="ConfidenceLevel">Nominal coverage of every interval.</param>
/// <param name="MinimumExposureDays">
/// Days an account must have been a customer, with ticket data, on a side of the transition for its contacts on that side
/// to count (a rate from a few days is mostly noise).
/// </param>
/// <param name="AsOf">The day "now" refers to (ARR held now); default: the last day with a response, ticket or outcome.</param>
public sealed record TransitionOptions(
    int WindowMonths = 12,
    bool IncludeSecondToThird = false,
    int Seed = 20_240_601,
    int Replicates = Bootstrap.DefaultReplicates,
    double ConfidenceLevel = 0.95,
    int MinimumExposureDays = 30,
    DateOnly? AsOf = null)
{
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        if (WindowMonths is < 1 or > 120)
            throw new ArgumentOutOfRangeException(nameof(WindowMonths), WindowMonths, "The window must be 1 to 120 months.");
        if (Replicates is < 100 or > 100_000)
            throw new ArgumentOutOfRangeException(nameof(Replicates), Replicates, "Bootstrap resamples must be 100 to 100,000.");
        if (!(ConfidenceLevel is > 0.5 and < 1))
            throw new ArgumentOutOfRangeException(nameof(ConfidenceLevel), ConfidenceLevel, "The confidence level must be between 0.5 and 1.");
        if (MinimumExposureDays is < 1 or > 3_650)
            throw new ArgumentOutOfRangeException(nameof(MinimumExposureDays), MinimumExposureDays, "The minimum exposure must be 1 to 3,650 days.");
    }
}
