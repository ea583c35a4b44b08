using System.Collections.Frozen;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Themes.Languages;

/// <summary>
/// Offline language identification of a comment among English, Portuguese, Spanish, French and German, from function words
/// and spelling: each word found in a language's stop-word list scores 1 for it, a word typical of one language only ("não",
/// "muy", "the", "nicht", "très") scores 2 more, and letters or endings only one of them uses (ã/õ and -ção for Portuguese,
/// ñ, ¿ and -ción for Spanish, ß/ä/ö and -ung/-keit for German, è/œ and l'/d'/j' elisions for French) add to it. The best
/// language wins when it scores at least <see cref="MinimumScore"/> and beats the runner-up by <see cref="MinimumMargin"/>;
/// otherwise the comment is undetermined (null) and <see cref="DetectAll"/> lets the collection's languages decide.
/// </summary>
/// <remarks>
/// No mirrored NuGet package identifies languages offline without downloading a model, so this is a small rule-based
/// detector; it needs a few words of text. Its accuracy is measured in the tests on a Portuguese/Spanish fixture and on
/// English comments. A comment in any other language is assigned the closest of these five.
/// </remarks>
public static class LanguageDetector
{
    public const double MinimumScore = 2, MinimumMargin = 1;

    /// <summary>Words typical of one of the five languages (accent-folded), each worth 2 more than a plain stop word.</summary>
    static readonly FrozenDictionary<string, string> Typical = new Dictionary<string, string[]>
    {
        [CommentLanguage.English] = ["the", "and", "is", "was", "you", "my", "with", "this", "not", "have", "they", "of", "it", "i", "to", "for", "would", "what", "very", "but", "are"],
        [CommentLanguage.Portuguese] = ["nao", "voce", "muito", "muita", "uma", "com", "foi", "meu", "minha", "mais", "sao", "tambem", "ainda", "pelo", "pela", "ao", "isso", "estou", "tem", "mas", "ate", "pra", "nunca", "nem", "entrega", "recebi", "chegou", "otimo", "ruim", "bom", "obrigado", "obrigada", "produto", "sem", "ja", "vou", "loja", "compra", "comprei", "prazo", "tudo", "ninguem"],
        [CommentLanguage.Spanish] = ["el", "los", "del", "muy", "pero", "fue", "mi", "con", "una", "es", "y", "mas", "tambien", "lo", "al", "hay", "ya", "llego", "pedido", "nunca", "bueno", "malo", "gracias", "sin", "tienda", "compre", "todavia", "recibi", "producto", "ni", "ningun", "ninguna", "atencion", "envio", "esta", "estoy", "no", "la", "las", "buen"],
        [CommentLanguage.French] = ["le", "les", "et", "est", "je", "pas", "une", "des", "du", "tres", "avec", "pour", "il", "qui", "vous", "ce", "ne", "jamais", "rien", "sans", "mais", "commande", "service", "merci", "livraison"],
        [CommentLanguage.German] = ["der", "die", "das", "und", "ist", "nicht", "ich", "sehr", "mit", "ein", "eine", "zu", "auf", "fur", "war", "wir", "sie", "kein", "keine", "nie", "aber", "auch", "noch", "bestellung", "lieferung", "gut", "schlecht"],
    }.SelectMany(p => p.Value.Select(w => (Word: w, Language: p.Key)))
        .GroupBy(p => p.Word).Where(g => g.Count() == 1) // a word typical of two languages tells them apart no better than a stop word
        .ToFrozenDictionary(g => g.Key, g => g.Single().Language, StringComparer.Ordinal);

    static readonly (string Letters, string Language, double Weight)[] Letters =
    [
        ("ãõ", CommentLanguage.Portuguese, 3), ("ñ¿¡", CommentLanguage.Spanish, 3), ("ßäö", CommentLanguage.German, 2), ("ü", CommentLanguage.German, 1),
        ("èùœëïîû", CommentLanguage.French, 2), ("ç", CommentLanguage.Portuguese, 1), ("ç", CommentLanguage.French, 1),
        ("êâô", CommentLanguage.Portuguese, 0.5), ("êâô", CommentLanguage.French, 0.5),
    ];

