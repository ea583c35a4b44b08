namespace Fulcrum.Core.Statistics.Regression;

/// <summary>
/// Cholesky factorization of the small symmetric positive-definite matrices (p × p, p ≲ 50) that model fitting
/// solves with. Written out rather than taken from MathNet because a bootstrap refits thousands of models and the
/// allocations of a general matrix type dominate at this size.
/// </summary>
internal sealed class SymmetricSolver
{
    readonly double[,] _l;
    readonly int _p;

    SymmetricSolver(double[,] l, int p) { _l = l; _p = p; }

    /// <summary>Factorizes <paramref name="a"/> (lower triangle read), or returns null when it is not positive definite.</summary>
    public static SymmetricSolver? TryFactor(double[,] a)
    {
        var p = a.GetLength(0);
        var l = new double[p, p];
        for (var j = 0; j < p; j++)
        {
            var d = a[j, j];
            for (var k = 0; k < j; k++) d -= l[j, k] * l[j, k];
            // Relative to the diagonal so that badly scaled but well-posed problems still factor.
            if (!(d > 1e-13 * Math.Max(1, Math.Abs(a[j, j])))) return null;
            l[j, j] = Math.Sqrt(d);
            for (var i = j + 1; i < p; i++)
            {
                var s = a[i, j];
                for (var k = 0; k < j; k++) s -= l[i, k] * l[j, k];
                l[i, j] = s / l[j, j];
            }
        }
        return new SymmetricSolver(l, p);
    }

    public double[] Solve(double[] b)
    {
        var y = new double[_p];
        for (var i = 0; i < _p; i++)
        {
            var s = b[i];
            for (var k = 0; k < i; k++) s -= _l[i, k] * y[k];
            y[i] = s / _l[i, i];
        }
        var x = new double[_p];
        for (var i = _p - 1; i >= 0; i--)
        {
            var s = y[i];
            for (var k = i + 1; k < _p; k++) s -= _l[k, i] * x[k];
            x[i] = s / _l[i, i];
        }
        return x;
    }

    public double[,] Inverse()
    {
        var inverse = new double[_p, _p];
        var unit = new double[_p];
        for (var j = 0; j < _p; j++)
        {
            Array.Clear(unit);
            unit[j] = 1;
            var column = Solve(unit);
            for (var i = 0; i < _p; i++) inverse[i, j] = column[i];
        }
        return inverse;
    }

    /// <summary>log det(A) = 2 Σ log L_ii.</summary>
    public double LogDeterminant()
    {
        var s = 0.0;
        for (var i = 0; i < _p; i++) s += Math.Log(_l[i, i]);
        return 2 * s;
    }

    /// <summary>x' A⁻¹ x for a row of a design matrix, without forming the inverse.</summary>
    public double QuadraticForm(double[,] design, int row)
    {
        var s = 0.0;
        var y = new double[_p];
        for (var i = 0; i < _p; i++)
        {
            var v = design[row, i];
            for (var k = 0; k < i; k++) v -= _l[i, k] * y[k];
            y[i] = v / _l[i, i];
            s += y[i] * y[i];
        }
        return s;
    }
}
