using Fulcrum.Analytics.Themes.Clustering;
using Fulcrum.Analytics.Themes.Languages;
using Fulcrum.Analytics.Themes.Sentiment;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Themes;

/// <summary>A cluster of mentions found by discovery; Complaint: found among the complaint sentences (else among the other remarks).</summary>
public sealed record DiscoveredCluster(float[] Centroid, int Mentions, bool Complaint);

/// <summary>What discovery did: themes created (complaints and other remarks), how, and what was merged or folded.</summary>
/// <param name="Created">Themes discovery created (= Complaints + Other); the number every output reports.</param>
/// <param name="MergeSimilarity">Centroid similarity at which groups were merged, or null when the count was fixed.</param>
/// <param name="MinimumSize">Fewest sentences a theme keeps on its own (smaller ones were folded), or null when the count was fixed.</param>
/// <param name="MicroClusters">Groups merging started from: communities of the neighbour graph, or k-means groups.</param>
/// <param name="Neighbours">Neighbours per sentence in the graph whose communities were the starting groups, or null when they were k-means groups.</param>
public sealed record DiscoverySummary(int Created, int Complaints, int Other, int ComplaintSentences, int OtherSentences, int MicroClusters,
    int Merged, int Folded, double? MergeSimilarity, int? MinimumSize, int? FixedCount, int? Neighbours = null);

/// <summary>
/// A comment's link to a theme: the best similarity of its mentions to the theme centroid and their mean sentiment (null when
/// the comment's language has no sentiment model). A value, not an object: a million comments have about two million links.
/// </summary>
public readonly record struct DocumentTheme(int Document, int Theme, double Similarity, double? Sentiment, bool IsPrimary);

/// <summary>Mentions assigned to themes: per mention its theme (−1 none) and similarity; per document its themes.</summary>
public sealed record ThemeAssignment(int[] MentionTheme, float[] MentionSimilarity, IReadOnlyList<DocumentTheme> Documents);

/// <summary>
/// The pure steps of theme analysis, on vectors in memory: discovery (graph communities or k-means groups merged by similarity,
/// complaints apart from other remarks), assignment of mentions to the nearest theme centroid (so a comment gets every theme
/// one of its sentences is closest to), key phrases and representative mentions.
/// </summary>
public static class ThemeEngine
{
    /// <summary>
    /// A sentence is a complaint when its sentiment is negative, or when it is not positive and comes from a detractor's answer
    /// (NPS 0–6): "our CSM changed again" reads neutral, but a detractor writing it is complaining. Without a sentiment (a language
    /// with no sentiment model) only the score can tell: a detractor's sentence is a complaint.
    /// </summary>
    public static bool IsComplaint(double? sentiment, int? nps, double threshold = SentimentScore.Threshold) => sentiment is { } s
        ? s <= -threshold || (nps <= 6 && s < threshold)
        : nps <= 6;

    /// <summary>
    /// Discovers themes separately among complaint sentences and among the others (praise, neutral remarks): pain points are
    /// what a CX team acts on and are usually a small share of all sentences, so clustering them on their own keeps a coherent
    /// complaint from being swallowed by frequent generic remarks, and keeps praise of a thing apart from complaints about it.
    /// With MiniLM the starting groups are communities of the sentences' nearest-neighbour graph (<see cref="SentenceCommunities"/>):
    /// a topic's sentences link to each other whatever its size, where k-means groups cut a large topic and lump rare ones. The
    /// number of themes follows from those groups, the merge threshold and the minimum size (<see cref="CentroidAgglomeration"/>),
    /// or is fixed (<see cref="ThemeOptions.K"/>, over both groups together, from k-means groups as in the lexical mode).
    /// </summary>
    public static (IReadOnlyList<DiscoveredCluster> Clusters, DiscoverySummary Summary) Discover(
        IReadOnlyList<float[]> vectors, IReadOnlyList<bool> complaint, bool semantic, ThemeOptions options, CancellationToken cancellationToken = default)
    {
        var complaints = complaint.Count(c => c);
        if (vectors.Count < 2)
            return ([], new DiscoverySummary(0, 0, 0, complaints, vectors.Count - complaints, 0, 0, 0, null, null, options.K));
        var threshold = options.MergeSimilarity ?? ThemeOptions.DefaultMergeSimilarity(semantic);
        var minimumSize = Math.Max(ThemeOptions.MinimumThemeSentences, (int)Math.Ceiling(options.MinThemeShare * vectors.Count));
        var fixedCount = options.K is not null;
        var byGraph = semantic && !fixedCount;
        var (groups, summary) = byGraph
            ? CentroidAgglomeration.Agglomerate(vectors, SentenceCommunities.Find(vectors, complaint.Select(c => c ? 0 : 1).ToList(), options.Neighbours,
                options.Resolution, options.Seed, cancellationToken), threshold, minimumSize, cancellationToken)
            : ClusterSample(vectors, complaint, threshold, options, minimumSize, cancellationToken);
        var clusters = WithAllSentences(vectors, groups.Select(g => (g.Centroid, Complaint: g.Partition == 0)).ToList(), fixedCount ? 0 : minimumSize);
        return (clusters, new DiscoverySummary(clusters.Count, clusters.Count(c => c.Complaint), clusters.Count(c => !c.Complaint), complaints,
            vectors.Count - complaints, summary.MicroClusters, summary.Merged, summary.Folded + groups.Count - clusters.Count, fixedCount ? null : threshold, fixedCount ? null : minimumSize, options.K,
            byGraph ? options.Neighbours : null));
    }