    static readonly (string Ending, string Language, double Weight)[] Endings =
    [
        ("cao", CommentLanguage.Portuguese, 2), ("coes", CommentLanguage.Portuguese, 2), ("inho", CommentLanguage.Portuguese, 1), ("inha", CommentLanguage.Portuguese, 1),
        ("cion", CommentLanguage.Spanish, 2), ("ciones", CommentLanguage.Spanish, 2),
        ("ung", CommentLanguage.German, 1), ("keit", CommentLanguage.German, 1), ("heit", CommentLanguage.German, 1), ("lich", CommentLanguage.German, 1),
        ("ing", CommentLanguage.English, 0.5), ("ed", CommentLanguage.English, 0.25),
    ];

    /// <summary>The language of one text, or null when it holds too few words to tell.</summary>
    public static string? Detect(string text) => Decide(Scores(text));

    /// <summary>The best language when it scores at least <see cref="MinimumScore"/> and beats the runner-up by <see cref="MinimumMargin"/>, else null.</summary>
    static string? Decide(ReadOnlySpan<double> scores)
    {
        var best = 0;
        for (var l = 1; l < scores.Length; l++)
            if (scores[l] > scores[best]) best = l;
        var runnerUp = double.NegativeInfinity;
        for (var l = 0; l < scores.Length; l++)
            if (l != best && scores[l] > runnerUp) runnerUp = scores[l];
        return scores[best] >= MinimumScore && scores[best] - runnerUp >= MinimumMargin ? CommentLanguage.All[best] : null;
    }

    /// <summary>
    /// Each language's score for the text (see the class summary), in <see cref="CommentLanguage.All"/> order. Every score is
    /// a sum over the text's letters and words of multiples of 1/4, so it is exact and a text's scores are the sums of its
    /// sentences'.
    /// </summary>
    static double[] Scores(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scores = new double[CommentLanguage.All.Count];
        var lower = text.ToLowerInvariant();
        foreach (var (letters, language, weight) in Letters)
            foreach (var c in lower)
                if (letters.Contains(c)) scores[IndexOf(language)] += weight;
        foreach (var raw in Tokens.Words(lower))
        {
            var word = AccentFolding.Fold(raw);
            if (word.Length > 2 && word[1] == '\'' && word[0] is 'l' or 'd' or 'j' or 'n' or 'c' or 's' or 'm' or 't') scores[French] += 2;
            else if (word.StartsWith("qu'", StringComparison.Ordinal)) scores[French] += 2;
            for (var l = 0; l < scores.Length; l++)
                if (StopWordLists.For(CommentLanguage.All[l]).Contains(word)) scores[l] += 1;
            if (Typical.TryGetValue(word, out var typical)) scores[IndexOf(typical)] += 2;
            if (word.Length > 4)
                foreach (var (ending, language, weight) in Endings)
                    if (word.EndsWith(ending, StringComparison.Ordinal)) scores[IndexOf(language)] += weight;
            SpellingHints(word, scores);
        }
        return scores;
    }

    const int Portuguese = 1, Spanish = 2, French = 3;

    static int IndexOf(string language) => language switch
    {
        CommentLanguage.English => 0,
        CommentLanguage.Portuguese => Portuguese,
        CommentLanguage.Spanish => Spanish,
        CommentLanguage.French => French,
        _ => 4,
    };

