using System.Runtime.CompilerServices;

namespace Fulcrum.Core.Statistics.Regression;

/// <summary>
/// The non-zero entries of each design row. Designs of categorical covariates are mostly zeros (one dummy per
/// factor is set), so accumulating X'WX over non-zeros only is several times faster than over the dense row; a
/// bootstrap refits the same design thousands of times. Cached per design array.
/// </summary>
internal sealed class SparseRows
{
    static readonly ConditionalWeakTable<double[,], SparseRows> Cache = new();

    public readonly int[] Start;
    public readonly int[] Column;
    public readonly double[] Value;

    SparseRows(double[,] design)
    {
        int rows = design.GetLength(0), columns = design.GetLength(1);
        Start = new int[rows + 1];
        var column = new List<int>(rows * 4);
        var value = new List<double>(rows * 4);
        for (var i = 0; i < rows; i++)
        {
            Start[i] = column.Count;
            for (var j = 0; j < columns; j++)
            {
                if (design[i, j] == 0) continue;
                column.Add(j);
                value.Add(design[i, j]);
            }
        }
        Start[rows] = column.Count;
        Column = column.ToArray();
        Value = value.ToArray();
    }

    /// <summary>The sparse form of <paramref name="design"/>; the array must not be changed after this call.</summary>
    public static SparseRows Of(double[,] design) => Cache.GetValue(design, d => new SparseRows(d));

    public double Dot(int row, double[] beta)
    {
        var sum = 0.0;
        for (var k = Start[row]; k < Start[row + 1]; k++) sum += Value[k] * beta[Column[k]];
        return sum;
    }
}
