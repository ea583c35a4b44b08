using System.Diagnostics;
using System.Globalization;
using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Evaluation;
using Fulcrum.Analytics.Themes.Text;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Bench.EndToEnd;

/// <summary>
/// <c>themes [--minilm-texts 1000] [--accounts 10000] [--tweets PATH] [--fast-only | --minilm-full]</c>: embedding speed (MiniLM
/// and the fast lexical mode), themes end to end on a demo company (fast mode on all its comments; MiniLM on a sample,
/// or with --minilm-full on all of them), and, with the airline tweets, NMI/ARI against the complaint
/// reasons. Prints a Markdown report.
/// </summary>
public static class ThemesBenchmark
{
    public static int Run(string[] args)
    {
        string Arg(string name, string fallback) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback; }
        var minilmTexts = int.Parse(Arg("--minilm-texts", "1000"), CultureInfo.InvariantCulture);
        var accounts = int.Parse(Arg("--accounts", "10000"), CultureInfo.InvariantCulture);
        var tweets = Arg("--tweets", "");
        var report = new List<string> { $"### Themes ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load {Load()})", "" };

        using var store = FulcrumStore.Open(":memory:");
        var sw = Stopwatch.StartNew();
        DemoCompanyGenerator.Generate(store, new DemoCompanyOptions(accounts, 3, 42));
        var comments = store.Query<string>("SELECT comment FROM responses WHERE comment IS NOT NULL ORDER BY response_id").ToList();
        report.Add($"Demo company: {accounts:N0} accounts, {comments.Count:N0} comments (generated in {sw.Elapsed.TotalSeconds:F0} s).");
        report.Add("");
        report.Add("| step | texts | wall s | texts/s (wall) | CPU s | texts per CPU-s |");
        report.Add("|---|---:|---:|---:|---:|---:|");

        var sentences = Mentions.FromComments(comments).Text.Distinct(StringComparer.Ordinal).ToList();
        if (args.Contains("--fast-only")) { RunFast(comments, report); foreach (var line in report) Console.WriteLine(line); return 0; }
        if (args.Contains("--minilm-full"))
        {
            // MiniLM end to end on every comment of the company (measured, not extrapolated), then again from the cache.
            sw.Restart(); MarkCpu();
            var full = ThemeAnalysis.Run(store, new ThemeOptions());
            report.Add(Row($"themes end to end, MiniLM, all comments ({full.Mentions:N0} sentences, {full.DistinctTexts:N0} distinct, {full.NewlyEmbedded:N0} embedded; {full.Themes.Count} themes; phases {Phases(full)})", full.Comments, sw.Elapsed));
            sw.Restart(); MarkCpu();
            var again = ThemeAnalysis.Run(store, new ThemeOptions());
            report.Add(Row($"the same MiniLM run again (cache: {again.NewlyEmbedded} texts embedded; phases {Phases(again)})", again.Comments, sw.Elapsed));
            foreach (var line in report) Console.WriteLine(line);
            return 0;
        }
        using (var minilm = new MiniLmEmbedder())
        {
            minilm.Embed(sentences.Take(32).ToList());
            var sample = sentences.Skip(32).Take(minilmTexts).ToList();
            sw.Restart(); MarkCpu();
            minilm.Embed(sample);
            report.Add(Row("MiniLM embeddings (distinct comment sentences, 2 parallel sessions)", sample.Count, sw.Elapsed));
            var commentSample = comments.Take(minilmTexts).ToList();
            sw.Restart(); MarkCpu();
            minilm.Embed(commentSample.Select(TextCleaner.Clean).ToList());
            report.Add(Row("MiniLM embeddings (whole comments)", commentSample.Count, sw.Elapsed));
        }
        using (var lsa = new LsaEmbedder())
        {
            var cleaned = comments.Select(TextCleaner.Clean).ToList();
            sw.Restart(); MarkCpu();
            lsa.Embed(cleaned);
            report.Add(Row($"fast mode embeddings (TF-IDF + SVD, whole comments; {string.Join(", ", lsa.LastTimings.Select(p => FormattableString.Invariant($"{p.Key} {p.Value:F1} s")))})", cleaned.Count, sw.Elapsed));
        }
        sw.Restart(); MarkCpu();
        var fast = ThemeAnalysis.Run(store, new ThemeOptions(Fast: true));
        report.Add(Row($"themes end to end, fast mode ({fast.Mentions:N0} sentences, {fast.Themes.Count} themes; phases {Phases(fast)})", fast.Comments, sw.Elapsed));
        sw.Restart(); MarkCpu();
        var impact = ThemeImpactAnalysis.Run(store, new ThemeImpactOptions());
        report.Add(Row($"theme impact (NPS, churn, ARR at risk, trend; 1,000 account-bootstrap resamples) for {impact.Themes.Count} themes", impact.Responses, sw.Elapsed));

