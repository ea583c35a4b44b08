using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Themes;

/// <summary>
/// The theme-bearing units of a set of comments: each comment is cleaned and split into sentences ("mentions"); a comment
/// raises every theme one of its sentences belongs to, which makes the assignment multi-label and gives each theme mention
/// its own sentiment.
/// </summary>
public sealed class Mentions
{
    public required IReadOnlyList<int> Document { get; init; }
    public required IReadOnlyList<string> Text { get; init; }
    public required int DocumentCount { get; init; }

    public int Count => Text.Count;

    public static Mentions FromComments(IReadOnlyList<string?> comments)
    {
        ArgumentNullException.ThrowIfNull(comments);
        return FromCleaned(comments.Select(c => TextCleaner.Clean(c ?? "")).ToList());
    }

    /// <summary>The mentions of comments already cleaned by <see cref="TextCleaner.Clean"/>.</summary>
    public static Mentions FromCleaned(IReadOnlyList<string> cleaned)
    {
        ArgumentNullException.ThrowIfNull(cleaned);
        // Comments repeat, and sentences far more: each distinct comment is split once, and every sentence is kept as one
        // shared string (a million comments hold about 110k distinct sentences).
        var (first, slot) = DistinctValues.Of(cleaned.Count, i => (cleaned[i], ""));
        var sentencesOf = new string[first.Count][];
        Parallel.For(0, first.Count, j => sentencesOf[j] = cleaned[first[j]].Length == 0 ? [] : SentenceSplitter.Split(cleaned[first[j]]).ToArray());
        var shared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentences in sentencesOf)
            for (var k = 0; k < sentences.Length; k++)
                if (!shared.TryGetValue(sentences[k], out var known)) shared.Add(sentences[k]);
                else sentences[k] = known;
        var document = new List<int>(cleaned.Count * 2);
        var text = new List<string>(cleaned.Count * 2);
        for (var d = 0; d < cleaned.Count; d++)
            foreach (var sentence in sentencesOf[slot[d]])
            {
                document.Add(d);
                text.Add(sentence);
            }
        return new Mentions { Document = document, Text = text, DocumentCount = cleaned.Count };
    }
}
