using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Themes.Clustering;

/// <summary>
/// Groups of sentences found as communities of their nearest-neighbour graph, per partition (complaints, other remarks): the
/// distinct sentences of a partition (up to <see cref="DistinctPerPartition"/>, drawn at random, seeded) are linked to their
/// nearest neighbours and split by a consensus of
/// <see cref="Louvain"/> runs (<see cref="ConsensusCommunities"/>); a community's members are every sentence, repeats included, whose
/// vector is one of its nodes. The number of groups follows from the graph, not from a k.
/// </summary>
public static class SentenceCommunities
{
    /// <summary>Distinct sentences of a partition in its graph; the rest are only assigned to the themes found.</summary>
    public const int DistinctPerPartition = 12_000;

    /// <param name="vectors">Unit vector of each sentence; sentences with the same vector are one node (<see cref="SameVector"/>).</param>
    /// <param name="partition">Partition of each sentence (communities never span two).</param>
    public static List<(List<int> Members, int Partition)> Find(IReadOnlyList<float[]> vectors, IReadOnlyList<int> partition, int neighbours,
        double resolution, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var result = new List<(List<int> Members, int Partition)>();
        foreach (var part in Enumerable.Range(0, vectors.Count).GroupBy(i => partition[i]).OrderBy(g => g.Key))
        {
            // Nodes are distinct vectors (by value), in order of first appearance; each keeps the sentences that carry it.
            var node = new Dictionary<float[], int>(SameVector.Instance);
            var sentences = new List<List<int>>();
            foreach (var i in part)
            {
                if (!node.TryGetValue(vectors[i], out var j)) { node[vectors[i]] = j = sentences.Count; sentences.Add([]); }
                sentences[j].Add(i);
            }
            var nodes = Enumerable.Range(0, sentences.Count).ToList();
            if (nodes.Count > DistinctPerPartition)
            {
                var rng = new Random(seed + part.Key);
                nodes = nodes.OrderBy(_ => rng.Next()).Take(DistinctPerPartition).Order().ToList();
            }
            if (nodes.Count < 2)
            {
                result.Add((nodes.SelectMany(j => sentences[j]).ToList(), part.Key));
                continue;
            }
            var graph = NeighbourGraph.Build(nodes.Select(j => vectors[sentences[j][0]]).ToList(), neighbours, cancellationToken);
            var community = ConsensusCommunities.Find(graph, resolution, seed + part.Key, cancellationToken);
            var members = Enumerable.Range(0, community.Max() + 1).Select(_ => new List<int>()).ToArray();
            for (var n = 0; n < nodes.Count; n++) members[community[n]].AddRange(sentences[nodes[n]]);
            result.AddRange(members.Select(m => (m, part.Key)));
        }
        return result;
    }
}
