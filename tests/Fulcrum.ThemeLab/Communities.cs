using Fulcrum.Analytics.Themes.Clustering;

namespace Fulcrum.ThemeLab;

/// <summary>Diagnostic: F1 of the graph communities themselves (membership, no centroid), best single and best union of two.</summary>
static class Communities
{
    public static void Print(Corpus corpus, bool[] complaint, double resolution, int neighbours)
    {
        var found = SentenceCommunities.Find(corpus.Vectors, complaint.Select(c => c ? 0 : 1).ToList(), neighbours, resolution, 20_240_601);
        var docs = found.Select(f => f.Members.Select(i => corpus.Mentions.Document[i]).ToHashSet()).ToList();
        foreach (var key in new[] { "products_dont_integrate", "too_many_account_managers" })
        {
            var truth = Enumerable.Range(0, corpus.DocumentLabels.Length).Where(d => corpus.DocumentLabels[d].Contains(key)).ToHashSet();
            double F1(HashSet<int> r) => 2.0 * r.Count(truth.Contains) / (r.Count + truth.Count);
            var ranked = Enumerable.Range(0, docs.Count).OrderByDescending(c => F1(docs[c])).Take(6).ToList();
            var pairs = ranked.SelectMany(a => ranked.Where(b => b > a).Select(b => (a, b, f: F1([.. docs[a], .. docs[b]])))).MaxBy(p => p.f);
            Console.WriteLine($"  communities {found.Count} res {resolution} {key}: " + string.Join("; ", ranked.Take(4).Select(c => $"#{c}{(found[c].Partition == 0 ? "C" : "o")} n{docs[c].Count} F1 {F1(docs[c]):F3}")) + $"; best pair #{pairs.a}+#{pairs.b} {pairs.f:F3}");
        }
    }
}
