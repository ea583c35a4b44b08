using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Fulcrum.Analytics.Themes.Text;

/// <summary>
/// Prepares comment text for the models: removes what is addressing rather than content (@mentions, URLs, the #
/// of hashtags, HTML entities) and collapses whitespace. Social-media feedback starts with the company's handle
/// ("@united my bag…"), which would otherwise dominate both lexical and embedding similarity.
/// </summary>
public static partial class TextCleaner
{
    [GeneratedRegex(@"https?://\S+|www\.\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"(?<!\w)@\w+")]
    private static partial Regex Mention();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsClean(text)) return text;
        var s = Url().Replace(text, " ");
        s = Mention().Replace(s, " ");
        s = s.Replace("&amp;", "&", StringComparison.Ordinal).Replace("&lt;", "<", StringComparison.Ordinal)
             .Replace("&gt;", ">", StringComparison.Ordinal).Replace('#', ' ');
        return Whitespace().Replace(s, " ").Trim();
    }

    /// <summary>
    /// Whether <see cref="Clean"/> would return the text unchanged: no URL, @, &amp; or # and only single spaces between
    /// words. Most comments are, and a million of them went through four regular expressions and four copies each.
    /// </summary>
    static bool IsClean(string text)
    {
        if (text.Length == 0) return true;
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.AsSpan().IndexOfAny('@', '&', '#') >= 0
            || text.Contains("://", StringComparison.Ordinal) || text.Contains("www.", StringComparison.OrdinalIgnoreCase))
            return false;
        for (var i = 1; i < text.Length; i++)
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || text[i - 1] == ' ')) return false;
        return true;
    }

    /// <summary>SHA-256 (lower-case hex) of the cleaned text: the key of the embedding cache.</summary>
    public static string Hash(string cleaned) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(cleaned)));
}
