using System.Numerics.Tensors;
using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Clustering;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.ThemeLab;

/// <summary>
/// Prototype: graph communities merged as `themes` does (within partitions, average linkage), then groups of either partition
/// merged while their centroids are at least <c>threshold</c> similar (centroid linkage: the cosine of the member sums), where
/// the threshold is fixed or, with a negative value −q, the q-quantile of the sentences' similarity to their own group's
/// centroid (a pair of groups no further apart than a typical member from its centre is one topic); then folded and
/// assigned as usual.
/// </summary>
static class ToneMerge
{
    public static List<DiscoveredCluster> Discover(IReadOnlyList<float[]> vectors, bool[] complaint, ThemeOptions options, double threshold, bool crossPartition)
    {
        var minimum = Math.Max(ThemeOptions.MinimumThemeSentences, (int)Math.Ceiling(options.MinThemeShare * vectors.Count));
        var found = SentenceCommunities.Find(vectors, complaint.Select(c => c ? 0 : 1).ToList(), options.Neighbours, options.Resolution, options.Seed);
        var (groups, _) = CentroidAgglomeration.Agglomerate(vectors, found, options.MergeSimilarity ?? ThemeOptions.DefaultMergeSimilarity(true), 0);
        var working = groups.Select(g => (Sum: Sum(vectors, g.Members), Members: g.Members.ToList(), Partition: g.Partition)).ToList();
        if (threshold < 0)
        {
            var own = working.SelectMany(g => { var c = Unit(g.Sum); return g.Members.Select(i => VectorMath.Dot(vectors[i], c)); }).Order().ToList();
            threshold = own[(int)(-threshold * (own.Count - 1))];
            Console.WriteLine($"  tone-merge threshold {threshold:F3} (quantile {own.Count} sentences)");
        }
        var merges = 0;
        while (true)
        {
            var (a, b, best) = (-1, -1, double.NegativeInfinity);
            for (var x = 0; x < working.Count; x++)
            for (var y = x + 1; y < working.Count; y++)
            {
                if (!crossPartition && working[x].Partition != working[y].Partition) continue;
                var s = Cos(working[x].Sum, working[y].Sum);
                if (s > best) (a, b, best) = (x, y, s);
            }
            if (a < 0 || best < threshold) break;
            var sum = new float[working[a].Sum.Length];
            TensorPrimitives.Add(working[a].Sum, working[b].Sum, sum);
            var members = working[a].Members.Concat(working[b].Members).ToList();
            var partition = members.Count(i => complaint[i]) * 2 >= members.Count ? 0 : 1;
            working[a] = (sum, members, partition);
            working.RemoveAt(b);
            merges++;
        }
        Console.WriteLine($"  tone-merge: {groups.Count} groups, {merges} merges at {threshold:F3}");
        // Fold groups under the minimum into their most similar group (any partition when merging across), as `themes` does.
        foreach (var small in working.Where(g => g.Members.Count < minimum).OrderBy(g => g.Members.Count).ToList())
        {
            var targets = working.Where(g => g.Members != small.Members && (crossPartition || g.Partition == small.Partition) && g.Members.Count >= minimum).ToList();
            if (targets.Count == 0) continue;
            var target = targets.MaxBy(g => TensorPrimitives.Dot(g.Sum, small.Sum) / g.Members.Count);
            var at = working.FindIndex(g => g.Members == target.Members);
            var sum = new float[small.Sum.Length];
            TensorPrimitives.Add(target.Sum, small.Sum, sum);
            working[at] = (sum, target.Members.Concat(small.Members).ToList(), target.Partition);
            working.RemoveAll(g => g.Members == small.Members);
        }
        return WithAllSentences(vectors, working.Select(g => (Unit(g.Sum), g.Partition == 0)).ToList(), minimum);
    }

    /// <summary>Assigns every sentence to its nearest theme and drops the themes left under the minimum until none is (shared by the lab's variants).</summary>
    internal static List<DiscoveredCluster> WithAllSentences(IReadOnlyList<float[]> vectors, List<(float[] Centroid, bool Complaint)> themes, int minimum)
    {
        while (true)
        {
            var centroids = themes.Select(t => t.Centroid).ToList();
            var nearest = new int[vectors.Count];
            Parallel.For(0, nearest.Length, i => nearest[i] = SphericalKMeans.Nearest(vectors[i], centroids).Index);
            var sizes = new int[themes.Count];
            foreach (var t in nearest) sizes[t]++;
            var small = Enumerable.Range(0, themes.Count).Where(t => sizes[t] < minimum).ToHashSet();
            if (small.Count == 0 || small.Count == themes.Count)
                return themes.Select((t, i) => new DiscoveredCluster(t.Centroid, sizes[i], t.Complaint)).OrderByDescending(c => c.Mentions).ToList();
            themes = themes.Where((_, i) => !small.Contains(i)).ToList();
        }
    }

    static float[] Sum(IReadOnlyList<float[]> vectors, IEnumerable<int> members)
    {
        var sum = new float[vectors[0].Length];
        foreach (var i in members) TensorPrimitives.Add(sum, vectors[i], sum);
        return sum;
    }

    static float[] Unit(float[] sum) { var c = (float[])sum.Clone(); VectorMath.Normalize(c); return c; }

    static double Cos(float[] a, float[] b) => TensorPrimitives.Dot(a, b) / (TensorPrimitives.Norm(a) * TensorPrimitives.Norm(b));
}
