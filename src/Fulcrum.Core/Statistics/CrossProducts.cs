namespace Fulcrum.Core.Statistics;

/// <summary>
/// Additive sufficient statistics of a set of variables for correlation and regression: the count, the sums and the
/// sums of cross-products of the values about a fixed shift (row vector z = x − shift). Two sets combine by adding, so
/// per-group (per-account) statistics can be summed into any resample of groups without touching the rows again.
/// </summary>
/// <remarks>
/// The shift (ideally near the means, e.g. the overall means) keeps the one-pass formula
/// S_ij = Σ z_i z_j − (Σ z_i)(Σ z_j)/n free of the cancellation that raw sums of squares suffer when a mean is large
/// relative to its spread (Chan, Golub, LeVeque 1983, "Algorithms for computing the sample variance", Am. Stat. 37:242).
/// Covariances are invariant to the shift.
/// </remarks>
public sealed class CrossProducts
{
    readonly double[] _shift;
    readonly double[] _sum;
    readonly double[] _cross; // row-major dimension × dimension, symmetric

    /// <summary>Empty statistics of <paramref name="dimension"/> variables about the shift (zeros when null).</summary>
    public CrossProducts(int dimension, IReadOnlyList<double>? shift = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (shift is not null && shift.Count != dimension)
            throw new ArgumentException($"The shift has {shift.Count} values; expected {dimension}.", nameof(shift));
        Dimension = dimension;
        _shift = shift?.ToArray() ?? new double[dimension];
        _sum = new double[dimension];
        _cross = new double[dimension * dimension];
    }

    /// <summary>Number of variables.</summary>
    public int Dimension { get; }

    /// <summary>Number of rows added.</summary>
    public double Count { get; private set; }

    /// <summary>The shift the sums are taken about.</summary>
    public IReadOnlyList<double> Shift => _shift;

    /// <summary>Adds one row of values (all finite).</summary>
    /// <exception cref="ArgumentException">Wrong length or a value that is NaN or infinite.</exception>
    public void Add(ReadOnlySpan<double> row)
    {
        if (row.Length != Dimension) throw new ArgumentException($"A row has {row.Length} values; expected {Dimension}.", nameof(row));
        Span<double> z = Dimension <= 64 ? stackalloc double[Dimension] : new double[Dimension];
        for (var i = 0; i < Dimension; i++)
        {
            if (!double.IsFinite(row[i])) throw new ArgumentException($"Value {i} of a row is {row[i]}; values must be finite.", nameof(row));
            z[i] = row[i] - _shift[i];
        }

        AddShifted(1, z, null);
    }

    /// <summary>
    /// Adds precomputed statistics of several rows about this instance's shift: <paramref name="count"/> rows,
    /// <paramref name="sums"/> Σ z_i and <paramref name="crossProducts"/> Σ z_i z_j (row-major, dimension × dimension).
    /// </summary>
    public void AddSums(double count, ReadOnlySpan<double> sums, ReadOnlySpan<double> crossProducts)
    {
        if (sums.Length != Dimension || crossProducts.Length != Dimension * Dimension)
            throw new ArgumentException($"Expected {Dimension} sums and {Dimension * Dimension} cross-products.");
        AddShifted(count, sums, crossProducts);
    }

    /// <summary>Adds another set's statistics (same dimension and shift).</summary>
    public void Add(CrossProducts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Dimension != Dimension || !other._shift.AsSpan().SequenceEqual(_shift))
            throw new ArgumentException("Cross-products can only be added with the same dimension and shift.", nameof(other));
        AddShifted(other.Count, other._sum, other._cross);
    }

    void AddShifted(double count, ReadOnlySpan<double> sums, ReadOnlySpan<double> cross)
    {
        Count += count;
        for (var i = 0; i < Dimension; i++)
        {
            _sum[i] += sums[i];
            if (cross.IsEmpty)
            {
                for (var j = 0; j < Dimension; j++) _cross[i * Dimension + j] += sums[i] * sums[j];
            }
        }

        if (!cross.IsEmpty)
        {
            for (var k = 0; k < _cross.Length; k++) _cross[k] += cross[k];
        }
    }

    /// <summary>Mean of variable <paramref name="i"/> (NaN when empty).</summary>
    public double Mean(int i) => Count > 0 ? _shift[i] + _sum[i] / Count : double.NaN;

    /// <summary>Centred sum of cross-products Σ (x_i − mean_i)(x_j − mean_j).</summary>
    public double CentredCrossProduct(int i, int j) =>
        Count > 0 ? _cross[i * Dimension + j] - _sum[i] * _sum[j] / Count : double.NaN;

    /// <summary>Sample covariance (divisor n − 1; NaN when n &lt; 2).</summary>
    public double Covariance(int i, int j) => Count >= 2 ? CentredCrossProduct(i, j) / (Count - 1) : double.NaN;

    /// <summary>
    /// The Pearson correlation matrix (dimension × dimension, unit diagonal). A variable with no variation gives NaN
    /// correlations (callers decide whether that is an error).
    /// </summary>
    public double[,] Correlations()
    {
        var r = new double[Dimension, Dimension];
        var sd = new double[Dimension];
        for (var i = 0; i < Dimension; i++) sd[i] = Math.Sqrt(Math.Max(0, CentredCrossProduct(i, i)));
        for (var i = 0; i < Dimension; i++)
        {
            for (var j = 0; j < Dimension; j++)
            {
                r[i, j] = i == j ? (sd[i] > 0 ? 1 : double.NaN) : sd[i] > 0 && sd[j] > 0 ? Math.Clamp(CentredCrossProduct(i, j) / (sd[i] * sd[j]), -1, 1) : double.NaN;
            }
        }

        return r;
    }

    /// <summary>Statistics of the rows of a column-wise data set: <paramref name="columns"/>[i][row].</summary>
    public static CrossProducts FromColumns(IReadOnlyList<IReadOnlyList<double>> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0) throw new ArgumentException("No variables.", nameof(columns));
        var rows = columns[0].Count;
        if (columns.Any(c => c.Count != rows)) throw new ArgumentException("All variables must have the same number of values.", nameof(columns));
        var shift = columns.Select(c => rows > 0 ? c.Average() : 0).ToArray();
        var stats = new CrossProducts(columns.Count, shift);
        var row = new double[columns.Count];
        for (var r = 0; r < rows; r++)
        {
            for (var i = 0; i < columns.Count; i++) row[i] = columns[i][r];
            stats.Add(row);
        }

        return stats;
    }
}
