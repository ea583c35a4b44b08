namespace Fulcrum.Core.Statistics;

/// <summary>
/// Shapley value (LMG) decomposition of a linear regression's R²: each predictor's average gain in R² when it joins the
/// model, over all orders in which the predictors can enter.
/// </summary>
/// <remarks>
/// <para>
/// <b>Method.</b> For every subset S of the k predictors, R²(S) = r_Sᵀ R_SS⁻¹ r_S from the correlations (Cholesky
/// solve), which equals the R² of an OLS regression with intercept on S. Predictor j's share is
/// φ_j = Σ_{S ⊆ P∖{j}} |S|! (k − |S| − 1)! / k! · [R²(S ∪ {j}) − R²(S)]. The shares are non-negative and sum to R²(P)
/// (efficiency of the Shapley value). Exact: all 2^k subsets are evaluated, so k is limited to
/// <see cref="MaxPredictors"/>.
/// </para>
/// <para>
/// <b>Assumptions.</b> As for <see cref="RelativeWeights"/>: a linear model with intercept, descriptive of the sample's
/// correlations, predictors not perfectly collinear.
/// </para>
/// <para>
/// <b>References.</b> Lindeman R.H., Merenda P.F., Gold R.Z. (1980) Introduction to Bivariate and Multivariate Analysis,
/// p. 119 ff.; Grömping U. (2006) "Relative importance for linear regression in R: the package relaimpo", J. Statistical
/// Software 17(1); Lipovetsky S., Conklin M. (2001) "Analysis of regression in game theory approach", Applied Stochastic
/// Models in Business and Industry 17:319–330.
/// </para>
/// </remarks>
public static class ShapleyR2
{
    /// <summary>Most predictors the exact decomposition accepts (2^k subset regressions).</summary>
    public const int MaxPredictors = 12;

    /// <summary>Shapley/LMG shares from the predictors' correlation matrix and their correlations with the outcome.</summary>
    /// <exception cref="ArgumentException">Bad shapes or values, more than <see cref="MaxPredictors"/> predictors, or perfect collinearity.</exception>
    public static R2Decomposition FromCorrelations(double[,] predictorCorrelations, IReadOnlyList<double> outcomeCorrelations)
    {
        var k = DriverCorrelations.Validate(predictorCorrelations, outcomeCorrelations);
        if (k > MaxPredictors)
            throw new ArgumentException($"The exact Shapley decomposition takes at most {MaxPredictors} predictors (2^k regressions); {k} were given. Use relative weights.", nameof(predictorCorrelations));

        var subsets = 1 << k;
        var r2 = new double[subsets];
        var a = new double[k * k];
        var b = new double[k];
        var index = new int[k];
        for (var mask = 1; mask < subsets; mask++)
        {
            var m = 0;
            for (var j = 0; j < k; j++)
            {
                if ((mask & (1 << j)) != 0) index[m++] = j;
            }

            for (var p = 0; p < m; p++)
            {
                b[p] = outcomeCorrelations[index[p]];
                for (var q = 0; q < m; q++) a[p * m + q] = predictorCorrelations[index[p], index[q]];
            }

            r2[mask] = QuadraticForm(a, b, m);
        }

        // Weight of a coalition of size s that j joins: s! (k − s − 1)! / k!.
        var coalitionWeight = new double[k];
        for (var s = 0; s < k; s++) coalitionWeight[s] = Math.Exp(LogFactorial(s) + LogFactorial(k - s - 1) - LogFactorial(k));

        var shares = new double[k];
        for (var j = 0; j < k; j++)
        {
            var bit = 1 << j;
            for (var mask = 0; mask < subsets; mask++)
            {
                if ((mask & bit) == 0) shares[j] += coalitionWeight[System.Numerics.BitOperations.PopCount((uint)mask)] * (r2[mask | bit] - r2[mask]);
            }
        }

        return new R2Decomposition(r2[subsets - 1], shares, "Shapley value (LMG) decomposition of R², exact over all subsets");
    }

    /// <summary>Shapley/LMG shares of the predictors <paramref name="predictors"/>[j][row] for the outcome, from the data's correlations.</summary>
    public static R2Decomposition FromData(IReadOnlyList<IReadOnlyList<double>> predictors, IReadOnlyList<double> outcome)
    {
        var (rxx, rxy) = RelativeWeights.Correlations(predictors, outcome);
        return FromCorrelations(rxx, rxy);
    }

    /// <summary>bᵀ A⁻¹ b for the leading m × m block of <paramref name="a"/> (row-major, stride m), by Cholesky; A is overwritten.</summary>
    static double QuadraticForm(double[] a, double[] b, int m)
    {
        // A = L Lᵀ in place (lower triangle); then bᵀA⁻¹b = |L⁻¹b|².
        for (var j = 0; j < m; j++)
        {
            var d = a[j * m + j];
            for (var p = 0; p < j; p++) d -= a[j * m + p] * a[j * m + p];
            if (!(d > RelativeWeights.SingularityTolerance))
                throw new ArgumentException("The predictors are perfectly collinear (a subset's correlation matrix is singular): drop one of each redundant set.");
            var l = Math.Sqrt(d);
            a[j * m + j] = l;
            for (var i = j + 1; i < m; i++)
            {
                var s = a[i * m + j];
                for (var p = 0; p < j; p++) s -= a[i * m + p] * a[j * m + p];
                a[i * m + j] = s / l;
            }
        }

        double total = 0;
        Span<double> y = stackalloc double[m];
        for (var i = 0; i < m; i++)
        {
            var s = b[i];
            for (var p = 0; p < i; p++) s -= a[i * m + p] * y[p];
            y[i] = s / a[i * m + i];
            total += y[i] * y[i];
        }

        return total;
    }

    static double LogFactorial(int n)
    {
        double total = 0;
        for (var i = 2; i <= n; i++) total += Math.Log(i);
        return total;
    }
}
