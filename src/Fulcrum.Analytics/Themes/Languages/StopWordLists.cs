using System.Collections.Frozen;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Themes.Languages;

/// <summary>
/// Stop words per language, accent-folded: English is <see cref="Tokens.StopWords"/>; Portuguese, Spanish, French and German
/// are the embedded lists Themes/Languages/stopwords-XX.txt, written for Fulcrum. Negations are not stop words in the non-English
/// lists (a key phrase "não recebi" stays apart from "recebi").
/// </summary>
public static class StopWordLists
{
    static readonly FrozenDictionary<string, FrozenSet<string>> Lists = Load();

    /// <summary>The accent-folded stop words of a language (empty for a language Fulcrum does not know).</summary>
    public static FrozenSet<string> For(string language) => Lists.GetValueOrDefault(language) ?? FrozenSet<string>.Empty;

    /// <summary>Whether a lower-case word (accented or not) is a stop word of the language.</summary>
    public static bool IsStopWord(string language, string word) => For(language).Contains(AccentFolding.Fold(word));

    static FrozenDictionary<string, FrozenSet<string>> Load()
    {
        var lists = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal)
        {
            [CommentLanguage.English] = Tokens.StopWords.Select(AccentFolding.Fold).ToFrozenSet(StringComparer.Ordinal),
        };
        foreach (var language in CommentLanguage.All.Where(l => l != CommentLanguage.English))
            lists[language] = ReadResource($"stopwords-{language}.txt").Select(w => AccentFolding.Fold(w.ToLowerInvariant())).ToFrozenSet(StringComparer.Ordinal);
        return lists.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The non-comment, non-blank lines of an embedded resource of this assembly.</summary>
    internal static IEnumerable<string> ReadResource(string fileName)
    {
        var assembly = typeof(StopWordLists).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("." + fileName, StringComparison.Ordinal))
                   ?? throw new InvalidOperationException($"Embedded resource '{fileName}' is missing from {assembly.GetName().Name}.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#')) lines.Add(line);
        }
        return lines;
    }
}
