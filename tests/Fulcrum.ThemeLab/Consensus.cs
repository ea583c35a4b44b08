using System.Numerics.Tensors;
using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Clustering;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.ThemeLab;

/// <summary>
/// Prototype: evidence accumulation (Fred &amp; Jain 2005) over discovery runs with different seeds. One k-means micro-partition;
/// the co-association of two micro-clusters is the share of member pairs the runs put in one theme (averaged over runs);
/// micro-clusters are then merged by average linkage on that co-association while it is at least the consensus threshold.
/// </summary>
static class Consensus
{
    public static List<DiscoveredCluster> Discover(Corpus corpus, bool[] complaint, ThemeOptions options, int runs, double threshold)
    {
        var rng = new Random(options.Seed);
        var result = new List<DiscoveredCluster>();
        foreach (var part in Enumerable.Range(0, complaint.Length).GroupBy(i => complaint[i]))
        {
            var rows = part.Count() <= ThemeEngine.ClusteredPerGroup ? part.ToArray() : part.OrderBy(_ => rng.Next()).Take(ThemeEngine.ClusteredPerGroup).Order().ToArray();
            var vectors = rows.Select(i => corpus.Vectors[i]).ToList();
            var n = rows.Length;
            var microCount = (int)Math.Round(2 * Math.Sqrt(n));
            var micro = SphericalKMeans.Fit(vectors, microCount, options.Seed, maxIterations: 20).Labels;
            var microSize = new int[microCount];
            foreach (var m in micro) microSize[m]++;
            var co = new double[microCount, microCount];
            var minimum = Math.Max(ThemeOptions.MinimumThemeSentences, (int)Math.Ceiling(options.MinThemeShare * rows.Length * 2));
            for (var r = 0; r < runs; r++)
            {
                var (groups, _) = CentroidAgglomeration.Cluster(vectors, new int[n], options.MergeSimilarity ?? 0.3, null, minimum, options.Seed + 7919 * (r + 1));
                var label = new int[n];
                for (var g = 0; g < groups.Count; g++) foreach (var i in groups[g].Members) label[i] = g;
                var hist = new double[microCount, groups.Count];
                for (var i = 0; i < n; i++) hist[micro[i], label[i]]++;
                Parallel.For(0, microCount, a =>
                {
                    for (var b = 0; b < microCount; b++)
                    {
                        if (microSize[a] == 0 || microSize[b] == 0) continue;
                        var s = 0.0;
                        for (var g = 0; g < groups.Count; g++) s += hist[a, g] * hist[b, g];
                        co[a, b] += s / ((double)microSize[a] * microSize[b]) / runs;
                    }
                });
            }
            // Average-linkage agglomeration of micro-clusters on the co-association (weighted by sizes).
            var members = Enumerable.Range(0, microCount).Where(m => microSize[m] > 0).Select(m => new List<int> { m }).ToList();
            double Link(List<int> x, List<int> y)
            {
                double s = 0, w = 0;
                foreach (var a in x) foreach (var b in y) { var ww = (double)microSize[a] * microSize[b]; s += ww * co[a, b]; w += ww; }
                return s / w;
            }
            while (true)
            {
                var (bx, by, best) = (-1, -1, double.NegativeInfinity);
                for (var x = 0; x < members.Count; x++)
                    for (var y = x + 1; y < members.Count; y++)
                    {
                        var l = Link(members[x], members[y]);
                        if (l > best) (bx, by, best) = (x, y, l);
                    }
                if (bx < 0 || best < threshold) break;
                members[bx].AddRange(members[by]);
                members.RemoveAt(by);
            }
            var dim = vectors[0].Length;
            foreach (var group in members)
            {
                var set = group.ToHashSet();
                var sum = new float[dim];
                var count = 0;
                for (var i = 0; i < n; i++) if (set.Contains(micro[i])) { TensorPrimitives.Add(sum, vectors[i], sum); count++; }
                VectorMath.Normalize(sum);
                result.Add(new DiscoveredCluster(sum, count, part.Key));
            }
        }
        // Themes under the minimum once every sentence is assigned are dropped (as discovery does).
        var minimumAll = Math.Max(ThemeOptions.MinimumThemeSentences, (int)Math.Ceiling(options.MinThemeShare * complaint.Length));
        while (true)
        {
            var a = ThemeEngine.Assign(corpus.Mentions, corpus.Vectors, result.Select(c => c.Centroid).ToList(), corpus.Sentiment);
            var sizes = new int[result.Count];
            foreach (var t in a.MentionTheme) sizes[t]++;
            var keep = Enumerable.Range(0, result.Count).Where(t => sizes[t] >= minimumAll).ToList();
            if (keep.Count == result.Count || keep.Count == 0) return result;
            result = keep.Select(t => result[t]).ToList();
        }
    }
}
