using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Themes.Languages;

/// <summary>One language's share of the comments, and whether Fulcrum has a sentiment model for it.</summary>
public sealed record LanguageShare(string Code, string Name, int Comments, double Share, bool HasSentiment);

/// <summary>The language mix of a theme run and the notices it calls for.</summary>
public static class LanguageMix
{
    /// <summary>Share of non-English comments from which an English-only embedding model is said to be used on "mostly" other languages.</summary>
    public const double MostlyOtherLanguages = 0.5;

    public static IReadOnlyList<LanguageShare> Of(IReadOnlyList<string> languages) =>
        languages.GroupBy(l => l, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new LanguageShare(g.Key, CommentLanguage.Name(g.Key), g.Count(), languages.Count == 0 ? 0 : (double)g.Count() / languages.Count,
                CommentLanguage.HasSentiment(g.Key)))
            .ToList();

    /// <summary>
    /// Notices for the reader: comments in a language without a sentiment model (they carry no sentiment figure), and an
    /// English-only embedding model used on comments that are mostly, or partly, in other languages.
    /// </summary>
    public static IReadOnlyList<string> Notices(IReadOnlyList<LanguageShare> mix, ITextEmbedder embedder)
    {
        var notices = new List<string>();
        var total = mix.Sum(m => m.Comments);
        var without = mix.Where(m => !m.HasSentiment).ToList();
        if (without.Count > 0)
        {
            var n = without.Sum(m => m.Comments);
            notices.Add(FormattableString.Invariant($"No sentiment model for {string.Join(" and ", without.Select(m => m.Name))}: {n:N0} comments ({(double)n / total:P1}) carry no sentiment figure ") +
                "(shown as n/a, never 0) and count as complaints only through a detractor's score. Sentiment exists for English, Portuguese and Spanish.");
        }
        var other = mix.Where(m => m.Code != CommentLanguage.English).Sum(m => m.Comments);
        if (embedder.EnglishOnly && other > 0)
        {
            var share = (double)other / total;
            notices.Add(share >= MostlyOtherLanguages
                ? FormattableString.Invariant($"Most comments ({share:P1}) are not in English, but the embedding model {embedder.Model} was trained on English only. ") +
                    "On other languages its vectors follow shared spelling more than meaning, so themes may group sentences that share words rather than one complaint, " +
                    "and opposites (\"recomendo\" / \"não recomendo\") may fall together. Fulcrum embeds those sentences as their accent-folded content words, " +
                    "which helps but does not make the model understand them: check each theme's examples, or use --fast (lexical mode), which needs no English."
                : FormattableString.Invariant($"{other:N0} comments ({share:P1}) are not in English; the embedding model {embedder.Model} was trained on English only, so their themes are less reliable than the English ones."));
        }
        return notices;
    }
}
