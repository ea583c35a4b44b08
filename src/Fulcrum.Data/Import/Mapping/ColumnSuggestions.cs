namespace Fulcrum.Data.Import.Mapping;

/// <summary>
/// The existing column names closest to one a mapping asked for (a "did you mean"): compared ignoring case, spaces and
/// punctuation, by edit distance, or when one name holds the other ("Satisfaction" → "Satisfaction Score").
/// </summary>
public static class ColumnSuggestions
{
    public static IReadOnlyList<string> Closest(string wanted, IEnumerable<string> available, int max = 3)
    {
        var key = Normalize(wanted);
        return available.Distinct(StringComparer.Ordinal)
            .Select(name => (Name: name, Key: Normalize(name)))
            .Select(c => (c.Name, Distance: Levenshtein(key, c.Key), Holds: Holds(key, c.Key)))
            // A typo changes a few letters; a third of the name is the most that still reads as the same name.
            .Where(c => c.Distance <= Math.Max(2, key.Length / 3) || c.Holds)
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(max).Select(c => c.Name).ToList();
    }

    static bool Holds(string a, string b) =>
        Math.Min(a.Length, b.Length) >= 4 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal));

    static string Normalize(string name) => new(name.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    static int Levenshtein(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
