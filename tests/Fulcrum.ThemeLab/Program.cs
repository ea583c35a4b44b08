// Theme discovery lab: discovery + assignment in memory on demo stores (MiniLM vectors read from their embedding cache) and the
// airline complaints, printing per planted theme the best F1 and per airline run NMI/ARI, so a discovery idea is measured in
// minutes. Not part of the solution build. Run: dotnet run -c Release --project tests/Fulcrum.ThemeLab -- --demo seed1.duckdb,seed2.duckdb --air [--partition score|nonpositive|none] [--clauses] [--merge 0.25,0.3] [--resolution 1,2] [--neighbours 20] [--min-share F] [--seeds 1,2,3] [--sentiment lexicon] [--complaint-threshold T] [--air-cache air.duckdb] [--verbose]
using System.Diagnostics;
using System.Globalization;
using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Evaluation;
using Fulcrum.ThemeLab;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
// usage: lab [--air] [--demo seed1.duckdb,...] [--merge 0.3,0.25] [--min-share 0.002] [--seed N | --seeds 1,2,3 (one run per discovery seed)]
// valuation: --impact STORE,... [--oracle] (ranks by ARR at risk beyond the scores; --oracle: the planted comments as one theme each, what perfect discovery would rank)
// diagnostics: [--fallbacks] (why a theme's label is its key phrases) [--communities] (F1 of the raw graph communities, best single and best union of two) [--links] (where a planted community's graph edges go)
// prototypes tried and not kept (docs/methods.md): [--tone model|partition|both] [--tone-merge T|qF] [--tone-merge-within] [--stable RESAMPLES:SHARE:MERGE(0: none) [--ladder 0.5,0.71,1,1.41,2]] [--no-fold] [--cross MERGE] [--strip-products] [--wishes] [--hybrid W] [--consensus RUNS:THRESHOLD] [--graph-consensus RUNS:THRESHOLD:ROUNDS,...] [--cooc LIFT:COS:CROSS(0|1):MINCOUNT] [--split Q,- --separation QUANTILE --split-part SHARE_OF_MINIMUM --join SHARE,- --join-min COUNT]
// cooc22 (context-aware similarity): [--context-edges W] (same-comment edges, W × the mean kNN edge) [--context-mix λ [--context-assign raw|mixed]] (vectors mixed with their comment's other sentences) [--context-reweight β] (kNN edges re-weighted by their comments' likeness)
string? Arg(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
if (Arg("--sql") is { } sqlStore)
{
    // --sql STORE --query "SELECT text, number ...": a diagnostic query's rows (a text and a number column).
    using var store = Fulcrum.Data.Store.FulcrumStore.Open(sqlStore);
    foreach (var (text, number) in store.Query<(string, double)>(Arg("--query")!)) Console.WriteLine($"  {number,10:0.###}  {text}");
    return;
}
if (Arg("--cooccur") is { } cooccurStore)
{
    // --cooccur STORE --theme LABEL: the themes most often raised in the same comments as the theme labelled LABEL.
    using var store = Fulcrum.Data.Store.FulcrumStore.Open(cooccurStore);
    var label = Arg("--theme")!.Replace("'", "''");
    foreach (var (other, count) in store.Query<(string, long)>($"""
        SELECT o.label, COUNT(DISTINCT r.response_id) FROM response_themes r JOIN themes t ON t.theme_id = r.theme_id AND t.label = '{label}'
        JOIN response_themes r2 ON r2.response_id = r.response_id AND r2.theme_id <> r.theme_id JOIN themes o ON o.theme_id = r2.theme_id
        GROUP BY o.label ORDER BY 2 DESC LIMIT 12
        """)) Console.WriteLine($"  {count,5}  {other}");
    return;
}
if (Arg("--embed-check") is { } embedStore)
{
    EmbedCheck.Run(embedStore, Arg("--count") is { } n ? int.Parse(n) : 3000);
    return;
}
if (Arg("--impact") is { } impactStores)
{
    ImpactRanks.Oracle = args.Contains("--oracle");
    foreach (var store in impactStores.Split(',')) ImpactRanks.Print(store, Arg("--replicates") is { } r ? int.Parse(r) : 1000);
    return;
}
Report.PrimaryClosest = args.Contains("--primary-closest");
Report.Fallbacks = args.Contains("--fallbacks");
var corpora = new List<Corpus>();
Corpus.StripProducts = args.Contains("--strip-products");
// Sentiment for the complaint split: the scorer `themes` uses with MiniLM (the shipped embedding model) unless --sentiment lexicon.
var lexicon = Arg("--sentiment") == "lexicon";
foreach (var db in (Arg("--demo") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)) corpora.Add(Corpus.Demo(db, args.Contains("--clauses"), lexicon));
if (args.Contains("--air")) corpora.Add(Corpus.Airline("/work/shared/data/twitter-airline-sentiment/Tweets.csv", Arg("--air-cache") ?? "/tmp/discovery15/air.duckdb", args.Contains("--clauses"), lexicon));
var merges = (Arg("--merge") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(m => (double?)double.Parse(m)).DefaultIfEmpty(null).ToList();
var resolutions = (Arg("--resolution") ?? "1").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(double.Parse).ToList();
var minShare = Arg("--min-share") is { } s ? double.Parse(s) : new ThemeOptions().MinThemeShare;
var seeds = (Arg("--seeds") ?? Arg("--seed") ?? new ThemeOptions().Seed.ToString(CultureInfo.InvariantCulture)).Split(',').Select(int.Parse).ToList();
// --tone model|partition|both: discovery and assignment on vectors without the directions along which tone varies (ToneNeutralSpace).
var tones = (Arg("--tone") ?? "none").Split(',').ToList();
// --tone-merge T (centroid cosine) or qF (the F-quantile of sentences' similarity to their own group): ToneMerge after discovery; --tone-merge-within keeps partitions apart.
// --graph-consensus RUNS:THRESHOLD:ROUNDS,... (consensus21; "-" in the list: the shipped settings; 1:0:1 is one Louvain run): ConsensusCommunities' settings.
var graphConsensuses = (Arg("--graph-consensus") ?? "-").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(g => g == "-" ? null : g).ToList();
var toneMerges = (Arg("--tone-merge") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(m => (string?)m).DefaultIfEmpty(null).ToList();
foreach (var corpus in corpora)
{
    if (Arg("--abtt") is { } pcs) corpus.Vectors = Whitening.AllButTheTop(corpus.Vectors, int.Parse(pcs));
    var raw = corpus.Vectors;
    Console.WriteLine($"== {corpus.Name}: {corpus.Mentions.DocumentCount:N0} documents, {corpus.Mentions.Count:N0} sentences, {corpus.Complaint.Count(c => c):N0} complaints");
    foreach (var tone in tones)
    foreach (var toneMerge in toneMerges)
    foreach (var merge in merges)
    foreach (var resolution in resolutions)
    foreach (var graphConsensus in graphConsensuses)
    foreach (var seed in seeds)
    {
        var sw = Stopwatch.StartNew();
        var options = new ThemeOptions(MergeSimilarity: merge, MinThemeShare: minShare, Resolution: resolution, Seed: seed);
        if (Arg("--neighbours") is { } neighbours) options = options with { Neighbours = int.Parse(neighbours) };
        Report.Variant = $"edges={Arg("--context-edges") ?? "-"} reweight={Arg("--context-reweight") ?? "-"} mix={Arg("--context-mix") ?? "-"}/{Arg("--context-assign") ?? "mixed"} consensus={graphConsensus ?? "-"} tone={tone} tonemerge={toneMerge ?? "-"} merge={merge?.ToString() ?? "default"} res={resolution} seed={seed}";
        Console.WriteLine($"  {Report.Variant} neighbours {options.Neighbours}");
        var partition = Arg("--partition") ?? "score";
        var complaint = partition switch
        {
            "none" => corpus.Complaint.Select(_ => true).ToArray(),
            "nonpositive" => corpus.Sentiment.Select(x => x is not { } v || v < 0.05).ToArray(),
            // agree: a promoter's sentence is a complaint only when the lexicon also reads it negative (agree-weak: not positive).
            "agree" => corpus.Complaint.Select((c, i) => c && !(corpus.Nps[i] >= 9 && !(corpus.LexiconSentiment[i] <= -0.05))).ToArray(),
            "agree-weak" => corpus.Complaint.Select((c, i) => c && !(corpus.Nps[i] >= 9 && !(corpus.LexiconSentiment[i] < 0.05))).ToArray(),
            _ => Arg("--complaint-threshold") is { } t
                ? corpus.Sentiment.Select((x, i) => ThemeEngine.IsComplaint(x, corpus.Nps[i], double.Parse(t))).ToArray()
                : corpus.Complaint,
        };
        if (args.Contains("--wishes"))
        {
            var wish = new System.Text.RegularExpressions.Regex(@"\b(i wish|i'd love|i would love|would love|would (be|make it) (great|nice|perfect|a big improvement|helpful)|it would help|would help|would save|could [a-z ]*better|i'd ask for|please)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            complaint = complaint.Select((c, i) => c || wish.IsMatch(corpus.Mentions.Text[i])).ToArray();
            Console.WriteLine($"  complaints with wishes: {complaint.Count(c => c)}");
        }
        if (args.Contains("--links")) { CommunityLinks.Print(corpus, complaint, resolution, options.Neighbours); continue; }
        if (args.Contains("--communities")) { Communities.Print(corpus, complaint, resolution, options.Neighbours); continue; }
        if (Arg("--split") is not null || Arg("--join") is not null)
        {
            // split22: --split Q,... (modularity thresholds, "-": no split) [--separation QUANTILE,...] [--split-part SHARE] --join SHARE,... ("-": no join) [--join-min COUNT]
            static List<double?> Values(string? list) => (list ?? "-").Split(',').Select(v => v == "-" ? (double?)null : double.Parse(v)).ToList();
            SplitJoin.Run(corpus, complaint, options, Values(Arg("--split")), Values(Arg("--join")), (Arg("--separation") ?? "0").Split(',').Select(double.Parse).ToList(),
                Arg("--join-min") is { } jm ? int.Parse(jm) : 10, args.Contains("--verbose"), Report.Variant, Arg("--split-part") is { } sp ? double.Parse(sp) : 1);
            continue;
        }
        corpus.Vectors = tone switch
        {
            "model" => ToneNeutralSpace.Project(raw, ToneNeutralSpace.SentimentToneDirections()),
            "partition" => ToneNeutralSpace.Project(raw, [ToneNeutralSpace.PartitionDirection(raw, complaint)]),
            "both" => ToneNeutralSpace.Project(raw, [.. ToneNeutralSpace.SentimentToneDirections(), ToneNeutralSpace.PartitionDirection(raw, complaint)]),
            _ => raw,
        };
        if (Arg("--context-mix") is { } lambda) corpus.Vectors = ContextMix.Vectors(corpus, corpus.Vectors, double.Parse(lambda));
        var hybridWeight = Arg("--hybrid") is { } hw ? double.Parse(hw) : 0;
        var space = hybridWeight > 0 ? Hybrid.Vectors(corpus, hybridWeight) : corpus.Vectors;
        var (clusters, summary) = Arg("--stable") is null && graphConsensus is null && Arg("--context-reweight") is null && Arg("--context-edges") is null ? ThemeEngine.Discover(space, complaint, true, options)
            : ([], new DiscoverySummary(0, 0, 0, complaint.Count(c => c), complaint.Count(c => !c), 0, 0, 0, null, null, null, options.Neighbours));
        if (toneMerge is { } tm) clusters = ToneMerge.Discover(corpus.Vectors, complaint, options, tm.StartsWith('q') ? -double.Parse(tm[1..]) : double.Parse(tm), !args.Contains("--tone-merge-within"));
        if (args.Contains("--no-fold")) clusters = NoFold.Discover(corpus, complaint, options);
        if (Arg("--stable") is { } stable)
        {
            // RESAMPLES:SHARE:MERGE (MERGE 0: no co-assignment merge); --ladder the resolutions tried, ascending
            var p = stable.Split(':').Select(double.Parse).ToArray();
            var ladder = (Arg("--ladder") ?? "0.5,0.71,1,1.41,2").Split(',').Select(double.Parse).ToList();
            clusters = Stable.Discover(corpus, complaint, options, ladder, (int)p[0], p[1], p[2] > 0 ? p[2] : null);
            summary = summary with { Created = clusters.Count, Complaints = clusters.Count(c => c.Complaint), Other = clusters.Count(c => !c.Complaint) };
        }
        if (Arg("--cross") is { } cross) clusters = CrossPartition.Discover(corpus, complaint, options, double.Parse(cross));
        if (hybridWeight > 0) clusters = Hybrid.BackToSemantic(corpus, space, clusters);
        if (Arg("--consensus") is { } consensus)
        {
            var c = consensus.Split(':').Select(double.Parse).ToArray();
            clusters = Consensus.Discover(corpus, complaint, options, (int)c[0], c[1]);
        }
        if (graphConsensus is not null)
        {
            // RUNS:THRESHOLD:ROUNDS
            var c = graphConsensus.Split(':');
            clusters = GraphConsensus.Discover(corpus, complaint, options, int.Parse(c[0]), double.Parse(c[1]), int.Parse(c[2]));
            summary = summary with { Created = clusters.Count, Complaints = clusters.Count(x => x.Complaint), Other = clusters.Count(x => !x.Complaint) };
        }
        if (Arg("--cooc") is { } cooc)
        {
            var c = cooc.Split(':').Select(double.Parse).ToArray();
            clusters = CooccurrenceMerge.Merge(corpus, clusters.ToList(), c[0], c[1], c[2] > 0, (int)c[3]);
        }
        if (Arg("--context-edges") is { } edgeWeight)
        {
            clusters = CommentEdges.Discover(corpus, complaint, options, double.Parse(edgeWeight));
            summary = summary with { Created = clusters.Count, Complaints = clusters.Count(x => x.Complaint), Other = clusters.Count(x => !x.Complaint) };
        }
        if (Arg("--context-reweight") is { } beta)
        {
            clusters = ContextReweight.Discover(corpus, complaint, options, double.Parse(beta));
            summary = summary with { Created = clusters.Count, Complaints = clusters.Count(x => x.Complaint), Other = clusters.Count(x => !x.Complaint) };
        }
        if (Arg("--context-assign") == "raw") corpus.Vectors = raw;
        var seconds = sw.Elapsed.TotalSeconds;
        Report.Print(corpus, clusters, summary, seconds, args.Contains("--verbose"));
    }
}
