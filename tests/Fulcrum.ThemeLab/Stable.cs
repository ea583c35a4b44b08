using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Clustering;

namespace Fulcrum.ThemeLab;

/// <summary>Prototype (tried, not kept; discovery20s): graph communities at the resolution chosen by stability across node subsamples, then communities the
/// subsamples put together merged (<see cref="StableCommunities"/>); merge, fold and drop as discovery does.</summary>
static class Stable
{
    public static List<DiscoveredCluster> Discover(Corpus corpus, bool[] complaint, ThemeOptions options, IReadOnlyList<double> ladder, int resamples, double share, double? mergeShare) =>
        GraphDiscovery.Discover(corpus, complaint, options, (graph, partition) =>
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var (community, choice) = StableCommunities.Find(graph, ladder, resamples, share, mergeShare, options.Seed + partition);
            Console.WriteLine($"    partition {partition}: nodes {graph.NodeCount}, stability " + string.Join(" ", choice.Resolutions.Select((r, g) => $"{r}:{choice.Stability[g]:F3}±{choice.StandardError[g]:F3}"))
                + $" -> resolution {choice.Resolution}, {choice.Communities} communities, {choice.Merged} merged, {sw.Elapsed.TotalSeconds:F1} s");
            return community;
        });
}
