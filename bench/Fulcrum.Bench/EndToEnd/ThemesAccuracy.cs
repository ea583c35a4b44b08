using System.Diagnostics;
using System.Globalization;
using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Evaluation;
using Fulcrum.Analytics.Themes.Sentiment;
using Fulcrum.Analytics.Themes.Text;
using Fulcrum.Data.Store;

namespace Fulcrum.Bench.EndToEnd;

/// <summary>
/// <c>themes-accuracy --db PATH [--fast] [--merge S] [--min-share F] [--clusters N] [--no-impact]</c> or <c>--tweets PATH [--fast] [--merge S,S,…]</c>: discovery on an existing demo store
/// (MiniLM vectors cached from an earlier run), then per planted theme the discovered theme with the best F1 against the
/// generator's comment labels and its rank by ARR at risk beyond the scores. Prints a Markdown table.
/// </summary>
public static class ThemesAccuracy
{
    public static int Run(string[] args)
    {
        string? Arg(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        var minShare = Arg("--min-share") is { } share ? double.Parse(share, CultureInfo.InvariantCulture) : new ThemeOptions().MinThemeShare;
        if (Arg("--tweets") is { } tweets) return Airline(tweets, args.Contains("--fast"), (Arg("--merge") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(m => (double?)double.Parse(m, CultureInfo.InvariantCulture)).DefaultIfEmpty(null).ToList(), minShare);
        var db = Arg("--db") ?? throw new ArgumentException("--db PATH is required (a demo store: fulcrum generate --db PATH).");
        using var store = FulcrumStore.Open(db);
        var options = new ThemeOptions(Fast: args.Contains("--fast"),
            K: Arg("--clusters") is { } k ? int.Parse(k, CultureInfo.InvariantCulture) : null,
            MergeSimilarity: Arg("--merge") is { } m ? double.Parse(m, CultureInfo.InvariantCulture) : null, MinThemeShare: minShare);
        var sw = Stopwatch.StartNew();
        var run = ThemeAnalysis.Run(store, options);
        Console.WriteLine(FormattableString.Invariant($"{run.Comments:N0} comments, {run.Themes.Count} themes in {sw.Elapsed.TotalSeconds:F1} s ({string.Join(", ", run.Phases.Select(p => $"{p.Key} {p.Value.TotalSeconds:F1} s"))}); {run.Discovery}"));
        PrintLabelFidelity(run.Themes.Select(t => (t.ThemeId, t.Label, t.Representatives)).ToList());
        ThemeImpactReport? impact = null;
        if (!args.Contains("--no-impact"))
        {
            sw.Restart();
            impact = ThemeImpactAnalysis.Run(store, new ThemeImpactOptions());
            Console.WriteLine(FormattableString.Invariant($"impact in {sw.Elapsed.TotalSeconds:F1} s"));
        }
        var planted = store.Query<(string ResponseId, string Themes)>(
                "SELECT response_id, json_extract_string(attributes, '$.planted_themes') FROM responses WHERE comment IS NOT NULL AND attributes IS NOT NULL").ToList()
            .Where(r => r.Themes is not null)
            .SelectMany(r => r.Themes.Split(';').Select(t => (t, r.ResponseId)))
            .GroupBy(p => p.t).ToDictionary(g => g.Key, g => g.Select(p => p.ResponseId).ToHashSet(StringComparer.Ordinal));
        var raised = store.Query<(string ThemeId, string ResponseId)>("SELECT theme_id, response_id FROM response_themes").GroupBy(r => r.ThemeId)
            .ToDictionary(g => g.Key, g => g.Select(r => r.ResponseId).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        Console.WriteLine("| planted theme | comments | best theme | label | F1 | precision | recall | rank by ARR beyond scores |");
        Console.WriteLine("|---|---:|---|---|---:|---:|---:|---:|");
        foreach (var (key, truth) in planted.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var best = run.Themes.Select(t =>
            {
                var r = raised.GetValueOrDefault(t.ThemeId) ?? [];
                var hit = r.Count(truth.Contains);
                return (Theme: t, F1: 2.0 * hit / (r.Count + truth.Count), Precision: r.Count == 0 ? 0 : (double)hit / r.Count, Recall: (double)hit / truth.Count);
            }).MaxBy(p => p.F1);
            var rank = impact is null ? "" : (impact.Themes.ToList().FindIndex(t => t.ThemeId == best.Theme.ThemeId) + 1).ToString(CultureInfo.InvariantCulture);
            Console.WriteLine(FormattableString.Invariant($"| {key} | {truth.Count:N0} | {best.Theme.ThemeId} | {best.Theme.Label} | {best.F1:F3} | {best.Precision:F3} | {best.Recall:F3} | {rank} |"));
        }
        if (impact is not null)
        {
            foreach (var t in impact.Themes.Take(8))
                Console.WriteLine(FormattableString.Invariant($"{t.ThemeId} {t.Label} [{t.Kind}] sentiment {t.MeanSentiment.Value:F2}: beyond {t.ArrAtRiskBeyondScores?.Value:N0} ratio {t.ChurnRatioBeyondScores?.Value:F2} q {t.ExcessChurnQValue:F3}"));
            PrintLabelTones(impact.Themes, run.Themes.ToDictionary(t => t.ThemeId, t => t.Representatives, StringComparer.Ordinal), options.Fast);
        }
        return 0;
    }

    /// <summary>
    /// Every theme in report order with its kind and its label's tone as the sentiment model reads the label itself (MiniLM
    /// classifier; the lexicon with --fast), and the labels whose tone contradicts the kind: a problem named by a label read
    /// positive, or a strength by one read negative.
    /// </summary>
    static void PrintLabelTones(IReadOnlyList<ThemeImpact> themes, IReadOnlyDictionary<string, IReadOnlyList<string>> representatives, bool fast)
    {
        var labels = themes.Select(t => TextCleaner.Clean(t.Label)).ToList();
        double[] tones;
        if (fast) tones = labels.Select(l => LexiconSentiment.Score(l).Compound).ToArray();
        else
        {
            using var embedder = new MiniLmEmbedder();
            var vectors = embedder.Embed(labels);
            tones = labels.Select((l, i) => EmbeddingSentiment.Default.Score(vectors[i], l).Score).ToArray();
        }
        bool Contradicts(int i) => themes[i].Kind == ThemeKind.Problem ? tones[i] >= SentimentScore.Threshold : tones[i] <= -SentimentScore.Threshold;
        Console.WriteLine("| # | theme | kind | comments | mean sentiment | label tone | faithful | label |");
        Console.WriteLine("|---:|---|---|---:|---:|---:|---|---|");
        for (var i = 0; i < themes.Count; i++)
        {
            var t = themes[i];
            var faithful = LabelFidelity.IsFaithful(t.Label, representatives.GetValueOrDefault(t.ThemeId) ?? []);
            Console.WriteLine(FormattableString.Invariant(
                $"| {i + 1} | {t.ThemeId} | {t.Kind} | {t.Comments} | {t.MeanSentiment.Value:F2} | {tones[i]:F2}{(Contradicts(i) ? " ✗" : "")} | {(faithful ? "yes" : "no")} | {t.Label} |"));
        }
        var contradicting = Enumerable.Range(0, themes.Count).Where(Contradicts).ToList();
        Console.WriteLine(FormattableString.Invariant($"labels whose tone contradicts the theme's kind: {contradicting.Count} of {themes.Count}")
            + (contradicting.Count == 0 ? "" : ": " + string.Join("; ", contradicting.Select(i => FormattableString.Invariant($"{themes[i].ThemeId} [{themes[i].Kind}] \"{themes[i].Label}\" {tones[i]:F2}")))));
    }

    /// <summary>Share of labels sharing a content word with their theme's representatives (<see cref="LabelFidelity"/>), and the others.</summary>
    public static void PrintLabelFidelity(IReadOnlyList<(string Id, string Label, IReadOnlyList<string> Representatives)> themes)
    {
        var unfaithful = themes.Where(t => !LabelFidelity.IsFaithful(t.Label, t.Representatives)).ToList();
        Console.WriteLine(FormattableString.Invariant($"label fidelity: {themes.Count - unfaithful.Count} of {themes.Count} labels share a content word with their representatives ({LabelFidelity.Share(themes.Select(t => (t.Label, t.Representatives)).ToList()):P0})"));
        foreach (var t in unfaithful) Console.WriteLine($"  unfaithful {t.Id} \"{t.Label}\" <- {string.Join(" | ", t.Representatives)}");
    }

    /// <summary>Airline complaints: primary theme vs the labelled reason (NMI, ARI), themes created and the smallest theme, per merge threshold.</summary>
    static int Airline(string path, bool fast, IReadOnlyList<double?> merges, double minShare)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        var complaints = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>()
            .Select(r => (Text: (string)r["text"], Sentiment: (string)r["airline_sentiment"], Reason: (string)r["negativereason"]))
            .Where(r => r.Sentiment == "negative" && r.Reason.Length > 0 && r.Reason != "Can't Tell").ToList();
        using Fulcrum.Analytics.Themes.Text.ITextEmbedder embedder = fast ? new Fulcrum.Analytics.Themes.Text.LsaEmbedder() : new Fulcrum.Analytics.Themes.Text.MiniLmEmbedder();
        var mentions = Mentions.FromComments(complaints.Select(c => c.Text).ToList());
        var vectors = ThemeEngine.EmbedMentions(mentions, d => embedder.Embed(d));
        var sentiment = ThemeEngine.MentionSentiment(mentions);
        var complaint = sentiment.Select(x => ThemeEngine.IsComplaint(x, null)).ToList();
        var reasons = complaints.Select(c => c.Reason).ToList();
        Console.WriteLine($"{complaints.Count:N0} complaints, {mentions.Count:N0} sentences ({embedder.Model})");
        Console.WriteLine("| merge | themes | smallest (sentences) | NMI | ARI |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        foreach (var merge in merges)
        {
            var (clusters, summary) = ThemeEngine.Discover(vectors, complaint, embedder.Semantic, new ThemeOptions(Fast: fast, MergeSimilarity: merge, MinThemeShare: minShare));
            var assignment = ThemeEngine.Assign(mentions, vectors, clusters.Select(c => c.Centroid).ToList(), sentiment);
            var primary = Enumerable.Repeat(-1, complaints.Count).ToArray();
            foreach (var d in assignment.Documents.Where(d => d.IsPrimary)) primary[d.Document] = d.Theme;
            var sizes = Enumerable.Range(0, clusters.Count).Select(t => assignment.MentionTheme.Count(m => m == t)).ToList();
            Console.WriteLine(FormattableString.Invariant(
                $"| {summary.MergeSimilarity:0.00} | {summary.Created} | {(sizes.Count == 0 ? 0 : sizes.Min())} (min {summary.MinimumSize}) | {Fulcrum.Analytics.Themes.Evaluation.ClusteringAgreement.NormalizedMutualInformation(reasons, primary):F3} | {Fulcrum.Analytics.Themes.Evaluation.ClusteringAgreement.AdjustedRandIndex(reasons, primary):F3} |"));
        }
        return 0;
    }
}
