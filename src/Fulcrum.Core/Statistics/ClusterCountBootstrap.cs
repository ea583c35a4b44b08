using System.Runtime.ExceptionServices;

namespace Fulcrum.Core.Statistics;

/// <summary>
/// A statistic of a cluster resample given as how many times each cluster was drawn (<c>draws[g]</c>, 0 for a cluster left
/// out). Pure and thread-safe like <see cref="IndexStatistic"/>; it returns a new array each call.
/// </summary>
public delegate double[] ClusterCountStatistic(ReadOnlySpan<int> draws);

/// <summary>
/// The cluster bootstrap of <see cref="Bootstrap.ClusterReplicateVectors{TGroup}"/> for statistics that are functions of
/// sums over clusters: each resample is handed over as draw counts per cluster, so the statistic is a weighted sum of
/// per-cluster sufficient statistics (Σ_g draws[g]·x_g) instead of a re-scan of every observation of every drawn cluster.
/// </summary>
/// <remarks>
/// The draws are exactly those of <see cref="Bootstrap.ClusterReplicateVectors{TGroup}"/> with clusters numbered in order
/// of first appearance: replicate b draws as many clusters as there are, with replacement, from
/// <see cref="DeterministicRandom.Create(ulong, ulong)"/>(seed, b). So for the same seed the replicates are the same
/// resamples, and sums of integer counts (exact in doubles) give bit-identical replicate values.
/// </remarks>
public static class ClusterCountBootstrap
{
    /// <summary>Replicate b of <paramref name="statistic"/> in slot b, over <paramref name="clusters"/> clusters.</summary>
    public static double[][] ReplicateVectors(int clusters, ClusterCountStatistic statistic, int seed, int replicates = Bootstrap.DefaultReplicates)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(clusters);
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 1);
        if (clusters == 0) return [];

        var results = new double[replicates][];
        try
        {
            Parallel.For(0, replicates, () => new int[clusters], (b, _, draws) =>
            {
                Array.Clear(draws);
                var rng = DeterministicRandom.Create(unchecked((ulong)seed), (ulong)b);
                for (var i = 0; i < clusters; i++) draws[rng.Next(clusters)]++;
                results[b] = statistic(draws);
                return draws;
            }, _ => { });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Several resamples may fail the same way at once; the first failure is the one to report.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        return results;
    }
}
