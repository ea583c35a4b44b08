namespace Fulcrum.Analytics.Linkage;

/// <summary>A categorical covariate: its levels and the one the others are compared with.</summary>
internal sealed record Factor(string Name, IReadOnlyList<string> Levels, int Baseline)
{
    /// <summary>Levels whose renewals all churned or all stayed: their odds ratios, effects and adjusted rates are infinite or undefined.</summary>
    public IReadOnlySet<int> Separated { get; init; } = new HashSet<int>();

    public int IndexOf(string level)
    {
        for (var i = 0; i < Levels.Count; i++)
            if (Levels[i] == level) return i;
        return -1;
    }

    public string Column(int level) => $"{Name}={Levels[level]}";
}

/// <summary>
/// The covariate patterns (cells) a model sees: factor levels plus a few numeric columns. Observations with the same
/// pattern share a design row, so fitting and bootstrap refits work on cells instead of rows. New patterns (e.g. a
/// detractor account imagined as a passive one) can be added after fitting to predict for them.
/// </summary>
internal sealed class CellSpace
{
    readonly Dictionary<(long Levels, double First, double Second), int> _index = [];
    readonly List<int[]> _levels = [];
    readonly List<double[]> _numeric = [];
    // Levers re-sized from the web intern cells while other requests read predictions.
    readonly Lock _gate = new();

    public CellSpace(IReadOnlyList<Factor> factors, IReadOnlyList<string> numericColumns)
    {
        if (factors.Count > 12 || numericColumns.Count > 2) throw new ArgumentException("A cell space holds at most 12 factors and 2 numeric columns.");
        if (factors.Any(f => f.Levels.Count > 31)) throw new ArgumentException("A factor may have at most 31 levels.");
        Factors = factors;
        NumericColumns = numericColumns;
        var names = new List<string> { "intercept" };
        foreach (var f in factors)
            for (var l = 0; l < f.Levels.Count; l++)
                if (l != f.Baseline) names.Add(f.Column(l));
        names.AddRange(numericColumns);
        Names = names;
    }

    public IReadOnlyList<Factor> Factors { get; }
    public IReadOnlyList<string> NumericColumns { get; }
    public IReadOnlyList<string> Names { get; }
    public int Count => _levels.Count;

    public int FactorIndex(string name)
    {
        for (var i = 0; i < Factors.Count; i++)
            if (Factors[i].Name == name) return i;
        return -1;
    }

    public int Intern(int[] levels, double[] numeric)
    {
        lock (_gate) return InternUnlocked(levels, numeric);
    }

    int InternUnlocked(int[] levels, double[] numeric)
    {
        var key = Key(levels, numeric);
        if (_index.TryGetValue(key, out var cell)) return cell;
        cell = _levels.Count;
        _levels.Add((int[])levels.Clone());
        _numeric.Add((double[])numeric.Clone());
        _index[key] = cell;
        return cell;
    }

    public int[] LevelsOf(int cell) => _levels[cell];
    public double[] NumericOf(int cell) => _numeric[cell];

    /// <summary>The cell equal to <paramref name="cell"/> except that factor <paramref name="factor"/> is at <paramref name="level"/>.</summary>
    public int WithLevel(int cell, int factor, int level)
    {
        var levels = (int[])_levels[cell].Clone();
        levels[factor] = level;
        return Intern(levels, _numeric[cell]);
    }

    /// <summary>The cell equal to <paramref name="cell"/> except that numeric column <paramref name="column"/> is <paramref name="value"/>.</summary>
    public int WithNumeric(int cell, int column, double value)
    {
        var numeric = (double[])_numeric[cell].Clone();
        numeric[column] = value;
        return Intern(_levels[cell], numeric);
    }

    /// <summary>Design matrix for cells 0..Count−1 (cells interned later need a new call).</summary>
    public double[,] Design() => Design(int.MaxValue);

    /// <summary>Design matrix for cells 0..<paramref name="cells"/>−1 (e.g. only the cells that hold data, for fitting).</summary>
    public double[,] Design(int cells)
    {
        lock (_gate) return DesignUnlocked(Math.Min(cells, Count));
    }

    double[,] DesignUnlocked(int cells)
    {
        var x = new double[cells, Names.Count];
        for (var c = 0; c < cells; c++)
        {
            x[c, 0] = 1;
            var column = 1;
            for (var f = 0; f < Factors.Count; f++)
            {
                var factor = Factors[f];
                for (var l = 0; l < factor.Levels.Count; l++)
                {
                    if (l == factor.Baseline) continue;
                    if (_levels[c][f] == l) x[c, column] = 1;
                    column++;
                }
            }
            for (var n = 0; n < NumericColumns.Count; n++) x[c, column++] = _numeric[c][n];
        }
        return x;
    }

    (long, double, double) Key(int[] levels, double[] numeric)
    {
        long packed = 0;
        for (var i = 0; i < levels.Length; i++) packed |= (long)(levels[i] & 31) << (5 * i);
        return (packed, numeric.Length > 0 ? numeric[0] : 0, numeric.Length > 1 ? numeric[1] : 0);
    }
}
