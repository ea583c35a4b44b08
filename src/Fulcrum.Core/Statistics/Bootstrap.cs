using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace Fulcrum.Core.Statistics;

/// <summary>
/// A statistic computed on a resample, given as indices into the caller's data (an index can
/// repeat). It must be a pure function of the indices and read-only data: the bootstrap calls it
/// from several threads at once.
/// </summary>
public delegate double IndexStatistic(ReadOnlySpan<int> indices);

/// <summary>
/// A statistic with several components (a vector) computed on a resample given as indices; pure and thread-safe like
/// <see cref="IndexStatistic"/>. It returns a new array each call.
/// </summary>
public delegate double[] IndexVectorStatistic(ReadOnlySpan<int> indices);

/// <summary>
/// Nonparametric percentile bootstrap, by observation or by cluster (group), reproducible from a seed.
/// </summary>
/// <remarks>
/// <para>
/// <b>Method.</b> Draw B resamples with replacement, evaluate the statistic on each, and take the
/// α/2 and 1 − α/2 quantiles of the replicate values (linear interpolation between order
/// statistics, "type 7", the numpy/R default) as the interval. The point estimate is the statistic
/// on the original data; StandardError is the standard deviation of the replicates.
/// Replicates where the statistic is NaN (undefined on that resample) are dropped and counted in
/// the method string.
/// </para>
/// <para>
/// <b>Cluster bootstrap.</b> With group ids (e.g. account per response) whole groups are drawn
/// with replacement (as many draws as there are groups) and all observations of a drawn group
/// enter the resample, keeping within-group correlation (responses of one account are not
/// independent). Resample sizes then vary.
/// </para>
/// <para>
/// <b>Reproducibility.</b> Replicate b uses its own <see cref="Random"/> from
/// <see cref="DeterministicRandom.Create(ulong, ulong)"/>(seed, b), and writes to slot b, so results are
/// identical whatever the thread scheduling; the same seed also gives the same resamples to
/// different statistics, so their replicates can be combined (e.g. a difference of two statistics).
/// </para>
/// <para>
/// <b>Assumptions.</b> Observations (or clusters) are i.i.d.; the statistic is smooth enough for the
/// percentile method (not e.g. a maximum); B ≥ 1000 for 95% intervals.
/// <b>Reference.</b> Efron B., Tibshirani R.J. (1993) An Introduction to the Bootstrap, ch. 13;
/// Davison A.C., Hinkley D.V. (1997) Bootstrap Methods and their Application, §3.8 (clustered data).
/// </para>
/// </remarks>
public static class Bootstrap
{
    /// <summary>Default number of resamples.</summary>
    public const int DefaultReplicates = 2000;

    /// <summary>Percentile bootstrap of a statistic over <paramref name="count"/> observations (see type remarks).</summary>
    public static Estimate Percentile(
        int count, IndexStatistic statistic, int seed, int replicates = DefaultReplicates, double confidenceLevel = 0.95)
    {
        Distributions.CheckConfidenceLevel(confidenceLevel);
        var values = Replicates(count, statistic, seed, replicates);
        if (count == 0)
        {
            return Estimate.Undefined(0, "Bootstrap undefined: no observations (n = 0)", confidenceLevel);
        }

        return Summarise(statistic(Identity(count)), values, count, confidenceLevel,
            $"Percentile bootstrap, {replicates} resamples (seed {seed})");
    }

    /// <summary>
    /// <see cref="Percentile"/> of each component of a vector statistic, all from one pass over the resamples (the same draws,
    /// so component i equals <see cref="Percentile"/> of that component alone, at the cost of one).
    /// </summary>
    public static Estimate[] Percentiles(
        int count, IndexVectorStatistic statistic, int seed, int replicates = DefaultReplicates, double confidenceLevel = 0.95)
    {
        Distributions.CheckConfidenceLevel(confidenceLevel);
        var vectors = ReplicateVectors(count, statistic, seed, replicates);
        var values = statistic(Identity(count));
        if (count == 0)
        {
            return values.Select(_ => Estimate.Undefined(0, "Bootstrap undefined: no observations (n = 0)", confidenceLevel)).ToArray();
        }

        return values.Select((value, i) => Summarise(value, vectors.Select(v => v[i]).ToArray(), count, confidenceLevel,
            $"Percentile bootstrap, {replicates} resamples (seed {seed})")).ToArray();
    }

