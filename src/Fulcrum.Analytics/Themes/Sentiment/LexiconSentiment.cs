using System.Collections.Frozen;
using System.Globalization;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Themes.Sentiment;

/// <summary>
/// Rule-based sentiment in the manner of VADER (Hutto &amp; Gilbert 2014), offline, with Fulcrum's own lexicon
/// (Themes/Sentiment/sentiment-lexicon.txt, valences −4..4).
/// </summary>
/// <remarks>
/// Rules: a lexicon word's valence is raised by a preceding booster ("very", "extremely": ±0.293) or lowered by a
/// dampener ("slightly"); it is multiplied by −0.74 for each negator ("not", "n't", "never", "no", "nobody", "nothing",
/// "without", "hardly"…) waiting before it in its clause: a negator applies to the first sentiment word after it, however
/// far, up to the end of its clause (punctuation, a hashtag, or a clause-opening conjunction such as "and", "but", "how") —
/// VADER looks three words back only, which missed "never make us feel stupid". So "nobody complains" and "never had an
/// issue" read positive; two negators before one word ("not without problems") give (−0.74)² as VADER's window does.
/// Words before "but" count half and words after it 1.5 times; a word in CAPITALS in a text that is not all capitals
/// gains 0.733; each "!" (up to 4) adds 0.292 in the direction of the sum;
/// emoticons and emoji count as words. Compound = s / √(s² + 15). Labels: ≥ 0.05 positive, ≤ −0.05 negative.
/// Assumptions: English text; sarcasm and domain terms missing from the lexicon are not understood.
/// </remarks>
public static class LexiconSentiment
{
    public const string Method = "lexicon (VADER-style rules, Fulcrum lexicon)";
    const double Booster = 0.293, Negation = -0.74, CapsBoost = 0.733, ExclamationBoost = 0.292, Alpha = 15;

    static readonly FrozenDictionary<string, double> Lexicon = LoadLexicon();

