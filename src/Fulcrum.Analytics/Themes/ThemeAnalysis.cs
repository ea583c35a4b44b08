using System.Diagnostics;
using Fulcrum.Analytics.Themes.Clustering;
using Fulcrum.Analytics.Themes.Languages;
using Fulcrum.Analytics.Themes.Sentiment;
using Fulcrum.Analytics.Themes.Store;
using Fulcrum.Analytics.Themes.Text;
using Fulcrum.Core.Statistics;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Themes;

/// <summary>
/// `fulcrum themes`: reads every comment, embeds its sentences (cached), discovers themes, reconciles them with the stored
/// themes (stable ids, user edits kept), assigns every comment its themes with per-mention sentiment, and stores the result
/// in themes / response_themes / response_sentiment. Each comment's language is detected first (<see cref="LanguageDetector"/>):
/// text in a language other than English is embedded and labelled as its accent-folded content words, and scored by its
/// language's sentiment lexicon when there is one (no sentiment figure otherwise).
/// </summary>
public static class ThemeAnalysis
{
    public static ThemeRunResult Run(FulcrumStore store, ThemeOptions options, IProgress<ThemeProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        using var embedder = options.Fast ? (ITextEmbedder)new LsaEmbedder() : new MiniLmEmbedder(options.Parallelism);
        return Run(store, embedder, options, progress, cancellationToken);
    }

