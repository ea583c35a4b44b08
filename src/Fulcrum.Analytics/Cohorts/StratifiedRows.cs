using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
/// lanes. The values are counts, so these weighted sums equal the sums over a resample's rows exactly, in any order; and when
/// no sum can leave the range of a 32-bit integer they are summed as integers, twice the lanes of a vector of doubles.
/// </remarks>
sealed class StratifiedRows
{
    /// <summary>Resamples summed in one pass over the rows; a multiple of every vector width (2 to 8 doubles, 4 to 16 integers).</summary>
    const int ReplicatesPerPass = 16;

    readonly int _width;

    /// <summary>Per account (in order of first appearance), its rows: <c>_accountStart[a] .. _accountStart[a + 1]</c>.</summary>
    readonly int[] _accountStart;

    /// <summary>Target offset of each row (its stratum's first value in a sample's sums), in account order.</summary>
    readonly int[] _accountOffset;

    /// <summary>Values of each row, in account order (<see cref="_width"/> per row).</summary>
    readonly double[] _accountValues;

    public StratifiedRows(IReadOnlyList<(string Account, string Stratum, bool InCohort, double[] Values)> rows, int width)
    {
        _width = width;

        // Strata with cohort and comparable rows that have data, numbered in ordinal order of their names.
        var stratumOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var withCohort = new List<bool>();
        var withComparable = new List<bool>();
        var rowStratum = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var (_, stratum, inCohort, values) = rows[i];
            if (!stratumOf.TryGetValue(stratum, out var s))
            {
                stratumOf.Add(stratum, s = stratumOf.Count);
                withCohort.Add(false);
                withComparable.Add(false);
            }
            rowStratum[i] = s;
            if (values[0] > 0)
            {
                if (inCohort) withCohort[s] = true;
                else withComparable[s] = true;
            }
        }
        var usable = new int[stratumOf.Count];
        Array.Fill(usable, -1);
        var usableNames = stratumOf.Where(x => withCohort[x.Value] && withComparable[x.Value]).Order(StratumNameOrder).ToList();
        for (var u = 0; u < usableNames.Count; u++) usable[usableNames[u].Value] = u;
        Count = usableNames.Count;

