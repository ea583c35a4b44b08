using System.Numerics.Tensors;
using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Clustering;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.ThemeLab;

/// <summary>
/// Prototype (cooc22): graph discovery (shipped consensus settings) whose nearest-neighbour edges are re-weighted by how alike
/// the two sentences' comments are: w' = (1 − β)·w + β·cos(context a, context b), a node's context being the sum of the other
/// sentences of every comment it is written in (a node only ever written alone keeps w in place of the context cosine).
/// </summary>
static class ContextReweight
{
    public static List<DiscoveredCluster> Discover(Corpus corpus, bool[] complaint, ThemeOptions options, double beta)
    {
        var document = corpus.Mentions.Document;
        var start = new int[corpus.Mentions.DocumentCount + 1];
        Array.Fill(start, -1);
        for (var i = document.Count - 1; i >= 0; i--) start[document[i]] = i;
        return GraphDiscovery.Discover(corpus, complaint, options,
            (graph, partition) => ConsensusCommunities.Find(graph, options.Resolution, options.Seed + partition), (graph, sentences) =>
        {
            var n = graph.NodeCount;
            var dim = corpus.Vectors[0].Length;
            var context = new float[n][];
            Parallel.For(0, n, j =>
            {
                var sum = new float[dim];
                var any = false;
                foreach (var i in sentences[j])
                    for (var k = start[document[i]]; k < document.Count && document[k] == document[i]; k++)
                        if (k != i) { TensorPrimitives.Add(sum, corpus.Vectors[k], sum); any = true; }
                if (any) { VectorMath.Normalize(sum); context[j] = sum; }
            });
            var weights = new double[graph.Weights.Length];
            for (var a = 0; a < n; a++)
                for (var e = graph.Offsets[a]; e < graph.Offsets[a + 1]; e++)
                {
                    var b = graph.Targets[e];
                    var c = context[a] is { } ca && context[b] is { } cb ? Math.Max(0, VectorMath.Dot(ca, cb)) : graph.Weights[e];
                    weights[e] = (1 - beta) * graph.Weights[e] + beta * c;
                }
            return new WeightedGraph { Offsets = graph.Offsets, Targets = graph.Targets, Weights = weights };
        });
    }
}
