using System.Text.Json.Serialization;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Drivers;

/// <summary>Where a driver sits in the importance-vs-performance grid.</summary>
public enum Quadrant
{
    /// <summary>Important and performing below the other drivers: the first place to act.</summary>
    FixFirst,

    /// <summary>Important and performing well: protect it.</summary>
    Keep,

    /// <summary>Less important and performing below the others: act later.</summary>
    Secondary,

    /// <summary>Less important and performing well: effort here moves the outcome least.</summary>
    OverInvested,
}

/// <summary>A driver's result.</summary>
/// <param name="Name">Variable name (as in --predictors).</param>
/// <param name="Description">What it measures.</param>
/// <param name="Weight">Importance on the R² scale (relative weight or Shapley share), with its bootstrap interval.</param>
/// <param name="ShareOfR2">Importance as a percentage of R² (the weights of all drivers sum to 100).</param>
/// <param name="Correlation">Pearson correlation with the outcome (its sign says which way the driver goes with the outcome).</param>
/// <param name="Mean">Performance on the driver's own scale: its mean over the rows used.</param>
/// <param name="Performance">The mean on 0–100, oriented so that 100 is the good end (<see cref="GoodEnd"/>) of <see cref="ScaleMin"/>..<see cref="ScaleMax"/>.</param>
/// <param name="ScaleMin">Low end of the scale (the survey's, else the lowest value observed).</param>
/// <param name="ScaleMax">High end of the scale (the survey's, else the highest value observed).</param>
/// <param name="GoodEnd">Which end counts as good, in words.</param>
/// <param name="VarianceInflation">VIF: 1/(1 − R²) of this driver on the other drivers.</param>
/// <param name="Quadrant">Importance vs performance.</param>
public sealed record DriverResult(
    string Name,
    string Description,
    Estimate Weight,
    Estimate ShareOfR2,
    Estimate Correlation,
    Estimate Mean,
    Estimate Performance,
    double ScaleMin,
    double ScaleMax,
    string GoodEnd,
    double VarianceInflation,
    Quadrant Quadrant)
{
    /// <summary>The quadrant in words: fix first, keep, secondary, over-invested.</summary>
    public string QuadrantLabel => DriverReport.Label(Quadrant);
}

/// <summary>A variable considered and not used, and why.</summary>
public sealed record UnusedVariable(string Name, string Reason);

/// <summary>Rows of the outcome left out because a driver had no value, per driver.</summary>
public sealed record MissingValues(string Name, long Rows);

/// <summary>Result of <see cref="KeyDriverAnalysis"/>.</summary>
/// <param name="Options">The options used.</param>
/// <param name="Outcome">The outcome variable.</param>
/// <param name="RSquared">R² of the linear regression of the outcome on all drivers, with its bootstrap interval.</param>
/// <param name="Rows">Rows used (complete on the outcome and every driver).</param>
/// <param name="Accounts">Accounts those rows come from (the bootstrap resamples them).</param>
/// <param name="OutcomeRows">Rows with an outcome before dropping incomplete ones.</param>
/// <param name="Drivers">Drivers, most important first.</param>
/// <param name="ImportanceThreshold">Quadrant split on importance: the average share, 100 / k percent.</param>
/// <param name="PerformanceThreshold">Quadrant split on performance: the drivers' mean performance (0–100).</param>
/// <param name="Missing">Rows left out per driver that lacked a value (a row can lack several).</param>
/// <param name="Unused">Default candidates not used, with the reason.</param>
/// <param name="Warnings">Small samples, near-collinear drivers and other things that weaken the result.</param>
/// <param name="Notes">Method, assumptions and how to read the result.</param>
/// <param name="NoTopDriver">Why no driver can be headlined (the drivers together explain nothing distinguishable from chance), else null.</param>
public sealed record DriverReport(
    DriverOptions Options,
    DriverVariable Outcome,
    Estimate RSquared,
    long Rows,
    long Accounts,
    long OutcomeRows,
    IReadOnlyList<DriverResult> Drivers,
    double ImportanceThreshold,
    double PerformanceThreshold,
    IReadOnlyList<MissingValues> Missing,
    IReadOnlyList<UnusedVariable> Unused,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Notes,
    string? NoTopDriver = null)
{
    /// <summary>The driver to headline: the most important, unless the model explains nothing (<see cref="NoTopDriver"/> says why).</summary>
    [JsonIgnore]
    public DriverResult? TopDriver => NoTopDriver is null ? Drivers.FirstOrDefault() : null;

    /// <summary>The quadrant label in words.</summary>
    public static string Label(Quadrant quadrant) => quadrant switch
    {
        Quadrant.FixFirst => "fix first",
        Quadrant.Keep => "keep",
        Quadrant.Secondary => "secondary",
        _ => "over-invested",
    };
}