        // Kept rows grouped by account, accounts numbered in order of first appearance (as the cluster bootstrap numbers them).
        var accountOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowAccount = new int[rows.Count];
        var rowsPerAccount = new List<int>();
        var cohortAccount = new List<bool>();
        var comparableAccount = new List<bool>();
        var withoutComparable = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var (account, _, inCohort, values) = rows[i];
            if (usable[rowStratum[i]] < 0)
            {
                if (inCohort && values[0] > 0) withoutComparable.Add(account);
                rowAccount[i] = -1;
                continue;
            }
            if (!accountOf.TryGetValue(account, out var a))
            {
                accountOf.Add(account, a = accountOf.Count);
                rowsPerAccount.Add(0);
                cohortAccount.Add(false);
                comparableAccount.Add(false);
            }
            rowAccount[i] = a;
            rowsPerAccount[a]++;
            if (inCohort) cohortAccount[a] = true;
            else comparableAccount[a] = true;
        }

        _accountStart = new int[accountOf.Count + 1];
        for (var a = 0; a < accountOf.Count; a++) _accountStart[a + 1] = _accountStart[a] + rowsPerAccount[a];
        Rows = _accountStart[^1];
        _accountOffset = new int[Rows];
        _accountValues = new double[Rows * width];
        var next = _accountStart[..^1];
        for (var i = 0; i < rows.Count; i++)
        {
            var a = rowAccount[i];
            if (a < 0) continue;
            var row = next[a]++;
            _accountOffset[row] = ((rows[i].InCohort ? 0 : Count) + usable[rowStratum[i]]) * width;
            rows[i].Values.AsSpan(0, width).CopyTo(_accountValues.AsSpan(row * width, width));
        }
        IntegerSums = FitsInIntegers(_accountStart, _accountValues, width);
        CohortAccounts = cohortAccount.Count(x => x);
        ComparableAccounts = comparableAccount.Count(x => x);
        CohortAccountsWithoutComparable = withoutComparable.Count;
    }

    /// <summary>Strata in ordinal order of their names (a stable order for the statistics' sums over strata).</summary>
    static readonly IComparer<KeyValuePair<string, int>> StratumNameOrder =
        Comparer<KeyValuePair<string, int>>.Create((x, y) => string.CompareOrdinal(x.Key, y.Key));

    /// <summary>Strata with both cohort and comparable rows.</summary>
    public int Count { get; }

    /// <summary>Kept rows (those in strata with both cohort and comparable rows).</summary>
    public int Rows { get; }

    public int CohortAccounts { get; }
    public int ComparableAccounts { get; }

    /// <summary>Cohort accounts with data whose stratum has no comparable account.</summary>
    public int CohortAccountsWithoutComparable { get; }

    int Clusters => _accountStart.Length - 1;

    /// <summary>True when resamples can be summed in 32-bit integers exactly (see <see cref="FitsInIntegers"/>).</summary>
    bool IntegerSums { get; }

    /// <summary>
    /// Whether every value is a whole number and no resample's sum can pass <see cref="int.MaxValue"/>: a resample draws as many
    /// accounts as there are, so any of its sums is at most the number of accounts times the largest total of one account's values.
    /// </summary>
    static bool FitsInIntegers(int[] accountStart, double[] values, int width)
    {
        double largest = 0;
        for (var a = 0; a + 1 < accountStart.Length; a++)
        {
            double total = 0;
            foreach (var v in values.AsSpan(accountStart[a] * width, (accountStart[a + 1] - accountStart[a]) * width))
            {
                if (v != Math.Round(v)) return false;
                total += Math.Abs(v);
            }
            largest = Math.Max(largest, total);
        }
        return largest * (accountStart.Length - 1) <= int.MaxValue;
    }

    /// <summary>Length of one sample's per-stratum sums: cohort then comparable strata, <see cref="_width"/> values each.</summary>
    int SumsLength => 2 * Count * _width;

    /// <summary>Per-stratum sums of each value over every kept row (the original sample).</summary>
    public StratumSums Original()
    {
        var sums = new double[SumsLength];
        for (var row = 0; row < Rows; row++)
        {
            for (var j = 0; j < _width; j++) sums[_accountOffset[row] + j] += _accountValues[row * _width + j];
        }
        return new StratumSums(sums, Count, _width);
    }

    /// <summary>
    /// Per-stratum sums of <see cref="ReplicatesPerPass"/> resamples at once: resample r counts each account's rows
    /// <c>draws[r · clusters + account]</c> times; sum k of resample r lands in <c>sums[k · ReplicatesPerPass + r]</c>.
    /// <paramref name="values"/> are the rows' values in <typeparamref name="T"/> (<see cref="_accountValues"/> converted once).
    /// </summary>
    /// <remarks>A row's <see cref="_width"/> sums of all resamples are contiguous; they are updated a vector at a time without
    /// bounds checks (offsets come from the constructor) and without skipping zero values (adding 0 changes no sum).</remarks>
    void AddWeightedRows<T>(ReadOnlySpan<int> draws, ReadOnlySpan<T> values, Span<T> sums) where T : unmanaged, INumber<T>
    {
        var clusters = Clusters;
        var lanes = Vector<T>.Count;
        var vectors = ReplicatesPerPass / lanes;
        Span<T> counts = stackalloc T[ReplicatesPerPass];
        Span<Vector<T>> weights = stackalloc Vector<T>[vectors];
        sums.Clear();
        ref var sum0 = ref MemoryMarshal.GetReference(sums);
        for (var a = 0; a < clusters; a++)
        {
            var drawn = false;
            for (var r = 0; r < ReplicatesPerPass; r++)
            {
                var times = draws[r * clusters + a];
                counts[r] = T.CreateTruncating(times);
                drawn |= times != 0;
            }
            if (!drawn) continue;
            for (var v = 0; v < vectors; v++) weights[v] = new Vector<T>(counts[(v * lanes)..]);

            for (var row = _accountStart[a]; row < _accountStart[a + 1]; row++)
            {
                ref var rowSums = ref Unsafe.Add(ref sum0, _accountOffset[row] * ReplicatesPerPass);
                var rowValues = values.Slice(row * _width, _width);
                for (var j = 0; j < rowValues.Length; j++)
                {
                    var value = rowValues[j];
                    ref var sum = ref Unsafe.Add(ref rowSums, j * ReplicatesPerPass);
                    for (var v = 0; v < vectors; v++)
                    {
                        ref var lane = ref Unsafe.Add(ref sum, v * lanes);
                        Vector.StoreUnsafe(Vector.LoadUnsafe(ref lane) + weights[v] * value, ref lane);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Percentile cluster bootstrap resampling accounts of two statistics and of their difference, all from the same resamples;
    /// point values on the original sample. Replicate b draws as many accounts as there are, with replacement, from
    /// <see cref="DeterministicRandom.Create(ulong, ulong)"/>(seed, b) (counted by <see cref="SeededDrawCounts"/>, the same draws a
    /// block at a time), accounts numbered in order of first appearance: the resamples of
    /// <see cref="Bootstrap.ClusterReplicateVectors{TGroup}"/> over the rows, with the same values.
    /// </summary>
    public (Estimate First, Estimate Second, Estimate Difference) ResampleAccounts(
        Func<StratumSums, double> first, Func<StratumSums, double> second, TransitionOptions options)
    {
        var level = options.ConfidenceLevel;
        if (Rows == 0)
        {
            var none = Estimate.Undefined(0, "Bootstrap undefined: no stratum has both cohort and comparable accounts", level);
            return (none, none, none);
        }

        var (a, b) = Replicates(first, second, options.Seed, options.Replicates);
        var original = Original();
        var (pa, pb) = (first(original), second(original));
        var method = $"Percentile cluster bootstrap, {options.Replicates} resamples of {Clusters} clusters (seed {options.Seed})";
        return (Summarise(pa, a), Summarise(pb, b), Summarise(pa - pb, a.Zip(b, (x, y) => x - y).ToArray()));

        Estimate Summarise(double value, double[] replicates)
        {
            var valid = replicates.Where(v => !double.IsNaN(v)).ToArray();
            var text = valid.Length < replicates.Length ? $"{method}; {replicates.Length - valid.Length} resamples with an undefined statistic dropped" : method;
            var (lower, upper) = Core.Statistics.Bootstrap.PercentileInterval(valid, level);
            return new Estimate(value, lower, upper, Rows, text, level)
            {
                StandardError = valid.Length >= 2 ? SampleSummary.Of(valid).StandardDeviation : null,
            };
        }
    }

    /// <summary>Both statistics on every resample (slot b is replicate b), <see cref="ReplicatesPerPass"/> resamples per pass, passes in parallel.</summary>
    (double[] First, double[] Second) Replicates(Func<StratumSums, double> first, Func<StratumSums, double> second, int seed, int replicates) =>
        IntegerSums ? Replicates<int>(first, second, seed, replicates) : Replicates<double>(first, second, seed, replicates);

    (double[] First, double[] Second) Replicates<T>(Func<StratumSums, double> first, Func<StratumSums, double> second, int seed, int replicates)
        where T : unmanaged, INumber<T>
    {
        var clusters = Clusters;
        var values = Array.ConvertAll(_accountValues, T.CreateTruncating);
        var (a, b) = (new double[replicates], new double[replicates]);
        var passes = (replicates + ReplicatesPerPass - 1) / ReplicatesPerPass;
        try
        {
            Parallel.For(0, passes, () => (Draws: new int[ReplicatesPerPass * clusters], Sums: new T[SumsLength * ReplicatesPerPass], Counter: new SeededDrawCounts()),
                (pass, _, buffers) =>
                {
                    var start = pass * ReplicatesPerPass;
                    var size = Math.Min(ReplicatesPerPass, replicates - start);
                    Array.Clear(buffers.Draws);
                    for (var r = 0; r < size; r++)
                        buffers.Counter.Add(DeterministicRandom.Int32Seed(unchecked((ulong)seed), (ulong)(start + r)), buffers.Draws.AsSpan(r * clusters, clusters));

                    AddWeightedRows(buffers.Draws, values, buffers.Sums);
                    for (var r = 0; r < size; r++)
                    {
                        var one = new double[SumsLength];
                        for (var k = 0; k < one.Length; k++) one[k] = double.CreateTruncating(buffers.Sums[k * ReplicatesPerPass + r]);
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
