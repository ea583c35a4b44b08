namespace Fulcrum.Analytics.Themes.Text;

/// <summary>
/// Vectors compared by their values, bit for bit (the same array at once). Repeated sentences usually share one array, but
/// not always: MiniLM runs texts that differ only in case once and hands them one array, while the embedding cache hands
/// each text its own copy. Compared by reference, a first run (fresh vectors) and a re-run (cached ones) built different
/// sentence graphs from the same data and found different themes.
/// </summary>
public sealed class SameVector : IEqualityComparer<float[]>
{
    public static SameVector Instance { get; } = new();

    public bool Equals(float[]? x, float[]? y) =>
        ReferenceEquals(x, y) || x is not null && y is not null && x.AsSpan().SequenceEqual(y);

    public int GetHashCode(float[] vector)
    {
        var hash = new HashCode();
        hash.Add(vector.Length);
        // A few components tell sentence vectors apart; the full comparison settles the rest.
        for (var i = 0; i < Math.Min(vector.Length, 16); i++) hash.Add(BitConverter.SingleToInt32Bits(vector[i]));
        return hash.ToHashCode();
    }
}
