namespace Fulcrum.Analytics.Themes;

/// <summary>
/// Computes a value once per distinct key and maps it back to every item: comments and their sentences repeat a lot (at
/// 100,000 accounts 1.9M sentences hold 112k distinct texts), and a sentence's score depends only on its text and language.
/// </summary>
static class DistinctValues
{
    /// <summary>The first item of each distinct key, and each item's slot among them.</summary>
    public static (List<int> First, int[] Slot) Of<TKey>(int count, Func<int, TKey> key) where TKey : notnull
    {
        var index = new Dictionary<TKey, int>();
        var first = new List<int>();
        var slot = new int[count];
        for (var i = 0; i < count; i++)
        {
            var k = key(i);
            if (!index.TryGetValue(k, out var j)) { j = first.Count; index[k] = j; first.Add(i); }
            slot[i] = j;
        }
        return (first, slot);
    }

    /// <summary>value(i) for every item, computed in parallel for the first item of each distinct key only.</summary>
    public static T[] Map<TKey, T>(int count, Func<int, TKey> key, Func<int, T> value) where TKey : notnull
    {
        var (first, slot) = Of(count, key);
        var values = new T[first.Count];
        Parallel.For(0, first.Count, j => values[j] = value(first[j]));
        var result = new T[count];
        for (var i = 0; i < count; i++) result[i] = values[slot[i]];
        return result;
    }
}
