using Fulcrum.Analytics.Themes.Clustering;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Tests.Themes;

/// <summary>Synthetic unit vectors around known directions: the agglomeration finds as many groups as there are directions.</summary>
public class CentroidAgglomerationTests
{
    /// <summary><paramref name="perBlob"/> noisy unit vectors around each of <paramref name="blobs"/> orthogonal directions in 32 dimensions.</summary>
    static List<float[]> Blobs(int blobs, int perBlob, double noise, int seed)
    {
        var rng = new Random(seed);
        var vectors = new List<float[]>();
        for (var b = 0; b < blobs; b++)
            for (var i = 0; i < perBlob; i++)
            {
                var v = new float[32];
                v[b] = 1;
                for (var d = 0; d < v.Length; d++) v[d] += (float)(noise * (rng.NextDouble() - 0.5));
                VectorMath.Normalize(v);
                vectors.Add(v);
            }
        return vectors;
    }

    [Fact]
    public void Finds_as_many_groups_as_the_data_hold_without_being_told()
    {
        var vectors = Blobs(blobs: 5, perBlob: 200, noise: 0.6, seed: 1);
        // Members of a blob are about 0.5 similar on average, members of two blobs about 0.
        var (groups, summary) = CentroidAgglomeration.Cluster(vectors, new int[vectors.Count], mergeSimilarity: 0.25, count: null, minimumSize: 20, seed: 7);
        Assert.Equal(5, groups.Count);
        Assert.True(summary.MicroClusters > 5, $"{summary.MicroClusters} micro-clusters");
        Assert.Equal(summary.MicroClusters - 5, summary.Merged + summary.Folded);
        foreach (var g in groups) Assert.Single(g.Members.Select(i => i / 200).Distinct()); // each group is one blob
    }

    [Fact]
    public void A_fixed_count_gives_exactly_that_many_groups()
    {
        var vectors = Blobs(blobs: 5, perBlob: 100, noise: 0.6, seed: 2);
        var (groups, _) = CentroidAgglomeration.Cluster(vectors, new int[vectors.Count], mergeSimilarity: 0.5, count: 3, minimumSize: 20, seed: 7);
        Assert.Equal(3, groups.Count);
        Assert.Equal(vectors.Count, groups.Sum(g => g.Members.Length));
    }

    [Fact]
    public void Partitions_are_never_mixed_and_small_groups_are_folded()
    {
        var vectors = Blobs(blobs: 3, perBlob: 100, noise: 0.6, seed: 3);
        vectors.AddRange(Blobs(blobs: 1, perBlob: 8, noise: 0.6, seed: 4).Select(v => { var w = new float[32]; w[10] = 1; VectorMath.Normalize(w); return w; }));
        var partition = vectors.Select((_, i) => i < 100 ? 1 : 0).ToArray(); // blob 0 alone in partition 1
        var (groups, summary) = CentroidAgglomeration.Cluster(vectors, partition, mergeSimilarity: 0.25, count: null, minimumSize: 20, seed: 7);
        Assert.All(groups, g => Assert.Single(g.Members.Select(i => partition[i]).Distinct()));
        Assert.All(groups, g => Assert.True(g.Members.Length >= 20, $"a group of {g.Members.Length}"));
        Assert.Equal(3, groups.Count); // the 8 stray vectors were folded into a group of their partition
        Assert.True(summary.Folded >= 1);
    }
}