    /// <summary>Negators (VADER's list without "despite", plus "nobody" and "hardly"); any word ending in "n't" negates too.</summary>
    static readonly FrozenSet<string> Negations = new[]
    {
        "not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "without", "nowhere", "hardly", "rarely", "seldom", "nope",
        "cannot", "cant", "dont", "didnt", "doesnt", "isnt", "wasnt", "arent", "werent", "wont", "wouldnt", "couldnt", "shouldnt",
        "havent", "hasnt", "hadnt", "aint", "mustnt", "mightnt", "neednt", "shant", "darent", "oughtnt",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Words that open a new clause and so end a negator's scope (Councill, McDonald &amp; Velikovich 2010: the scope of
    /// negation ends with the clause; here a clause ends at punctuation or at one of these conjunctions). "nor" both opens a
    /// clause and negates it ("neither fast nor cheap"); "or" does not end a scope ("no bugs or outages"). A wh-word or "if"
    /// opens a subordinate clause the negator does not reach ("I can't believe how bad it is" stays negative).
    /// </summary>
    static readonly FrozenSet<string> ClauseOpeners = new[]
    {
        "and", "but", "however", "although", "though", "yet", "because", "while", "whereas", "nor",
        "how", "why", "what", "when", "where", "whether", "if", "unless",
    }.ToFrozenSet(StringComparer.Ordinal);

    static readonly FrozenDictionary<string, double> Boosters = new Dictionary<string, double>
    {
        ["very"] = Booster, ["extremely"] = Booster, ["really"] = Booster, ["so"] = Booster, ["super"] = Booster, ["totally"] = Booster,
        ["absolutely"] = Booster, ["completely"] = Booster, ["incredibly"] = Booster, ["highly"] = Booster, ["truly"] = Booster,
        ["most"] = Booster, ["such"] = Booster, ["utterly"] = Booster, ["too"] = Booster,
        ["slightly"] = -Booster, ["somewhat"] = -Booster, ["kinda"] = -Booster, ["barely"] = -Booster, ["marginally"] = -Booster,
        ["little"] = -Booster, ["bit"] = -Booster,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    static readonly (string Token, double Valence)[] Emoticons =
    [
        (":)", 2.0), (":-)", 2.0), (":D", 2.3), ("(:", 2.0), (";)", 1.5), ("<3", 2.7), ("❤", 2.7), ("😊", 2.2), ("😀", 2.2), ("😃", 2.2),
        ("😁", 2.2), ("😍", 2.9), ("👍", 1.8), ("🙏", 1.2), ("👏", 2.0), ("✈️", 0.0),
        (":(", -2.2), (":-(", -2.2), (":/", -1.2), (":'(", -2.4), ("😡", -2.8), ("😠", -2.5), ("😤", -2.0), ("😢", -2.2), ("😭", -2.4),
        ("😞", -2.0), ("😒", -1.6), ("👎", -2.0), ("😩", -2.0), ("😫", -2.0), ("🙄", -1.4),
    ];

    // The lookups by span, after the tables they read (static fields initialise in order).
    static readonly FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> LexiconBySpan = Lexicon.GetAlternateLookup<ReadOnlySpan<char>>();
    static readonly FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> BoostersBySpan = Boosters.GetAlternateLookup<ReadOnlySpan<char>>();
    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NegationsBySpan = Negations.GetAlternateLookup<ReadOnlySpan<char>>();
    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ClauseOpenersBySpan = ClauseOpeners.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// What the rules need of a word (<see cref="Tokens.Words"/>): its valence, booster weight, whether it negates, whether it
    /// is written in capitals, and whether it starts a clause (punctuation before it, or a clause-opening conjunction).
    /// </summary>
    readonly record struct Word(double? Valence, double? Boost, bool Negates, bool Capitals, bool OpensClause);

    [ThreadStatic] static List<Word>? t_words;

    public static SentimentScore Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // The words are looked up as spans, into a list each thread reuses: a million comments made two lists of word strings each.
        var words = t_words ??= [];
        words.Clear();
        Span<char> buffer = stackalloc char[64];
        var allCaps = true;
        var butIndex = -1;
        var previousEnd = 0;
        foreach (var range in new Tokens.WordSpans(text))
        {
            var opensClause = text.AsSpan(previousEnd, range.Start.Value - previousEnd).IndexOfAny(ClauseBreaks) >= 0;
            previousEnd = range.End.Value;
            var raw = text.AsSpan(range);
            scoped ReadOnlySpan<char> word;
            if (raw.Length <= buffer.Length)
            {
                var lower = buffer[..raw.Length];
                raw.ToLowerInvariant(lower);
                lower.Replace('’', '\'');
                word = lower;
            }
            else word = text[range].ToLowerInvariant().Replace('’', '\'');
            var hasLetter = HasLetter(raw);
            var upperCase = IsUpperCase(raw);
            if (hasLetter && !upperCase) allCaps = false;
            if (butIndex < 0 && word.SequenceEqual("but")) butIndex = words.Count;
            words.Add(new Word(LexiconBySpan.TryGetValue(word, out var valence) ? valence : null,
                BoostersBySpan.TryGetValue(word, out var boost) ? boost : null, Negates(word), raw.Length > 1 && upperCase && hasLetter,
                opensClause || ClauseOpenersBySpan.Contains(word)));
        }
        var valences = new double[words.Count];
        var negation = 1.0; // the product of the negators waiting for a sentiment word in the current clause
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].OpensClause) negation = 1;
            if (words[i].Negates) { negation *= Negation; continue; }
            if (words[i].Valence is not { } v) continue;
            if (i > 0 && words[i - 1].Boost is { } boost) v += Math.Sign(v) * boost;
            if (!allCaps && words[i].Capitals) v += Math.Sign(v) * CapsBoost;
            v *= negation;
            negation = 1;
            if (butIndex >= 0) v *= i < butIndex ? 0.5 : i > butIndex ? 1.5 : 1;
            valences[i] = v;
        }
        var sum = valences.Sum();
        foreach (var (token, valence) in Emoticons)
            for (var at = text.IndexOf(token, StringComparison.Ordinal); at >= 0; at = text.IndexOf(token, at + token.Length, StringComparison.Ordinal))
                sum += valence;
        if (sum != 0)
        {
            var exclamations = Math.Min(4, text.Count(c => c == '!'));
            sum += Math.Sign(sum) * exclamations * ExclamationBoost;
        }
        return new SentimentScore(sum / Math.Sqrt(sum * sum + Alpha));
    }

    /// <summary>Punctuation that ends a clause, and with it a negator's scope.</summary>
    static readonly System.Buffers.SearchValues<char> ClauseBreaks = System.Buffers.SearchValues.Create(",.;:!?()[]—–\"#");

    static bool Negates(ReadOnlySpan<char> word) => NegationsBySpan.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal);

    static bool HasLetter(ReadOnlySpan<char> word)
    {
        foreach (var c in word) if (char.IsLetter(c)) return true;
        return false;
    }

    /// <summary>Whether upper-casing leaves the word as it is (checked per character for ASCII, without a copy).</summary>
    static bool IsUpperCase(ReadOnlySpan<char> word)
    {
        if (!System.Text.Ascii.IsValid(word)) return word.ToString() is var w && w == w.ToUpperInvariant();
        foreach (var c in word) if (c is >= 'a' and <= 'z') return false;
        return true;
    }

    static FrozenDictionary<string, double> LoadLexicon()
    {
        var assembly = typeof(LexiconSentiment).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("sentiment-lexicon.txt", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        var lexicon = new Dictionary<string, double>(StringComparer.Ordinal);
        var lineNumber = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            line = line.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var valence))
                throw new InvalidDataException($"sentiment-lexicon.txt line {lineNumber}: expected 'word valence', got '{line}'.");
            lexicon[parts[0]] = valence;
        }
        return lexicon.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
