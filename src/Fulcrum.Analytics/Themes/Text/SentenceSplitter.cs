using System.Text.RegularExpressions;

namespace Fulcrum.Analytics.Themes.Text;

/// <summary>
/// Splits a cleaned comment into the sentences that carry its themes ("mentions"): at . ! ? ; and line breaks.
/// Fragments without a content word are joined to the previous sentence, so "Thanks!" does not become a theme of its own
/// unless it is the whole comment.
/// </summary>
public static partial class SentenceSplitter
{
    [GeneratedRegex(@"(?<=[.!?;…])\s+|\n+")]
    private static partial Regex Boundary();

    public static List<string> Split(string cleaned)
    {
        var sentences = new List<string>();
        foreach (var raw in Boundary().Split(cleaned))
        {
            var s = raw.Trim();
            if (s.Length == 0) continue;
            if (sentences.Count > 0 && Tokens.ContentWordCount(s) < 2)
                sentences[^1] = sentences[^1] + " " + s;
            else sentences.Add(s);
        }
        if (sentences.Count > 1 && Tokens.ContentWordCount(sentences[0]) < 2)
        {
            sentences[1] = sentences[0] + " " + sentences[1];
            sentences.RemoveAt(0);
        }
        return sentences;
    }
}
