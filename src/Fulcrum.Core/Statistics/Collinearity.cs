using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Fulcrum.Core.Statistics;

/// <summary>How nearly collinear a set of predictors is, from their correlation matrix R.</summary>
/// <param name="VarianceInflation">VIF_j = (R⁻¹)_jj = 1 / (1 − R²_j), R²_j from regressing predictor j on the others (∞ when singular).</param>
/// <param name="ConditionNumber">√(λ_max / λ_min) of R (∞ when singular).</param>
/// <param name="LargestCorrelation">The largest |r| between two different predictors, and which pair (−1, −1 with one predictor).</param>
/// <remarks>
/// Rules of thumb (Belsley, Kuh, Welsch 1980, Regression Diagnostics; O'Brien 2007, Quality &amp; Quantity 41:673): VIF above
/// 10 or a condition number above 30 signal strong collinearity, which makes regression coefficients unstable. Relative
/// weights and Shapley shares stay defined, but the split between nearly collinear predictors becomes uncertain (wide intervals).
/// </remarks>
public sealed record Collinearity(IReadOnlyList<double> VarianceInflation, double ConditionNumber, (double Value, int First, int Second) LargestCorrelation)
{
    /// <summary>VIF above which a predictor is flagged.</summary>
    public const double VifThreshold = 10;

    /// <summary>Condition number above which the set is flagged.</summary>
    public const double ConditionThreshold = 30;

    /// <summary>True when any VIF or the condition number is above its threshold.</summary>
    public bool IsStrong => ConditionNumber > ConditionThreshold || VarianceInflation.Any(v => v > VifThreshold);

    /// <summary>Diagnostics of a predictor correlation matrix (square, unit diagonal).</summary>
    public static Collinearity Of(double[,] predictorCorrelations)
    {
        ArgumentNullException.ThrowIfNull(predictorCorrelations);
        var k = predictorCorrelations.GetLength(0);
        if (k == 0 || predictorCorrelations.GetLength(1) != k) throw new ArgumentException("A square, non-empty correlation matrix is needed.", nameof(predictorCorrelations));
        var largest = (Value: 0.0, First: -1, Second: -1);
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (Math.Abs(predictorCorrelations[i, j]) > largest.Value) largest = (Math.Abs(predictorCorrelations[i, j]), j, i);
            }
        }

        var matrix = Matrix<double>.Build.DenseOfArray(predictorCorrelations);
        var lambda = matrix.Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).ToArray();
        var singular = !(lambda.Min() > RelativeWeights.SingularityTolerance * lambda.Max());
        var condition = singular ? double.PositiveInfinity : Math.Sqrt(lambda.Max() / lambda.Min());
        IReadOnlyList<double> vif = singular
            ? Enumerable.Repeat(double.PositiveInfinity, k).ToArray()
            : matrix.Inverse().Diagonal().ToArray();
        return new Collinearity(vif, condition, largest);
    }
}
