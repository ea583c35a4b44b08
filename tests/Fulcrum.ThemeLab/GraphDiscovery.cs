using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Clustering;

namespace Fulcrum.ThemeLab;

/// <summary>
/// Graph discovery as `themes` does it, with the way each partition's graph is split into communities given (lab variants);
/// merge, fold and drop as discovery does.
/// </summary>
static class GraphDiscovery
{
    /// <param name="communities">The community of each node of a partition's graph, given the graph and the partition (0: complaints).</param>
    /// <param name="reshape">Changes a partition's neighbour graph before its communities are found, given each node's sentences (lab variants).</param>
    public static List<DiscoveredCluster> Discover(Corpus corpus, bool[] complaint, ThemeOptions options, Func<WeightedGraph, int, int[]> communities,
        Func<WeightedGraph, IReadOnlyList<List<int>>, WeightedGraph>? reshape = null)
    {
        var minimum = Math.Max(ThemeOptions.MinimumThemeSentences, (int)Math.Ceiling(options.MinThemeShare * corpus.Vectors.Length));
        var found = new List<(List<int> Members, int Partition)>();
        foreach (var part in Enumerable.Range(0, corpus.Vectors.Length).GroupBy(i => complaint[i] ? 0 : 1).OrderBy(g => g.Key))
        {
            // Nodes are distinct vectors, as in SentenceCommunities (over its 12,000 cap: that many drawn at random, seeded, as it does).
            var node = new Dictionary<float[], int>(ReferenceEqualityComparer.Instance);
            var sentences = new List<List<int>>();
            foreach (var i in part)
            {
                if (!node.TryGetValue(corpus.Vectors[i], out var j)) { node[corpus.Vectors[i]] = j = sentences.Count; sentences.Add([]); }
                sentences[j].Add(i);
            }
            if (sentences.Count > SentenceCommunities.DistinctPerPartition)
            {
                var rng = new Random(options.Seed + part.Key);
                sentences = sentences.OrderBy(_ => rng.Next()).Take(SentenceCommunities.DistinctPerPartition).OrderBy(s => s[0]).ToList();
            }
            var graph = NeighbourGraph.Build(sentences.Select(s => corpus.Vectors[s[0]]).ToList(), options.Neighbours);
            if (reshape is not null) graph = reshape(graph, sentences);
            var community = communities(graph, part.Key);
            var members = Enumerable.Range(0, community.Max() + 1).Select(_ => new List<int>()).ToArray();
            for (var n = 0; n < community.Length; n++) members[community[n]].AddRange(sentences[n]);
            found.AddRange(members.Select(m => (m, part.Key)));
        }
        var (groups, _) = CentroidAgglomeration.Agglomerate(corpus.Vectors, found, options.MergeSimilarity ?? ThemeOptions.DefaultMergeSimilarity(true), minimum);
        return ToneMerge.WithAllSentences(corpus.Vectors, groups.Select(g => (g.Centroid, Complaint: g.Partition == 0)).ToList(), minimum);
    }
}