    public static ThemeRunResult Run(FulcrumStore store, ITextEmbedder embedder, ThemeOptions options, IProgress<ThemeProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options.Validate();
        var total = Stopwatch.StartNew();
        var phases = new Dictionary<string, TimeSpan>();
        var phase = Stopwatch.StartNew();
        void EndPhase(string name) { phases[name] = phase.Elapsed; phase.Restart(); }

        var repository = new ThemeRepository(store);
        var comments = CommentCorpus.Read(repository);
        if (comments.Count == 0)
            throw new InvalidOperationException("No responses with a comment in this database: import responses with a comment column first (`fulcrum import responses FILE`).");
        var mentions = Mentions.FromCleaned(comments.Cleaned);
        var languages = LanguageDetector.DetectAll(mentions);
        var mentionLanguage = mentions.Document.Select(d => languages[d]).ToArray();
        var themes = repository.Themes();
        var defined = themes.Where(t => t.Origin == ThemeOrigin.Defined && t.Status == ThemeStatus.Active).ToList();
        EndPhase("read");

        // Distinct mention texts, then the phrases of defined themes, embedded together (the lexical mode's IDF needs one corpus).
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var distinct = new List<string>();
        int Intern(string s) { if (!index.TryGetValue(s, out var j)) { j = distinct.Count; index[s] = j; distinct.Add(s); } return j; }
        // A mention's embedding text depends only on its text and language: each distinct pair is interned once.
        var textSlot = mentions.DistinctTexts().Slot;
        var (firstOfPair, pairSlot) = DistinctValues.Of(mentions.Count, i => (textSlot[i], mentionLanguage[i]));
        var pairRow = firstOfPair.Select(i => Intern(LanguageTerms.EmbeddingText(mentions.Text[i], mentionLanguage[i]))).ToArray();
        var mentionRow = pairSlot.Select(j => pairRow[j]).ToArray();
        var definitionRows = defined.Select(t => t.DefinitionPhrases.Select(p => Intern(TextCleaner.Clean(p))).ToArray()).ToList();
        var embedProgress = progress is null ? null : new Progress<int>(n => progress.Report(new ThemeProgress("embedding", n, distinct.Count)));
        progress?.Report(new ThemeProgress("embedding", 0, distinct.Count));
        var distinctVectors = new EmbeddingCache(store).Embed(embedder, distinct, out var newlyEmbedded, embedProgress, cancellationToken);
        var vectors = mentionRow.Select(j => distinctVectors[j]).ToArray();
        var admission = new Dictionary<string, float>(StringComparer.Ordinal);
        for (var d = 0; d < defined.Count; d++)
        {
            (defined[d].Centroid, var minimum) = embedder.Semantic
                ? DefinedThemeCentre.FromKeywordSentences(defined[d], mentions, vectors, distinctVectors, definitionRows[d], embedder.Dimension)
                : (VectorMath.Centroid(distinctVectors, definitionRows[d], embedder.Dimension), null);
            defined[d].Model = embedder.Model;
            if (minimum is { } m) admission[defined[d].ThemeId] = m;
        }
        EndPhase("embed");

        progress?.Report(new ThemeProgress("clustering", 0, 1));
        // The one place the sentiment scorer is chosen: a model trained on the user's own comments (`fulcrum sentiment train`)
        // scores every comment whatever its language; without one, English by the shipped MiniLM model (lexicon with --fast),
        // other languages by their lexicon (none: no figure).
        var scorer = SentimentScorer.For(store, embedder);
        // A trained classifier that reads MiniLM sentence vectors gets them from the embedding cache in the lexical mode too,
        // with one MiniLM model for the run: re-embedding every text uncached on each call made --fast slower than MiniLM on
        // the airline tweets (docs/benchmarks.md, "themes --fast with a trained sentiment model").
        using var sentimentEmbedder = scorer.NeedsMiniLmVectors ? new MiniLmEmbedder(options.Parallelism) : null;
        var sentimentVectors = vectors;
        if (sentimentEmbedder is not null)
        {
            var miniLm = new EmbeddingCache(store).Embed(sentimentEmbedder, distinct, out _, null, cancellationToken);
            sentimentVectors = mentionRow.Select(j => miniLm[j]).ToArray();
            scorer = scorer.WithMiniLmVectors();
        }
        var sentenceEmbedder = sentimentEmbedder ?? embedder;
        var sentiment = scorer.MentionSentiment(mentions, languages, sentimentVectors);
        var complaint = Enumerable.Range(0, mentions.Count).Select(i => ThemeEngine.IsComplaint(sentiment[i], comments.Nps[mentions.Document[i]])).ToList();
        var (clusters, discovery) = ThemeEngine.Discover(vectors, complaint, embedder.Semantic, options, cancellationToken);
        progress?.Report(new ThemeProgress("clustering", 1, 1));
        EndPhase("cluster");

        var now = DateTime.UtcNow;
        // The comment overlap only matters for stored themes (a first run has none to match).
        var (clusterResponses, previous) = themes.Count == 0 ? (null, null)
            : (ClusterResponses(clusters, distinctVectors, mentionRow, mentions, comments), repository.ResponsesByTheme());
        // Themes of a semantic model that a lexical run replaces (they retire, and return with their ids on a MiniLM run): said, never silent.
        var replaced = embedder.Semantic ? [] : themes.Where(t => t.Status == ThemeStatus.Active && t.Model != embedder.Model && t.Model == MiniLmEmbedder.ModelName).ToList();
        var reconciled = ThemeReconciler.Reconcile(themes, clusters, embedder.Model, options.MatchSimilarity, now, clusterResponses, previous);
        var all = reconciled.All.ToList();
        var active = reconciled.Active.ToList();
        SplitPending(all, active, vectors, embedder.Model, options.Seed, now);
        EndPhase("reconcile");

        var keywordThemes = active.Select((t, i) => (Theme: i, Keywords: t.DefinitionKeywords)).Where(p => p.Keywords.Count > 0)
            .Select(p => (p.Theme, new KeywordMatcher(p.Keywords))).ToList();
        var assignment = ThemeEngine.Assign(mentions, vectors, active.Select(t => t.Centroid).ToList(), sentiment, keywordThemes,
            active.Select(t => admission.GetValueOrDefault(t.ThemeId, float.NegativeInfinity)).ToList(),
            active.Select(t => reconciled.Complaint.TryGetValue(t.ThemeId, out var kind) ? kind : (bool?)null).ToList(), complaint);
        EndPhase("assign");
        var productNames = repository.ProductNames();
        // The step's peak is the store's (DuckDB's memory for three million new rows on top of the heap): a compacting collection
        // first returns the garbage of the phases above, a few hundred MB the collector had not yet reclaimed.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        // Likewise DuckDB still holds the blocks the comments were read from (~0.2–0.3 GB at 100k accounts), which the writes
        // do not need.
        store.ReleaseCachedMemory();
        // The store takes the rows on one thread: the labels are read and the comment sentiment scored on the other cores while
        // the theme links are written, and the themes are upserted in the same transaction once their labels are ready.
        var labelling = Task.Run(() =>
        {
            var started = Stopwatch.StartNew();
            Label(active, mentions, embedder.Semantic ? vectors : null, assignment, mentionLanguage, new LabelTone(sentiment, text => scorer.SentenceSentiment(text, t => sentenceEmbedder.Embed([t])[0])),
                productNames, options.Seed, now);
            return started.Elapsed;
        }, cancellationToken);
        var sentimentRows = Task.Run(() => scorer.CommentSentiment(comments.ResponseIds, comments.Cleaned, languages, mentions, sentimentVectors), cancellationToken);
        // Made as they are written: two million row objects held at once were ~130 MB of the step's peak.
        var themeRows = assignment.Documents.Select(d => new ResponseThemeRow(comments.ResponseIds[d.Document], active[d.Theme].ThemeId,
            d.Similarity, d.Sentiment, d.IsPrimary));
        var stored = repository.ReplaceAssignments(themeRows, WhenDone(sentimentRows), transaction =>
        {
            phases["label"] = labelling.GetAwaiter().GetResult();
            repository.Upsert(all, transaction);
        });
        EndPhase("store");
        // What found these themes, on which data: analyze --fast keeps MiniLM's themes while the data are unchanged.
        ThemeRunRecord.Save(store, embedder.Model, embedder.Semantic, now);

        var summaries = Summaries(active, assignment, comments.Count, languages);
        var mix = LanguageMix.Of(languages);
        return new ThemeRunResult(embedder.Model, comments.Count, mentions.Count, distinct.Count, newlyEmbedded, discovery,
            reconciled.Matched, reconciled.Created, reconciled.Absorbed, reconciled.Retired, summaries, total.Elapsed, phases,
            mix, [.. LanguageMix.Notices(mix, embedder), .. ReplacedNotice(replaced, embedder)])
            { Stored = stored, SentimentMethod = scorer.Method };
    }

