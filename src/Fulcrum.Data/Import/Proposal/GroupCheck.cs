namespace Fulcrum.Data.Import.Proposal;

/// <summary>How a column behaves within the groups of rows sharing a key (the rows a <c>group_by</c> would fold), in a sample.</summary>
public static class GroupCheck
{
    /// <summary>Whether two sampled rows with the same key differ in <paramref name="column"/> (empty counts as a value, as when folding).</summary>
    public static bool VariesWithin(FileSample sample, ColumnProfile key, ColumnProfile column)
    {
        var keys = sample.Values(key);
        var values = sample.Values(column);
        var first = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] is not { } k) continue;
            if (!first.TryAdd(k, values[i]) && first[k] != values[i]) return true;
        }
        return false;
    }

    /// <summary>How many keys have more than one sampled row.</summary>
    public static int RepeatedKeys(FileSample sample, ColumnProfile key) =>
        sample.Values(key).OfType<string>().GroupBy(k => k, StringComparer.Ordinal).Count(g => g.Count() > 1);
}
