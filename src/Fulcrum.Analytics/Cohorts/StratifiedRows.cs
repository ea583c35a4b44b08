using System.Numerics;
using System.Runtime.ExceptionServices;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Cohorts;

/// <summary>Per-stratum sums of the cohort's and the comparable accounts' values on one (re)sample.</summary>
readonly struct StratumSums(double[] values, int strata, int width)
{
    public int Strata => strata;

    public double Cohort(int stratum, int value) => values[stratum * width + value];

    public double Comparable(int stratum, int value) => values[(strata + stratum) * width + value];
}

/// <summary>
/// Rows of (account, stratum, cohort or comparable, a few additive values) kept only for strata that have both cohort and comparable
/// rows (the others cannot enter a standardised comparison), in flat arrays so that a bootstrap resample reduces to per-stratum
/// sums quickly. Accounts are the bootstrap clusters.
/// </summary>
/// <remarks>
/// The bootstrap works on sufficient statistics per account: each account's rows (its additive values in each of its strata)
/// are stored together, and a resample is how many times each account was drawn, so its per-stratum sums are
/// Σ_account draws × the account's values. Resamples are summed <see cref="ReplicatesPerPass"/> at a time: one pass over the
/// accounts' rows adds each row to all of them at once, its weights (the account's draw counts in those resamples) in vector
/// lanes. The values are counts, so these weighted sums equal the sums over a resample's rows exactly, in any order.
/// </remarks>
sealed class StratifiedRows
{
    /// <summary>Resamples summed in one pass over the rows; a multiple of every vector width (2, 4 or 8 doubles).</summary>
    const int ReplicatesPerPass = 16;

    readonly int _width;
    readonly int[] _offset;
    readonly double[] _values;

    /// <summary>Per account (in order of first appearance), its rows: <c>_accountRows[_accountStart[a] .. _accountStart[a + 1])</c>.</summary>
    readonly int[] _accountStart;

    /// <summary>Target offset of each row, in account order.</summary>
    readonly int[] _accountOffset;

    /// <summary>Values of each row, in account order (<see cref="_width"/> per row).</summary>
    readonly double[] _accountValues;

    public StratifiedRows(IEnumerable<(string Account, string Stratum, bool InCohort, double[] Values)> rows, int width)
    {
        _width = width;
        var all = rows.ToList();
        var withCohort = all.Where(r => r.InCohort && r.Values[0] > 0).Select(r => r.Stratum).ToHashSet(StringComparer.Ordinal);
        var withComparable = all.Where(r => !r.InCohort && r.Values[0] > 0).Select(r => r.Stratum).ToHashSet(StringComparer.Ordinal);
        var usable = withCohort.Intersect(withComparable, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal);
        var kept = all.Where(r => usable.ContainsKey(r.Stratum)).ToList();
        Count = usable.Count;
        Accounts = kept.Select(r => r.Account).ToList();
        _offset = kept.Select(r => ((r.InCohort ? 0 : Count) + usable[r.Stratum]) * width).ToArray();
        _values = kept.SelectMany(r => r.Values.Take(width)).ToArray();
        All = Enumerable.Range(0, kept.Count).ToArray();
        (_accountStart, _accountOffset, _accountValues) = ByAccount(Accounts, _offset, _values, width);
        CohortAccounts = kept.Where(r => r.InCohort).Select(r => r.Account).Distinct(StringComparer.Ordinal).Count();
        ComparableAccounts = kept.Where(r => !r.InCohort).Select(r => r.Account).Distinct(StringComparer.Ordinal).Count();
        CohortAccountsWithoutComparable = all.Where(r => r.InCohort && r.Values[0] > 0 && !usable.ContainsKey(r.Stratum))
            .Select(r => r.Account).Distinct(StringComparer.Ordinal).Count();
    }

    /// <summary>Strata with both cohort and comparable rows.</summary>
    public int Count { get; }

    /// <summary>The account (bootstrap cluster) of each kept row.</summary>
    public IReadOnlyList<string> Accounts { get; }

    /// <summary>Indices of every kept row (the original sample).</summary>
    public int[] All { get; }

    public int CohortAccounts { get; }
    public int ComparableAccounts { get; }

    /// <summary>Cohort accounts with data whose stratum has no comparable account.</summary>
    public int CohortAccountsWithoutComparable { get; }

    int Clusters => _accountStart.Length - 1;

    /// <summary>Length of one sample's per-stratum sums: cohort then comparable strata, <see cref="_width"/> values each.</summary>
    int SumsLength => 2 * Count * _width;

    /// <summary>Per-stratum sums of each value over the rows in <paramref name="indices"/> (a row drawn twice counts twice).</summary>
    public StratumSums Sums(ReadOnlySpan<int> indices)
    {
        var sums = new double[SumsLength];
        foreach (var i in indices)
        {
            var target = _offset[i];
            var source = i * _width;
            for (var j = 0; j < _width; j++) sums[target + j] += _values[source + j];
        }
        return new StratumSums(sums, Count, _width);
    }

