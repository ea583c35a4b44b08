using System.Numerics;
using System.Runtime.ExceptionServices;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Drivers;

/// <summary>
/// Per-account sufficient statistics of (outcome, drivers) packed in one array for the bootstrap: for each account its row
/// count, Σ z (d values) and the upper triangle of Σ z zᵀ (d(d+1)/2 values), z = values − shift, followed — for
/// within-account correlations — by the upper triangle of its cross-products about its own means. A resample is the
/// weighted sum of the accounts' slices, weights = how often each account was drawn (<see cref="Resamples"/>).
/// </summary>
internal sealed class AccountMoments
{
    /// <summary>Replicates summed together in one pass over the accounts (their totals stay in the L1 cache).</summary>
    const int ReplicatesPerPass = 32;

    /// <summary>Accounts per block within a pass: their slices stay in cache while every replicate of the pass adds them.</summary>
    const int AccountsPerBlock = 512;

    readonly double[] _packed;
    readonly double[] _shift;
    readonly bool _within;

    /// <param name="within">Also keep each account's cross-products about its own means, Σ z zᵀ − (Σ z)(Σ z)ᵀ / n, for
    /// within-account (fixed-effects) correlations.</param>
    public AccountMoments(int dimension, IReadOnlyList<double> shift, IReadOnlyList<double[]> accountSlices, bool within = false)
    {
        Dimension = dimension;
        Stride = 1 + dimension + dimension * (dimension + 1) / 2;
        _shift = shift.ToArray();
        _within = within;
        Count = accountSlices.Count;
        var triangle = dimension * (dimension + 1) / 2;
        Width = Stride + (within ? triangle : 0);
        _packed = new double[Count * Width];
        for (var a = 0; a < Count; a++)
        {
            var slice = accountSlices[a];
            if (slice.Length != Stride) throw new ArgumentException($"An account slice has {slice.Length} values; expected {Stride}.");
            slice.CopyTo(_packed, a * Width);
            if (!within) continue;
            var n = slice[0];
            var k = 0;
            for (var i = 0; i < dimension; i++)
            {
                for (var j = i; j < dimension; j++, k++)
                    _packed[a * Width + Stride + k] = slice[1 + dimension + k] - slice[1 + i] * slice[1 + j] / n;
            }
        }
    }

    /// <summary>Number of variables (outcome first).</summary>
    public int Dimension { get; }

    /// <summary>Values per account slice as given: count, sums, upper-triangle cross-products.</summary>
    public int Stride { get; }

    /// <summary>Values per account as packed: the slice, then the within-account triangle when kept.</summary>
    int Width { get; }

    /// <summary>Number of accounts.</summary>
    public int Count { get; }

    /// <summary>Statistics of all accounts together.</summary>
    public (CrossProducts Overall, CrossProducts? Within) Total()
    {
        var total = new double[Width];
        for (var a = 0; a < Count; a++)
        {
            var slice = _packed.AsSpan(a * Width, Width);
            for (var i = 0; i < Width; i++) total[i] += slice[i];
        }

        return Split(total);
    }

    /// <summary>
    /// Statistics of every bootstrap resample of accounts (slot b is replicate b): replicate b draws <see cref="Count"/>
    /// accounts with replacement from <see cref="DeterministicRandom.Create(ulong, ulong)"/>(seed, b) — the draws of
    /// <see cref="Bootstrap.ReplicateVectors"/> — and sums the drawn accounts' slices, each weighted by how often it was drawn.
    /// </summary>
    /// <remarks>
    /// The sum of a resample is X'W1 for the accounts' cross-product slices X and draw counts W, so replicates are summed
    /// in passes of <see cref="ReplicatesPerPass"/>: the passes' draw counts are tallied first, then the accounts are read
    /// once, in order and block by block, for all of them. Adding the drawn slices one draw at a time instead reads a random
    /// slice per draw, which at 100k accounts cost memory latency on every draw (45 CPU-seconds for 2,000 resamples).
    /// </remarks>
    public (CrossProducts Overall, CrossProducts? Within)[] Resamples(int seed, int replicates)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 1);
        var results = new (CrossProducts, CrossProducts?)[replicates];
        if (Count == 0) return results;
        var passes = (replicates + ReplicatesPerPass - 1) / ReplicatesPerPass;
        try
        {
            Parallel.For(0, passes, () => (Counts: new int[ReplicatesPerPass * Count], Counter: new SeededDrawCounts()), (pass, _, buffers) =>
            {
                var first = pass * ReplicatesPerPass;
                var size = Math.Min(ReplicatesPerPass, replicates - first);
                var counts = buffers.Counts;
                Array.Clear(counts);
                // The draws of DeterministicRandom.Create(seed, replicate).Next(Count), counted a block at a time.
                for (var r = 0; r < size; r++)
                    buffers.Counter.Add(DeterministicRandom.Int32Seed(unchecked((ulong)seed), (ulong)(first + r)), counts.AsSpan(r * Count, Count));

                var totals = WeightedTotals(counts, size);
                for (var r = 0; r < size; r++) results[first + r] = Split(totals[r]);
                return buffers;
            }, _ => { });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        return results;
    }

    /// <summary>Σ_a counts[r·Count + a] · slice_a for each replicate r of a pass.</summary>
    double[][] WeightedTotals(int[] counts, int replicates)
    {
        var width = Width;
        var lanes = Vector<double>.Count;
        var totals = new double[replicates][];
        for (var r = 0; r < replicates; r++) totals[r] = new double[width];
        for (var start = 0; start < Count; start += AccountsPerBlock)
        {
            var end = Math.Min(Count, start + AccountsPerBlock);
            for (var r = 0; r < replicates; r++)
            {
                var total = totals[r].AsSpan();
                var drawn = counts.AsSpan(r * Count, Count);
                for (var a = start; a < end; a++)
                {
                    var times = drawn[a];
                    if (times == 0) continue;
                    var slice = _packed.AsSpan(a * width, width);
                    var weight = new Vector<double>(times);
                    var i = 0;
                    for (; i <= width - lanes; i += lanes)
                        (new Vector<double>(total[i..]) + weight * new Vector<double>(slice[i..])).CopyTo(total[i..]);
                    for (; i < width; i++) total[i] += times * slice[i];
                }
            }
        }

        return totals;
    }

    /// <summary>
    /// Overall statistics and — when kept — within accounts (deviations from each account's own means; its sums are zero by
    /// construction, so only its correlations are meaningful) from summed account values.
    /// </summary>
    (CrossProducts Overall, CrossProducts? Within) Split(double[] total)
    {
        var d = Dimension;
        var overall = new CrossProducts(d, _shift);
        overall.AddSums(total[0], total.AsSpan(1, d), Symmetric(total.AsSpan(1 + d, Stride - 1 - d)));
        if (!_within) return (overall, null);

        var within = new CrossProducts(d);
        within.AddSums(total[0], new double[d], Symmetric(total.AsSpan(Stride)));
        return (overall, within);
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
