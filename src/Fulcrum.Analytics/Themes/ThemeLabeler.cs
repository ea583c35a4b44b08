using System.Text.RegularExpressions;
using Fulcrum.Analytics.Themes.Languages;
using Fulcrum.Analytics.Themes.Sentiment;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Themes;

/// <summary>
/// Human-readable theme labels from class-based TF-IDF (c-TF-IDF, Grootendorst 2022, BERTopic): all mentions of a theme
/// form one document; a term's weight in theme c is tf(t, c) · ln(1 + A / f(t)), with tf the term's share of the theme's
/// terms, f(t) its frequency over all themes and A the average number of terms per theme. Terms are unigrams and bigrams
/// of non-stop words; a unigram already inside a chosen bigram is skipped, and terms must occur in at least 2 mentions.
/// A label is preferably the theme's most typical short clause (<see cref="TypicalPhrases"/>), the key phrases otherwise.
/// Names of the company's own products are left out of labels: customers name them in every kind of remark, so "core
/// platform / automation" says which product, not what is wrong; so are people's names (<see cref="Names"/>). Text not in English (per-mention <c>languages</c>) is keyed
/// accent-folded without its language's stop words (<see cref="LanguageTerms"/>) and shown with its accents when any customer
/// wrote them (else in its most common spelling); a theme
/// mostly in another language is labelled by key phrases, never by a sentence full of that language's function words.
/// </summary>
public static partial class ThemeLabeler
{
    /// <param name="texts">Mention texts.</param>
    /// <param name="labels">Theme index of each mention, or −1 for none.</param>
    /// <param name="themeCount">Number of themes.</param>
    /// <param name="keywordsPerTheme">How many key phrases to keep per theme.</param>
    /// <param name="productNames">Product names to keep out of the key phrases (any term containing one of their words).</param>
    /// <param name="languages">Language of each mention (ISO 639-1); null: all English.</param>
    /// <param name="counts">How many mentions each text stands for (repeated mentions given once); null: one each.</param>
    /// <param name="tone">Each mention's sentiment and each theme's kind: a mention whose sentiment reads against its theme's kind
    /// (praise in a problem theme, a complaint in a strength) gives that theme no terms, and no term the lexicon reads against
    /// it is kept, so the key phrases (the fallback label) are the majority's words in its tone; null: every mention counts.</param>
    public static IReadOnlyList<string>[] KeyPhrases(IReadOnlyList<string> texts, IReadOnlyList<int> labels, int themeCount, int keywordsPerTheme = 6,
        IEnumerable<string>? productNames = null, IReadOnlyList<string>? languages = null, IReadOnlyList<int>? counts = null, ThemeTone? tone = null)
    {
        var productWords = (productNames ?? []).SelectMany(Tokens.Words).SelectMany(w => new[] { w, AccentFolding.Fold(w) }).ToHashSet(StringComparer.Ordinal);
        var names = Names(texts);
        var spellings = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var termCounts = new Dictionary<string, int>[themeCount];
        var mentionCounts = new Dictionary<string, int>[themeCount];
        for (var c = 0; c < themeCount; c++) { termCounts[c] = new(StringComparer.Ordinal); mentionCounts[c] = new(StringComparer.Ordinal); }
        var totals = new double[themeCount];
        var overall = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            var c = labels[i];
            if (c < 0 || tone is not null && tone.Contradicts(c, i)) continue;
            var language = languages?[i] ?? CommentLanguage.English;
            var weight = counts?[i] ?? 1;
            var found = LanguageTerms.Terms(texts[i], language);
            if (language != CommentLanguage.English)
                foreach (var term in found)
                {
                    var forms = spellings.TryGetValue(term.Key, out var f) ? f : spellings[term.Key] = new(StringComparer.Ordinal);
                    forms[term.Surface] = forms.GetValueOrDefault(term.Surface) + weight;
                }
            var terms = found.Select(t => t.Key).ToList();
            foreach (var t in terms)
            {
                termCounts[c][t] = termCounts[c].GetValueOrDefault(t) + weight;
                overall[t] = overall.GetValueOrDefault(t) + weight;
            }
            foreach (var t in terms.Distinct()) mentionCounts[c][t] = mentionCounts[c].GetValueOrDefault(t) + weight;
            totals[c] += (double)terms.Count * weight;
        }
        var average = totals.Where(t => t > 0).DefaultIfEmpty(1).Average();
        var result = new IReadOnlyList<string>[themeCount];
        for (var c = 0; c < themeCount; c++)
        {
            var ranked = termCounts[c]
                .Where(p => mentionCounts[c][p.Key] >= 2 && !p.Key.Split(' ').Any(w => productWords.Contains(w) || names.Contains(w)))
                .Select(p => (Term: p.Key, Weight: p.Value / Math.Max(1, totals[c]) * Math.Log(1 + average / overall[p.Key])
                                                 * (p.Key.Contains(' ') ? 1.5 : 1.0))) // phrases read better than single words
                .OrderByDescending(p => p.Weight).ThenBy(p => p.Term, StringComparer.Ordinal)
                .Select(p => p.Term);
            var chosen = new List<string>();
            foreach (var term in ranked)
            {
                if (chosen.Count >= keywordsPerTheme) break;
                // A term's own words can read against the theme though its sentences did not ("great year" from "We paid for a great year, then…").
                if (tone is not null && tone.Contradicts(c, LexiconSentiment.Score(term).Compound)) continue;
                var words = term.Split(' ');
                if (chosen.Any(c2 => c2.Split(' ').Intersect(words).Count() == words.Length)) continue; // already covered
                chosen.RemoveAll(c2 => !c2.Contains(' ') && words.Contains(c2));
                chosen.Add(term);
            }
            result[c] = chosen.Select(k => spellings.TryGetValue(k, out var forms)
                ? forms.OrderByDescending(f => f.Key.Any(ch => ch > 0x7F)).ThenByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key : k).ToList();
        }
        return result;
    }

    /// <summary>
    /// Most words a typical phrase may have to serve as a label. Nine, not seven (stop 33): customers state a concrete remark
    /// in eight or nine words ("Our tickets sit for three weeks without a reply", "We re-enter the same data in each
    /// product"), and at seven 170 of 402 demo themes fell back to key phrases ("always follows / support always / issue",
    /// "data sets / larger data / performance tanks"); at nine 103, and label fidelity rose from 369 to 375.
    /// </summary>
    public const int MaxLabelWords = 9;

    /// <summary>
    /// Most words of a whole sentence that names a theme when none of its phrases has <see cref="MaxLabelWords"/> or fewer:
    /// "Your support staff explain things clearly and never make us feel stupid" says what the theme is about, where its key
    /// phrases read "feel stupid / never make / staff explain" (stop 34: 109 of 400 demo themes were labelled by key phrases).
    /// </summary>
    public const int MaxSentenceLabelWords = 14;

    /// <summary>
    /// The phrase a person would write as the theme's name: of the theme's own short clauses (its sentences split at ", but",
    /// ", though", a colon and the like by <see cref="ClauseSplitter"/>, a leading "Also," or "Fine," dropped; the company's
    /// product names replaced by a neutral noun (<see cref="ProductNameMask"/>: "Core Platform and Analytics don't share data" →
    /// "The products don't share data"), since customers name the products in most complaints about them; 2 to
    /// <see cref="MaxLabelWords"/> words, at least two of them content words besides that noun, no person's name: a word written
    /// capitalised inside sentences and never in lower case), the one that is typical, common and the theme's own, and whose
    /// tone agrees with the theme's kind (<paramref name="tone"/>); a whole sentence of up to <see cref="MaxSentenceLabelWords"/> words
    /// when no such phrase is typical; a frame opening sentences in many themes left out (<see cref="Frames"/>). Typical: the sentences it was written in are on average at least as close to the
    /// theme's centre as the theme's median mention (with vectors also: half of the theme's mentions paraphrase it, <see cref="RemarkShare"/>), so the label comes from the bulk of the theme, not from a minority that
    /// happens to be the only clause left when the central sentences name products or people (an integration theme was
    /// labelled "Performance degrades with larger data sets"); a theme without a typical clause is labelled by its key phrases.
    /// Score = mean similarity × ln(1 + times written) × the share of its writings that fall in this theme; no two themes get
    /// the same label (the higher-scoring theme keeps it, the other takes its next best).
    /// Customers' own short complaints ("Too many logins", "Tools don't talk to each other") name a theme better than any keyword
    /// list, and a clause drops the verdict around it ("Good enough, but the system keeps crashing" → "The system keeps
    /// crashing"); null when the theme has no such clause.
    /// </summary>
    /// <param name="vectors">Each mention's all-MiniLM-L6-v2 vector; when given, a theme's best candidates are scored by how many of
    /// its mentions paraphrase them, not by how often their exact words were written (<see cref="BySupport"/>).</param>
    /// <remarks>With per-mention <paramref name="languages"/>, only English sentences are candidates, and only for a theme most of
    /// whose mentions are English (a sentence in another language would carry its function words into the label).</remarks>
    /// <param name="counts">How many mentions each text stands for (repeated mentions given once); null: one each.</param>
    /// <param name="keyPhrases">Each theme's key phrases (<see cref="KeyPhrases"/>); when given, a clause must contain one of their
    /// words: a verdict split off a central sentence ("…, which makes a big difference", "It's been like this for months") is
    /// typical by its sentence but names nothing of the theme.</param>
    /// <param name="tone">Each mention's sentiment and each theme's kind; when given, a problem is never named by a clause read
    /// positive, nor a strength by one read negative. A clause written as a whole sentence is read as the sentiment scorer read
    /// those sentences (their mean); one only ever written inside longer sentences is read on its own words
    /// (<see cref="ThemeTone.ClauseSentiment"/>), since its sentence's score may be the other clause's ("Support is great, but
    /// Core Platform and Analytics don't share data" reads +0.34).</param>
    public static string?[] TypicalPhrases(IReadOnlyList<string> texts, IReadOnlyList<int> labels, IReadOnlyList<float> similarity, int themeCount,
        IEnumerable<string>? productNames = null, IReadOnlyList<string>? languages = null, IReadOnlyList<int>? counts = null,
        IReadOnlyList<IReadOnlyList<string>>? keyPhrases = null, ThemeTone? tone = null, IReadOnlyList<float[]>? vectors = null)
    {
        var themeWords = keyPhrases?.Select(k => k.SelectMany(Tokens.Words).ToHashSet(StringComparer.Ordinal)).ToArray();
        var mostlyEnglish = new bool[themeCount];
        if (languages is null) Array.Fill(mostlyEnglish, true);
        else
        {
            var english = new int[themeCount]; var all = new int[themeCount];
            for (var i = 0; i < texts.Count; i++)
                if (labels[i] >= 0) { all[labels[i]] += counts?[i] ?? 1; if (languages[i] == CommentLanguage.English) english[labels[i]] += counts?[i] ?? 1; }
            for (var c = 0; c < themeCount; c++) mostlyEnglish[c] = english[c] * 2 > all[c];
        }
        var products = (productNames ?? []).ToList();
        var productWords = products.SelectMany(Tokens.Words).ToHashSet(StringComparer.Ordinal);
        var mask = new ProductNameMask(products);
        var names = Names(texts);
        var median = MedianSimilarity(labels, similarity, themeCount, counts);
        var candidates = new Dictionary<string, Candidate>[themeCount];
        for (var c = 0; c < themeCount; c++) candidates[c] = new(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            if (labels[i] < 0 || !mostlyEnglish[labels[i]] || languages is not null && languages[i] != CommentLanguage.English) continue;
            var clauses = ClauseSplitter.Split(texts[i]);
            foreach (var writtenClause in clauses)
            {
                var unmasked = WithoutLeadWord(writtenClause);
                if (mask.Mask(unmasked) is not { } clause || NamesSomeone(clause, names)) continue;
                var masked = clause != unmasked;
                var words = Tokens.Words(clause);
                // A product word left after masking was written in lower case, where it may be an ordinary word ("connect").
                if (words.Count < 2 || words.Count > MaxSentenceLabelWords || words.Any(productWords.Contains)) continue;
                bool SaysSomething(string w) => !(masked && ProductNameMask.IsMaskNoun(w)); // the neutral noun names no theme
                if (words.Count(w => w.Length > 1 && !Tokens.StopWords.Contains(w) && SaysSomething(w)) < 2) continue;
                if (themeWords is not null && !words.Any(w => themeWords[labels[i]].Contains(w) && SaysSomething(w))) continue;
                var key = string.Join(' ', words);
                var seen = candidates[labels[i]].GetValueOrDefault(key, new Candidate(0, 0, clause, 0, 0, [], []));
                if (seen.Writings.Count < WritingsPerCandidate) seen.Writings.Add(i);
                if (clauses.Count == 1 && seen.Alone.Count < WritingsPerCandidate) seen.Alone.Add(i);
                var written = counts?[i] ?? 1;
                var (scored, sentiment) = clauses.Count == 1 && tone?.MentionSentiment[i] is { } s ? (written, s * written) : (0, 0.0);
                candidates[labels[i]][key] = new Candidate(seen.Count + written, seen.SimilaritySum + (double)similarity[i] * written, seen.Text,
                    seen.ScoredAlone + scored, seen.SentimentAlone + sentiment, seen.Writings, seen.Alone);
            }
        }
        // A clause written across many themes is a frame ("The problem is simple"), not what any one of them is about.
        var overall = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in candidates) foreach (var (key, v) in c) overall[key] = overall.GetValueOrDefault(key) + v.Count;
        var byScore = candidates.Select((c, t) => c
            .Select(p => (p.Key, Similarity: p.Value.SimilaritySum / p.Value.Count, p.Value.Count, p.Value.Text, Candidate: p.Value))
            .Select(p => (p.Key, Score: p.Similarity * Math.Log(1 + p.Count) * p.Count / overall[p.Key], p.Text, p.Candidate, Central: p.Similarity >= median[t]))
            // A short phrase before any longer sentence: the longer one names the theme only when no short one can.
            .OrderBy(p => Tokens.Words(p.Text).Count > MaxLabelWords).ThenByDescending(p => p.Score).ThenBy(p => p.Text, StringComparer.Ordinal).ToList()).ToList();
        var ranked = vectors is null
            ? byScore.Select(r => r.Where(p => p.Central).Select(p => (p.Key, p.Score, p.Text, p.Candidate)).ToList()).ToList()
            : BySupport(byScore, labels, vectors, counts, overall);
        // A clause never written alone is read only when it is among the best of its theme, once.
        var clauseTone = new Dictionary<string, double>(StringComparer.Ordinal);
        double ToneOf(Candidate candidate) => candidate.ScoredAlone > 0 ? candidate.SentimentAlone / candidate.ScoredAlone
            : clauseTone.TryGetValue(candidate.Text, out var read) ? read : clauseTone[candidate.Text] = tone!.ClauseSentiment(candidate.Text);
        bool Agrees(int theme, Candidate candidate) => tone is null || !tone.Contradicts(theme, ToneOf(candidate));
        var best = ranked.Select((r, t) => r.FirstOrDefault(p => Agrees(t, p.Candidate))).ToList();
        var frames = Frames(texts, labels);
        string Shown(string text) => Tidy(WithoutFrame(text, frames));
        // Two themes never share a label: the theme whose best clause scores higher keeps it, the other takes its next best.
        var result = new string?[themeCount];
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in Enumerable.Range(0, themeCount).Where(c => best[c].Key is not null).OrderByDescending(c => best[c].Score).ThenBy(c => c))
            if (ranked[c].FirstOrDefault(p => !taken.Contains(Shown(p.Text)) && Agrees(c, p.Candidate)) is { Key: not null } pick)
            {
                result[c] = Shown(pick.Text);
                taken.Add(result[c]!);
            }
        return result;
    }

    /// <summary>Themes a leading phrase must open sentences in to be a frame.</summary>
    const int FrameThemes = 5;

    /// <summary>
    /// Leading phrases that frame a remark rather than make one ("To be fair,", "On the plus side,", "All in all,"): up to four
    /// words before a comma that open sentences in at least <see cref="FrameThemes"/> themes. A subject set off by a comma
    /// ("Easy to use, love it") opens sentences of its own theme only.
    /// </summary>
    static HashSet<string> Frames(IReadOnlyList<string> texts, IReadOnlyList<int> labels)
    {
        var themes = new Dictionary<string, HashSet<int>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < texts.Count; i++)
            if (labels[i] >= 0 && LeadPhrase(texts[i]) is { } lead)
                (themes.TryGetValue(lead, out var set) ? set : themes[lead] = []).Add(labels[i]);
        return themes.Where(p => p.Value.Count >= FrameThemes).Select(p => p.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    static string? LeadPhrase(string text) => LeadingPhrase().Match(text) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The label text without a leading frame, when at least two words remain.</summary>
    static string WithoutFrame(string text, HashSet<string> frames)
    {
        var match = LeadingPhrase().Match(text);
        if (!match.Success || !frames.Contains(match.Groups[1].Value)) return text;
        var rest = text[match.Length..];
        return Tokens.Words(rest).Count >= 2 ? rest : text;
    }

    [GeneratedRegex(@"^\s*((?:[\p{L}']+\s+){0,3}[\p{L}']+),\s+")]
    private static partial Regex LeadingPhrase();

    /// <summary>
    /// A clause as a label candidate: times written, summed similarity of its sentences to the centroid, its text as first
    /// written (product names masked), its scored writings as a whole sentence with their summed sentiment, and the first
    /// <see cref="WritingsPerCandidate"/> mentions it was written in, and the first of those that are the clause alone (filled as they are read).
    /// </summary>
    readonly record struct Candidate(int Count, double SimilaritySum, string Text, int ScoredAlone, double SentimentAlone, List<int> Writings, List<int> Alone);

    /// <summary>How many of a candidate's writings (mention indices) stand for its meaning: the normalised mean of their vectors.</summary>
    const int WritingsPerCandidate = 8;

    /// <summary>How many of a theme's best candidates are re-scored by their paraphrases (<see cref="BySupport"/>).</summary>
    const int SupportedCandidates = 24;

    /// <summary>
    /// Cosine of all-MiniLM-L6-v2 vectors at or above which a mention says what a candidate says: rewordings of one remark
    /// ("We re-enter the same data in two places" / "…the same customer records in each product") score 0.7–0.9. Label
    /// fidelity on demo seeds 1–3 and 42, by paraphrases alone: 369, 368 and 364 of 402 themes at 0.6, 0.7 and 0.8 (357 by
    /// times written; docs/benchmarks.md, "labels by the remark they make").
    /// </summary>
    internal const float ParaphraseSimilarity = 0.7f;

    /// <summary>
    /// Each theme's best candidates ordered by the remark they make, then by their wording. The remark: ln(1 + the theme's
    /// mentions that paraphrase the candidate) in place of ln(1 + times written), and a candidate takes the best such score
    /// among the candidates that paraphrase it. Customers write a complaint in a dozen ways and a detail sentence word for
    /// word, so counting exact writings favoured the detail (demo seed 1's integration theme was labelled "Nothing lines up",
    /// not "The products don't share customer data"). The wording: among paraphrases of one remark the original score decides,
    /// so the form written most often names it, not a rare variant that carries a verdict ("The products don't sync. Could be
    /// better").
    /// </summary>
    static List<List<(string Key, double Score, string Text, Candidate Candidate)>> BySupport(
        List<List<(string Key, double Score, string Text, Candidate Candidate, bool Central)>> ranked,
        IReadOnlyList<int> labels, IReadOnlyList<float[]> vectors, IReadOnlyList<int>? counts, Dictionary<string, int> overall)
    {
        var members = Enumerable.Range(0, ranked.Count).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < labels.Count; i++)
            if (labels[i] >= 0) members[labels[i]].Add(i);
        var result = new List<(string Key, double Score, string Text, Candidate Candidate)>[ranked.Count];
        Parallel.For(0, ranked.Count, t =>
        {
            var size = members[t].Sum(i => counts?[i] ?? 1);
            var top = ranked[t].Take(SupportedCandidates).ToList();
            var meanings = top.Select(p => VectorMath.Centroid(vectors, p.Candidate.Writings, vectors[p.Candidate.Writings[0]].Length)).ToList();
            var support = meanings.Select(m => Paraphrasing(members[t], vectors, m, counts)).ToList();
            var remark = top.Select((p, c) =>
                p.Candidate.SimilaritySum / p.Candidate.Count * Math.Log(1 + Math.Max(support[c], p.Candidate.Count)) * p.Candidate.Count / overall[p.Key]).ToList();
            // Typical: central, or a remark a good part of the theme makes (its main remark sits on the median by construction),
            // read from the sentences that are the clause alone: a frame ("that's why we keep recommending you") written only
            // around the theme's remark would take that remark's support as its own.
            var typical = top.Select((p, c) => p.Central || p.Candidate.Alone.Count > 0
                && Paraphrasing(members[t], vectors, VectorMath.Centroid(vectors, p.Candidate.Alone, vectors[p.Candidate.Alone[0]].Length), counts) >= RemarkShare * size).ToList();
            var best = top.Select((_, c) => Enumerable.Range(0, top.Count)
                .Where(d => VectorMath.Dot(meanings[c], meanings[d]) >= ParaphraseSimilarity).Max(d => remark[d])).ToList();
            var ordered = top.Select((p, c) => (p, Remark: best[c])).Where((_, c) => typical[c])
                .OrderBy(x => Tokens.Words(x.p.Text).Count > MaxLabelWords).ThenByDescending(x => x.Remark).ThenByDescending(x => x.p.Score).ThenBy(x => x.p.Text, StringComparer.Ordinal)
                .Select(x => (x.p.Key, Score: x.Remark, x.p.Text, x.p.Candidate));
            result[t] = [.. ordered, .. ranked[t].Skip(SupportedCandidates).Where(p => p.Central).Select(p => (p.Key, p.Score, p.Text, p.Candidate))];
        });
        return [.. result];
    }

    /// <summary>How many of a theme's mentions (<paramref name="members"/>) say what <paramref name="meaning"/> says.</summary>
    static int Paraphrasing(List<int> members, IReadOnlyList<float[]> vectors, float[] meaning, IReadOnlyList<int>? counts) =>
        members.Where(i => VectorMath.Dot(vectors[i], meaning) >= ParaphraseSimilarity).Sum(i => counts?[i] ?? 1);

    /// <summary>
    /// Share of a theme's mentions that must paraphrase a candidate for it to count as typical though its sentences lie
    /// further from the centre than the median mention. Half, not a quarter or a third: at those a mixed theme's minority
    /// closer named it ("Not sure we'll stay" for a theme of "We get far more out of it than we put in"; stop 34).
    /// </summary>
    const double RemarkShare = 0.5;

    /// <summary>Each theme's median similarity of its mentions to its centre (the lower median, each text weighted by its count); +∞ for a theme without mentions.</summary>
    static double[] MedianSimilarity(IReadOnlyList<int> labels, IReadOnlyList<float> similarity, int themeCount, IReadOnlyList<int>? counts)
    {
        var members = Enumerable.Range(0, themeCount).Select(_ => new List<(float Similarity, int Count)>()).ToArray();
        for (var i = 0; i < labels.Count; i++)
            if (labels[i] >= 0) members[labels[i]].Add((similarity[i], counts?[i] ?? 1));
        return members.Select(m =>
        {
            m.Sort((a, b) => a.Similarity.CompareTo(b.Similarity));
            var half = (m.Sum(x => (long)x.Count) + 1) / 2;
            long seen = 0;
            foreach (var (s, n) in m)
                if ((seen += n) >= half) return s;
            return double.PositiveInfinity;
        }).ToArray();
    }

    /// <summary>
    /// Proper names, the classic way: words written capitalised inside a sentence ("Kudos to Luis") and never in lower case
    /// ("support", "tools" are written lower case somewhere, so "Support is slow" keeps its first word).
    /// </summary>
    static HashSet<string> Names(IReadOnlyList<string> texts)
    {
        var lower = new HashSet<string>(StringComparer.Ordinal);
        var inner = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var k = 0; k < words.Length; k++)
            {
                var w = Bare(words[k]);
                if (w.Length < 2) continue;
                if (char.IsLower(w[0])) lower.Add(w);
                else if (k > 0 && char.IsUpper(w[0]) && w.Skip(1).Any(char.IsLower) && !w.StartsWith("I'", StringComparison.Ordinal)
                         && !words[k - 1].EndsWith('.') && !words[k - 1].EndsWith('!') && !words[k - 1].EndsWith('?') && !words[k - 1].EndsWith(':'))
                    inner.Add(w.ToLowerInvariant());
            }
        }
        inner.ExceptWith(lower);
        return inner;
    }

    static string Bare(string word) => word.Trim('.', ',', '!', '?', ';', ':', '"', '\'', '(', ')');

    /// <summary>A clause without a single leading word set off by a comma ("Also, …", "Honestly, …", "Fine, …"): a discourse marker or a verdict, not the subject.</summary>
    static string WithoutLeadWord(string clause) => LeadWord().Replace(clause, "");

    [GeneratedRegex(@"^\s*[\p{L}']+,\s+")]
    private static partial Regex LeadWord();

    /// <summary>A clause holding a name (<see cref="Names"/>): it says who, not what ("Kenji kept the project on track"), and a person's name does not belong in a label.</summary>
    static bool NamesSomeone(string clause, HashSet<string> names) =>
        clause.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => names.Contains(Bare(w).ToLowerInvariant()));

    /// <summary>A sentence as a label: no closing punctuation, first letter upper case.</summary>
    static string Tidy(string sentence)
    {
        var t = sentence.Trim().TrimEnd('.', '!', '?', ';', ',', ':', ' ');
        return t.Length == 0 ? t : char.ToUpperInvariant(t[0]) + t[1..];
    }

    /// <summary>
    /// A short label: the typical phrase when there is one, else the top key phrases ("lost luggage / baggage claim"), else the
    /// start of the theme's most typical sentence.
    /// </summary>
    public static string Label(string? typicalPhrase, IReadOnlyList<string> keyPhrases, string? representative) =>
        typicalPhrase ?? (keyPhrases.Count > 0 ? string.Join(" / ", keyPhrases.Take(3))
            : representative is null ? "(no sentences)" : Tidy(string.Join(' ', representative.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(MaxLabelWords + 1))));
}