    /// <summary>
    /// The lexical mode's and a fixed count's discovery: k-means groups of a sample of each partition, merged by average
    /// linkage (<see cref="CentroidAgglomeration"/>).
    /// </summary>
    static (IReadOnlyList<AgglomeratedGroup> Groups, AgglomerationSummary Summary) ClusterSample(IReadOnlyList<float[]> vectors, IReadOnlyList<bool> complaint,
        double threshold, ThemeOptions options, int minimumSize, CancellationToken cancellationToken)
    {
        var sample = Sample(complaint, options.Seed);
        var sampledMinimum = Math.Max(ThemeOptions.MinimumThemeSentences, (int)Math.Ceiling(options.MinThemeShare * sample.Count));
        return CentroidAgglomeration.Cluster(sample.Select(i => vectors[i]).ToList(), sample.Select(i => complaint[i] ? 0 : 1).ToList(), threshold,
            options.K is { } k ? Math.Min(k, sample.Count) : null, sampledMinimum, options.Seed, cancellationToken);
    }

    /// <summary>
    /// Every sentence assigned to its nearest theme; a theme that ends with fewer than <paramref name="minimumSize"/> sentences
    /// (it was large enough in the sample, or its neighbours took its sentences) is dropped and its sentences go to their next
    /// nearest, until every theme has the minimum.
    /// </summary>
    static List<DiscoveredCluster> WithAllSentences(IReadOnlyList<float[]> vectors, List<(float[] Centroid, bool Complaint)> themes, int minimumSize)
    {
        var (distinct, slot) = SharedVectors(vectors);
        while (true)
        {
            var centroids = themes.Select(t => t.Centroid).ToList();
            var nearest = new int[distinct.Count];
            if (centroids.Count > 0) Parallel.For(0, distinct.Count, j => nearest[j] = SphericalKMeans.Nearest(distinct[j], centroids).Index);
            var sizes = new int[themes.Count];
            if (centroids.Count > 0) foreach (var j in slot) sizes[nearest[j]]++;
            var small = Enumerable.Range(0, themes.Count).Where(t => sizes[t] < minimumSize).ToHashSet();
            if (small.Count == 0 || small.Count == themes.Count)
                return themes.Select((t, i) => new DiscoveredCluster(t.Centroid, sizes[i], t.Complaint)).OrderByDescending(c => c.Mentions).ToList();
            themes = themes.Where((_, i) => !small.Contains(i)).ToList();
        }
    }

    /// <summary>Most sentences of each group (complaints, others) clustered; the rest only assigned to the themes found.</summary>
    public const int ClusteredPerGroup = 6000;

