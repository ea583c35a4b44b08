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

    public AccountMoments(int dimension, IReadOnlyList<double> shift, IReadOnlyList<double[]> accountSlices)
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
    }

    /// <summary>Number of variables (outcome first).</summary>
    public int Dimension { get; }

    /// <summary>Values per account: count, sums, upper-triangle cross-products.</summary>
    public int Stride { get; }

    /// <summary>Number of accounts.</summary>
    public int Count { get; }

    /// <summary>Statistics of all accounts together.</summary>
    public CrossProducts Total()
    {
        var all = new int[Count];
        for (var i = 0; i < Count; i++) all[i] = i;
        return Sum(all);
    }

    /// <summary>Statistics of the accounts drawn (an index may repeat).</summary>
    public CrossProducts Sum(ReadOnlySpan<int> accounts)
    {
        var total = new double[Stride];
        var width = Vector<double>.Count;
        var span = _packed.AsSpan();
        foreach (var a in accounts)
        {
            var slice = span.Slice(a * Stride, Stride);
            var i = 0;
            for (; i <= Stride - width; i += width)
                (new Vector<double>(total.AsSpan(i)) + new Vector<double>(slice[i..])).CopyTo(total.AsSpan(i));
            for (; i < Stride; i++) total[i] += slice[i];
        }

        var d = Dimension;
        var cross = new double[d * d];
        var k = 1 + d;
        for (var i = 0; i < d; i++)
        {
            for (var j = i; j < d; j++) cross[i * d + j] = cross[j * d + i] = total[k++];
        }

        var result = new CrossProducts(d, _shift);
        result.AddSums(total[0], total.AsSpan(1, d), cross);
        return result;
    }
}
