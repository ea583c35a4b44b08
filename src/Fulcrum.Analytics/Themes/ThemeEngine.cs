using Fulcrum.Analytics.Themes.Clustering;
using Fulcrum.Analytics.Themes.Sentiment;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Themes;

/// <summary>A cluster of mentions found by discovery.</summary>
public sealed record DiscoveredCluster(float[] Centroid, int Mentions);

/// <summary>A comment's link to a theme: the best similarity of its mentions to the theme centroid and their mean sentiment.</summary>
public sealed record DocumentTheme(int Document, int Theme, double Similarity, double Sentiment, bool IsPrimary);

/// <summary>Mentions assigned to themes: per mention its theme (−1 none) and similarity; per document its themes.</summary>
public sealed record ThemeAssignment(int[] MentionTheme, float[] MentionSimilarity, IReadOnlyList<DocumentTheme> Documents);

/// <summary>
/// The pure steps of theme analysis, on vectors in memory: discovery (spherical k-means with k by silhouette), assignment
/// of mentions to the nearest theme centroid (so a comment gets every theme one of its sentences is closest to), key
/// phrases and representative mentions.
/// </summary>
public static class ThemeEngine
{
    /// <summary>
    /// Discovers themes separately among negative mentions (sentiment ≤ −0.05: complaints, wishes) and among the others
    /// (praise, neutral remarks): pain points are what a CX team acts on and are usually a small share of all sentences, so
    /// clustering them on their own keeps a coherent complaint from being swallowed by frequent generic remarks. Each group
    /// gets its own k (silhouette) unless K is fixed (then K per group).
    /// </summary>
    public static (IReadOnlyList<DiscoveredCluster> Clusters, ClusterCountChoice? Choice) Discover(
        IReadOnlyList<float[]> vectors, IReadOnlyList<double> mentionSentiment, ThemeOptions options, CancellationToken cancellationToken = default)
    {
        var negative = Enumerable.Range(0, vectors.Count).Where(i => mentionSentiment[i] <= -SentimentScore.Threshold).ToList();
        var other = Enumerable.Range(0, vectors.Count).Where(i => mentionSentiment[i] > -SentimentScore.Threshold).ToList();
        var clusters = new List<DiscoveredCluster>();
        ClusterCountChoice? firstChoice = null;
        foreach (var group in new[] { negative, other })
        {
            if (group.Count < 2 * options.MinK) continue;
            var (found, choice) = Discover(group.Select(i => vectors[i]).ToList(), options, cancellationToken);
            clusters.AddRange(found);
            firstChoice ??= choice;
        }
        return (clusters.OrderByDescending(c => c.Mentions).ToList(), firstChoice);
    }

    /// <summary>Spherical k-means on one set of vectors, k by silhouette unless fixed.</summary>
    public static (IReadOnlyList<DiscoveredCluster> Clusters, ClusterCountChoice? Choice) Discover(
        IReadOnlyList<float[]> vectors, ThemeOptions options, CancellationToken cancellationToken = default)
    {
        if (vectors.Count < 2) return ([], null);
        ClusterCountChoice? choice = null;
        var k = options.K ?? 0;
        if (options.K is null)
        {
            choice = ClusterCountSelector.Choose(vectors, Math.Min(options.MinK, vectors.Count - 1), Math.Max(2, Math.Min(options.MaxK, vectors.Count - 1)),
                options.Seed, options.SilhouetteSample, cancellationToken);
            k = choice.K;
        }
        k = Math.Min(k, vectors.Count);
        var fit = SphericalKMeans.Fit(vectors, k, options.Seed, cancellationToken: cancellationToken);
        var sizes = new int[k];
        foreach (var l in fit.Labels) sizes[l]++;
        var clusters = Enumerable.Range(0, k).Where(c => sizes[c] > 0).Select(c => new DiscoveredCluster(fit.Centroids[c], sizes[c]))
            .OrderByDescending(c => c.Mentions).ToList();
        return (clusters, choice);
    }

