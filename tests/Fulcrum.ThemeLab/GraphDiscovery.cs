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
    public static List<DiscoveredCluster> Discover(Corpus corpus, bool[] complaint, ThemeOptions options, Func<WeightedGraph, int, int[]> communities)
    {
        var minimum = Math.Max(ThemeOptions.MinimumThemeSentences, (int)Math.Ceiling(options.MinThemeShare * corpus.Vectors.Length));
        var found = new List<(List<int> Members, int Partition)>();
        foreach (var part in Enumerable.Range(0, corpus.Vectors.Length).GroupBy(i => complaint[i] ? 0 : 1).OrderBy(g => g.Key))
        {
            // Nodes are distinct vectors, as in SentenceCommunities (every partition here is under its 12,000 cap).
            var node = new Dictionary<float[], int>(ReferenceEqualityComparer.Instance);
            var sentences = new List<List<int>>();
            foreach (var i in part)
            {
                if (!node.TryGetValue(corpus.Vectors[i], out var j)) { node[corpus.Vectors[i]] = j = sentences.Count; sentences.Add([]); }
                sentences[j].Add(i);
            }
            if (sentences.Count > SentenceCommunities.DistinctPerPartition) throw new NotSupportedException("partition over the graph's cap");
            var graph = NeighbourGraph.Build(sentences.Select(s => corpus.Vectors[s[0]]).ToList(), options.Neighbours);
            var community = communities(graph, part.Key);
            var members = Enumerable.Range(0, community.Max() + 1).Select(_ => new List<int>()).ToArray();
            for (var n = 0; n < community.Length; n++) members[community[n]].AddRange(sentences[n]);
            found.AddRange(members.Select(m => (m, part.Key)));
        }
        var (groups, _) = CentroidAgglomeration.Agglomerate(corpus.Vectors, found, options.MergeSimilarity ?? ThemeOptions.DefaultMergeSimilarity(true), minimum);
        return ToneMerge.WithAllSentences(corpus.Vectors, groups.Select(g => (g.Centroid, Complaint: g.Partition == 0)).ToList(), minimum);
    }
}
