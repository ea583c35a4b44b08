using FsCheck;
using FsCheck.Xunit;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Core.Tests.Statistics;

/// <summary>Reference values: SplitMix64 and FNV-1a re-implemented in Reference/stats_reference.py.</summary>
public class DeterministicRandomTests
{
    [Fact]
    public void SplitMix64_matches_the_reference_sequence()
    {
        ulong state = 1234567;
        ulong[] expected = [6457827717110365317, 3203168211198807973, 9817491932198370423,
                            4593380528125082431, 16408922859458223821];
        foreach (var e in expected)
        {
            Assert.Equal(e, DeterministicRandom.NextSplitMix64(ref state));
        }
    }

    [Fact]
    public void Derived_seeds_of_seed_zero_are_the_SplitMix64_outputs_from_state_zero()
    {
        // Mix(0) = 0, so DeriveSeed(0, k) is output k + 1 of SplitMix64 started at 0.
        Assert.Equal(16294208416658607535UL, DeterministicRandom.DeriveSeed(0, 0));
        Assert.Equal(7960286522194355700UL, DeterministicRandom.DeriveSeed(0, 1));
        Assert.Equal(487617019471545679UL, DeterministicRandom.DeriveSeed(0, 2));
    }

    [Fact]
    public void Stable_hash_is_64_bit_FNV_1a_over_utf8()
    {
        Assert.Equal(14695981039346656037UL, DeterministicRandom.StableHash(""));
        Assert.Equal(12638187200555641996UL, DeterministicRandom.StableHash("a"));
        Assert.Equal(9625390261332436968UL, DeterministicRandom.StableHash("foobar"));
    }

    [Fact]
    public void Same_seed_and_stream_give_the_same_sequence_and_other_streams_differ()
    {
        int[] Draw(Random r) => Enumerable.Range(0, 20).Select(_ => r.Next(1000)).ToArray();
        Assert.Equal(Draw(DeterministicRandom.Create(42, 7)), Draw(DeterministicRandom.Create(42, 7)));
        Assert.NotEqual(Draw(DeterministicRandom.Create(42, 7)), Draw(DeterministicRandom.Create(42, 8)));
        Assert.NotEqual(Draw(DeterministicRandom.Create(42, 7)), Draw(DeterministicRandom.Create(43, 7)));
        Assert.Equal(Draw(DeterministicRandom.Create(42, "ACC-001")), Draw(DeterministicRandom.Create(42, "ACC-001")));
        Assert.NotEqual(Draw(DeterministicRandom.Create(42, "ACC-001")), Draw(DeterministicRandom.Create(42, "ACC-002")));
    }

    [Property(MaxTest = 300)]
    public bool Distinct_streams_of_one_seed_get_distinct_seeds(ulong seed, ulong stream1, ulong stream2) =>
        stream1 == stream2
        || DeterministicRandom.DeriveSeed(seed, stream1) != DeterministicRandom.DeriveSeed(seed, stream2);
}
