using System.Text;

namespace Fulcrum.Core.Statistics;

/// <summary>
/// Reproducible randomness: SplitMix64 seed derivation so that every entity (bootstrap replicate,
/// account, simulated customer) gets its own independent-looking <see cref="Random"/> that depends
/// only on a master seed and the entity's stream number or key — never on thread scheduling or
/// the order in which entities are processed.
/// </summary>
/// <remarks>
/// <b>Method.</b> SplitMix64 (Steele, Lea, Flood 2014, "Fast splittable pseudorandom number
/// generators", OOPSLA; reference C code by S. Vigna, prng.di.unimi.it/splitmix64.c): the state
/// advances by the golden-ratio increment γ = 0x9E3779B97F4A7C15 and each output is the state
/// passed through the Stafford "Mix13" finalizer.
/// <see cref="DeriveSeed(ulong, ulong)"/> returns output number (stream + 1) of a SplitMix64
/// generator whose start state is Mix(seed): Mix(Mix(seed) + (stream + 1)·γ). Distinct streams of
/// one seed never collide (the finalizer is a bijection). Not cryptographic.
/// </remarks>
public static class DeterministicRandom
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>Advances a SplitMix64 state and returns the next 64-bit output.</summary>
    public static ulong NextSplitMix64(ref ulong state)
    {
        state = unchecked(state + Gamma);
        return Mix(state);
    }

    /// <summary>Seed for stream <paramref name="stream"/> of master seed <paramref name="seed"/> (see type remarks).</summary>
    public static ulong DeriveSeed(ulong seed, ulong stream) => unchecked(Mix(Mix(seed) + (stream + 1) * Gamma));

    /// <summary>
    /// Seed for an entity identified by a string key (e.g. an account id): the key is hashed with
    /// 64-bit FNV-1a over its UTF-8 bytes (stable across processes and platforms, unlike
    /// <see cref="string.GetHashCode()"/>) and used as the stream.
    /// </summary>
    public static ulong DeriveSeed(ulong seed, string key) => DeriveSeed(seed, StableHash(key));

    /// <summary>A <see cref="Random"/> seeded from <see cref="DeriveSeed(ulong, ulong)"/>; same inputs, same sequence.</summary>
    public static Random Create(ulong seed, ulong stream) => new(Int32Seed(seed, stream));

    /// <summary>The seed <see cref="Create(ulong, ulong)"/> gives <see cref="Random"/> (for <see cref="SeededDrawCounts"/>, which draws the same).</summary>
    public static int Int32Seed(ulong seed, ulong stream) => ToInt32Seed(DeriveSeed(seed, stream));

    /// <summary>A <see cref="Random"/> seeded from <see cref="DeriveSeed(ulong, string)"/>; same inputs, same sequence.</summary>
    public static Random Create(ulong seed, string key) => new(ToInt32Seed(DeriveSeed(seed, key)));

    /// <summary>64-bit FNV-1a hash of the UTF-8 bytes of <paramref name="key"/> (Fowler, Noll, Vo).</summary>
    public static ulong StableHash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash = unchecked((hash ^ b) * 0x100000001B3UL);
        }

        return hash;
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    // System.Random(int) keeps its seeded algorithm stable across .NET versions; use the top 31 bits.
    private static int ToInt32Seed(ulong derived) => (int)(derived >> 33);
}
