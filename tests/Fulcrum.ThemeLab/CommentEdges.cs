using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Clustering;

namespace Fulcrum.ThemeLab;

/// <summary>
/// Prototype (cooc22; tried and not kept, docs/methods.md): graph discovery with the shipped consensus settings whose
/// nearest-neighbour graph also links the nodes written in the same comments, so a comment's sentences vote together (a
/// customer usually stays on one or two topics). A repeated sentence is one node, so it leans towards the comments it is most
/// often written in, not towards each comment's own topic. Two nodes
/// written together get weight × the graph's mean edge weight × the cosine of their comment sets (comments with both over
/// √(comments with each), in [0, 1]), added to their nearest-neighbour edge if they have one; a pair written together once
/// counts as much as one always written together, and a phrase in thousands of comments ties weakly to each companion.
/// </summary>
static class CommentEdges
{
    public static List<DiscoveredCluster> Discover(Corpus corpus, bool[] complaint, ThemeOptions options, double weight) =>
        GraphDiscovery.Discover(corpus, complaint, options,
            (graph, partition) => ConsensusCommunities.Find(graph, options.Resolution, options.Seed + partition),
            (graph, sentences) => Add(graph, sentences, corpus.Mentions.Document, weight));

    /// <param name="graph">The nearest-neighbour graph of the nodes.</param>
    /// <param name="nodeSentences">The sentences (indices into <paramref name="document"/>) that each node stands for.</param>
    /// <param name="document">The comment of each sentence.</param>
    /// <param name="weight">Weight of a pair always written together, relative to the graph's mean edge weight.</param>
    public static WeightedGraph Add(WeightedGraph graph, IReadOnlyList<List<int>> nodeSentences, IReadOnlyList<int> document, double weight)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(nodeSentences);
        ArgumentNullException.ThrowIfNull(document);
        var n = graph.NodeCount;
        if (weight <= 0 || n < 2 || graph.Weights.Length == 0) return graph;
        // (comment, node) of every sentence of the graph, each pair once, by comment.
        var written = new List<(int Document, int Node)>();
        for (var node = 0; node < n; node++)
            foreach (var i in nodeSentences[node]) written.Add((document[i], node));
        written.Sort();
        var comments = new int[n];
        var together = new Dictionary<(int, int), int>();
        var nodes = new List<int>();
        for (var start = 0; start < written.Count;)
        {
            var end = start;
            nodes.Clear();
            for (; end < written.Count && written[end].Document == written[start].Document; end++)
                if (nodes.Count == 0 || nodes[^1] != written[end].Node) nodes.Add(written[end].Node);
            foreach (var a in nodes) comments[a]++;
            for (var x = 0; x < nodes.Count; x++)
                for (var y = x + 1; y < nodes.Count; y++)
                {
                    var pair = (nodes[x], nodes[y]); // ascending: sorted within the comment
                    together[pair] = together.GetValueOrDefault(pair) + 1;
                }
            start = end;
        }
        if (together.Count == 0) return graph;
        var rows = new Dictionary<int, double>[n];
        for (var i = 0; i < n; i++)
        {
            rows[i] = new Dictionary<int, double>(graph.Offsets[i + 1] - graph.Offsets[i]);
            for (var e = graph.Offsets[i]; e < graph.Offsets[i + 1]; e++) rows[i][graph.Targets[e]] = graph.Weights[e];
        }
        var unit = weight * graph.Weights.Average();
        foreach (var ((a, b), count) in together)
        {
            var added = unit * count / Math.Sqrt((double)comments[a] * comments[b]);
            rows[a][b] = rows[a].GetValueOrDefault(b) + added;
            rows[b][a] = rows[b].GetValueOrDefault(a) + added;
        }
        return WeightedGraph.FromRows(rows);
    }
}