    static IEnumerable<string> ReplacedNotice(IReadOnlyList<StoredTheme> replaced, ITextEmbedder embedder)
    {
        if (replaced.Count == 0) yield break;
        yield return $"Replaced the {replaced.Count:N0} themes found with {MiniLmEmbedder.ModelName} by themes of the lexical vectors ({embedder.Model}, --fast); "
                     + "they are kept as retired and come back with their ids when `fulcrum themes` runs without --fast.";
    }

    /// <summary>The rows a task makes, waited for when they are first enumerated.</summary>
    static IEnumerable<T> WhenDone<T>(Task<IEnumerable<T>> rows)
    {
        foreach (var row in rows.GetAwaiter().GetResult()) yield return row;
    }

    /// <summary>
    /// Each active theme's key phrases, label (unless locked) and representative sentences, from its assigned mentions; the
    /// words that name a theme agree in tone with its kind by sentiment (<see cref="ThemeTone"/>). With the mentions' vectors of
    /// a semantic embedder (<paramref name="meaningVectors"/>; null in the lexical mode, whose vectors measure shared words, not
    /// meaning) the label counts a candidate's paraphrases among the theme's mentions.
    /// </summary>
    static void Label(List<StoredTheme> active, Mentions mentions, float[][]? meaningVectors, ThemeAssignment assignment, string[] mentionLanguage,
        LabelTone sentiment, IReadOnlyList<string> productNames, int seed, DateTime now)
    {
        var (labelled, repeats) = Repeated(LabelSample(mentions.Count, seed), mentions, assignment.MentionTheme, mentionLanguage);
        List<T> Of<T>(IReadOnlyList<T> values) => labelled.Select(i => values[i]).ToList();
        var tone = new ThemeTone(Of(sentiment.Mentions), ThemeTone.KindsOf(assignment.Documents, active.Count), sentiment.ReadClause);
        var keyPhrases = ThemeLabeler.KeyPhrases(Of(mentions.Text), Of(assignment.MentionTheme), active.Count, productNames: productNames,
            languages: Of(mentionLanguage), counts: repeats, tone: tone);
        var typical = ThemeLabeler.TypicalPhrases(Of(mentions.Text), Of(assignment.MentionTheme), Of(assignment.MentionSimilarity), active.Count, productNames,
            Of(mentionLanguage), repeats, keyPhrases, tone, meaningVectors is null ? null : Of(meaningVectors));
        var themeLanguage = ThemeLanguages(assignment.MentionTheme, mentionLanguage, active.Count);
        var representatives = ThemeEngine.Representatives(mentions, assignment, active.Count, meaningVectors);
        for (var t = 0; t < active.Count; t++)
        {
            active[t].Keywords = string.Join(", ", keyPhrases[t]);
            // The last-resort label (the start of a typical sentence) keeps only content words outside English.
            var representative = representatives[t].FirstOrDefault() is { } r && themeLanguage[t] != CommentLanguage.English ? LanguageTerms.ContentWords(r, themeLanguage[t]) : representatives[t].FirstOrDefault();
            if (!active[t].LabelLocked) active[t].Label = ThemeLabeler.Label(typical[t], keyPhrases[t], representative);
            active[t].Representatives = ThemeRepository.RepresentativesJson(representatives[t]);
            active[t].UpdatedAt = now;
        }
    }

