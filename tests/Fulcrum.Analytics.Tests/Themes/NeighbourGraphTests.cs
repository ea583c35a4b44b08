using Fulcrum.Analytics.Themes.Clustering;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Tests.Themes;

public class NeighbourGraphTests
{
    static List<float[]> UnitVectors(int count, int dimension, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var v = Enumerable.Range(0, dimension).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            VectorMath.Normalize(v);
            return v;
        }).ToList();
    }

    /// <summary>The graph by its definition: every pair compared, each vector's k most similar (ties: lower index), kept when either chose it.</summary>
    static SortedDictionary<int, double>[] BruteForce(List<float[]> vectors, int k)
    {
        var rows = vectors.Select(_ => new SortedDictionary<int, double>()).ToArray();
        for (var i = 0; i < vectors.Count; i++)
            foreach (var (j, s) in Enumerable.Range(0, vectors.Count).Where(j => j != i)
                         .Select(j => (j, s: VectorMath.Dot(vectors[i], vectors[j])))
                         .OrderByDescending(p => p.s).ThenBy(p => p.j).Take(k).Where(p => p.s > 0))
            {
                rows[i][j] = s;
                rows[j][i] = s;
            }
        return rows;
    }

    [Theory]
    [InlineData(1, 5, 3)]      // fewer rows than one tile
    [InlineData(100, 8, 20)]   // several tiles, the last partial
    [InlineData(257, 16, 10)]
    public void Equals_the_all_pairs_definition(int count, int dimension, int neighbours)
    {
        var vectors = UnitVectors(count, dimension, seed: count);
        var graph = NeighbourGraph.Build(vectors, neighbours);
        var expected = BruteForce(vectors, Math.Min(neighbours, count - 1));

        for (var i = 0; i < count; i++)
        {
            var from = graph.Offsets[i];
            var to = graph.Offsets[i + 1];
            Assert.Equal(expected[i].Keys, graph.Targets[from..to]);
            Assert.Equal(expected[i].Values, graph.Weights[from..to]);
        }
    }
}