        using (var small = FulcrumStore.Open(":memory:"))
        {
            DemoCompanyGenerator.Generate(small, new DemoCompanyOptions(Math.Max(100, accounts * minilmTexts / Math.Max(1, comments.Count)), 3, 42));
            sw.Restart(); MarkCpu();
            var run = ThemeAnalysis.Run(small, new ThemeOptions());
            report.Add(Row($"themes end to end, MiniLM ({run.Mentions:N0} sentences, {run.DistinctTexts:N0} distinct embedded; phases {Phases(run)})", run.Comments, sw.Elapsed));
            sw.Restart(); MarkCpu();
            var rerun = ThemeAnalysis.Run(small, new ThemeOptions());
            report.Add(Row($"the same MiniLM run again (cache: {rerun.NewlyEmbedded} texts embedded)", rerun.Comments, sw.Elapsed));
        }

        if (tweets.Length > 0) report.AddRange(Airline(tweets));
        foreach (var line in report) Console.WriteLine(line);
        return 0;
    }

    static IEnumerable<string> Airline(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>()
            .Select(r => (Text: (string)r["text"], Sentiment: (string)r["airline_sentiment"], Reason: (string)r["negativereason"])).ToList();
        var complaints = rows.Where(r => r.Sentiment == "negative" && r.Reason.Length > 0 && r.Reason != "Can't Tell").ToList();
        yield return "";
        yield return $"Airline tweets: {complaints.Count:N0} complaints with a labelled reason (9 reasons).";
        yield return "";
        yield return "| mode | themes | NMI | ARI | seconds |";
        yield return "|---|---:|---:|---:|---:|";
        foreach (var fast in new[] { true, false })
        {
            var sw = Stopwatch.StartNew();
            using ITextEmbedder embedder = fast ? new LsaEmbedder() : new MiniLmEmbedder();
            var mentions = Mentions.FromComments(complaints.Select(c => c.Text).ToList());
            var vectors = ThemeEngine.EmbedMentions(mentions, d => embedder.Embed(d));
            var sentiment = ThemeEngine.MentionSentiment(mentions);
            var (clusters, _) = ThemeEngine.Discover(vectors, sentiment.Select(s => ThemeEngine.IsComplaint(s, null)).ToList(), embedder.Semantic, new ThemeOptions(Fast: fast));
            var assignment = ThemeEngine.Assign(mentions, vectors, clusters.Select(c => c.Centroid).ToList(), sentiment);
            var primary = Enumerable.Repeat(-1, complaints.Count).ToArray();
            foreach (var d in assignment.Documents.Where(d => d.IsPrimary)) primary[d.Document] = d.Theme;
            var reasons = complaints.Select(c => c.Reason).ToList();
            yield return FormattableString.Invariant($"| {(fast ? "fast (TF-IDF + SVD)" : "MiniLM")} | {clusters.Count} | {ClusteringAgreement.NormalizedMutualInformation(reasons, primary):F3} | {ClusteringAgreement.AdjustedRandIndex(reasons, primary):F3} | {sw.Elapsed.TotalSeconds:F0} |");
        }
    }

    static TimeSpan _cpuMark = Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>One row; CPU time is the process's since the previous row (the timed step is the only work in between).</summary>
    static void RunFast(List<string> comments, List<string> report)
    {
        using var lsa = new LsaEmbedder();
        var cleaned = comments.Select(TextCleaner.Clean).ToList();
        var sw = Stopwatch.StartNew(); MarkCpu();
        lsa.Embed(cleaned);
        report.Add(Row($"fast mode embeddings (TF-IDF + SVD, whole comments; {string.Join(", ", lsa.LastTimings.Select(p => FormattableString.Invariant($"{p.Key} {p.Value:F1} s")))})", cleaned.Count, sw.Elapsed));
    }

    static string Row(string step, long texts, TimeSpan elapsed)
    {
        var cpuNow = Process.GetCurrentProcess().TotalProcessorTime;
        var cpu = cpuNow - _cpuMark;
        _cpuMark = cpuNow;
        return FormattableString.Invariant($"| {step} | {texts:N0} | {elapsed.TotalSeconds:F1} | {texts / elapsed.TotalSeconds:N0} | {cpu.TotalSeconds:F1} | {texts / cpu.TotalSeconds:N0} |");
    }

    static void MarkCpu() => _cpuMark = Process.GetCurrentProcess().TotalProcessorTime;

    static string Phases(ThemeRunResult run) => string.Join(", ", run.Phases.Select(p => FormattableString.Invariant($"{p.Key} {p.Value.TotalSeconds:F1} s")));

    static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
