using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Clustering;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.ThemeLab;

/// <summary>
/// Prototype (split22): after the shipped consensus communities, (1) split a community whose own subgraph falls clearly into
/// parts (consensus Louvain on the induced subgraph; kept when its modularity is at least a threshold, every part holds at
/// least the minimum theme size and, optionally, the parts are less similar to each other than a quantile of their members'
/// similarity within their own part), then merge and fold as discovery does; (2) join themes that are pieces of one complaint:
/// the pair whose comments raise both most, as a share of the comments raising either one (the smaller of P(B|A), P(A|B)),
/// merged while that share is at least a threshold. One consensus per partition serves every variant of a run.
/// </summary>
static class SplitJoin
{
    /// <param name="splits">Modularity thresholds for the split (null: no split).</param>
    /// <param name="joins">Conditional-share thresholds for the join (null: no join).</param>
    /// <param name="partShare">Fewest sentences a split's part keeps, as a share of the minimum theme size.</param>
    /// <param name="separations">Quantiles of within-part similarity the cross-part similarity must stay under (0: not checked).</param>
    public static void Run(Corpus corpus, bool[] complaint, ThemeOptions options, IReadOnlyList<double?> splits, IReadOnlyList<double?> joins,
        IReadOnlyList<double> separations, int minJoinCount, bool verbose, string variant, double partShare = 1)
    {
        var minimum = Math.Max(ThemeOptions.MinimumThemeSentences, (int)Math.Ceiling(options.MinThemeShare * corpus.Vectors.Length));
        // A split's parts may be smaller than a theme (partShare < 1): the fold then takes each small part to its most similar theme.
        var partMinimum = Math.Max(ThemeOptions.MinimumThemeSentences, (int)Math.Ceiling(partShare * minimum));
        var parts = new List<(WeightedGraph Graph, List<List<int>> Sentences, int[] Community, int Partition)>();
        foreach (var part in Enumerable.Range(0, corpus.Vectors.Length).GroupBy(i => complaint[i] ? 0 : 1).OrderBy(g => g.Key))
        {
            var node = new Dictionary<float[], int>(ReferenceEqualityComparer.Instance);
            var sentences = new List<List<int>>();
            foreach (var i in part)
            {
                if (!node.TryGetValue(corpus.Vectors[i], out var j)) { node[corpus.Vectors[i]] = j = sentences.Count; sentences.Add([]); }
                sentences[j].Add(i);
            }
            if (sentences.Count > SentenceCommunities.DistinctPerPartition) throw new NotSupportedException("partition over the graph's cap");
            var graph = NeighbourGraph.Build(sentences.Select(s => corpus.Vectors[s[0]]).ToList(), options.Neighbours);
            var community = ConsensusCommunities.Find(graph, options.Resolution, options.Seed + part.Key);
            parts.Add((graph, sentences, community, part.Key));
        }
        foreach (var split in splits)
        foreach (var separation in split is null ? [0.0] : separations)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var found = new List<(List<int> Members, int Partition)>();
            foreach (var (graph, sentences, community, partition) in parts)
            {
                var refined = split is { } q
                    ? Refine(corpus, graph, sentences, community, partMinimum, q, separation, options.Seed + partition, verbose)
                    : community;
                var members = Enumerable.Range(0, refined.Max() + 1).Select(_ => new List<int>()).ToArray();
                for (var n = 0; n < refined.Length; n++) members[refined[n]].AddRange(sentences[n]);
                found.AddRange(members.Where(m => m.Count > 0).Select(m => (m, partition)));
            }
            var (groups, _) = CentroidAgglomeration.Agglomerate(corpus.Vectors, found, options.MergeSimilarity ?? ThemeOptions.DefaultMergeSimilarity(true), minimum);
            var clusters = ToneMerge.WithAllSentences(corpus.Vectors, groups.Select(g => (g.Centroid, Complaint: g.Partition == 0)).ToList(), minimum);
            var splitSeconds = sw.Elapsed.TotalSeconds;
            foreach (var join in joins)
            {
                sw.Restart();
                var joined = join is { } share ? Join(corpus, clusters, share, minJoinCount) : clusters;
                Report.Variant = $"{variant} split={split?.ToString() ?? "-"}:{separation}:{partShare} join={join?.ToString() ?? "-"}";
                Console.WriteLine($"  {Report.Variant}: split {splitSeconds:F1} s, join {sw.Elapsed.TotalSeconds:F1} s");
                var summary = new DiscoverySummary(joined.Count, joined.Count(c => c.Complaint), joined.Count(c => !c.Complaint), complaint.Count(c => c),
                    complaint.Count(c => !c), 0, 0, 0, null, minimum, null, options.Neighbours);
                Report.Print(corpus, joined, summary, splitSeconds + sw.Elapsed.TotalSeconds, verbose);
            }
        }
    }

    /// <summary>Each community split by consensus Louvain on its own subgraph when the split is clearly supported.</summary>
    static int[] Refine(Corpus corpus, WeightedGraph graph, List<List<int>> sentences, int[] community, int minimum, double minModularity,
        double separation, int seed, bool verbose)
    {
        var result = new int[community.Length];
        var next = 0;
        foreach (var group in Enumerable.Range(0, community.Length).GroupBy(n => community[n]).OrderBy(g => g.Key))
        {
            var nodes = group.ToArray();
            var parts = SplitCommunity(corpus, graph, sentences, nodes, minimum, minModularity, separation, seed + group.Key, verbose);
            var count = parts.Max() + 1;
            for (var k = 0; k < nodes.Length; k++) result[nodes[k]] = next + parts[k];
            next += count;
        }
        return result;
    }

    static int[] SplitCommunity(Corpus corpus, WeightedGraph graph, List<List<int>> sentences, int[] nodes, int minimum, double minModularity,
        double separation, int seed, bool verbose)
    {
        var whole = new int[nodes.Length];
        var weight = nodes.Select(n => sentences[n].Count).ToArray();
        if (weight.Sum() < 2 * minimum) return whole;
        var local = new Dictionary<int, int>();
        for (var k = 0; k < nodes.Length; k++) local[nodes[k]] = k;
        var rows = new Dictionary<int, double>[nodes.Length];
        for (var k = 0; k < nodes.Length; k++)
        {
            rows[k] = [];
            for (var e = graph.Offsets[nodes[k]]; e < graph.Offsets[nodes[k] + 1]; e++)
                if (local.TryGetValue(graph.Targets[e], out var j) && j != k) rows[k][j] = graph.Weights[e];
        }
        var sub = WeightedGraph.FromRows(rows);
        var part = ConsensusCommunities.Find(sub, 1.0, seed);
        // Parts under the minimum join the part they share the most edge weight with.
        while (true)
        {
            var size = new Dictionary<int, int>();
            for (var k = 0; k < nodes.Length; k++) size[part[k]] = size.GetValueOrDefault(part[k]) + weight[k];
            if (size.Count < 2) break;
            var smallest = size.MinBy(p => p.Value);
            if (smallest.Value >= minimum) break;
            var link = new Dictionary<int, double>();
            for (var k = 0; k < nodes.Length; k++)
                if (part[k] == smallest.Key)
                    for (var e = sub.Offsets[k]; e < sub.Offsets[k + 1]; e++)
                        if (part[sub.Targets[e]] != smallest.Key) link[part[sub.Targets[e]]] = link.GetValueOrDefault(part[sub.Targets[e]]) + sub.Weights[e];
            var into = link.Count > 0 ? link.MaxBy(p => p.Value).Key : size.Where(p => p.Key != smallest.Key).MaxBy(p => p.Value).Key;
            for (var k = 0; k < nodes.Length; k++) if (part[k] == smallest.Key) part[k] = into;
        }
        part = Renumber(part);
        var partCount = part.Max() + 1;
        if (partCount < 2) return whole;
        var modularity = Louvain.Modularity(sub, part, 1.0);
        var kept = modularity >= minModularity;
        if (kept && separation > 0) part = Separate(corpus, sentences, nodes, part, separation);
        if (verbose) Describe(corpus, sentences, nodes, part, modularity, kept);
        return kept ? Renumber(part) : whole;
    }

    /// <summary>Merges the most similar pair of parts while their mean cross similarity is at least the quantile of within-part similarity.</summary>
    static int[] Separate(Corpus corpus, List<List<int>> sentences, int[] nodes, int[] part, double quantile)
    {
        var v = nodes.Select(n => corpus.Vectors[sentences[n][0]]).ToArray();
        var sim = new float[nodes.Length][];
        Parallel.For(0, nodes.Length, a => { sim[a] = new float[nodes.Length]; for (var b = 0; b < nodes.Length; b++) sim[a][b] = VectorMath.Dot(v[a], v[b]); });
        while (true)
        {
            var count = part.Max() + 1;
            if (count < 2) return part;
            var within = new List<double>();
            for (var a = 0; a < nodes.Length; a++)
            {
                double s = 0; var c = 0;
                for (var b = 0; b < nodes.Length; b++) if (b != a && part[b] == part[a]) { s += sim[a][b]; c++; }
                if (c > 0) within.Add(s / c);
            }
            within.Sort();
            var threshold = within[(int)Math.Floor(quantile * (within.Count - 1))];
            var cross = new double[count, count];
            var pairs = new double[count, count];
            for (var a = 0; a < nodes.Length; a++)
                for (var b = 0; b < nodes.Length; b++)
                    if (part[a] < part[b]) { cross[part[a], part[b]] += sim[a][b]; pairs[part[a], part[b]]++; }
            var (bestA, bestB, best) = (-1, -1, double.NegativeInfinity);
            for (var a = 0; a < count; a++)
                for (var b = a + 1; b < count; b++)
                    if (pairs[a, b] > 0 && cross[a, b] / pairs[a, b] > best) (bestA, bestB, best) = (a, b, cross[a, b] / pairs[a, b]);
            if (bestA < 0 || best < threshold) return part;
            part = Renumber(part.Select(p => p == bestB ? bestA : p).ToArray());
        }
    }

    static void Describe(Corpus corpus, List<List<int>> sentences, int[] nodes, int[] part, double modularity, bool kept)
    {
        string Composition(IEnumerable<int> ks)
        {
            var s = ks.SelectMany(k => sentences[nodes[k]]).ToList();
            var i = s.Count(x => corpus.DocumentLabels[corpus.Mentions.Document[x]].Contains("products_dont_integrate"));
            var m = s.Count(x => corpus.DocumentLabels[corpus.Mentions.Document[x]].Contains("too_many_account_managers"));
            return $"{s.Count} (int {i}, man {m}) '{corpus.Mentions.Text[sentences[nodes[ks.First()]][0]]}'";
        }
        var byPart = Enumerable.Range(0, nodes.Length).GroupBy(k => part[k]).OrderBy(g => g.Key).ToList();
        Console.WriteLine($"    split Q {modularity:F3} {(kept ? "kept" : "not kept")} {byPart.Count} parts: {string.Join(" | ", byPart.Select(g => Composition(g)))}");
    }

    static int[] Renumber(int[] part)
    {
        var number = new Dictionary<int, int>();
        return part.Select(p => number.TryGetValue(p, out var c) ? c : number[p] = number.Count).ToArray();
    }

    /// <summary>Merges the pair of themes with the largest min(P(B|A), P(A|B)) over the comments raising them while it is at least the threshold.</summary>
    public static List<DiscoveredCluster> Join(Corpus corpus, IReadOnlyList<DiscoveredCluster> input, double minShare, int minCount)
    {
        var clusters = input.ToList();
        while (true)
        {
            var a = ThemeEngine.Assign(corpus.Mentions, corpus.Vectors, clusters.Select(c => c.Centroid).ToList(), corpus.Sentiment);
            var raised = new int[clusters.Count];
            var sizes = new int[clusters.Count];
            foreach (var t in a.MentionTheme) sizes[t]++;
            var pair = new Dictionary<(int, int), int>();
            foreach (var g in a.Documents.GroupBy(d => d.Document))
            {
                var ts = g.Select(x => x.Theme).Distinct().ToArray();
                foreach (var t in ts) raised[t]++;
                foreach (var x in ts) foreach (var y in ts) if (x < y) pair[(x, y)] = pair.GetValueOrDefault((x, y)) + 1;
            }
            var best = pair.Where(p => p.Value >= minCount)
                .Select(p => (p.Key, p.Value, Share: Math.Min(p.Value / (double)raised[p.Key.Item1], p.Value / (double)raised[p.Key.Item2])))
                .OrderByDescending(p => p.Share).FirstOrDefault();
            if (best.Key == default || best.Share < minShare)
            {
                if (best.Key != default)
                    Console.WriteLine($"    join stops at {best.Key.Item1}+{best.Key.Item2} share {best.Share:F3} together {best.Value} of {raised[best.Key.Item1]} / {raised[best.Key.Item2]} ({Planted(corpus, a, best.Key.Item1)} + {Planted(corpus, a, best.Key.Item2)})");
                return clusters;
            }
            var (i, j) = best.Key;
            var sum = new float[clusters[i].Centroid.Length];
            for (var d = 0; d < sum.Length; d++) sum[d] = clusters[i].Centroid[d] * sizes[i] + clusters[j].Centroid[d] * sizes[j];
            VectorMath.Normalize(sum);
            Console.WriteLine($"    join {i}+{j} share {best.Share:F2} together {best.Value} of {raised[i]} / {raised[j]} comments ({Planted(corpus, a, i)} + {Planted(corpus, a, j)})");
            var merged = new DiscoveredCluster(sum, sizes[i] + sizes[j], sizes[i] >= sizes[j] ? clusters[i].Complaint : clusters[j].Complaint);
            clusters = clusters.Where((_, k) => k != i && k != j).Append(merged).ToList();
        }
    }

    static string Planted(Corpus corpus, ThemeAssignment a, int theme)
    {
        var docs = a.Documents.Where(d => d.Theme == theme).Select(d => d.Document).Distinct().ToList();
        return $"int {docs.Count(d => corpus.DocumentLabels[d].Contains("products_dont_integrate"))} man {docs.Count(d => corpus.DocumentLabels[d].Contains("too_many_account_managers"))}";
    }
}