    /// <summary>
    /// Per-stratum sums of <see cref="ReplicatesPerPass"/> resamples at once: resample r counts each account's rows
    /// <c>draws[r · clusters + account]</c> times; sum k of resample r lands in <c>sums[k · ReplicatesPerPass + r]</c>.
    /// </summary>
    void AddWeightedRows(ReadOnlySpan<int> draws, Span<double> sums)
    {
        var clusters = Clusters;
        var lanes = Vector<double>.Count;
        var vectors = ReplicatesPerPass / lanes;
        Span<double> counts = stackalloc double[ReplicatesPerPass];
        Span<Vector<double>> weights = stackalloc Vector<double>[vectors];
        sums.Clear();
        for (var a = 0; a < clusters; a++)
        {
            var drawn = false;
            for (var r = 0; r < ReplicatesPerPass; r++)
            {
                var times = draws[r * clusters + a];
                counts[r] = times;
                drawn |= times != 0;
            }
            if (!drawn) continue;
            for (var v = 0; v < vectors; v++) weights[v] = new Vector<double>(counts[(v * lanes)..]);

            for (var row = _accountStart[a]; row < _accountStart[a + 1]; row++)
            {
                var target = _accountOffset[row];
                for (var j = 0; j < _width; j++)
                {
                    var value = _accountValues[row * _width + j];
                    if (value == 0) continue;
                    var sum = sums.Slice((target + j) * ReplicatesPerPass, ReplicatesPerPass);
                    for (var v = 0; v < vectors; v++)
                    {
                        var lane = sum[(v * lanes)..];
                        (new Vector<double>(lane) + weights[v] * value).CopyTo(lane);
                    }
                }
            }
        }
    }

    /// <summary>The rows regrouped by account, accounts numbered in order of first appearance (as the cluster bootstrap numbers them).</summary>
    static (int[] Start, int[] Offset, double[] Values) ByAccount(IReadOnlyList<string> accounts, int[] offset, double[] values, int width)
    {
        var number = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowsOf = new List<List<int>>();
        for (var r = 0; r < accounts.Count; r++)
        {
            if (!number.TryGetValue(accounts[r], out var a))
            {
                number.Add(accounts[r], a = rowsOf.Count);
                rowsOf.Add([]);
            }
            rowsOf[a].Add(r);
        }

        var start = new int[rowsOf.Count + 1];
        var byAccountOffset = new int[accounts.Count];
        var byAccountValues = new double[accounts.Count * width];
        var next = 0;
        for (var a = 0; a < rowsOf.Count; a++)
        {
            start[a] = next;
            foreach (var r in rowsOf[a])
            {
                byAccountOffset[next] = offset[r];
                Array.Copy(values, r * width, byAccountValues, next * width, width);
                next++;
            }
        }
        start[rowsOf.Count] = next;
        return (start, byAccountOffset, byAccountValues);
    }

    /// <summary>
    /// Percentile cluster bootstrap resampling accounts of two statistics and of their difference, all from the same resamples;
    /// point values on the original sample. Replicate b draws as many accounts as there are, with replacement, from
    /// <see cref="DeterministicRandom.Create(ulong, ulong)"/>(seed, b), accounts numbered in order of first appearance: the
    /// resamples of <see cref="Bootstrap.ClusterReplicateVectors{TGroup}"/> over the rows, with the same values.
    /// </summary>
    public (Estimate First, Estimate Second, Estimate Difference) ResampleAccounts(
        Func<StratumSums, double> first, Func<StratumSums, double> second, TransitionOptions options)
    {
        var level = options.ConfidenceLevel;
        if (All.Length == 0)
        {
            var none = Estimate.Undefined(0, "Bootstrap undefined: no stratum has both cohort and comparable accounts", level);
            return (none, none, none);
        }

        var (a, b) = Replicates(first, second, options.Seed, options.Replicates);
        var original = Sums(All);
        var (pa, pb) = (first(original), second(original));
        var method = $"Percentile cluster bootstrap, {options.Replicates} resamples of {Clusters} clusters (seed {options.Seed})";
        return (Summarise(pa, a), Summarise(pb, b), Summarise(pa - pb, a.Zip(b, (x, y) => x - y).ToArray()));

        Estimate Summarise(double value, double[] replicates)
        {
            var valid = replicates.Where(v => !double.IsNaN(v)).ToArray();
            var text = valid.Length < replicates.Length ? $"{method}; {replicates.Length - valid.Length} resamples with an undefined statistic dropped" : method;
            var (lower, upper) = Core.Statistics.Bootstrap.PercentileInterval(valid, level);
            return new Estimate(value, lower, upper, All.Length, text, level)
            {
                StandardError = valid.Length >= 2 ? SampleSummary.Of(valid).StandardDeviation : null,
            };
        }
    }

    /// <summary>Both statistics on every resample (slot b is replicate b), <see cref="ReplicatesPerPass"/> resamples per pass, passes in parallel.</summary>
    (double[] First, double[] Second) Replicates(Func<StratumSums, double> first, Func<StratumSums, double> second, int seed, int replicates)
    {
        var clusters = Clusters;
        var (a, b) = (new double[replicates], new double[replicates]);
        var passes = (replicates + ReplicatesPerPass - 1) / ReplicatesPerPass;
        try
        {
            Parallel.For(0, passes, () => (Draws: new int[ReplicatesPerPass * clusters], Sums: new double[SumsLength * ReplicatesPerPass]),
                (pass, _, buffers) =>
                {
                    var start = pass * ReplicatesPerPass;
                    var size = Math.Min(ReplicatesPerPass, replicates - start);
                    Array.Clear(buffers.Draws);
                    for (var r = 0; r < size; r++)
                    {
                        var drawn = buffers.Draws.AsSpan(r * clusters, clusters);
                        var rng = DeterministicRandom.Create(unchecked((ulong)seed), (ulong)(start + r));
                        for (var i = 0; i < clusters; i++) drawn[rng.Next(clusters)]++;
                    }

                    AddWeightedRows(buffers.Draws, buffers.Sums);
                    for (var r = 0; r < size; r++)
                    {
                        var one = new double[SumsLength];
                        for (var k = 0; k < one.Length; k++) one[k] = buffers.Sums[k * ReplicatesPerPass + r];
                        var sums = new StratumSums(one, Count, _width);
                        (a[start + r], b[start + r]) = (first(sums), second(sums));
                    }
                    return buffers;
                }, _ => { });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Several passes may fail the same way at once; the first failure is the one to report.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        return (a, b);
    }
}
