using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.ThemeLab;

/// <summary>Prototype: merge themes whose sentences are written together in the same comments far more than chance and whose centroids are similar.</summary>
static class CooccurrenceMerge
{
    public static List<DiscoveredCluster> Merge(Corpus corpus, IReadOnlyList<DiscoveredCluster> input, double minLift, double minCos, bool crossPartition, int minCount)
    {
        var clusters = input.ToList();
        while (true)
        {
            var a = ThemeEngine.Assign(corpus.Mentions, corpus.Vectors, clusters.Select(c => c.Centroid).ToList(), corpus.Sentiment);
            var raised = new int[clusters.Count];
            var sizes = new int[clusters.Count];
            foreach (var t in a.MentionTheme) sizes[t]++;
            var pair = new Dictionary<(int, int), int>();
            foreach (var g in a.Documents.GroupBy(d => d.Document))
            {
                var ts = g.Select(x => x.Theme).Distinct().ToArray();
                foreach (var t in ts) raised[t]++;
                foreach (var x in ts) foreach (var y in ts) if (x < y) pair[(x, y)] = pair.GetValueOrDefault((x, y)) + 1;
            }
            var n = (double)corpus.Mentions.DocumentCount;
            var best = pair.Where(p => p.Value >= minCount && (crossPartition || clusters[p.Key.Item1].Complaint == clusters[p.Key.Item2].Complaint))
                .Select(p => (p.Key, Lift: p.Value * n / raised[p.Key.Item1] / raised[p.Key.Item2], Cos: VectorMath.Dot(clusters[p.Key.Item1].Centroid, clusters[p.Key.Item2].Centroid)))
                .Where(p => p.Lift >= minLift && p.Cos >= minCos).OrderByDescending(p => p.Lift).FirstOrDefault();
            if (best.Key == default) return clusters;
            var (i, j) = best.Key;
            var sum = new float[clusters[i].Centroid.Length];
            for (var d = 0; d < sum.Length; d++) sum[d] = clusters[i].Centroid[d] * sizes[i] + clusters[j].Centroid[d] * sizes[j];
            VectorMath.Normalize(sum);
            Console.WriteLine($"    merge {i}+{j} lift {best.Lift:F1} cos {best.Cos:F2}");
            var merged = new DiscoveredCluster(sum, sizes[i] + sizes[j], sizes[i] >= sizes[j] ? clusters[i].Complaint : clusters[j].Complaint);
            clusters = clusters.Where((_, k) => k != i && k != j).Append(merged).ToList();
        }
    }
}
