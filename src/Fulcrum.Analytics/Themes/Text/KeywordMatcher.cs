namespace Fulcrum.Analytics.Themes.Text;

/// <summary>
/// Matches the keywords of a user-defined theme: a mention matches when it contains every word of one keyword phrase
/// (case-insensitive, whole words; a trailing * matches any ending, e.g. "integrat*").
/// </summary>
public sealed class KeywordMatcher(IReadOnlyList<string> keywords)
{
    readonly string[][] _phrases = keywords.Select(k => k.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length > 0).ToArray();

    public bool Matches(string text)
    {
        var words = Tokens.Words(text);
        foreach (var phrase in _phrases)
            if (phrase.All(p => p.EndsWith('*') ? words.Any(w => w.StartsWith(p[..^1], StringComparison.Ordinal)) : words.Contains(p))) return true;
        return false;
    }
}
