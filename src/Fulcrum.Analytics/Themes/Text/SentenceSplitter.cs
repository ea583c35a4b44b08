namespace Fulcrum.Analytics.Themes.Text;

/// <summary>
/// Splits a cleaned comment into the sentences that carry its themes ("mentions"): at . ! ? ; and line breaks.
/// Fragments without a content word are joined to the previous sentence, so "Thanks!" does not become a theme of its own
/// unless it is the whole comment.
/// </summary>
/// <remarks>
/// The boundaries are those of the regular expression <c>(?&lt;=[.!?;…])\s+|\n+</c> (whitespace after a sentence end, or line
/// breaks), found by one scan without a string per fragment: a million comments went through the expression's split.
/// </remarks>
public static class SentenceSplitter
{
    public static List<string> Split(string cleaned)
    {
        ArgumentNullException.ThrowIfNull(cleaned);
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < cleaned.Length;)
        {
            var end = BoundaryEnd(cleaned, i);
            if (end < 0) { i++; continue; }
            Add(sentences, cleaned.AsSpan(start, i - start));
            start = i = end;
        }
        Add(sentences, cleaned.AsSpan(start));
        if (sentences.Count > 1 && Tokens.ContentWordCount(sentences[0]) < 2)
        {
            sentences[1] = sentences[0] + " " + sentences[1];
            sentences.RemoveAt(0);
        }
        return sentences;
    }

    /// <summary>Where a boundary starting at <paramref name="i"/> ends, or −1: whitespace after . ! ? ; …, else line breaks.</summary>
    static int BoundaryEnd(string text, int i)
    {
        var end = i;
        if (i > 0 && text[i - 1] is '.' or '!' or '?' or ';' or '…')
            while (end < text.Length && char.IsWhiteSpace(text[end])) end++;
        if (end == i)
            while (end < text.Length && text[end] == '\n') end++;
        return end > i ? end : -1;
    }

    static void Add(List<string> sentences, ReadOnlySpan<char> fragment)
    {
        var s = fragment.Trim();
        if (s.Length == 0) return;
        if (sentences.Count > 0 && Tokens.ContentWordCount(s) < 2)
            sentences[^1] = string.Concat(sentences[^1], " ", s);
        else sentences.Add(s.ToString());
    }
}
