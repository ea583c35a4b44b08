using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Clustering;

namespace Fulcrum.ThemeLab;

/// <summary>Graph discovery as `themes` does it (consensus21), with <see cref="ConsensusCommunities"/>' runs, threshold and rounds
/// given, to compare settings.</summary>
static class GraphConsensus
{
    public static List<DiscoveredCluster> Discover(Corpus corpus, bool[] complaint, ThemeOptions options, int runs, double threshold, int rounds) =>
        GraphDiscovery.Discover(corpus, complaint, options, (graph, partition) =>
            ConsensusCommunities.Find(graph, options.Resolution, options.Seed + partition, runs: runs, threshold: threshold, maxRounds: rounds));
}