    /// <summary>The scorer's reading of each mention, and of a clause split off one (a label candidate).</summary>
    sealed record LabelTone(IReadOnlyList<double?> Mentions, Func<string, double> ReadClause);

    /// <summary>The responses whose mentions are nearest each cluster (for matching stored themes by comment overlap); nearest computed once per distinct text.</summary>
    static List<HashSet<string>> ClusterResponses(IReadOnlyList<DiscoveredCluster> clusters, float[][] distinctVectors, int[] mentionRow, Mentions mentions,
        CommentCorpus comments)
    {
        var centroids = clusters.Select(c => c.Centroid).ToList();
        var nearest = new int[distinctVectors.Length];
        if (centroids.Count > 0) Parallel.For(0, distinctVectors.Length, j => nearest[j] = SphericalKMeans.Nearest(distinctVectors[j], centroids).Index);
        var responses = clusters.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToList();
        if (centroids.Count > 0)
            for (var i = 0; i < mentions.Count; i++) responses[nearest[mentionRow[i]]].Add(comments.ResponseIds[mentions.Document[i]]);
        return responses;
    }

    static List<ThemeSummary> Summaries(IReadOnlyList<StoredTheme> active, ThemeAssignment assignment, int commentCount, IReadOnlyList<string> languages)
    {
        // One pass over the links, keeping per theme its count and scores (not a copy of two million links grouped by theme).
        var links = new int[active.Count];
        var scored = active.Select(_ => new List<double>()).ToArray();
        foreach (var link in assignment.Documents)
        {
            links[link.Theme]++;
            if (link.Sentiment is { } s) scored[link.Theme].Add(s);
        }
        return active.Select((theme, t) =>
        {
            var sentiment = scored[t].Count >= 2 ? MeanEstimator.Mean(scored[t])
                : links[t] >= 2 ? Estimate.Undefined(scored[t].Count, NoSentimentReason(assignment.Documents.Where(l => l.Theme == t).Select(l => languages[l.Document])))
                : Estimate.Undefined(links[t], "mean needs 2 mentions");
            return new ThemeSummary(theme.ThemeId, theme.Label, theme.KeywordList, ThemeRepository.ParseRepresentatives(theme.Representatives),
                theme.Origin, links[t], ProportionEstimator.Wilson(links[t], commentCount), sentiment);
        }).OrderByDescending(s => s.Comments).ThenBy(s => s.ThemeId, StringComparer.Ordinal).ToList();
    }

    static string NoSentimentReason(IEnumerable<string> languages)
    {
        var without = languages.Where(l => !CommentLanguage.HasSentiment(l)).Distinct().Select(CommentLanguage.Name).Order(StringComparer.Ordinal).ToList();
        return without.Count == 0 ? "mean needs 2 scored mentions"
            : $"no sentiment: its comments are in {string.Join(", ", without)}, for which Fulcrum has no sentiment model";
    }

    /// <summary>Most mentions the labels are read from; larger data are labelled from a random sample of this size.</summary>
    public const int LabelledMentions = 200_000;

