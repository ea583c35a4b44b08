using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Evaluation;

namespace Fulcrum.ThemeLab;

static class Report
{
    /// <summary>The run's settings, repeated on its RESULT line (one line per run, for tables over seeds).</summary>
    public static string Variant { get; set; } = "";

    /// <summary>--primary-closest: a document's primary theme is its closest, as before complaint-first primaries.</summary>
    public static bool PrimaryClosest { get; set; }

    /// <summary>`--fallbacks`: for each theme labelled by key phrases, the label without the tone rule, without the key-phrase word rule, and without either.</summary>
    public static bool Fallbacks { get; set; }

    public static void Print(Corpus corpus, IReadOnlyList<DiscoveredCluster> clusters, DiscoverySummary summary, double seconds, bool verbose)
    {
        var assignment = ThemeEngine.Assign(corpus.Mentions, corpus.Vectors, clusters.Select(c => c.Centroid).ToList(), corpus.Sentiment,
            complaintThemes: PrimaryClosest ? null : clusters.Select(c => (bool?)c.Complaint).ToList(), complaintMentions: PrimaryClosest ? null : corpus.Complaint);
        var sizes = Enumerable.Range(0, clusters.Count).Select(t => assignment.MentionTheme.Count(m => m == t)).ToArray();
        // The product's tone rule; a clause never written alone is read by the lexicon here (`themes` embeds it for its scorer).
        var tone = new ThemeTone(corpus.Sentiment, ThemeTone.KindsOf(assignment.Documents, clusters.Count));
        var keys = ThemeLabeler.KeyPhrases(corpus.Mentions.Text, assignment.MentionTheme, clusters.Count, productNames: corpus.ProductNames, tone: tone);
        var typical = ThemeLabeler.TypicalPhrases(corpus.Mentions.Text, assignment.MentionTheme, assignment.MentionSimilarity, clusters.Count, corpus.ProductNames,
            keyPhrases: keys, tone: tone, vectors: corpus.Vectors);
        string Label(int t) => ThemeLabeler.Label(typical[t], keys[t], null);
        if (Fallbacks)
        {
            // Why a theme is labelled by key phrases: the label each rule alone would allow.
            var noTone = ThemeLabeler.TypicalPhrases(corpus.Mentions.Text, assignment.MentionTheme, assignment.MentionSimilarity, clusters.Count, corpus.ProductNames, keyPhrases: keys, tone: null, vectors: corpus.Vectors);
            var noKeys = ThemeLabeler.TypicalPhrases(corpus.Mentions.Text, assignment.MentionTheme, assignment.MentionSimilarity, clusters.Count, corpus.ProductNames, keyPhrases: null, tone: tone, vectors: corpus.Vectors);
            var neither = ThemeLabeler.TypicalPhrases(corpus.Mentions.Text, assignment.MentionTheme, assignment.MentionSimilarity, clusters.Count, corpus.ProductNames, keyPhrases: null, tone: null, vectors: corpus.Vectors);
            var representatives = ThemeEngine.Representatives(corpus.Mentions, assignment, clusters.Count, corpus.Vectors);
            for (var t = 0; t < clusters.Count; t++)
                if (typical[t] is null)
                    Console.WriteLine($"    fallback {t} {(clusters[t].Complaint ? "C" : "o")} {sizes[t]} [{string.Join(", ", keys[t].Take(3))}] noTone='{noTone[t]}' noKeys='{noKeys[t]}' neither='{neither[t]}' <- {string.Join(" | ", representatives[t])}");
        }
        void PrintFidelity()
        {
            var representatives = ThemeEngine.Representatives(corpus.Mentions, assignment, clusters.Count, corpus.Vectors);
            var faithful = Enumerable.Range(0, clusters.Count).Count(t => LabelFidelity.IsFaithful(Label(t), representatives[t]));
            Console.WriteLine($"  label fidelity: {faithful} of {clusters.Count} labels share a content word with their representatives");
            for (var t = 0; t < clusters.Count; t++)
                if (!LabelFidelity.IsFaithful(Label(t), representatives[t]))
                {
                    Console.WriteLine($"    unfaithful {t} \"{Label(t)}\" <- {string.Join(" | ", representatives[t])}");
                    // What the theme holds: its most written sentences (lower-cased), to tell a mislabelled theme from a mixed one.
                    var members = Enumerable.Range(0, corpus.Mentions.Count).Where(m => assignment.MentionTheme[m] == t).ToList();
                    foreach (var g in members.GroupBy(m => corpus.Mentions.Text[m].ToLowerInvariant()).OrderByDescending(g => g.Count()).Take(6))
                        Console.WriteLine($"        {g.Count(),4} of {members.Count}  {g.Key}");
                }
        }
        Console.WriteLine($"  {summary} in {seconds:F1} s; smallest {(sizes.Length == 0 ? 0 : sizes.Min())}");
        if (corpus.Name == "airline")
        {
            var primary = Enumerable.Repeat(-1, corpus.Mentions.DocumentCount).ToArray();
            foreach (var d in assignment.Documents.Where(d => d.IsPrimary)) primary[d.Document] = d.Theme;
            var reasons = corpus.DocumentLabels.Select(l => l[0]).ToList();
            Console.WriteLine($"  NMI {ClusteringAgreement.NormalizedMutualInformation(reasons, primary):F3} ARI {ClusteringAgreement.AdjustedRandIndex(reasons, primary):F3} themes {clusters.Count}");
            // Other primary rules: the complaint theme matched most closely (else the closest), and the most negative theme.
            var complaintFirst = Enumerable.Repeat(-1, corpus.Mentions.DocumentCount).ToArray();
            var mostNegative = Enumerable.Repeat(-1, corpus.Mentions.DocumentCount).ToArray();
            foreach (var g in assignment.Documents.GroupBy(d => d.Document))
            {
                complaintFirst[g.Key] = g.OrderByDescending(d => clusters[d.Theme].Complaint).ThenByDescending(d => d.Similarity).First().Theme;
                mostNegative[g.Key] = g.OrderBy(d => d.Sentiment ?? 0).First().Theme;
            }
            // (a) complaint first, then most sentences; (b) complaint first, most negative; (d) complaint first, similarity over its theme's mean.
            var themeMean = new double[clusters.Count];
            var themeCount = new int[clusters.Count];
            for (var i = 0; i < assignment.MentionTheme.Length; i++) if (assignment.MentionTheme[i] >= 0) { themeMean[assignment.MentionTheme[i]] += assignment.MentionSimilarity[i]; themeCount[assignment.MentionTheme[i]]++; }
            for (var t = 0; t < clusters.Count; t++) themeMean[t] = themeCount[t] == 0 ? 1 : themeMean[t] / themeCount[t];
            var sentences = new Dictionary<(int, int), int>();
            for (var i = 0; i < assignment.MentionTheme.Length; i++) { var key = (corpus.Mentions.Document[i], assignment.MentionTheme[i]); sentences[key] = sentences.GetValueOrDefault(key) + 1; }
            var (va, vb, vd) = (new int[corpus.Mentions.DocumentCount], new int[corpus.Mentions.DocumentCount], new int[corpus.Mentions.DocumentCount]);
            Array.Fill(va, -1); Array.Fill(vb, -1); Array.Fill(vd, -1);
            foreach (var g in assignment.Documents.GroupBy(d => d.Document))
            {
                va[g.Key] = g.OrderByDescending(d => clusters[d.Theme].Complaint).ThenByDescending(d => sentences.GetValueOrDefault((d.Document, d.Theme))).ThenByDescending(d => d.Similarity).First().Theme;
                vb[g.Key] = g.OrderByDescending(d => clusters[d.Theme].Complaint).ThenBy(d => d.Sentiment ?? 0).First().Theme;
                vd[g.Key] = g.OrderByDescending(d => clusters[d.Theme].Complaint).ThenByDescending(d => d.Similarity / themeMean[d.Theme]).First().Theme;
            }
            string Score(int[] p) => $"NMI {ClusteringAgreement.NormalizedMutualInformation(reasons, p):F3} ARI {ClusteringAgreement.AdjustedRandIndex(reasons, p):F3}";
            Console.WriteLine($"  (a) {Score(va)}; (b) {Score(vb)}; (d) {Score(vd)}");
            // (e) complaint first, then the theme of the longest sentence; (f) complaint first, similarity × log(1 + words).
            var words = new Dictionary<(int, int), int>();
            for (var i = 0; i < assignment.MentionTheme.Length; i++)
            {
                var key = (corpus.Mentions.Document[i], assignment.MentionTheme[i]);
                words[key] = Math.Max(words.GetValueOrDefault(key), corpus.Mentions.Text[i].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
            }
            var (ve, vf) = (new int[corpus.Mentions.DocumentCount], new int[corpus.Mentions.DocumentCount]);
            Array.Fill(ve, -1); Array.Fill(vf, -1);
            foreach (var g in assignment.Documents.GroupBy(d => d.Document))
            {
                ve[g.Key] = g.OrderByDescending(d => clusters[d.Theme].Complaint).ThenByDescending(d => words.GetValueOrDefault((d.Document, d.Theme))).ThenByDescending(d => d.Similarity).First().Theme;
                vf[g.Key] = g.OrderByDescending(d => clusters[d.Theme].Complaint).ThenByDescending(d => d.Similarity * Math.Log(1 + words.GetValueOrDefault((d.Document, d.Theme)))).First().Theme;
            }
            Console.WriteLine($"  (e) {Score(ve)}; (f) {Score(vf)}");
            Console.WriteLine($"  complaint-first NMI {ClusteringAgreement.NormalizedMutualInformation(reasons, complaintFirst):F3} ARI {ClusteringAgreement.AdjustedRandIndex(reasons, complaintFirst):F3}; most-negative NMI {ClusteringAgreement.NormalizedMutualInformation(reasons, mostNegative):F3} ARI {ClusteringAgreement.AdjustedRandIndex(reasons, mostNegative):F3}");
            Console.WriteLine($"RESULT {corpus.Name} {Variant} themes {clusters.Count} smallest {(sizes.Length == 0 ? 0 : sizes.Min())} NMI {ClusteringAgreement.NormalizedMutualInformation(reasons, primary):F3} ARI {ClusteringAgreement.AdjustedRandIndex(reasons, primary):F3}");
            PrintFidelity();
            if (verbose) for (var t = 0; t < clusters.Count; t++) Console.WriteLine($"    {t} {(clusters[t].Complaint ? "C" : "o")} {sizes[t]} {Label(t)}");
            return;
        }
        var raised = Enumerable.Range(0, clusters.Count).Select(_ => new HashSet<int>()).ToArray();
        foreach (var d in assignment.Documents) raised[d.Theme].Add(d.Document);
        var best = new List<double>();
        foreach (var key in new[] { "products_dont_integrate", "too_many_account_managers" })
        {
            var truth = Enumerable.Range(0, corpus.DocumentLabels.Length).Where(d => corpus.DocumentLabels[d].Contains(key)).ToHashSet();
            var ranked = Enumerable.Range(0, clusters.Count).Select(t =>
            {
                var hit = raised[t].Count(truth.Contains);
                return (Theme: t, F1: 2.0 * hit / (raised[t].Count + truth.Count), P: raised[t].Count == 0 ? 0 : (double)hit / raised[t].Count, R: (double)hit / truth.Count);
            }).OrderByDescending(p => p.F1).Take(3).ToList();
            best.Add(ranked[0].F1);
            Console.WriteLine($"  {key} ({truth.Count}): " + string.Join("; ", ranked.Select(b => $"#{b.Theme} F1 {b.F1:F3} P {b.P:F2} R {b.R:F2} '{Label(b.Theme)}'")));
        }
        Console.WriteLine($"RESULT {corpus.Name} {Variant} themes {clusters.Count} int {best[0]:F3} man {best[1]:F3}");
        PrintFidelity();
        Console.WriteLine($"  comments with both planted themes: {corpus.DocumentLabels.Count(l => l.Contains("products_dont_integrate") && l.Contains("too_many_account_managers"))}");
        if (!verbose) return;
        Diagnostics.Oracle(corpus, clusters, raised);
        Diagnostics.CoOccurringThemes(corpus, clusters, assignment, raised, Label);
        var integration = Enumerable.Range(0, corpus.DocumentLabels.Length).Where(d => corpus.DocumentLabels[d].Contains("products_dont_integrate")).ToHashSet();
        var managers = Enumerable.Range(0, corpus.DocumentLabels.Length).Where(d => corpus.DocumentLabels[d].Contains("too_many_account_managers")).ToHashSet();
        for (var t = 0; t < clusters.Count; t++)
            Console.WriteLine($"    {t} {(clusters[t].Complaint ? "C" : "o")} {sizes[t]} docs {raised[t].Count} int {raised[t].Count(integration.Contains)} man {raised[t].Count(managers.Contains)} {Label(t)} [{string.Join(", ", keys[t])}]");
    }
}
