using Fulcrum.Analytics.Themes.Store;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Themes;

/// <summary>
/// Where a theme a user defined sits among the comment sentences. Only for sentence-model vectors: in the lexical mode a
/// sentence's vector is its words, so the keyword sentences' mean would carry every other word they use (product names
/// included) and attract unrelated sentences sharing them; there the centre is the keywords and examples embedded on their
/// own, with no minimum similarity.
/// </summary>
internal static class DefinedThemeCentre
{
    /// <summary>Fewest keyword-matching sentences from which a defined theme's centre is taken from them.</summary>
    const int MinimumKeywordMatches = 3;

    /// <summary>Share of the keyword-matching sentences allowed to be less similar to a defined theme than a sentence without a keyword must be to join it.</summary>
    const double AdmissionQuantile = 0.1;

    /// <summary>
    /// The centre of a defined theme and the similarity a sentence without a keyword needs to join it. With at least
    /// <see cref="MinimumKeywordMatches"/> comment sentences containing one of its keywords: the mean of those sentences and its
    /// examples, and the similarity 90% of those sentences reach. A bare keyword ("handoff*") embeds poorly, while the sentences
    /// that use it show how customers talk about the theme, so a sentence saying the same in other words joins it, and a
    /// sentence merely less unlike it than every other theme (a short "Mixed feelings.") does not. Otherwise the mean of its
    /// keywords and examples embedded on their own, with no minimum.
    /// </summary>
    public static (float[] Centroid, float? MinimumSimilarity) FromKeywordSentences(StoredTheme theme, Mentions mentions, float[][] vectors, float[][] distinctVectors,
        int[] definitionRows, int dimension)
    {
        var keywords = theme.DefinitionKeywords;
        var matcher = new KeywordMatcher(keywords);
        var matched = keywords.Count == 0 ? [] : ParallelEnumerable.Range(0, mentions.Count).AsOrdered().Where(i => matcher.Matches(mentions.Text[i])).ToList();
        if (matched.Count < MinimumKeywordMatches) return (VectorMath.Centroid(distinctVectors, definitionRows, dimension), null);
        var examples = theme.DefinitionPhrases.Count - keywords.Count; // example rows follow the keyword rows
        var rows = matched.Select(i => vectors[i]).Concat(definitionRows.Skip(keywords.Count).Take(examples).Select(r => distinctVectors[r])).ToList();
        var centroid = VectorMath.Centroid(rows, Enumerable.Range(0, rows.Count), dimension);
        var similarities = matched.Select(i => VectorMath.Dot(vectors[i], centroid)).Order().ToList();
        return (centroid, similarities[(int)Math.Floor(AdmissionQuantile * (similarities.Count - 1))]);
    }
}
