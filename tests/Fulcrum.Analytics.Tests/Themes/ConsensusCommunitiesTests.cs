using Fulcrum.Analytics.Themes.Clustering;

namespace Fulcrum.Analytics.Tests.Themes;

public class ConsensusCommunitiesTests
{
    /// <summary>
    /// On the karate club one Louvain run's answer depends on its visiting order (3 or 4 factions, members tied between two
    /// move); the consensus of ten runs is near maximal modularity and differs less between seeds (mean Rand index over pairs
    /// of seeds 1–10 higher than single runs').
    /// </summary>
    [Fact]
    public void The_karate_club_s_consensus_depends_less_on_the_seed_than_one_run_and_has_near_maximal_modularity()
    {
        var graph = LouvainTests.Graph(34, LouvainTests.Karate);
        var seeds = Enumerable.Range(1, 10).ToArray();
        var consensus = seeds.Select(seed => ConsensusCommunities.Find(graph, 1, seed)).ToList();
        var single = seeds.Select(seed => Louvain.Communities(graph, 1, seed)).ToList();
        foreach (var community in consensus)
        {
            Assert.InRange(Louvain.Modularity(graph, community, 1), 0.40, 0.4198 + 1e-4);
            Assert.NotEqual(community[0], community[33]);
        }
        var (consensusAgreement, singleAgreement) = (MeanPairwiseRand(consensus), MeanPairwiseRand(single));
        Assert.True(consensusAgreement >= singleAgreement, $"consensus {consensusAgreement:F4}, single runs {singleAgreement:F4}");
    }

    [Fact]
    public void Two_cliques_joined_by_one_edge_stay_two_communities()
    {
        var edges = new List<(int, int)>();
        for (var a = 0; a < 6; a++) for (var b = a + 1; b < 6; b++) { edges.Add((a, b)); edges.Add((a + 6, b + 6)); }
        edges.Add((5, 6));
        var community = ConsensusCommunities.Find(LouvainTests.Graph(12, edges), 1, seed: 9);
        Assert.Equal([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1], community);
    }

    [Fact]
    public void One_run_and_one_round_is_a_single_Louvain_run()
    {
        var graph = LouvainTests.Graph(34, LouvainTests.Karate);
        var community = ConsensusCommunities.Find(graph, 1, seed: 7, runs: 1, maxRounds: 1);
        Assert.Equal(Louvain.Communities(graph, 1, new Random(7).Next()), community);
    }

    static double MeanPairwiseRand(List<int[]> partitions) =>
        partitions.SelectMany((a, i) => partitions.Skip(i + 1).Select(b => RandIndex(a, b))).Average();

    /// <summary>Share of node pairs two partitions treat alike (both together or both apart).</summary>
    static double RandIndex(int[] a, int[] b)
    {
        int alike = 0, pairs = 0;
        for (var i = 0; i < a.Length; i++)
            for (var j = i + 1; j < a.Length; j++, pairs++)
                if ((a[i] == a[j]) == (b[i] == b[j])) alike++;
        return alike / (double)pairs;
    }
}
