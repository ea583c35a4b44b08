using Fulcrum.Analytics.Themes.Clustering;

namespace Fulcrum.ThemeLab;

/// <summary>Diagnostic: for the communities holding a planted theme, where their graph edges leave to (share of their cut).</summary>
static class CommunityLinks
{
    public static void Print(Corpus corpus, bool[] complaint, double resolution, int neighbours)
    {
        for (var part = 0; part < 2; part++)
        {
            var rows = Enumerable.Range(0, corpus.Vectors.Length).Where(i => complaint[i] == (part == 0)).ToList();
            var node = new Dictionary<float[], int>(ReferenceEqualityComparer.Instance);
            var sentences = new List<List<int>>();
            foreach (var i in rows)
            {
                if (!node.TryGetValue(corpus.Vectors[i], out var j)) { node[corpus.Vectors[i]] = j = sentences.Count; sentences.Add([]); }
                sentences[j].Add(i);
            }
            var graph = NeighbourGraph.Build(sentences.Select(s => corpus.Vectors[s[0]]).ToList(), neighbours);
            var community = Louvain.Communities(graph, resolution, 20_240_601 + part);
            var count = community.Max() + 1;
            var collapsed = graph.Collapse(community, count);
            var docs = Enumerable.Range(0, count).Select(_ => new HashSet<int>()).ToArray();
            for (var n = 0; n < sentences.Count; n++) foreach (var i in sentences[n]) docs[community[n]].Add(corpus.Mentions.Document[i]);
            var total = Enumerable.Range(0, count).Sum(collapsed.Strength);
            foreach (var key in new[] { "products_dont_integrate", "too_many_account_managers" })
            {
                var truth = Enumerable.Range(0, corpus.DocumentLabels.Length).Where(d => corpus.DocumentLabels[d].Contains(key)).ToHashSet();
                foreach (var c in Enumerable.Range(0, count).OrderByDescending(c => docs[c].Count(truth.Contains)).Take(3))
                {
                    var self = 0.0; var links = new List<(int T, double W)>();
                    for (var e = collapsed.Offsets[c]; e < collapsed.Offsets[c + 1]; e++)
                        if (collapsed.Targets[e] == c) self = collapsed.Weights[e]; else links.Add((collapsed.Targets[e], collapsed.Weights[e]));
                    var cut = links.Sum(l => l.W); var sc = collapsed.Strength(c);
                    string Desc(int t) => $"#{t} n{docs[t].Count} int{docs[t].Count(d => corpus.DocumentLabels[d].Contains("products_dont_integrate"))} man{docs[t].Count(d => corpus.DocumentLabels[d].Contains("too_many_account_managers"))}";
                    Console.WriteLine($"  P{part} {key[..5]} {Desc(c)} self {self / sc:F2} → " + string.Join(", ", links.OrderByDescending(l => l.W).Take(4)
                        .Select(l => $"{Desc(l.T)} cut {l.W / cut:F2} lift {l.W * total / (sc * collapsed.Strength(l.T)):F1}")));
                }
            }
        }
    }
}