    /// <summary>
    /// The mentions the labels are read from: all of them up to <see cref="LabelledMentions"/>, else a seeded uniform sample (in
    /// order). Key phrases weigh terms by their share within and across themes, which a sample of this size already fixes, and
    /// reading every sentence of a million comments took most of the run.
    /// </summary>
    static int[] LabelSample(int mentionCount, int seed)
    {
        if (mentionCount <= LabelledMentions) return Enumerable.Range(0, mentionCount).ToArray();
        var rng = new Random(seed);
        var sample = Enumerable.Range(0, mentionCount).ToArray();
        rng.Shuffle(sample);
        var chosen = sample[..LabelledMentions];
        Array.Sort(chosen);
        return chosen;
    }

    /// <summary>
    /// The first of each distinct (text, theme, language) among the sampled mentions, in order, and how many sampled mentions
    /// each stands for: the labeller reads a repeated sentence once with its count (its similarity to the theme is the same,
    /// one vector per text and language), which gives the same labels.
    /// </summary>
    static (int[] First, int[] Count) Repeated(int[] sample, Mentions mentions, IReadOnlyList<int> mentionTheme, IReadOnlyList<string> mentionLanguage)
    {
        var slotOf = new Dictionary<(string, int, string), int>();
        var first = new List<int>();
        var count = new List<int>();
        foreach (var i in sample)
        {
            if (slotOf.TryGetValue((mentions.Text[i], mentionTheme[i], mentionLanguage[i]), out var j)) { count[j]++; continue; }
            slotOf[(mentions.Text[i], mentionTheme[i], mentionLanguage[i])] = first.Count;
            first.Add(i);
            count.Add(1);
        }
        return (first.ToArray(), count.ToArray());
    }

    /// <summary>The language most of each theme's mentions are in (English for a theme without mentions).</summary>
    static string[] ThemeLanguages(IReadOnlyList<int> mentionTheme, IReadOnlyList<string> mentionLanguage, int themeCount)
    {
        var counts = Enumerable.Range(0, themeCount).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        for (var i = 0; i < mentionTheme.Count; i++)
            if (mentionTheme[i] >= 0) counts[mentionTheme[i]][mentionLanguage[i]] = counts[mentionTheme[i]].GetValueOrDefault(mentionLanguage[i]) + 1;
        return counts.Select(c => c.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).FirstOrDefault()
                                  ?? CommentLanguage.English).ToArray();
    }

    /// <summary>
    /// Themes a user asked to split (status 'split' without parts yet): the mentions closest to the theme are clustered
    /// into the requested number of parts, which become new active themes (origin 'split', parent = the split theme).
    /// </summary>
    static void SplitPending(List<StoredTheme> all, List<StoredTheme> active, float[][] vectors, string model, int seed, DateTime now)
    {
        var pending = all.Where(t => t.Status == ThemeStatus.Split && t.Model == model && t.Centroid.Length > 0
                                     && !all.Any(c => c.ParentId == t.ThemeId && c.Origin == ThemeOrigin.Split)).ToList();
        foreach (var parent in pending)
        {
            var parts = SplitParts(parent.Definition);
            var centroids = active.Select(t => t.Centroid).Append(parent.Centroid).ToList();
            var members = Enumerable.Range(0, vectors.Length).Where(i => SphericalKMeans.Nearest(vectors[i], centroids).Index == centroids.Count - 1)
                .Select(i => vectors[i]).ToList();
            if (members.Count < parts) continue; // nothing to split in this data; the request stays pending
            var fit = SphericalKMeans.Fit(members, parts, seed);
            foreach (var centroid in fit.Centroids)
            {
                var child = new StoredTheme
                {
                    ThemeId = ThemeRepository.NextId(all), Label = "", Origin = ThemeOrigin.Split, ParentId = parent.ThemeId, Model = model,
                    Centroid = centroid, CreatedAt = now, UpdatedAt = now,
                };
                all.Add(child);
                active.Add(child);
            }
        }
    }

    internal static int SplitParts(string? definition) =>
        definition is not null && definition.StartsWith("parts=", StringComparison.Ordinal) && int.TryParse(definition.AsSpan(6), out var n) && n >= 2 ? n : 2;
}
