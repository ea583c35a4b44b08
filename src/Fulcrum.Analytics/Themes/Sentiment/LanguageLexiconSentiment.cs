using System.Collections.Frozen;
using System.Globalization;
using Fulcrum.Analytics.Themes.Languages;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Themes.Sentiment;

/// <summary>
/// Rule-based sentiment for a language other than English, with the rules of <see cref="LexiconSentiment"/> (VADER, Hutto &amp;
/// Gilbert 2014) and a lexicon file per language (Themes/Sentiment/sentiment-lexicon-XX.txt, written for Fulcrum): lexicon
/// entries may be phrases ("nunca mais", "vale la pena"), matched longest first; a booster before a word adds ±0.293; a
/// negation among the three preceding words multiplies the valence by −0.74; words before a contrast word ("mas", "pero")
/// count half and after it 1.5 times; each "!" (up to 4) adds 0.292 in the direction of the sum. Compound = s / √(s² + 15).
/// Words and entries are compared accent-folded, so "não"/"nao" and "atención"/"atencion" score alike.
/// </summary>
/// <remarks>Assumptions: the text is in the lexicon's language; sarcasm and words missing from the lexicon are not understood.</remarks>
public sealed class LanguageLexiconSentiment
{
    const double Negation = -0.74, ExclamationBoost = 0.292, Alpha = 15;
    const int LongestPhrase = 4;

    readonly FrozenDictionary<string, double> _lexicon;
    readonly FrozenSet<string> _negations;
    readonly FrozenDictionary<string, double> _boosters;
    readonly IReadOnlyList<string[]> _contrast;

    public string Language { get; }

    /// <summary>How response_sentiment.method names this model.</summary>
    public string Method => $"lexicon ({CommentLanguage.Name(Language)}, VADER-style rules, Fulcrum lexicon)";

    public static readonly LanguageLexiconSentiment Portuguese = Load(CommentLanguage.Portuguese);
    public static readonly LanguageLexiconSentiment Spanish = Load(CommentLanguage.Spanish);

    LanguageLexiconSentiment(string language, Dictionary<string, double> lexicon, HashSet<string> negations, Dictionary<string, double> boosters, List<string[]> contrast)
    {
        Language = language;
        _lexicon = lexicon.ToFrozenDictionary(StringComparer.Ordinal);
        _negations = negations.ToFrozenSet(StringComparer.Ordinal);
        _boosters = boosters.ToFrozenDictionary(StringComparer.Ordinal);
        _contrast = contrast;
    }

    public SentimentScore Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Tokens.Words(text).Select(AccentFolding.Fold).ToList();
        var (contrastStart, contrastEnd) = FindContrast(words);
        double sum = 0;
        var i = 0;
        while (i < words.Count)
        {
            var (length, valence) = LongestEntry(words, i);
            if (length == 0) { i++; continue; }
            var v = valence;
            if (i > 0 && _boosters.TryGetValue(words[i - 1], out var boost)) v += Math.Sign(v) * boost;
            // A phrase that starts with a negation ("não recomendo") already carries it; otherwise look three words back.
            if (!_negations.Contains(words[i]))
                for (var back = 1; back <= 3 && i - back >= 0; back++)
                {
                    var k = i - back;
                    if (k >= contrastStart && k < contrastEnd) break; // "sin embargo" is a contrast, not a negation
                    if (_negations.Contains(words[k])) { v *= Negation; break; }
                }
            if (contrastStart >= 0) v *= i < contrastStart ? 0.5 : i >= contrastEnd ? 1.5 : 1;
            sum += v;
            i += length;
        }
        if (sum != 0) sum += Math.Sign(sum) * Math.Min(4, text.Count(c => c == '!')) * ExclamationBoost;
        return new SentimentScore(sum / Math.Sqrt(sum * sum + Alpha));
    }

    (int Length, double Valence) LongestEntry(List<string> words, int start)
    {
        for (var length = Math.Min(LongestPhrase, words.Count - start); length >= 1; length--)
            if (_lexicon.TryGetValue(string.Join(' ', words.Skip(start).Take(length)), out var valence)) return (length, valence);
        return (0, 0);
    }

    (int Start, int End) FindContrast(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
            foreach (var phrase in _contrast)
                if (i + phrase.Length <= words.Count && phrase.Select((w, j) => words[i + j] == w).All(b => b)) return (i, i + phrase.Length);
        return (-1, -1);
    }

    static LanguageLexiconSentiment Load(string language)
    {
        var fileName = $"sentiment-lexicon-{language}.txt";
        var lexicon = new Dictionary<string, double>(StringComparer.Ordinal);
        var negations = new HashSet<string>(StringComparer.Ordinal);
        var boosters = new Dictionary<string, double>(StringComparer.Ordinal);
        var contrast = new List<string[]>();
        string? section = null;
        foreach (var line in StopWordLists.ReadResource(fileName))
        {
            if (line.StartsWith('[') && line.EndsWith(']')) { section = line[1..^1]; continue; }
            var folded = AccentFolding.Fold(line.ToLowerInvariant());
            switch (section)
            {
                case "negations": negations.Add(folded); break;
                case "contrast": contrast.Add(folded.Split(' ', StringSplitOptions.RemoveEmptyEntries)); break;
                case "boosters": { var (w, v) = Entry(folded, fileName, line); boosters[w] = v; break; }
                case "words": { var (w, v) = Entry(folded, fileName, line); lexicon[w] = v; break; }
                default: throw new InvalidDataException($"{fileName}: '{line}' is outside a [negations], [boosters], [contrast] or [words] section.");
            }
        }
        return new LanguageLexiconSentiment(language, lexicon, negations, boosters, contrast);
    }

    static (string Words, double Valence) Entry(string folded, string fileName, string line)
    {
        var space = folded.LastIndexOf(' ');
        if (space <= 0 || !double.TryParse(folded[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var valence))
            throw new InvalidDataException($"{fileName}: expected 'word(s) valence', got '{line}'.");
        return (string.Join(' ', folded[..space].Split(' ', StringSplitOptions.RemoveEmptyEntries)), valence);
    }
}