    /// <summary>
    /// Percentile cluster bootstrap: <paramref name="groupIds"/>[i] is the group of observation i;
    /// groups are resampled with replacement (see type remarks). N of the result is the number of observations.
    /// </summary>
    public static Estimate ClusterPercentile<TGroup>(
        IReadOnlyList<TGroup> groupIds,
        IndexStatistic statistic,
        int seed,
        int replicates = DefaultReplicates,
        double confidenceLevel = 0.95)
        where TGroup : notnull
    {
        Distributions.CheckConfidenceLevel(confidenceLevel);
        var values = ClusterReplicates(groupIds, statistic, seed, replicates, out var groupCount);
        if (groupIds.Count == 0)
        {
            return Estimate.Undefined(0, "Bootstrap undefined: no observations (n = 0)", confidenceLevel);
        }

        return Summarise(statistic(Identity(groupIds.Count)), values, groupIds.Count, confidenceLevel,
            $"Percentile cluster bootstrap, {replicates} resamples of {groupCount} clusters (seed {seed})");
    }

    /// <summary>
    /// The B replicate values of the statistic (slot b is replicate b; NaN kept), resampling
    /// <paramref name="count"/> observations with replacement. Empty when count is 0.
    /// </summary>
    public static double[] Replicates(int count, IndexStatistic statistic, int seed, int replicates = DefaultReplicates)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 1);
        if (count == 0)
        {
            return [];
        }

        var results = new double[replicates];
        RunParallel(replicates, () => new int[count], (b, buffer) =>
        {
            var rng = DeterministicRandom.Create(unchecked((ulong)seed), (ulong)b);
            for (var i = 0; i < buffer.Length; i++)
            {
                buffer[i] = rng.Next(count);
            }

            results[b] = statistic(buffer);
        });
        return results;
    }

    /// <summary>
    /// Like <see cref="Replicates"/> for a statistic with several values (e.g. one weight per predictor): slot b holds the
    /// vector of replicate b, computed once per resample so its components come from the same draw. The draws are the
    /// same as <see cref="Replicates"/>'s for the same count and seed.
    /// </summary>
    public static double[][] ReplicateVectors(int count, IndexVectorStatistic statistic, int seed, int replicates = DefaultReplicates)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 1);
        if (count == 0)
        {
            return [];
        }

        var results = new double[replicates][];
        RunParallel(replicates, () => new int[count], (b, buffer) =>
        {
            var rng = DeterministicRandom.Create(unchecked((ulong)seed), (ulong)b);
            for (var i = 0; i < buffer.Length; i++)
            {
                buffer[i] = rng.Next(count);
            }

            results[b] = statistic(buffer);
        });
        return results;
    }

    /// <summary>
    /// The B replicate values of the statistic under cluster resampling (slot b is replicate b;
    /// NaN kept). Groups are numbered in order of first appearance, so the result depends only on
    /// the inputs and the seed. Empty when there are no observations.
    /// </summary>
    public static double[] ClusterReplicates<TGroup>(
        IReadOnlyList<TGroup> groupIds, IndexStatistic statistic, int seed, int replicates = DefaultReplicates)
        where TGroup : notnull =>
        ClusterReplicates(groupIds, statistic, seed, replicates, out _);

    /// <summary>
    /// The α/2 and 1 − α/2 quantiles (type 7, linear interpolation) of the non-NaN values;
    /// (NaN, NaN) when there are none.
    /// </summary>
    public static (double Lower, double Upper) PercentileInterval(IEnumerable<double> replicateValues, double confidenceLevel)
    {
        ArgumentNullException.ThrowIfNull(replicateValues);
        Distributions.CheckConfidenceLevel(confidenceLevel);
        var sorted = replicateValues.Where(v => !double.IsNaN(v)).ToArray();
        if (sorted.Length == 0)
        {
            return (double.NaN, double.NaN);
        }

        Array.Sort(sorted);
        var alpha = 1 - confidenceLevel;
        return (Quantile(sorted, alpha / 2), Quantile(sorted, 1 - alpha / 2));
    }

    /// <summary>
    /// Like <see cref="ClusterReplicates{TGroup}(IReadOnlyList{TGroup}, IndexStatistic, int, int)"/> for a statistic with several
    /// values: slot b holds the vector of replicate b, computed once per resample. The draws are the same as ClusterReplicates'
    /// for the same groups and seed, so several statistics cost one pass over each resample instead of one each.
    /// </summary>
    public static double[][] ClusterReplicateVectors<TGroup>(
        IReadOnlyList<TGroup> groupIds, IndexVectorStatistic statistic, int seed, int replicates = DefaultReplicates)
        where TGroup : notnull
    {
        ArgumentNullException.ThrowIfNull(groupIds);
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 1);
        var groups = Groups(groupIds);
        if (groups.Length == 0)
        {
            return [];
        }

        var results = new double[replicates][];
        RunClusterDraws(groups, groupIds.Count, seed, replicates, (b, indices) => results[b] = statistic(indices));
        return results;
    }

    private delegate void ClusterDrawBody(int replicate, ReadOnlySpan<int> indices);

    /// <summary>For each replicate b, draws as many groups as there are with replacement (seeded by b) and passes their members.</summary>
    private static void RunClusterDraws(int[][] groups, int observations, int seed, int replicates, ClusterDrawBody body) =>
        RunParallel(replicates, () => new List<int>(observations), (b, buffer) =>
        {
            var rng = DeterministicRandom.Create(unchecked((ulong)seed), (ulong)b);
            buffer.Clear();
            for (var i = 0; i < groups.Length; i++)
            {
                buffer.AddRange(groups[rng.Next(groups.Length)]);
            }

            body(b, CollectionsMarshal.AsSpan(buffer));
        });

    /// <summary>Member indices of each group, groups numbered in order of first appearance.</summary>
    private static int[][] Groups<TGroup>(IReadOnlyList<TGroup> groupIds)
        where TGroup : notnull
    {
        var groupOf = new Dictionary<TGroup, int>();
        var members = new List<List<int>>();
        for (var i = 0; i < groupIds.Count; i++)
        {
            if (!groupOf.TryGetValue(groupIds[i], out var g))
            {
                g = members.Count;
                groupOf.Add(groupIds[i], g);
                members.Add([]);
            }

            members[g].Add(i);
        }

        return members.Select(m => m.ToArray()).ToArray();
    }

    private static double[] ClusterReplicates<TGroup>(
        IReadOnlyList<TGroup> groupIds, IndexStatistic statistic, int seed, int replicates, out int groupCount)
        where TGroup : notnull
    {
        ArgumentNullException.ThrowIfNull(groupIds);
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 1);

        var groups = Groups(groupIds);
        groupCount = groups.Length;
        if (groupCount == 0)
        {
            return [];
        }

        var results = new double[replicates];
        RunClusterDraws(groups, groupIds.Count, seed, replicates, (b, indices) => results[b] = statistic(indices));
        return results;
    }

    private static void RunParallel<TBuffer>(int replicates, Func<TBuffer> newBuffer, Action<int, TBuffer> body)
    {
        try
        {
            Parallel.For(0, replicates, newBuffer, (b, _, buffer) =>
            {
                body(b, buffer);
                return buffer;
            }, _ => { });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Several resamples may fail the same way at once; the first failure is the one to report.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
    }

    private static Estimate Summarise(double value, double[] replicateValues, long n, double confidenceLevel, string method)
    {
        var valid = replicateValues.Where(v => !double.IsNaN(v)).ToArray();
        var dropped = replicateValues.Length - valid.Length;
        if (dropped > 0)
        {
            method += $"; {dropped} resamples with an undefined statistic dropped";
        }

        var (lower, upper) = PercentileInterval(valid, confidenceLevel);
        double? se = valid.Length >= 2 && valid.All(double.IsFinite) ? SampleSummary.Of(valid).StandardDeviation : null;
        return new Estimate(value, lower, upper, n, method, confidenceLevel) { StandardError = se };
    }

    private static int[] Identity(int count)
    {
        var indices = new int[count];
        for (var i = 0; i < count; i++)
        {
            indices[i] = i;
        }

        return indices;
    }

    private static double Quantile(double[] sorted, double q)
    {
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
