using Fulcrum.Analytics.Themes.Clustering;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Tests.Themes;

public class LouvainTests
{
    internal static WeightedGraph Graph(int nodes, IEnumerable<(int A, int B)> edges)
    {
        var rows = Enumerable.Range(0, nodes).Select(_ => new SortedDictionary<int, double>()).ToArray();
        foreach (var (a, b) in edges) { rows[a][b] = 1; rows[b][a] = 1; }
        var offsets = new int[nodes + 1];
        for (var i = 0; i < nodes; i++) offsets[i + 1] = offsets[i] + rows[i].Count;
        return new WeightedGraph
        {
            Offsets = offsets,
            Targets = rows.SelectMany(r => r.Keys).ToArray(),
            Weights = rows.SelectMany(r => r.Values).ToArray(),
        };
    }

    /// <summary>Zachary's karate club (34 members, 78 ties; as in networkx, 0-based).</summary>
    internal static readonly (int, int)[] Karate =
    [
        (0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (0, 6), (0, 7), (0, 8), (0, 10), (0, 11), (0, 12), (0, 13), (0, 17), (0, 19), (0, 21), (0, 31),
        (1, 2), (1, 3), (1, 7), (1, 13), (1, 17), (1, 19), (1, 21), (1, 30), (2, 3), (2, 7), (2, 8), (2, 9), (2, 13), (2, 27), (2, 28), (2, 32),
        (3, 7), (3, 12), (3, 13), (4, 6), (4, 10), (5, 6), (5, 10), (5, 16), (6, 16), (8, 30), (8, 32), (8, 33), (9, 33), (13, 33), (14, 32), (14, 33),
        (15, 32), (15, 33), (18, 32), (18, 33), (19, 33), (20, 32), (20, 33), (22, 32), (22, 33), (23, 25), (23, 27), (23, 29), (23, 32), (23, 33),
        (24, 25), (24, 27), (24, 31), (25, 31), (26, 29), (26, 33), (27, 33), (28, 31), (28, 33), (29, 32), (29, 33), (30, 32), (30, 33), (31, 32),
        (31, 33), (32, 33),
    ];

    /// <summary>The best known modularity of the karate club is 0.4198 (4 communities); Louvain reaches 0.4188–0.4198.</summary>
    [Fact]
    public void Finds_the_karate_club_s_communities_at_near_maximal_modularity()
    {
        var graph = Graph(34, Karate);
        Assert.Equal(156, graph.Targets.Length);
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var community = Louvain.Communities(graph, resolution: 1, seed);
            var q = Louvain.Modularity(graph, community, 1);
            Assert.InRange(q, 0.40, 0.4198 + 1e-4);
            Assert.InRange(community.Distinct().Count(), 3, 5);
            Assert.NotEqual(community[0], community[33]); // the instructor and the administrator lead different factions
        }
    }

    [Fact]
    public void Two_cliques_joined_by_one_edge_are_two_communities_and_the_same_seed_gives_the_same_answer()
    {
        var edges = new List<(int, int)>();
        for (var a = 0; a < 6; a++) for (var b = a + 1; b < 6; b++) { edges.Add((a, b)); edges.Add((a + 6, b + 6)); }
        edges.Add((5, 6));
        var graph = Graph(12, edges);
        var community = Louvain.Communities(graph, 1, seed: 9);
        Assert.Equal([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1], community);
        Assert.Equal(community, Louvain.Communities(graph, 1, seed: 9));
    }

    [Fact]
    public void A_higher_resolution_gives_at_least_as_many_communities()
    {
        var graph = Graph(34, Karate);
        var counts = new[] { 0.5, 1, 2, 4 }.Select(r => Louvain.Communities(graph, r, seed: 1).Distinct().Count()).ToList();
        Assert.Equal(counts.Order(), counts);
        Assert.True(counts[^1] > counts[0], string.Join(", ", counts));
    }

    [Fact]
    public void Nearest_neighbour_communities_of_noisy_directions_are_those_directions()
    {
        var rng = new Random(3);
        var vectors = new List<float[]>();
        for (var b = 0; b < 4; b++)
            for (var i = 0; i < 150; i++)
            {
                var v = new float[32];
                v[b] = 1;
                for (var d = 0; d < v.Length; d++) v[d] += (float)(0.6 * (rng.NextDouble() - 0.5));
                VectorMath.Normalize(v);
                vectors.Add(v);
            }
        var groups = SentenceCommunities.Find(vectors, new int[vectors.Count], neighbours: 10, resolution: 1, seed: 5);
        Assert.Equal(4, groups.Count);
        Assert.All(groups, g => Assert.Single(g.Members.Select(i => i / 150).Distinct()));
    }

    /// <summary>
    /// A first run hands repeated sentences one array (MiniLM runs case variants once), a re-run the cache's copy per text: the
    /// graph must not tell them apart, or the same data give other themes on the second run.
    /// </summary>
    [Fact]
    public void Sentences_with_equal_vectors_are_one_node_whether_or_not_they_share_an_array()
    {
        var rng = new Random(11);
        var shared = new List<float[]>();
        for (var b = 0; b < 3; b++)
            for (var k = 0; k < 60; k++)
            {
                var v = new float[24];
                v[b] = 1;
                for (var d = 0; d < v.Length; d++) v[d] += (float)(0.8 * (rng.NextDouble() - 0.5));
                VectorMath.Normalize(v);
                for (var repeat = 0; repeat < 4; repeat++) shared.Add(v); // a sentence written four times, one array
            }
        var copies = shared.Select(v => v.ToArray()).ToList(); // the same values, an array each
        // Compared by reference, each copy's nearest neighbours would be its own twins: cliques of four, not three topics.
        var fromShared = SentenceCommunities.Find(shared, new int[shared.Count], neighbours: 3, resolution: 1, seed: 5);
        var fromCopies = SentenceCommunities.Find(copies, new int[copies.Count], neighbours: 3, resolution: 1, seed: 5);
        Assert.Equal(fromShared.Select(g => string.Join(",", g.Members)), fromCopies.Select(g => string.Join(",", g.Members)));
    }
}
