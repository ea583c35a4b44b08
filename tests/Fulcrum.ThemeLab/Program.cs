// Theme discovery lab: discovery + assignment in memory on demo stores (MiniLM vectors read from their embedding cache) and the
// airline complaints, printing per planted theme the best F1 and per airline run NMI/ARI, so a discovery idea is measured in
// minutes. Not part of the solution build. Run: dotnet run -c Release --project tests/Fulcrum.ThemeLab -- --demo seed1.duckdb,seed2.duckdb --air [--partition score|nonpositive|none] [--clauses] [--merge 0.25,0.3] [--min-share F] [--sentiment lexicon] [--complaint-threshold T] [--air-cache air.duckdb] [--verbose]
using System.Diagnostics;
using System.Globalization;
using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Evaluation;
using Fulcrum.ThemeLab;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
// usage: lab [--air] [--demo seed1.duckdb,...] [--merge 0.3,0.25] [--min-share 0.002]
string? Arg(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
var corpora = new List<Corpus>();
// Sentiment for the complaint split: the scorer `themes` uses with MiniLM (the shipped embedding model) unless --sentiment lexicon.
var lexicon = Arg("--sentiment") == "lexicon";
foreach (var db in (Arg("--demo") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)) corpora.Add(Corpus.Demo(db, args.Contains("--clauses"), lexicon));
if (args.Contains("--air")) corpora.Add(Corpus.Airline("/work/shared/data/twitter-airline-sentiment/Tweets.csv", Arg("--air-cache") ?? "/tmp/discovery15/air.duckdb", args.Contains("--clauses"), lexicon));
var merges = (Arg("--merge") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(m => (double?)double.Parse(m)).DefaultIfEmpty(null).ToList();
var minShare = Arg("--min-share") is { } s ? double.Parse(s) : new ThemeOptions().MinThemeShare;
foreach (var corpus in corpora)
{
    if (Arg("--abtt") is { } pcs) corpus.Vectors = Whitening.AllButTheTop(corpus.Vectors, int.Parse(pcs));
    Console.WriteLine($"== {corpus.Name}: {corpus.Mentions.DocumentCount:N0} documents, {corpus.Mentions.Count:N0} sentences, {corpus.Complaint.Count(c => c):N0} complaints");
    foreach (var merge in merges)
    {
        var sw = Stopwatch.StartNew();
        var options = new ThemeOptions(MergeSimilarity: merge, MinThemeShare: minShare);
        var partition = Arg("--partition") ?? "score";
        var complaint = partition switch
        {
            "none" => corpus.Complaint.Select(_ => true).ToArray(),
            "nonpositive" => corpus.Sentiment.Select(x => x is not { } v || v < 0.05).ToArray(),
            _ => Arg("--complaint-threshold") is { } t
                ? corpus.Sentiment.Select((x, i) => ThemeEngine.IsComplaint(x, corpus.Nps[i], double.Parse(t))).ToArray()
                : corpus.Complaint,
        };
        var (clusters, summary) = ThemeEngine.Discover(corpus.Vectors, complaint, true, options);
        var seconds = sw.Elapsed.TotalSeconds;
        Report.Print(corpus, clusters, summary, seconds, args.Contains("--verbose"));
    }
}
