using Fulcrum.Core.Statistics;

namespace Fulcrum.Core.Tests.Statistics;

/// <summary>SeededDrawCounts must draw exactly what <see cref="Random"/> with the same seed draws: every bootstrap interval depends on it.</summary>
public class SeededDrawCountsTests
{
    public static TheoryData<int> Seeds() =>
    [
        0, 1, -1, 42, 161803398, -161803398, int.MaxValue, int.MinValue, int.MinValue + 1,
        DeterministicRandom.Int32Seed(7, 0), DeterministicRandom.Int32Seed(7, 1999), DeterministicRandom.Int32Seed(unchecked((ulong)-5), 3),
    ];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Draws_are_those_of_Random_with_the_same_seed(int seed)
    {
        var generator = new SeededDrawCounts();
        foreach (var maxValue in new[] { 0, 1, 2, 7, 1000, 62_247, int.MaxValue })
            foreach (var length in new[] { 0, 1, 33, 55, 56, 4096, 4151, 9000 })
            {
                var draws = new int[length];
                generator.Draw(seed, maxValue, draws);
                var random = new Random(seed);
                for (var i = 0; i < length; i++)
                    Assert.True(random.Next(maxValue) == draws[i], $"seed {seed}, Next({maxValue}), draw {i}");
            }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Counts_are_those_of_a_bootstrap_resample_drawn_with_Random(int seed)
    {
        var generator = new SeededDrawCounts();
        foreach (var n in new[] { 1, 2, 54, 4097, 62_247 })
        {
            var expected = new int[n];
            var random = new Random(seed);
            for (var i = 0; i < n; i++) expected[random.Next(n)]++;
            var counts = new int[n];
            counts[0] = 5; // added to, not overwritten
            generator.Add(seed, counts);
            counts[0] -= 5;
            Assert.Equal(expected, counts);
        }
    }
}
