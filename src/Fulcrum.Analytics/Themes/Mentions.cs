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
        var document = new List<int>(comments.Count * 2);
        var text = new List<string>(comments.Count * 2);
        // Comments repeat a lot: each distinct one is cleaned and split once, and its repeats share the sentence strings.
        var sentencesOf = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var d = 0; d < comments.Count; d++)
        {
            var comment = comments[d] ?? "";
            if (!sentencesOf.TryGetValue(comment, out var sentences))
            {
                var cleaned = TextCleaner.Clean(comment);
                sentences = cleaned.Length == 0 ? [] : SentenceSplitter.Split(cleaned).ToArray();
                sentencesOf[comment] = sentences;
            }
            foreach (var sentence in sentences)
            {
                document.Add(d);
                text.Add(sentence);
            }
        }
        return new Mentions { Document = document, Text = text, DocumentCount = comments.Count };
    }
}
