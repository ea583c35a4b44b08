using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Fulcrum.Core.Statistics;

/// <summary>
/// Johnson's relative weights: how much of a linear regression's R² each of k correlated predictors accounts for.
/// </summary>
/// <remarks>
/// <para>
/// <b>Method.</b> With R the predictors' correlation matrix and r the vector of their correlations with the outcome, take the
/// eigen-decomposition R = V Λ Vᵀ and the symmetric square root Λ* = R^½ = V Λ^½ Vᵀ. Z = X R^(−½) are the orthogonal
/// variables closest to X in least squares (Johnson 2000); Λ*_jk is the correlation of predictor j with z_k and
/// β = R^(−½) r the regression of the outcome on Z. Predictor j's raw weight is ε_j = Σ_k Λ*_jk² β_k². Because every
/// column of Λ* has unit length, Σ_j ε_j = Σ_k β_k² = rᵀ R⁻¹ r = R² of the regression of the outcome on all predictors,
/// and each ε_j ≥ 0. Rescaled weights are ε_j / R² in percent.
/// </para>
/// <para>
/// <b>Assumptions.</b> A linear model with intercept; the weights describe the sample's correlations (standardized
/// variables), not causes. R must be positive definite: perfectly collinear predictors are rejected. Relative weights
/// approximate the Shapley/LMG decomposition (<see cref="ShapleyR2"/>) closely in practice and cost one eigen-decomposition,
/// so they scale to many predictors. Sampling uncertainty comes from a bootstrap (the weights are not normal near 0).
/// </para>
/// <para>
/// <b>References.</b> Johnson J.W. (2000) "A heuristic method for estimating the relative weight of predictor variables in
/// multiple regression", Multivariate Behavioral Research 35(1):1–19; Tonidandel S., LeBreton J.M. (2011) "Relative
/// importance analysis: a useful supplement to regression analysis", J. Business and Psychology 26:1–9.
/// </para>
/// </remarks>
public static class RelativeWeights
{
    /// <summary>Eigenvalues below this fraction of the largest make R numerically singular (perfect collinearity).</summary>
    public const double SingularityTolerance = 1e-10;

    /// <summary>Relative weights from the predictors' correlation matrix and their correlations with the outcome.</summary>
    /// <exception cref="ArgumentException">Bad shapes, correlations outside [−1, 1], or perfectly collinear predictors.</exception>
    public static R2Decomposition FromCorrelations(double[,] predictorCorrelations, IReadOnlyList<double> outcomeCorrelations)
    {
        var k = DriverCorrelations.Validate(predictorCorrelations, outcomeCorrelations);
        var evd = Matrix<double>.Build.DenseOfArray(predictorCorrelations).Evd(Symmetricity.Symmetric);
        var lambda = evd.EigenValues.Select(e => e.Real).ToArray();
        var largest = lambda.Max();
        if (!(lambda.Min() > SingularityTolerance * largest))
            throw new ArgumentException("The predictors are perfectly collinear (their correlation matrix is singular): drop one of each redundant set.", nameof(predictorCorrelations));

        var v = evd.EigenVectors;
        var sqrt = Matrix<double>.Build.DiagonalOfDiagonalArray(lambda.Select(Math.Sqrt).ToArray());
        var inverseSqrt = Matrix<double>.Build.DiagonalOfDiagonalArray(lambda.Select(l => 1 / Math.Sqrt(l)).ToArray());
        var rootR = v * sqrt * v.Transpose();
        var beta = v * inverseSqrt * v.Transpose() * Vector<double>.Build.DenseOfEnumerable(outcomeCorrelations);

        var weights = new double[k];
        for (var j = 0; j < k; j++)
        {
            for (var c = 0; c < k; c++) weights[j] += rootR[j, c] * rootR[j, c] * beta[c] * beta[c];
        }

        return new R2Decomposition(weights.Sum(), weights, "Johnson (2000) relative weights");
    }

    /// <summary>Relative weights of the predictors <paramref name="predictors"/>[j][row] for the outcome, from the data's correlations.</summary>
    public static R2Decomposition FromData(IReadOnlyList<IReadOnlyList<double>> predictors, IReadOnlyList<double> outcome)
    {
        var (rxx, rxy) = Correlations(predictors, outcome);
        return FromCorrelations(rxx, rxy);
    }

    /// <summary>The predictors' correlation matrix and their correlations with the outcome, from columns of data.</summary>
    internal static (double[,] Rxx, double[] Rxy) Correlations(IReadOnlyList<IReadOnlyList<double>> predictors, IReadOnlyList<double> outcome)
    {
        ArgumentNullException.ThrowIfNull(predictors);
        ArgumentNullException.ThrowIfNull(outcome);
        var all = new List<IReadOnlyList<double>> { outcome };
        all.AddRange(predictors);
        return Split(CrossProducts.FromColumns(all).Correlations());
    }

    /// <summary>Splits a correlation matrix of (outcome, predictors…) into R and r.</summary>
    public static (double[,] Rxx, double[] Rxy) Split(double[,] outcomeFirst)
    {
        ArgumentNullException.ThrowIfNull(outcomeFirst);
        var k = outcomeFirst.GetLength(0) - 1;
        var rxx = new double[k, k];
        var rxy = new double[k];
        for (var i = 0; i < k; i++)
        {
            rxy[i] = outcomeFirst[0, i + 1];
            for (var j = 0; j < k; j++) rxx[i, j] = outcomeFirst[i + 1, j + 1];
        }

        return (rxx, rxy);
    }
}