    /// <summary>
    /// Assigns each mention to its closest centroid and aggregates to documents (multi-label). A centroid with a minimum
    /// similarity (a theme a user defined) takes only mentions at least that similar; the others go to their next closest.
    /// </summary>
    public static ThemeAssignment Assign(Mentions mentions, IReadOnlyList<float[]> vectors, IReadOnlyList<float[]> centroids, IReadOnlyList<double> mentionSentiment,
        IReadOnlyList<(int Theme, KeywordMatcher Matcher)>? keywordThemes = null, IReadOnlyList<float>? minimumSimilarity = null)
    {
        var theme = new int[mentions.Count];
        var similarity = new float[mentions.Count];
        if (centroids.Count == 0)
        {
            Array.Fill(theme, -1);
            return new ThemeAssignment(theme, similarity, []);
        }
        Parallel.For(0, mentions.Count, i => (theme[i], similarity[i]) = minimumSimilarity is null
            ? SphericalKMeans.Nearest(vectors[i], centroids) : NearestAdmitting(vectors[i], centroids, minimumSimilarity));
        var documents = new List<DocumentTheme>();
        var i0 = 0;
        while (i0 < mentions.Count)
        {
            var d = mentions.Document[i0];
            var i1 = i0;
            while (i1 < mentions.Count && mentions.Document[i1] == d) i1++;
            // Nearest theme of each mention, plus every keyword-defined theme whose keywords the mention contains.
            var links = Enumerable.Range(i0, i1 - i0).Select(i => (Mention: i, Theme: theme[i], Similarity: (double)similarity[i])).ToList();
            if (keywordThemes is not null)
                foreach (var (t, matcher) in keywordThemes)
                    for (var i = i0; i < i1; i++)
                        if (theme[i] != t && matcher.Matches(mentions.Text[i]))
                            links.Add((i, t, VectorMath.Dot(vectors[i], centroids[t])));
            var groups = links.GroupBy(l => l.Theme)
                .Select(g => (Theme: g.Key, Similarity: g.Max(l => l.Similarity), Sentiment: g.Average(l => mentionSentiment[l.Mention])))
                .OrderByDescending(g => g.Similarity).ToList();
            for (var g = 0; g < groups.Count; g++)
                documents.Add(new DocumentTheme(d, groups[g].Theme, groups[g].Similarity, groups[g].Sentiment, g == 0));
            i0 = i1;
        }
        return new ThemeAssignment(theme, similarity, documents);
    }

    static (int Index, float Similarity) NearestAdmitting(float[] vector, IReadOnlyList<float[]> centroids, IReadOnlyList<float> minimumSimilarity)
    {
        var (best, bestSimilarity) = (-1, float.NegativeInfinity);
        var (fallback, fallbackSimilarity) = (-1, float.NegativeInfinity);
        for (var c = 0; c < centroids.Count; c++)
        {
            var s = VectorMath.Dot(vector, centroids[c]);
            if (s > fallbackSimilarity) (fallback, fallbackSimilarity) = (c, s);
            if (s >= minimumSimilarity[c] && s > bestSimilarity) (best, bestSimilarity) = (c, s);
        }
        return best >= 0 ? (best, bestSimilarity) : (fallback, fallbackSimilarity);
    }

    /// <summary>Sentiment compound score of each mention.</summary>
    public static double[] MentionSentiment(Mentions mentions)
    {
        var scores = new double[mentions.Count];
        Parallel.For(0, mentions.Count, i => scores[i] = LexiconSentiment.Score(mentions.Text[i]).Compound);
        return scores;
    }

    /// <summary>The mentions closest to each centroid (distinct texts), as examples a reader recognises.</summary>
    public static IReadOnlyList<string>[] Representatives(Mentions mentions, ThemeAssignment assignment, int themeCount, int perTheme = 3) =>
        Enumerable.Range(0, themeCount).Select(t => (IReadOnlyList<string>)Enumerable.Range(0, mentions.Count)
                .Where(i => assignment.MentionTheme[i] == t)
                .OrderByDescending(i => assignment.MentionSimilarity[i]).ThenBy(i => i)
                .Select(i => mentions.Text[i]).Distinct(StringComparer.OrdinalIgnoreCase).Take(perTheme).ToList())
            .ToArray();

    /// <summary>
    /// Embeds the distinct mention texts once and maps the vectors back to every mention.
    /// </summary>
    public static float[][] EmbedMentions(Mentions mentions, Func<IReadOnlyList<string>, float[][]> embedDistinct)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var distinct = new List<string>();
        var map = new int[mentions.Count];
        for (var i = 0; i < mentions.Count; i++)
        {
            if (!index.TryGetValue(mentions.Text[i], out var j)) { j = distinct.Count; index[mentions.Text[i]] = j; distinct.Add(mentions.Text[i]); }
            map[i] = j;
        }
        var vectors = embedDistinct(distinct);
        return map.Select(j => vectors[j]).ToArray();
    }
}
