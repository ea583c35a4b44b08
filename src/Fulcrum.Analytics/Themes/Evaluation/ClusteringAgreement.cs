namespace Fulcrum.Analytics.Themes.Evaluation;

/// <summary>
/// Agreement between a clustering and reference labels (used to check discovered themes against labelled reasons).
/// NMI uses the arithmetic mean of the two entropies (scikit-learn's default, Vinh et al. 2010);
/// ARI is Hubert &amp; Arabie (1985). Both are 1 for identical partitions; ARI is ≈ 0 for random ones.
/// </summary>
public static class ClusteringAgreement
{
    public static double NormalizedMutualInformation<TA, TB>(IReadOnlyList<TA> a, IReadOnlyList<TB> b) where TA : notnull where TB : notnull
    {
        var (table, rows, cols, n) = Contingency(a, b);
        double Entropy(IEnumerable<long> counts) => -counts.Where(c => c > 0).Sum(c => (double)c / n * Math.Log((double)c / n));
        var ha = Entropy(rows);
        var hb = Entropy(cols);
        var mi = 0.0;
        foreach (var ((i, j), c) in table)
            mi += (double)c / n * Math.Log((double)n * c / ((double)rows[i] * cols[j]));
        if (ha == 0 && hb == 0) return 1.0;
        var denominator = (ha + hb) / 2;
        return denominator <= 0 ? 0 : Math.Max(0, mi) / denominator;
    }

    public static double AdjustedRandIndex<TA, TB>(IReadOnlyList<TA> a, IReadOnlyList<TB> b) where TA : notnull where TB : notnull
    {
        var (table, rows, cols, n) = Contingency(a, b);
        static double Pairs(long x) => x * (x - 1) / 2.0;
        var index = table.Values.Sum(Pairs);
        var rowPairs = rows.Sum(Pairs);
        var colPairs = cols.Sum(Pairs);
        var expected = rowPairs * colPairs / Pairs(n);
        var max = (rowPairs + colPairs) / 2;
        return max == expected ? 1.0 : (index - expected) / (max - expected);
    }

    static (Dictionary<(int, int), long> Table, long[] Rows, long[] Cols, long N) Contingency<TA, TB>(IReadOnlyList<TA> a, IReadOnlyList<TB> b)
        where TA : notnull where TB : notnull
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count) throw new ArgumentException($"The labelings have different lengths ({a.Count} and {b.Count}).");
        if (a.Count == 0) throw new ArgumentException("The labelings are empty.");
        var ia = new Dictionary<TA, int>();
        var ib = new Dictionary<TB, int>();
        var table = new Dictionary<(int, int), long>();
        for (var k = 0; k < a.Count; k++)
        {
            if (!ia.TryGetValue(a[k], out var i)) ia[a[k]] = i = ia.Count;
            if (!ib.TryGetValue(b[k], out var j)) ib[b[k]] = j = ib.Count;
            table[(i, j)] = table.GetValueOrDefault((i, j)) + 1;
        }
        var rows = new long[ia.Count];
        var cols = new long[ib.Count];
        foreach (var ((i, j), c) in table) { rows[i] += c; cols[j] += c; }
        return (table, rows, cols, a.Count);
    }
}
