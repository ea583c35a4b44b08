using System.Collections.Frozen;

namespace Fulcrum.Analytics.Themes.Text;

/// <summary>
/// Word tokens for the lexical parts (fast embeddings, key phrases): lower-case letters, digits and inner
/// apostrophes ("don't"); key-phrase terms are unigrams and bigrams of non-stop words.
/// </summary>
public static class Tokens
{
    /// <summary>Lower-case word tokens of a (cleaned) text.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>(text.Length / 5 + 1);
        foreach (var word in new WordSpans(text))
            words.Add(text[word].ToLowerInvariant().Replace('’', '\''));
        return words;
    }

    /// <summary>
    /// Where the word tokens of a text are: letters and digits, with an apostrophe inside a word ("don't"). Enumerated without
    /// allocating, for the callers that only look words up.
    /// </summary>
    public ref struct WordSpans(ReadOnlySpan<char> text)
    {
        readonly ReadOnlySpan<char> _text = text;
        int _next;

        public Range Current { get; private set; }

        public readonly WordSpans GetEnumerator() => this;

        public bool MoveNext()
        {
            var start = -1;
            for (var i = _next; i <= _text.Length; i++)
            {
                var c = i < _text.Length ? _text[i] : ' ';
                var inWord = char.IsLetterOrDigit(c) || (c is '\'' or '’' && start >= 0 && i + 1 < _text.Length && char.IsLetter(_text[i + 1]));
                if (inWord) { if (start < 0) start = i; continue; }
                if (start < 0) continue;
                Current = start..i;
                _next = i + 1;
                return true;
            }
            _next = _text.Length + 1;
            return false;
        }
    }

    /// <summary>
    /// Unigrams and bigrams of content words: stop words and 1-letter tokens are dropped, and a bigram never spans
    /// a dropped word (so "lost my bag" gives "lost", "bag", not "lost bag").
    /// </summary>
    public static List<string> Terms(string text)
    {
        var words = Words(text);
        var terms = new List<string>(words.Count * 2);
        string? previous = null;
        foreach (var w in words)
        {
            if (!IsContentWord(w)) { previous = null; continue; }
            terms.Add(w);
            if (previous is not null) terms.Add(previous + " " + w);
            previous = w;
        }
        return terms;
    }

    /// <summary>How many unigram <see cref="Terms"/> the text has (its content words), without forming the words or bigrams.</summary>
    public static int ContentWordCount(ReadOnlySpan<char> text)
    {
        Span<char> buffer = stackalloc char[64];
        var count = 0;
        foreach (var range in new WordSpans(text))
        {
            var word = text[range];
            if (word.Length > buffer.Length)
            {
                if (IsContentWord(word.ToString().ToLowerInvariant().Replace('’', '\''))) count++;
                continue;
            }
            var lower = buffer[..word.Length];
            word.ToLowerInvariant(lower);
            lower.Replace('’', '\'');
            if (lower.Length >= 2 && !StopWordsBySpan.Contains(lower) && !IsNumber(lower)) count++;
        }
        return count;
    }

    static bool IsContentWord(string w) => w.Length >= 2 && !StopWords.Contains(w) && !IsNumber(w);

    static bool IsNumber(ReadOnlySpan<char> w)
    {
        foreach (var c in w) if (!char.IsDigit(c)) return false;
        return true;
    }

    /// <summary>English stop words (function words, pronouns, auxiliaries); negations are kept out of key phrases too.</summary>
    public static readonly FrozenSet<string> StopWords = new[]
    {
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "aren't", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "can't", "cannot",
        "could", "couldn't", "did", "didn't", "do", "does", "doesn't", "doing", "don't", "down", "during", "each", "few",
        "for", "from", "further", "get", "got", "had", "hadn't", "has", "hasn't", "have", "haven't", "having", "he", "her",
        "here", "hers", "herself", "him", "himself", "his", "how", "i", "i'm", "i've", "i'd", "i'll", "if", "in", "into",
        "is", "isn't", "it", "it's", "its", "itself", "just", "let's", "me", "more", "most", "my", "myself", "no", "nor",
        "not", "now", "of", "off", "on", "once", "only", "or", "other", "ought", "our", "ours", "ourselves", "out", "over",
        "own", "same", "she", "should", "shouldn't", "so", "some", "such", "than", "that", "that's", "the", "their",
        "theirs", "them", "themselves", "then", "there", "there's", "these", "they", "they're", "this", "those", "through",
        "to", "too", "under", "until", "up", "very", "was", "wasn't", "we", "we're", "we've", "were", "weren't", "what",
        "when", "where", "which", "while", "who", "whom", "why", "will", "with", "won't", "would", "wouldn't", "you",
        "you're", "you've", "your", "yours", "yourself", "yourselves", "also", "still", "even", "really", "much", "many",
        "one", "us", "im", "dont", "cant", "ive", "u", "ur", "amp", "via", "rt", "yet", "ever", "every", "again", "well",
        "would", "could", "since", "though", "thats", "whats", "lot", "way", "thing", "things", "go", "going", "gonna",
    }.ToFrozenSet(StringComparer.Ordinal);

    // After StopWords: static fields initialise in order.
    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordsBySpan = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();
}