    /// <summary>
    /// Up to <see cref="ClusteredPerGroup"/> sentences of each group, drawn at random (seeded). Themes smaller than the minimum
    /// share stay below it in a random sample, so sampling changes the cost, not what is found.
    /// </summary>
    static List<int> Sample(IReadOnlyList<bool> complaint, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, complaint.Count).GroupBy(i => complaint[i])
            .SelectMany(g => g.Count() <= ClusteredPerGroup ? g : g.OrderBy(_ => rng.Next()).Take(ClusteredPerGroup))
            .Order().ToList();
    }

    /// <summary>
    /// Assigns each mention to its closest centroid and aggregates to documents (multi-label). A centroid with a minimum
    /// similarity (a theme a user defined) takes only mentions at least that similar; the others go to their next closest.
    /// A document's primary theme is the closest of its complaint themes, or the closest of all when it raises none: a
    /// comment that complains is about its complaint, not the greeting or praise around it (on the airline complaints, NMI /
    /// ARI against the labelled reasons rose from 0.215–0.222 / 0.103–0.110 to 0.220–0.225 / 0.111–0.117 over discovery
    /// seeds 1–3). A complaint theme is one discovered among complaint sentences (<paramref name="complaintThemes"/>); a theme
    /// not known either way (null: defined, merged or split by a user) is one most of whose mentions are complaints
    /// (<paramref name="complaintMentions"/>). Without either, the primary theme is the closest.
    /// </summary>
    public static ThemeAssignment Assign(Mentions mentions, IReadOnlyList<float[]> vectors, IReadOnlyList<float[]> centroids, IReadOnlyList<double?> mentionSentiment,
        IReadOnlyList<(int Theme, KeywordMatcher Matcher)>? keywordThemes = null, IReadOnlyList<float>? minimumSimilarity = null,
        IReadOnlyList<bool?>? complaintThemes = null, IReadOnlyList<bool>? complaintMentions = null)
    {
        var theme = new int[mentions.Count];
        var similarity = new float[mentions.Count];
        if (centroids.Count == 0)
        {
            Array.Fill(theme, -1);
            return new ThemeAssignment(theme, similarity, []);
        }
        var (distinct, slot) = SharedVectors(vectors);
        var nearest = new (int Index, float Similarity)[distinct.Count];
        Parallel.For(0, distinct.Count, j => nearest[j] = minimumSimilarity is null
            ? SphericalKMeans.Nearest(distinct[j], centroids) : NearestAdmitting(distinct[j], centroids, minimumSimilarity));
        for (var i = 0; i < mentions.Count; i++) (theme[i], similarity[i]) = nearest[slot[i]];
        var complaintTheme = ComplaintThemes(theme, centroids.Count, complaintThemes, complaintMentions);
        var documents = new List<DocumentTheme>(mentions.DocumentCount);
        var links = new List<(int Mention, int Theme, double Similarity)>();
        var groups = new List<ThemeGroup>();
        var i0 = 0;
        while (i0 < mentions.Count)
        {
            var d = mentions.Document[i0];
            var i1 = i0;
            while (i1 < mentions.Count && mentions.Document[i1] == d) i1++;
            // Nearest theme of each mention, plus every keyword-defined theme whose keywords the mention contains.
            links.Clear();
            for (var i = i0; i < i1; i++) links.Add((i, theme[i], similarity[i]));
            if (keywordThemes is not null)
                foreach (var (t, matcher) in keywordThemes)
                    for (var i = i0; i < i1; i++)
                        if (theme[i] != t && matcher.Matches(mentions.Text[i]))
                            links.Add((i, t, VectorMath.Dot(vectors[i], centroids[t])));
            GroupByTheme(links, mentionSentiment, complaintTheme, groups);
            var primary = Math.Max(0, groups.FindIndex(g => g.Complaint));
            for (var g = 0; g < groups.Count; g++)
                documents.Add(new DocumentTheme(d, groups[g].Theme, groups[g].Similarity, groups[g].Sentiment, g == primary));
            i0 = i1;
        }
        return new ThemeAssignment(theme, similarity, documents);
    }

    /// <summary>Each theme's complaint flag where known, else whether most of its assigned mentions are complaints (false without those flags).</summary>
    static bool[] ComplaintThemes(int[] theme, int themes, IReadOnlyList<bool?>? complaintThemes, IReadOnlyList<bool>? complaintMentions)
    {
        var (complaints, assigned) = (new int[themes], new int[themes]);
        if (complaintMentions is not null)
            for (var i = 0; i < theme.Length; i++)
            {
                if (theme[i] < 0) continue;
                assigned[theme[i]]++;
                if (complaintMentions[i]) complaints[theme[i]]++;
            }
        return Enumerable.Range(0, themes).Select(t => complaintThemes?[t] ?? complaints[t] * 2 > assigned[t]).ToArray();
    }

    /// <summary>
    /// Repeated sentences share one vector (a million comments hold about 110k distinct sentences): the distinct vectors (by
    /// value, <see cref="SameVector"/>) and each row's slot among them, so the nearest centroid is found once per distinct vector.
    /// </summary>
    static (List<float[]> Distinct, int[] Slot) SharedVectors(IReadOnlyList<float[]> vectors)
    {
        var slotOf = new Dictionary<float[], int>(SameVector.Instance);
        var distinct = new List<float[]>();
        var slot = new int[vectors.Count];
        for (var i = 0; i < vectors.Count; i++)
        {
            if (!slotOf.TryGetValue(vectors[i], out var j)) { j = distinct.Count; slotOf[vectors[i]] = j; distinct.Add(vectors[i]); }
            slot[i] = j;
        }
        return (distinct, slot);
    }

    /// <summary>A document's link to one theme: its most similar mention's similarity, its mentions' mean sentiment (null when none has one), and whether the theme is a complaint theme.</summary>
    record struct ThemeGroup(int Theme, double Similarity, double? Sentiment, double SentimentSum, int Scored, bool Complaint);

    /// <summary>
    /// The links grouped by theme (in order of first appearance) and ordered by similarity, most similar first, ties in that
    /// order: what GroupBy, Max (NaN only when all are), Average and a stable OrderByDescending gave, without their
    /// allocations for each of a million documents.
    /// </summary>
    static void GroupByTheme(List<(int Mention, int Theme, double Similarity)> links, IReadOnlyList<double?> mentionSentiment, bool[] complaintTheme,
        List<ThemeGroup> groups)
    {
        groups.Clear();
        foreach (var (mention, t, linkSimilarity) in links)
        {
            var g = 0;
            while (g < groups.Count && groups[g].Theme != t) g++;
            if (g == groups.Count) groups.Add(new ThemeGroup(t, linkSimilarity, null, 0, 0, complaintTheme[t]));
            else if (linkSimilarity > groups[g].Similarity || double.IsNaN(groups[g].Similarity))
                groups[g] = groups[g] with { Similarity = linkSimilarity };
            if (mentionSentiment[mention] is { } sentiment)
                groups[g] = groups[g].Scored == 0 ? groups[g] with { SentimentSum = sentiment, Scored = 1 }
                    : groups[g] with { SentimentSum = groups[g].SentimentSum + sentiment, Scored = groups[g].Scored + 1 };
        }
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g] with { Sentiment = groups[g].Scored == 0 ? null : groups[g].SentimentSum / groups[g].Scored };
            var at = g;
            for (; at > 0 && groups[at - 1].Similarity.CompareTo(group.Similarity) < 0; at--) groups[at] = groups[at - 1];
            groups[at] = group;
        }
    }

    /// <summary><see cref="Assign(Mentions, IReadOnlyList{float[]}, IReadOnlyList{float[]}, IReadOnlyList{double?}, IReadOnlyList{ValueTuple{int, KeywordMatcher}}?, IReadOnlyList{float}?, IReadOnlyList{bool?}?, IReadOnlyList{bool}?)"/> with a sentiment for every mention.</summary>
    public static ThemeAssignment Assign(Mentions mentions, IReadOnlyList<float[]> vectors, IReadOnlyList<float[]> centroids, IReadOnlyList<double> mentionSentiment,
        IReadOnlyList<(int Theme, KeywordMatcher Matcher)>? keywordThemes = null, IReadOnlyList<float>? minimumSimilarity = null,
        IReadOnlyList<bool?>? complaintThemes = null, IReadOnlyList<bool>? complaintMentions = null) =>
        Assign(mentions, vectors, centroids, mentionSentiment.Select(s => (double?)s).ToList(), keywordThemes, minimumSimilarity, complaintThemes, complaintMentions);

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

    /// <summary>Sentiment compound score of each mention (English lexicon).</summary>
    public static double[] MentionSentiment(Mentions mentions)
    {
        var scores = new double[mentions.Count];
        Parallel.For(0, mentions.Count, i => scores[i] = LexiconSentiment.Score(mentions.Text[i]).Compound);
        return scores;
    }

    /// <summary>
    /// Sentiment compound score of each mention by its comment's language (<see cref="MultilingualSentiment"/>); null for a
    /// mention in a language without a sentiment model.
    /// </summary>
    public static double?[] MentionSentiment(Mentions mentions, IReadOnlyList<string> documentLanguage)
    {
        var scores = new double?[mentions.Count];
        Parallel.For(0, mentions.Count, i => scores[i] = MultilingualSentiment.Score(mentions.Text[i], documentLanguage[mentions.Document[i]])?.Compound);
        return scores;
    }

    /// <summary>
    /// Each theme's most typical sentences (distinct texts), as examples a reader recognises. With the mentions' meaning vectors
    /// (a semantic embedder): the sentences most of the theme paraphrases (<see cref="MostParaphrasedDistinct"/>); without them
    /// (lexical vectors measure shared words, not meaning): the mentions closest to the centroid.
    /// </summary>
    public static IReadOnlyList<string>[] Representatives(Mentions mentions, ThemeAssignment assignment, int themeCount,
        IReadOnlyList<float[]>? meaningVectors = null, int perTheme = 3)
    {
        // One pass groups the mentions by theme (in order), instead of one pass over every mention per theme.
        var members = Enumerable.Range(0, themeCount).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < mentions.Count; i++)
            if (assignment.MentionTheme[i] is var t && t >= 0 && t < themeCount) members[t].Add(i);
        var representatives = new IReadOnlyList<string>[themeCount];
        Parallel.For(0, themeCount, t => representatives[t] = meaningVectors is null
            ? MostSimilarDistinct(members[t], mentions, assignment.MentionSimilarity, perTheme)
            : MostParaphrasedDistinct(members[t], mentions, assignment.MentionSimilarity, meaningVectors, perTheme));
        return representatives;
    }

    /// <summary>Candidates for a theme's examples: its most central distinct texts and its most written ones, this many of each.</summary>
    const int RepresentativeCandidates = 24;

    /// <summary>Members a candidate's paraphrases are counted among (an even stride through the theme), so a 50,000-sentence theme costs what a 1,000-sentence one does.</summary>
    const int ParaphraseSample = 1_000;

    /// <summary>
    /// The texts the most of the theme's mentions paraphrase (cosine ≥ <see cref="ThemeLabeler.ParaphraseSimilarity"/>, the
    /// label's test; ties: the more central, then the earlier). The centroid of a theme that mixes two remarks lies between
    /// them, so the sentences nearest it were neither remark (demo seed 1: a theme of 928 sentences, 230 of them "Core Platform
    /// has transformed how our team works", showed three complaints about Core Platform written a few times each). The examples
    /// make different remarks while the theme has several.
    /// </summary>
    static List<string> MostParaphrasedDistinct(List<int> members, Mentions mentions, IReadOnlyList<float> similarity, IReadOnlyList<float[]> vectors, int count)
    {
        var best = new Dictionary<string, (int Mention, int Writings)>(StringComparer.OrdinalIgnoreCase);
        foreach (var i in members) // in order, so a tie keeps the earlier mention
            best[mentions.Text[i]] = best.TryGetValue(mentions.Text[i], out var known)
                ? (similarity[i].CompareTo(similarity[known.Mention]) > 0 ? i : known.Mention, known.Writings + 1)
                : (i, 1);
        var distinct = best.Values.ToList();
        var candidates = distinct.OrderByDescending(d => similarity[d.Mention]).ThenBy(d => d.Mention).Take(RepresentativeCandidates)
            .Concat(distinct.OrderByDescending(d => d.Writings).ThenBy(d => d.Mention).Take(RepresentativeCandidates))
            .Select(d => d.Mention).Distinct().ToList();
        var stride = Math.Max(1, members.Count / ParaphraseSample);
        var sample = members.Where((_, k) => k % stride == 0).ToList();
        var support = candidates.ToDictionary(c => c, c => sample.Count(m => Paraphrases(c, m)));
        var ranked = candidates.OrderByDescending(c => support[c]).ThenByDescending(c => similarity[c]).ThenBy(c => c).ToList();
        // One example per remark while the theme has several (three rewordings of one remark hide the rest), a remark counting
        // when at least a quarter as many mentions make it as make the main one; then the next best.
        var common = ranked.Count == 0 ? 0 : Math.Max(2, support[ranked[0]] / 4);
        var chosen = new List<int>();
        foreach (var c in ranked)
            if (chosen.Count < count && support[c] >= common && chosen.TrueForAll(x => !Paraphrases(c, x))) chosen.Add(c);
        chosen.AddRange(ranked.Except(chosen).Take(count - chosen.Count));
        return chosen.Select(c => mentions.Text[c]).ToList();

        bool Paraphrases(int a, int b) => VectorMath.Dot(vectors[a], vectors[b]) >= ThemeLabeler.ParaphraseSimilarity;
    }

    /// <summary>
    /// The texts of the most similar mentions (ties: the earlier), distinct ignoring case: the best mention of each distinct
    /// text, then the best of those. The same as ordering every mention and taking the first distinct texts, without sorting
    /// hundreds of thousands of mentions per theme.
    /// </summary>
    static List<string> MostSimilarDistinct(List<int> members, Mentions mentions, IReadOnlyList<float> similarity, int count)
    {
        var best = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var i in members) // in order, so a tie keeps the earlier mention
            if (!best.TryGetValue(mentions.Text[i], out var known) || similarity[i].CompareTo(similarity[known]) > 0)
                best[mentions.Text[i]] = i;
        var ranked = best.Values.ToList();
        ranked.Sort((a, b) => similarity[b].CompareTo(similarity[a]) is var bySimilarity and not 0 ? bySimilarity : a.CompareTo(b));
        return ranked.Take(count).Select(i => mentions.Text[i]).ToList();
    }

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