    /// <summary>
    /// Letter pairs that tell Portuguese from Spanish when function words do not: "lh" and "nh" (olho, minha: Spanish writes ll
    /// and ñ), the past tense in -ou (chegou, ficou); Spanish ll- at the start of a word (llegó, llevo) and the diphthongs ie/ue
    /// inside a word (tiene, bueno, vuelvo; after q or g they are Portuguese too).
    /// </summary>
    static void SpellingHints(string word, double[] scores)
    {
        if (word.Contains("lh", StringComparison.Ordinal)) scores[Portuguese] += 1;
        var nh = word.IndexOf("nh", StringComparison.Ordinal);
        if (nh > 0 && word[nh - 1] != 'u') scores[Portuguese] += 0.5;
        if (word.Length > 4 && word.EndsWith("ou", StringComparison.Ordinal)) scores[Portuguese] += 1;
        if (word.StartsWith("ll", StringComparison.Ordinal)) scores[Spanish] += 1.5;
        for (var i = 1; i + 2 < word.Length; i++)
            if (word[i + 1] == 'e' && word[i] is 'i' or 'u' && word[i - 1] is not ('q' or 'g')) { scores[Spanish] += 0.5; break; }
    }

    /// <summary>Weight of a language's share of the collection when a text's own words cannot decide (see <see cref="DetectAll"/>).</summary>
    public const double CollectionWeight = 1.5;

    /// <summary>
    /// The language of each text. A text too short to tell on its own gets the language maximising its score plus
    /// <see cref="CollectionWeight"/> × that language's share of the texts that could be told: a collection of comments is
    /// usually mostly in one language, so "Ok, thanks" in an English collection stays English, while in a Portuguese and Spanish
    /// one a short Spanish comment with one Spanish word still goes to Spanish. With nothing told at all, English.
    /// </summary>
    public static string[] DetectAll(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        // Comments repeat a lot and a text's scores depend only on the text, so each is read once.
        var scores = DistinctValues.Map(texts.Count, i => (texts[i], ""), i => Scores(texts[i]));
        return Resolve(scores.Length, d => scores[d]);
    }

    /// <summary>
    /// <see cref="DetectAll(IReadOnlyList{string})"/> of the cleaned comments the mentions were split from: a comment's scores
    /// are the sums of its sentences' (exactly, see <see cref="Scores"/>), and a million comments hold far fewer distinct
    /// sentences than distinct comments.
    /// </summary>
    public static string[] DetectAll(Mentions mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        var (first, slot) = mentions.DistinctTexts();
        var sentenceScores = new double[first.Count][];
        Parallel.For(0, first.Count, j => sentenceScores[j] = Scores(mentions.Text[first[j]]));
        var languages = CommentLanguage.All.Count;
        var scores = new double[mentions.DocumentCount * languages];
        for (var i = 0; i < mentions.Count; i++)
        {
            var comment = scores.AsSpan(mentions.Document[i] * languages, languages);
            var sentence = sentenceScores[slot[i]];
            for (var l = 0; l < languages; l++) comment[l] += sentence[l];
        }
        return Resolve(mentions.DocumentCount, d => scores.AsSpan(d * languages, languages));
    }

    delegate ReadOnlySpan<double> ScoresOf(int text);

    /// <summary>Each text's language from its scores: its own when they decide, else by the collection's shares (see <see cref="DetectAll(IReadOnlyList{string})"/>).</summary>
    static string[] Resolve(int count, ScoresOf scoresOf)
    {
        var detected = new string?[count];
        var told = new int[CommentLanguage.All.Count];
        for (var d = 0; d < count; d++)
            if ((detected[d] = Decide(scoresOf(d))) is { } language) told[IndexOf(language)]++;
        var total = told.Sum();
        var result = new string[count];
        if (total == 0)
        {
            Array.Fill(result, CommentLanguage.English);
            return result;
        }
        var share = told.Select(n => n / (double)total).ToArray();
        for (var d = 0; d < count; d++)
        {
            if (detected[d] is { } language) { result[d] = language; continue; }
            var scores = scoresOf(d);
            var best = 0;
            for (var l = 1; l < scores.Length; l++)
                if (scores[l] + CollectionWeight * share[l] > scores[best] + CollectionWeight * share[best]) best = l;
            result[d] = CommentLanguage.All[best];
        }
        return result;
    }
}
