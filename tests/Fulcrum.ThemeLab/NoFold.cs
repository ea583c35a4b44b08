using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Clustering;

namespace Fulcrum.ThemeLab;

/// <summary>Prototype (tried, not kept): graph communities merged as usual but small ones not folded, so their sentences never
/// move a larger theme's centroid; after assigning every sentence, the smallest theme under the minimum is dropped, one at a
/// time (its sentences may lift a neighbour over the minimum), until none is.</summary>
static class NoFold
{
    public static List<DiscoveredCluster> Discover(Corpus corpus, bool[] complaint, ThemeOptions options)
    {
        var minimum = Math.Max(ThemeOptions.MinimumThemeSentences, (int)Math.Ceiling(options.MinThemeShare * corpus.Vectors.Length));
        var found = SentenceCommunities.Find(corpus.Vectors, complaint.Select(c => c ? 0 : 1).ToList(), options.Neighbours, options.Resolution, options.Seed);
        var (groups, _) = CentroidAgglomeration.Agglomerate(corpus.Vectors, found, options.MergeSimilarity ?? ThemeOptions.DefaultMergeSimilarity(true), 0);
        var themes = groups.Select(g => (g.Centroid, Complaint: g.Partition == 0)).ToList();
        while (true)
        {
            var centroids = themes.Select(t => t.Centroid).ToList();
            var nearest = new int[corpus.Vectors.Length];
            Parallel.For(0, nearest.Length, i => nearest[i] = SphericalKMeans.Nearest(corpus.Vectors[i], centroids).Index);
            var sizes = new int[themes.Count];
            foreach (var t in nearest) sizes[t]++;
            var smallest = Enumerable.Range(0, themes.Count).Where(t => sizes[t] < minimum).OrderBy(t => sizes[t]).FirstOrDefault(-1);
            if (smallest < 0) return themes.Select((t, i) => new DiscoveredCluster(t.Centroid, sizes[i], t.Complaint)).ToList();
            themes.RemoveAt(smallest);
        }
    }
}
