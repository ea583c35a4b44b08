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

    /// <summary>
    /// Each mention's sentence among the distinct texts, numbered in any order (equal numbers: equal texts), when it is known
    /// (<see cref="FromCleaned"/>); null otherwise. It spares hashing two million sentences to find the repeated ones.
    /// </summary>
    public int[]? Sentence { get; init; }

    public int Count => Text.Count;

    /// <summary>
    /// The first mention of each distinct text, in order, and each mention's slot among them: what
    /// <see cref="DistinctValues.Of"/> of the texts gives, from <see cref="Sentence"/> when it is known.
    /// </summary>
    public (List<int> First, int[] Slot) DistinctTexts()
    {
        if (Sentence is null) return DistinctValues.Of(Count, i => (Text[i], ""));
        var slotOfSentence = new int[Count == 0 ? 0 : Sentence.Max() + 1];
        Array.Fill(slotOfSentence, -1);
        var first = new List<int>();
        var slot = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            ref var j = ref slotOfSentence[Sentence[i]];
            if (j < 0) { j = first.Count; first.Add(i); }
            slot[i] = j;
        }
        return (first, slot);
    }

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
        var shared = new Dictionary<string, int>(StringComparer.Ordinal);
        var sharedText = new List<string>();
        var idsOf = new int[first.Count][];
        for (var j = 0; j < sentencesOf.Length; j++)
        {
            var sentences = sentencesOf[j];
            var ids = idsOf[j] = new int[sentences.Length];
            for (var k = 0; k < sentences.Length; k++)
            {
                if (!shared.TryGetValue(sentences[k], out var id)) { shared.Add(sentences[k], id = sharedText.Count); sharedText.Add(sentences[k]); }
                else sentences[k] = sharedText[id];
                ids[k] = id;
            }
        }
        var count = 0;
        for (var d = 0; d < cleaned.Count; d++) count += sentencesOf[slot[d]].Length;
        var document = new int[count];
        var text = new string[count];
        var sentence = new int[count];
        var i = 0;
        for (var d = 0; d < cleaned.Count; d++)
        {
            var sentences = sentencesOf[slot[d]];
            for (var k = 0; k < sentences.Length; k++, i++)
                (document[i], text[i], sentence[i]) = (d, sentences[k], idsOf[slot[d]][k]);
        }
        return new Mentions { Document = document, Text = text, DocumentCount = cleaned.Count, Sentence = sentence };
    }
}
