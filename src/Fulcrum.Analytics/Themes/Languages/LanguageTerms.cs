using System.Collections.Frozen;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Themes.Languages;

/// <summary>A key-phrase term: its accent-folded key (what is counted) and the words as the customer wrote them (what is shown).</summary>
public readonly record struct Term(string Key, string Surface);

/// <summary>
/// The language-aware text a theme run works on. English text is used as it always was (<see cref="Tokens.Terms"/>); text in
/// another language loses its stop words and is accent-folded, so "Não recebi o produto" and "nao recebi produto" give the same
/// key phrases and the same vector, and no key phrase is made of that language's function words.
/// </summary>
public static class LanguageTerms
{
    /// <summary>Negations (accent-folded), kept out of the stop words so that they can open a key phrase ("não recebi").</summary>
    static readonly FrozenDictionary<string, FrozenSet<string>> Negations = new Dictionary<string, string[]>
    {
        [CommentLanguage.Portuguese] = ["nao", "nunca", "nem", "nada", "sem", "nenhum", "nenhuma", "jamais"],
        [CommentLanguage.Spanish] = ["no", "nunca", "ni", "nada", "sin", "ningun", "ninguno", "ninguna", "jamas", "tampoco"],
        [CommentLanguage.French] = ["ne", "pas", "jamais", "rien", "sans", "aucun", "aucune"],
        [CommentLanguage.German] = ["nicht", "nie", "kein", "keine", "keinen", "ohne", "nichts"],
    }.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>
    /// Unigrams and bigrams of content words (a bigram never spans a dropped word), keyed accent-folded. A negation is no key
    /// phrase on its own ("não" says nothing) but opens one ("não recebi"); a bigram never ends on one ("loja não").
    /// </summary>
    public static List<Term> Terms(string text, string language)
    {
        if (language == CommentLanguage.English) return Tokens.Terms(text).Select(t => new Term(t, t)).ToList();
        var stop = StopWordLists.For(language);
        var negations = Negations.GetValueOrDefault(language) ?? FrozenSet<string>.Empty;
        var terms = new List<Term>();
        Term? previous = null;
        foreach (var word in Tokens.Words(text))
        {
            var key = AccentFolding.Fold(word);
            if (key.Length < 2 || stop.Contains(key) || key.All(char.IsDigit))
            {
                previous = null;
                continue;
            }
            var term = new Term(key, word);
            var negation = negations.Contains(key);
            if (!negation) terms.Add(term);
            if (previous is { } p && !negation) terms.Add(new Term(p.Key + " " + key, p.Surface + " " + word));
            previous = term;
        }
        return terms;
    }

    /// <summary>The words of a text that are not stop words of its language, as written (a label of last resort).</summary>
    public static string ContentWords(string text, string language)
    {
        var stop = StopWordLists.For(language);
        return string.Join(' ', Tokens.Words(text).Where(w => !stop.Contains(AccentFolding.Fold(w))));
    }

    /// <summary>
    /// What is embedded for a sentence: English as written (the cache and the English models see what they always saw); another
    /// language as its accent-folded content words, so spelling variants share one vector and function words ("de", "que", "uma")
    /// do not make unrelated sentences look alike.
    /// </summary>
    public static string EmbeddingText(string text, string language)
    {
        if (language == CommentLanguage.English) return text;
        var stop = StopWordLists.For(language);
        var words = Tokens.Words(text).Select(AccentFolding.Fold).Where(w => !stop.Contains(w)).ToList();
        return words.Count > 0 ? string.Join(' ', words) : AccentFolding.Fold(text.ToLowerInvariant());
    }
}
