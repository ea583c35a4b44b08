using System.Numerics;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Drivers;

/// <summary>
/// Per-account sufficient statistics of (outcome, drivers) packed in one array for the bootstrap: for each account its row
/// count, Σ z (d values) and the upper triangle of Σ z zᵀ (d(d+1)/2 values), z = values − shift. A resample is the
/// SIMD sum of the drawn accounts' slices, so each replicate costs one pass over the drawn accounts.
/// </summary>
internal sealed class AccountMoments
{
    readonly double[] _packed;
    readonly double[] _shift;
    readonly double[]? _within;

    /// <param name="within">Also keep each account's cross-products about its own means, Σ z zᵀ − (Σ z)(Σ z)ᵀ / n, for
    /// within-account (fixed-effects) correlations.</param>
    public AccountMoments(int dimension, IReadOnlyList<double> shift, IReadOnlyList<double[]> accountSlices, bool within = false)
    {
        Dimension = dimension;
        Stride = 1 + dimension + dimension * (dimension + 1) / 2;
        _shift = shift.ToArray();
        Count = accountSlices.Count;
        _packed = new double[Count * Stride];
        for (var a = 0; a < Count; a++)
        {
            if (accountSlices[a].Length != Stride) throw new ArgumentException($"An account slice has {accountSlices[a].Length} values; expected {Stride}.");
            accountSlices[a].CopyTo(_packed, a * Stride);
        }

        if (!within) return;
        var triangle = dimension * (dimension + 1) / 2;
        _within = new double[Count * triangle];
        for (var a = 0; a < Count; a++)
        {
            var slice = accountSlices[a];
            var n = slice[0];
            var k = 0;
            for (var i = 0; i < dimension; i++)
            {
                for (var j = i; j < dimension; j++, k++)
                    _within[a * triangle + k] = slice[1 + dimension + k] - slice[1 + i] * slice[1 + j] / n;
            }
        }
    }

    /// <summary>Number of variables (outcome first).</summary>
    public int Dimension { get; }

    /// <summary>Values per account: count, sums, upper-triangle cross-products.</summary>
    public int Stride { get; }

    /// <summary>Number of accounts.</summary>
    public int Count { get; }

    /// <summary>Statistics of all accounts together.</summary>
    public (CrossProducts Overall, CrossProducts? Within) Total()
    {
        var all = new int[Count];
        for (var i = 0; i < Count; i++) all[i] = i;
        return Sum(all);
    }

    /// <summary>
    /// Statistics of the accounts drawn (an index may repeat): overall, and — when kept — within accounts (deviations from
    /// each account's own means; its sums are zero by construction, so only its correlations are meaningful).
    /// </summary>
    public (CrossProducts Overall, CrossProducts? Within) Sum(ReadOnlySpan<int> accounts)
    {
        var total = Accumulate(_packed, Stride, accounts);
        var d = Dimension;
        var result = new CrossProducts(d, _shift);
        result.AddSums(total[0], total.AsSpan(1, d), Symmetric(total.AsSpan(1 + d)));
        if (_within is null) return (result, null);

        var within = new CrossProducts(d);
        within.AddSums(total[0], new double[d], Symmetric(Accumulate(_within, d * (d + 1) / 2, accounts)));
        return (result, within);
    }

    static double[] Accumulate(double[] packed, int stride, ReadOnlySpan<int> accounts)
    {
        var total = new double[stride];
        var width = Vector<double>.Count;
        var span = packed.AsSpan();
        foreach (var a in accounts)
        {
            var slice = span.Slice(a * stride, stride);
            var i = 0;
            for (; i <= stride - width; i += width)
                (new Vector<double>(total.AsSpan(i)) + new Vector<double>(slice[i..])).CopyTo(total.AsSpan(i));
            for (; i < stride; i++) total[i] += slice[i];
        }

        return total;
    }

    /// <summary>The full d × d matrix from its upper triangle (row by row).</summary>
    double[] Symmetric(ReadOnlySpan<double> upper)
    {
        var d = Dimension;
        var cross = new double[d * d];
        var k = 0;
        for (var i = 0; i < d; i++)
        {
            for (var j = i; j < d; j++) cross[i * d + j] = cross[j * d + i] = upper[k++];
        }

        return cross;
    }
}
