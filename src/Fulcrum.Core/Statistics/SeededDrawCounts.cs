using System.Numerics;

namespace Fulcrum.Core.Statistics;

/// <summary>
/// How many times each of n items is drawn by n calls of <c>new Random(seed).Next(n)</c> — the resample of a bootstrap —
/// with the very same draws, but generated a block at a time in vector lanes instead of one call at a time.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Random"/> created with a seed runs Knuth's subtractive generator (Numerical Recipes' ran3), kept unchanged
/// across .NET versions for seeded instances: 55 values of state, and output n is y_n = y_{n−55} − y_{n−34} (mod 2³¹ − 1, with
/// <c>int.MaxValue</c> mapped to <c>int.MaxValue − 1</c>); <c>Next(n)</c> is <c>(int)(y · (1 / int.MaxValue) · n)</c>.
/// Each output depends only on outputs at least 34 places back, so up to 34 of them are computed at once (a vector holds at
/// most 16 ints). The seeding is the same code as the runtime's. The tests check every draw against <see cref="Random"/>.
/// </para>
/// <para>One instance holds a small buffer; use one per thread.</para>
/// </remarks>
public sealed class SeededDrawCounts
{
    const int Lag = 55;
    const int ShortLag = 34;
    const int Block = 4096;
    const int Seed = 161803398;
    const double Scale = 1.0 / int.MaxValue;

    /// <summary>The last <see cref="Lag"/> outputs, then a block of new ones.</summary>
    readonly int[] _values = new int[Lag + Block];

    /// <summary>Adds to <paramref name="counts"/> (length n) how often each index is drawn by n draws of <c>new Random(seed).Next(n)</c>.</summary>
    public void Add(int seed, Span<int> counts)
    {
        var n = counts.Length;
        Start(seed);
        for (var done = 0; done < n; done += Block)
        {
            var size = Math.Min(Block, n - done);
            Generate(size);
            foreach (var y in _values.AsSpan(Lag, size)) counts[(int)(y * Scale * n)]++;
            _values.AsSpan(size, Lag).CopyTo(_values);
        }
    }

    /// <summary>Writes <paramref name="draws"/>.Length draws of <c>new Random(seed).Next(maxValue)</c>, in order.</summary>
    public void Draw(int seed, int maxValue, Span<int> draws)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        Start(seed);
        for (var done = 0; done < draws.Length; done += Block)
        {
            var size = Math.Min(Block, draws.Length - done);
            Generate(size);
            var block = _values.AsSpan(Lag, size);
            for (var i = 0; i < size; i++) draws[done + i] = (int)(block[i] * Scale * maxValue);
            _values.AsSpan(size, Lag).CopyTo(_values);
        }
    }

    /// <summary>The state of <c>new Random(seed)</c> (its seeding, as in the runtime), as the 55 outputs before the first.</summary>
    void Start(int seed)
    {
        Span<int> state = stackalloc int[Lag + 1];
        var subtraction = seed == int.MinValue ? int.MaxValue : Math.Abs(seed);
        var mj = Seed - subtraction;
        state[Lag] = mj;
        var mk = 1;
        var ii = 0;
        for (var i = 1; i < Lag; i++)
        {
            if ((ii += 21) >= Lag) ii -= Lag;
            state[ii] = mk;
            mk = mj - mk;
            if (mk < 0) mk += int.MaxValue;
            mj = state[ii];
        }
        for (var k = 1; k < 5; k++)
        {
            for (var i = 1; i <= Lag; i++)
            {
                var n = i + 30;
                if (n >= Lag) n -= Lag;
                state[i] -= state[1 + n];
                if (state[i] < 0) state[i] += int.MaxValue;
            }
        }
        // Output m (m = 1, 2, …) replaces state slot ((m − 1) mod 55) + 1, so slot j holds output j − 55.
        state[1..].CopyTo(_values);
    }

    /// <summary>The next <paramref name="size"/> outputs into <c>_values[Lag ..]</c>, after the 55 before them.</summary>
    void Generate(int size)
    {
        var values = _values.AsSpan(0, Lag + size);
        var i = Lag;
        var width = Vector<int>.Count;
        if (Vector.IsHardwareAccelerated && width <= ShortLag)
        {
            var max = new Vector<int>(int.MaxValue);
            var one = Vector<int>.One;
            for (; i + width <= values.Length; i += width)
            {
                var y = new Vector<int>(values[(i - Lag)..]) - new Vector<int>(values[(i - ShortLag)..]);
                y -= Vector.BitwiseAnd(Vector.Equals(y, max), one);
                y += Vector.BitwiseAnd(Vector.LessThan(y, Vector<int>.Zero), max);
                y.CopyTo(values[i..]);
            }
        }
        for (; i < values.Length; i++)
        {
            var y = values[i - Lag] - values[i - ShortLag];
            if (y == int.MaxValue) y--;
            if (y < 0) y += int.MaxValue;
            values[i] = y;
        }
    }
}
