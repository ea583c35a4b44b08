using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Clustering;

namespace Fulcrum.ThemeLab;

/// <summary>Prototype: graph communities per partition, then merged (average linkage) and folded across partitions.</summary>
static class CrossPartition
{
    public static List<DiscoveredCluster> Discover(Corpus corpus, bool[] complaint, ThemeOptions options, double merge)
    {
        var minimum = Math.Max(ThemeOptions.MinimumThemeSentences, (int)Math.Ceiling(options.MinThemeShare * corpus.Vectors.Length));
        var found = SentenceCommunities.Find(corpus.Vectors, complaint.Select(c => c ? 0 : 1).ToList(), options.Neighbours, options.Resolution, options.Seed);
        var (groups, summary) = CentroidAgglomeration.Agglomerate(corpus.Vectors, found.Select(f => (f.Members, 0)).ToList(), merge, minimum);
        Console.WriteLine($"  cross: {summary}");
        return groups.Select(g => new DiscoveredCluster(g.Centroid, g.Members.Length, g.Members.Count(i => complaint[i]) * 2 > g.Members.Length)).ToList();
    }
}
