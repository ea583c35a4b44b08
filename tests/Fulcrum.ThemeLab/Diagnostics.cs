using System.Numerics.Tensors;
using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.ThemeLab;

/// <summary>Why a planted theme is missed: the best a single centroid could do, and which themes are written together.</summary>
static class Diagnostics
{
    /// <summary>
    /// Ceiling of nearest-centroid assignment: a centroid made from the planted comments' sentences replaces the themes that
    /// are mostly that planted theme; then refined a few times from the planted sentences it took. Uses the labels, so it
    /// measures the assignment, not discovery.
    /// </summary>
    public static void Oracle(Corpus corpus, IReadOnlyList<DiscoveredCluster> clusters, IReadOnlyList<HashSet<int>> raised)
    {
        foreach (var key in new[] { "products_dont_integrate", "too_many_account_managers" })
        {
            var truth = Enumerable.Range(0, corpus.DocumentLabels.Length).Where(d => corpus.DocumentLabels[d].Contains(key)).ToHashSet();
            var others = Enumerable.Range(0, clusters.Count).Where(t => raised[t].Count(truth.Contains) < 0.5 * raised[t].Count).Select(t => clusters[t].Centroid).ToList();
            var members = Enumerable.Range(0, corpus.Mentions.Count).Where(i => truth.Contains(corpus.Mentions.Document[i])).ToList();
            for (var iteration = 0; iteration < 6; iteration++)
            {
                var centroid = new float[corpus.Vectors[0].Length];
                foreach (var i in members) TensorPrimitives.Add(centroid, corpus.Vectors[i], centroid);
                VectorMath.Normalize(centroid);
                var assignment = ThemeEngine.Assign(corpus.Mentions, corpus.Vectors, others.Append(centroid).ToList(), corpus.Sentiment);
                var documents = assignment.Documents.Where(d => d.Theme == others.Count).Select(d => d.Document).ToHashSet();
                var hit = documents.Count(truth.Contains);
                Console.WriteLine($"    oracle {key} iteration {iteration}: F1 {2.0 * hit / (documents.Count + truth.Count):F3} P {(double)hit / documents.Count:F2} R {(double)hit / truth.Count:F2}");
                members = Enumerable.Range(0, corpus.Mentions.Count).Where(i => assignment.MentionTheme[i] == others.Count && truth.Contains(corpus.Mentions.Document[i])).ToList();
            }
        }
    }

    /// <summary>Pairs of themes raised by the same comments far more often than chance (lift), with their centroid cosine.</summary>
    public static void CoOccurringThemes(Corpus corpus, IReadOnlyList<DiscoveredCluster> clusters, ThemeAssignment assignment, IReadOnlyList<HashSet<int>> raised, Func<int, string> label)
    {
        var pairs = new Dictionary<(int A, int B), int>();
        foreach (var themes in assignment.Documents.GroupBy(d => d.Document).Select(g => g.Select(x => x.Theme).Distinct().ToArray()))
            foreach (var a in themes) foreach (var b in themes) if (a < b) pairs[(a, b)] = pairs.GetValueOrDefault((a, b)) + 1;
        double Lift(KeyValuePair<(int A, int B), int> p) => p.Value * (double)corpus.Mentions.DocumentCount / raised[p.Key.A].Count / raised[p.Key.B].Count;
        foreach (var p in pairs.Where(p => p.Value >= 20).OrderByDescending(Lift).Take(25))
            Console.WriteLine($"    pair {p.Key.A}-{p.Key.B} n {p.Value} lift {Lift(p):F1} cos {VectorMath.Dot(clusters[p.Key.A].Centroid, clusters[p.Key.B].Centroid):F2} '{label(p.Key.A)}' '{label(p.Key.B)}'");
    }
}
