namespace Fulcrum.Core.Statistics.Regression;

/// <summary>
/// A design matrix as each row's non-zero columns (ascending) and their values. A row of dummy codes has a few of them, so
/// sums over a row's pairs of columns are several times faster this way; built once per design, shared by every fit on it.
/// </summary>
public sealed class SparseDesign
{
    public SparseDesign(double[,] design)
    {
        (Rows, Columns) = (design.GetLength(0), design.GetLength(1));
        (Indices, Values) = (new int[Rows][], new double[Rows][]);
        for (var r = 0; r < Rows; r++)
        {
            Indices[r] = Enumerable.Range(0, Columns).Where(j => design[r, j] != 0).ToArray();
            Values[r] = Indices[r].Select(j => design[r, j]).ToArray();
        }
    }

    public int Rows { get; }
    public int Columns { get; }
    /// <summary>Row r's non-zero columns, ascending.</summary>
    public int[][] Indices { get; }
    /// <summary>Row r's values in those columns.</summary>
    public double[][] Values { get; }

    /// <summary>Row <paramref name="r"/>'s linear predictor x'β (its first columns' coefficients; <paramref name="beta"/> may hold more after them).</summary>
    public double LinearPredictor(int r, double[] beta)
    {
        var eta = 0.0;
        for (var k = 0; k < Indices[r].Length; k++) eta += Values[r][k] * beta[Indices[r][k]];
        return eta;
    }
}
