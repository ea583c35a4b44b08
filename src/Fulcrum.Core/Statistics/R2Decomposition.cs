namespace Fulcrum.Core.Statistics;

/// <summary>
/// A split of a linear regression's R² among its predictors: <see cref="Weights"/>[j] is predictor j's share of the
/// explained variance (same order as the predictors), the weights sum to <see cref="RSquared"/>.
/// </summary>
/// <param name="RSquared">R² of the ordinary least-squares regression of the outcome on all predictors (with intercept).</param>
/// <param name="Weights">Raw weights, on the R² scale (each in [0, R²] for the methods here).</param>
/// <param name="Method">Which decomposition produced the weights.</param>
public sealed record R2Decomposition(double RSquared, IReadOnlyList<double> Weights, string Method)
{
    /// <summary>Each weight as a percentage of R² (sums to 100; NaN when R² is 0).</summary>
    public IReadOnlyList<double> RescaledPercent => Weights.Select(w => RSquared > 0 ? 100 * w / RSquared : double.NaN).ToArray();
}
