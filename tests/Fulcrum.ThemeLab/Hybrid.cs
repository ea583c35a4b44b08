using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.ThemeLab;

/// <summary>Prototype: cluster on MiniLM ⊕ TF-IDF-LSA vectors, then return centroids in MiniLM space (mean of each group's members).</summary>
static class Hybrid
{
    public static float[][] Vectors(Corpus corpus, double lexicalWeight)
    {
        using var lsa = new LsaEmbedder();
        var lexical = ThemeEngine.EmbedMentions(corpus.Mentions, d => lsa.Embed(d));
        var a = (float)Math.Sqrt(1 - lexicalWeight);
        var b = (float)Math.Sqrt(lexicalWeight);
        return corpus.Vectors.Select((v, i) =>
        {
            var h = v.Select(x => a * x).Concat(lexical[i].Select(x => b * x)).ToArray();
            VectorMath.Normalize(h);
            return h;
        }).ToArray();
    }

    public static List<DiscoveredCluster> BackToSemantic(Corpus corpus, float[][] hybrid, IReadOnlyList<DiscoveredCluster> clusters)
    {
        var a = ThemeEngine.Assign(corpus.Mentions, hybrid, clusters.Select(c => c.Centroid).ToList(), corpus.Sentiment);
        var dim = corpus.Vectors[0].Length;
        var sums = clusters.Select(_ => new float[dim]).ToArray();
        for (var i = 0; i < corpus.Mentions.Count; i++) System.Numerics.Tensors.TensorPrimitives.Add(sums[a.MentionTheme[i]], corpus.Vectors[i], sums[a.MentionTheme[i]]);
        foreach (var s in sums) VectorMath.Normalize(s);
        return clusters.Select((c, t) => c with { Centroid = sums[t] }).ToList();
    }
}
