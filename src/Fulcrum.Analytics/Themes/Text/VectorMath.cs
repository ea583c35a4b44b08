using System.Numerics.Tensors;

namespace Fulcrum.Analytics.Themes.Text;

/// <summary>Small dense-vector helpers (SIMD through System.Numerics.Tensors).</summary>
public static class VectorMath
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => TensorPrimitives.Dot(a, b);

    /// <summary>Scales to unit length in place; a zero vector stays zero.</summary>
    public static void Normalize(Span<float> v)
    {
        var norm = TensorPrimitives.Norm(v);
        if (norm > 0) TensorPrimitives.Divide(v, norm, v);
    }

    /// <summary>The normalised mean of the given rows (a spherical centroid).</summary>
    public static float[] Centroid(IReadOnlyList<float[]> vectors, IEnumerable<int> rows, int dimension)
    {
        var c = new float[dimension];
        foreach (var r in rows) TensorPrimitives.Add(c, vectors[r], c);
        Normalize(c);
        return c;
    }

    public static byte[] ToBytes(float[] v)
    {
        var bytes = new byte[v.Length * sizeof(float)];
        Buffer.BlockCopy(v, 0, bytes, 0, bytes.Length);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Stored vectors are little-endian float32.");
        return bytes;
    }

    public static float[] FromBytes(byte[] bytes)
    {
        if (bytes.Length % sizeof(float) != 0) throw new InvalidDataException($"A stored vector has {bytes.Length} bytes, not a multiple of 4.");
        var v = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, v, 0, bytes.Length);
        return v;
    }
}
