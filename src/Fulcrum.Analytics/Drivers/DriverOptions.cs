using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Drivers;

/// <summary>How the importance of each driver is measured.</summary>
public enum DriverMethod
{
    /// <summary>Johnson's relative weights (one eigen-decomposition; any number of predictors).</summary>
    RelativeWeights,

    /// <summary>Exact Shapley value (LMG) decomposition of R² (all subsets; at most <see cref="ShapleyR2.MaxPredictors"/> predictors).</summary>
    Shapley,
}

/// <summary>What one row of the regression is.</summary>
public enum DriverLevel
{
    /// <summary>One survey answer, with its account's service metrics of that quarter.</summary>
    Response,

    /// <summary>One account and quarter: the means of its answers in the quarter, with its service metrics.</summary>
    AccountPeriod,
}

/// <summary>Options of <see cref="KeyDriverAnalysis"/>.</summary>
/// <param name="Outcome">The outcome: nps (the 0–10 answer) or csat.</param>
/// <param name="Predictors">Driver variables (see <see cref="DriverVariable.Resolve"/>); null = the defaults the data supports.</param>
/// <param name="Method">Relative weights or Shapley.</param>
/// <param name="Level">One row per answer or per account-quarter.</param>
/// <param name="WithinAccount">
/// Use only the variation within accounts (each row's deviation from its account's means: a fixed-effects view): what goes
/// with an account's score rising or falling over time, with stable differences between accounts set aside.
/// </param>
/// <param name="From">First day of answers to include.</param>
/// <param name="To">Last day of answers to include.</param>
/// <param name="Seed">Seed of the bootstrap (same seed, same intervals).</param>
/// <param name="Replicates">Bootstrap resamples of accounts.</param>
/// <param name="ConfidenceLevel">Nominal coverage of every interval.</param>
public sealed record DriverOptions(
    string Outcome = "nps",
    IReadOnlyList<string>? Predictors = null,
    DriverMethod Method = DriverMethod.RelativeWeights,
    DriverLevel Level = DriverLevel.Response,
    bool WithinAccount = false,
    DateOnly? From = null,
    DateOnly? To = null,
    int Seed = 20_240_601,
    int Replicates = Bootstrap.DefaultReplicates,
    double ConfidenceLevel = 0.95)
{
    /// <summary>Default predictors take a variable only if at least this share of the outcome's rows have it.</summary>
    public const double DefaultCoverage = 0.5;

    /// <exception cref="ArgumentException">An option is invalid (unknown outcome or predictor, a predictor twice, bad range).</exception>
    public void Validate()
    {
        if (!DriverVariable.Outcomes.Contains(Outcome, StringComparer.OrdinalIgnoreCase))
            throw new ArgumentException($"Unknown outcome '{Outcome}'. Use {string.Join(" or ", DriverVariable.Outcomes)}.");
        if (Predictors is not null)
        {
            if (Predictors.Count == 0) throw new ArgumentException("Name at least one predictor, or none for the defaults.");
            var resolved = Predictors.Select(DriverVariable.Resolve).ToList();
            var twice = resolved.GroupBy(v => v.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (twice is not null) throw new ArgumentException($"Predictor '{twice.Key}' is named twice.");
            if (resolved.Any(v => v.Name.Equals(Outcome, StringComparison.OrdinalIgnoreCase)))
                throw new ArgumentException($"The outcome '{Outcome}' cannot also be a predictor.");
            if (Method == DriverMethod.Shapley && resolved.Count > ShapleyR2.MaxPredictors)
                throw new ArgumentException($"Shapley takes at most {ShapleyR2.MaxPredictors} predictors; {resolved.Count} were named. Use relative weights.");
        }

        if (Replicates is < 100 or > 100_000)
            throw new ArgumentOutOfRangeException(nameof(Replicates), Replicates, "Bootstrap resamples must be 100 to 100,000.");
        if (!(ConfidenceLevel is > 0.5 and < 1))
            throw new ArgumentOutOfRangeException(nameof(ConfidenceLevel), ConfidenceLevel, "The confidence level must be between 0.5 and 1.");
        if (From > To) throw new ArgumentException("From is after To.");
    }
}
