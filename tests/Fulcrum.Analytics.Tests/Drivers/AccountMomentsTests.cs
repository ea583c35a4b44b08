using Fulcrum.Analytics.Drivers;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Tests.Drivers;

/// <summary>
/// The drivers' bootstrap sums each resample as draw counts × per-account cross-products; it must give the resamples of
/// <see cref="Bootstrap.ReplicateVectors"/> — the same drawn accounts — as adding the drawn accounts one draw at a time.
/// </summary>
public sealed class AccountMomentsTests
{
    [Theory]
    [InlineData(false, 1)]
    [InlineData(false, 700)]
    [InlineData(true, 1_300)]
    public void Resamples_equal_the_sums_of_the_drawn_accounts(bool within, int accounts)
    {
        const int dimension = 3, seed = 11, replicates = 70;   // 70 = two full passes of 32 and a partial one
        var random = new Random(5);
        var slices = Enumerable.Range(0, accounts).Select(_ => Slice(random, dimension)).ToList();
        var shift = new[] { 0.5, -1.0, 2.0 };
        var moments = new AccountMoments(dimension, shift, slices, within);

        var resamples = moments.Resamples(seed, replicates);
        var expected = Bootstrap.ReplicateVectors(accounts, drawn => Flatten(SumOfDrawn(slices, drawn, dimension, shift, within)), seed, replicates);

        Assert.Equal(replicates, resamples.Length);
        for (var b = 0; b < replicates; b++)
        {
            var actual = Flatten(resamples[b]);
            Assert.Equal(expected[b].Length, actual.Length);
            for (var i = 0; i < actual.Length; i++)
                Assert.Equal(expected[b][i], actual[i], 1e-9 * Math.Max(1, Math.Abs(expected[b][i])));
        }
    }

    [Fact]
    public void Total_is_every_account_once()
    {
        var random = new Random(8);
        var slices = Enumerable.Range(0, 50).Select(_ => Slice(random, 2)).ToList();
        var total = Flatten(new AccountMoments(2, [0.0, 0.0], slices).Total());
        var expected = Flatten(SumOfDrawn(slices, Enumerable.Range(0, 50).ToArray(), 2, [0.0, 0.0], within: false));
        Assert.Equal(expected, total);
    }

    /// <summary>An account with 1–5 rows of random values: count, Σ z, upper triangle of Σ z zᵀ.</summary>
    static double[] Slice(Random random, int dimension)
    {
        var rows = random.Next(1, 6);
        var slice = new double[1 + dimension + dimension * (dimension + 1) / 2];
        slice[0] = rows;
        for (var r = 0; r < rows; r++)
        {
            var z = Enumerable.Range(0, dimension).Select(_ => random.Next(0, 11) + random.NextDouble()).ToArray();
            var k = 1 + dimension;
            for (var i = 0; i < dimension; i++)
            {
                slice[1 + i] += z[i];
                for (var j = i; j < dimension; j++) slice[k++] += z[i] * z[j];
            }
        }

        return slice;
    }

    /// <summary>The statistics of the drawn accounts added one draw at a time, as the bootstrap did before.</summary>
    static (CrossProducts Overall, CrossProducts? Within) SumOfDrawn(List<double[]> slices, ReadOnlySpan<int> drawn, int dimension, double[] shift, bool within)
    {
        var overall = new CrossProducts(dimension, shift);
        var inside = within ? new CrossProducts(dimension) : null;
        foreach (var a in drawn)
        {
            var s = slices[a];
            var cross = Symmetric(s.AsSpan(1 + dimension), dimension, _ => 0);
            overall.AddSums(s[0], s.AsSpan(1, dimension), cross);
            inside?.AddSums(s[0], new double[dimension], Symmetric(s.AsSpan(1 + dimension), dimension, ij => s[1 + ij.I] * s[1 + ij.J] / s[0]));
        }

        return (overall, inside);
    }

    static double[] Symmetric(ReadOnlySpan<double> upper, int d, Func<(int I, int J), double> minus)
    {
        var full = new double[d * d];
        var k = 0;
        for (var i = 0; i < d; i++)
        {
            for (var j = i; j < d; j++, k++) full[i * d + j] = full[j * d + i] = upper[k] - minus((i, j));
        }

        return full;
    }

    /// <summary>Count, means and centred cross-products of both parts (the within part's correlations when kept).</summary>
    static double[] Flatten((CrossProducts Overall, CrossProducts? Within) sample)
    {
        var d = sample.Overall.Dimension;
        var values = new List<double> { sample.Overall.Count };
        for (var i = 0; i < d; i++)
        {
            values.Add(sample.Overall.Mean(i));
            for (var j = i; j < d; j++) values.Add(sample.Overall.CentredCrossProduct(i, j));
        }

        if (sample.Within is { } within)
        {
            for (var i = 0; i < d; i++)
                for (var j = i; j < d; j++) values.Add(within.CentredCrossProduct(i, j));
        }

        return values.ToArray();
    }
}
