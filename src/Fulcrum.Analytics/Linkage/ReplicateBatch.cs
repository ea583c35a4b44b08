using System.Numerics;
using System.Runtime.InteropServices;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Linkage;

/// <summary>
/// The account weights of several bootstrap replicates side by side (replicate k of account a at <c>a · Size + k</c>), so
/// one pass over the modelling rows totals them all. At 100k accounts the rows (over a million with the theme mentions)
/// were read once per replicate and the bootstrap waited on memory; read once per batch they cost a fraction of that.
/// Each replicate's sums add the same terms in the same (account, row) order as a pass of its own, so its totals are
/// identical; an account a replicate did not draw adds zeros, which change no sum.
/// </summary>
internal sealed class ReplicateBatch
{
    /// <summary>Replicates totalled together: two vectors' worth (8 with AVX2), enough that reading the rows no longer dominates.</summary>
    public static int Size => 2 * Vector<double>.Count;

    readonly int _accounts;
    readonly int[] _drawn;
    // The draws of DeterministicRandom.Create(seed, r).Next(accounts), made a block at a time.
    readonly SeededDrawCounts _draws = new();
    double[] _themeRenewals = [], _themeChurned = [];

    public ReplicateBatch(int accounts)
    {
        _accounts = accounts;
        _drawn = new int[accounts];
        Weights = new double[accounts * Size];
    }

    /// <summary>Weight of account a in replicate k at <c>a · Size + k</c>.</summary>
    public double[] Weights { get; }

    /// <summary>One set of weights in the first slot, or every account once when null.</summary>
    public static ReplicateBatch Single(int accounts, double[]? weights) => Of(accounts, 1, (a, _) => weights?[a] ?? 1);

    /// <summary>
    /// Sets of account weights side by side, <paramref name="weight"/>(account, slot) in slots 0 to <paramref name="count"/> − 1
    /// (e.g. the training accounts of several cross-validation folds); the other slots weigh nothing.
    /// </summary>
    public static ReplicateBatch Of(int accounts, int count, Func<int, int, double> weight)
    {
        if (count > Size) throw new ArgumentOutOfRangeException(nameof(count), $"A batch holds at most {Size} sets of weights.");
        var batch = new ReplicateBatch(accounts);
        for (var a = 0; a < accounts; a++)
            for (var slot = 0; slot < count; slot++) batch.Weights[a * Size + slot] = weight(a, slot);
        return batch;
    }

    /// <summary>
    /// Replicates <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1 of the account
    /// bootstrap: replicate r draws as many accounts as there are, with replacement, from
    /// <see cref="DeterministicRandom.Create(ulong, ulong)"/>(seed, r). Slots past <paramref name="count"/> weigh nothing.
    /// </summary>
    public void Draw(ulong seed, int first, int count)
    {
        Array.Clear(Weights);
        for (var k = 0; k < count; k++)
        {
            // Counted in an account-sized array first: incrementing the interleaved weights directly would touch a new
            // cache line on nearly every draw.
            Array.Clear(_drawn);
            _draws.Add(DeterministicRandom.Int32Seed(seed, (ulong)(first + k)), _drawn);
            for (var a = 0; a < _accounts; a++) Weights[a * Size + k] = _drawn[a];
        }
    }

    /// <summary>Every replicate's cell totals (as <see cref="LinkageModels.CellTotals"/>), in slot order.</summary>
    public LinkageModels.CellTotals[] Totals(AccountRows rows, int churnCells, int costCells)
    {
        var k = Size;
        var levels = LinkageFactors.NpsLevels.Length;
        double[] renewals = new double[churnCells * k], churnEvents = new double[churnCells * k], retained = new double[churnCells * k],
            expansions = new double[churnCells * k], expansionArr = new double[churnCells * k], expansionAmount = new double[churnCells * k],
            quarters = new double[costCells * k], tickets = new double[costCells * k], minutes = new double[costCells * k],
            npsQuarters = new double[levels * k], npsTickets = new double[levels * k], npsMinutes = new double[levels * k];
        for (var a = 0; a < _accounts; a++)
        {
            if (!TryWeightsOf(a, out var w)) continue;
            for (var i = rows.EventStart[a]; i < rows.EventStart[a + 1]; i++)
            {
                ref readonly var e = ref rows.Events[i];
                var c = e.Cell * k;
                Add(renewals, c, w);
                if (e.Churned) { Add(churnEvents, c, w); continue; }
                Add(retained, c, w);
                if (!e.Expanded) continue;
                Add(expansions, c, w);
                if (!(e.ArrBefore > 0)) continue;
                AddScaled(expansionArr, c, w, e.ArrBefore);
                AddScaled(expansionAmount, c, w, e.ExpansionAmount);
            }
            for (var i = rows.ServiceStart[a]; i < rows.ServiceStart[a + 1]; i++)
            {
                ref readonly var r = ref rows.Service[i];
                int c = r.Cell * k, level = r.NpsLevel * k;
                AddScaled(quarters, c, w, r.Quarters);
                AddScaled(tickets, c, w, r.Tickets);
                AddScaled(minutes, c, w, r.Minutes);
                AddScaled(npsQuarters, level, w, r.Quarters);
                AddScaled(npsTickets, level, w, r.Tickets);
                AddScaled(npsMinutes, level, w, r.Minutes);
            }
        }
        return Enumerable.Range(0, k).Select(slot => new LinkageModels.CellTotals(
            Slot(renewals, slot, k), Slot(churnEvents, slot, k), Slot(retained, slot, k), Slot(expansions, slot, k),
            Slot(expansionArr, slot, k), Slot(expansionAmount, slot, k), Slot(quarters, slot, k), Slot(tickets, slot, k),
            Slot(minutes, slot, k), Slot(npsQuarters, slot, k), Slot(npsTickets, slot, k), Slot(npsMinutes, slot, k))).ToArray();
    }

    /// <summary>
    /// Per replicate with churn probabilities (null: none, e.g. its refit failed), observed over expected churn among the
    /// renewals of accounts that raised each theme, renewals weighted by their account's weight. The expected churn of a
    /// theme's renewals comes from the replicate's churn model refitted without them (<paramref name="probabilitiesWithout"/>
    /// of the slot: the cell probabilities once the given churn events and renewals per cell are removed, or null when that
    /// cannot be fitted); the scale is that expected churn over what <paramref name="churnProbabilities"/> (the model fitted
    /// on every renewal, which the valuation projects with) predicts for the same renewals.
    /// </summary>
    /// <remarks>
    /// Why without them: a model fitted on every renewal learns the theme's own churn into the cells where its raisers sit.
    /// In the demo nearly every multi-product detractor raises a planted complaint, so the model's multi-product detractor
    /// cells already churned at the complaint's rate and an observed ×1.6 read as ×1.15. Left out, the theme's renewals are
    /// compared with renewals of the same scores and profile that did not follow it (indirect standardization against the
    /// others), which is what "churn beyond the scores" means.
    /// </remarks>
    public ThemeChurnRatios?[] ThemeRatios(AccountRows rows, int themes, IReadOnlyList<double[]?> churnProbabilities,
        IReadOnlyList<Func<double[], double[], double[]?>?> probabilitiesWithout)
    {
        var k = Size;
        var ratios = new ThemeChurnRatios?[k];
        if (churnProbabilities.FirstOrDefault(p => p is not null) is not { } any) return ratios;
        if (themes == 0)
        {
            for (var slot = 0; slot < churnProbabilities.Count; slot++) ratios[slot] = churnProbabilities[slot] is null ? null : new ThemeChurnRatios([], []);
            return ratios;
        }
        var cells = any.Length;
        // Each theme's renewals and churn events per cell, replicates side by side: theme t, cell c at (t · cells + c) · Size.
        // Kept by the batch (one per worker) and cleared: at 100k accounts they are large-object-heap arrays.
        if (_themeRenewals.Length != themes * cells * k) (_themeRenewals, _themeChurned) = (new double[themes * cells * k], new double[themes * cells * k]);
        else { Array.Clear(_themeRenewals); Array.Clear(_themeChurned); }
        var (renewals, churned) = (_themeRenewals, _themeChurned);
        for (var a = 0; a < _accounts; a++)
        {
            if (!TryWeightsOf(a, out var w)) continue;
            for (var i = rows.ThemeEventStart[a]; i < rows.ThemeEventStart[a + 1]; i++)
            {
                var (theme, cell, isChurn) = rows.ThemeEvents[i];
                var at = (theme * cells + cell) * k;
                Add(renewals, at, w);
                if (isChurn) Add(churned, at, w);
            }
        }
        for (var slot = 0; slot < churnProbabilities.Count; slot++)
        {
            if (churnProbabilities[slot] is not { } withEveryRenewal || probabilitiesWithout[slot] is not { } without) continue;
            var (slotRatios, slotScales) = (new double[themes], new double[themes]);
            var (themeRenewals, themeChurned) = (new double[cells], new double[cells]);
            for (var theme = 0; theme < themes; theme++)
            {
                var (observed, count) = (0.0, 0.0);
                for (var c = 0; c < cells; c++)
                {
                    var at = (theme * cells + c) * k + slot;
                    (themeRenewals[c], themeChurned[c]) = (renewals[at], churned[at]);
                    observed += churned[at];
                    count += renewals[at];
                }
                if (count == 0) { (slotRatios[theme], slotScales[theme]) = (double.NaN, double.NaN); continue; }
                // Without a usable refit (e.g. the theme held every renewal or every churn of a level, so the level is not
                // identified without it, as on a few hundred accounts), the theme is compared with every renewal's model.
                var probability = without(themeChurned, themeRenewals) ?? withEveryRenewal;
                var (expected, expectedByEveryRenewal) = (0.0, 0.0);
                for (var c = 0; c < cells; c++)
                {
                    var n = themeRenewals[c];
                    if (n == 0) continue;
                    expected += n * probability[c];
                    expectedByEveryRenewal += n * withEveryRenewal[c];
                }
                (slotRatios[theme], slotScales[theme]) = expected > 0 ? (observed / expected, expected / expectedByEveryRenewal) : (double.NaN, double.NaN);
            }
            ratios[slot] = new ThemeChurnRatios(slotRatios, slotScales);
        }
        return ratios;
    }

    /// <summary>Account <paramref name="a"/>'s weight in every replicate of the batch; false when no replicate drew it.</summary>
    public bool TryWeightsOf(int a, out BatchValues weights)
    {
        var at = a * Size;
        weights = new BatchValues(Vector.LoadUnsafe(ref Weights[0], (nuint)at), Vector.LoadUnsafe(ref Weights[0], (nuint)(at + Vector<double>.Count)));
        return weights.Low != Vector<double>.Zero || weights.High != Vector<double>.Zero;
    }

    static double[] Slot(double[] interleaved, int slot, int size)
    {
        var values = new double[interleaved.Length / size];
        for (var i = 0; i < values.Length; i++) values[i] = interleaved[i * size + slot];
        return values;
    }

    // Lane-wise adds and products: each lane is the scalar operation of its replicate (no fused multiply-add), so vectors
    // change no digit. Offsets are cells or themes times Size, inside arrays sized for them.

    public static void Add(double[] sums, int offset, BatchValues w) => AddLanes(sums, offset, w.Low, w.High);

    public static void AddScaled(double[] sums, int offset, BatchValues w, double value) => Add(sums, offset, w * value);

    static void AddLanes(double[] sums, int offset, Vector<double> low, Vector<double> high)
    {
        ref var first = ref MemoryMarshal.GetArrayDataReference(sums);
        var (at, next) = ((nuint)offset, (nuint)(offset + Vector<double>.Count));
        (Vector.LoadUnsafe(ref first, at) + low).StoreUnsafe(ref first, at);
        (Vector.LoadUnsafe(ref first, next) + high).StoreUnsafe(ref first, next);
    }
}

/// <summary>One value per replicate of a <see cref="ReplicateBatch"/> (e.g. an account's weights): two vectors, operated on lane by lane.</summary>
internal readonly record struct BatchValues(Vector<double> Low, Vector<double> High)
{
    public static BatchValues Zero => new(Vector<double>.Zero, Vector<double>.Zero);

    public static BatchValues operator +(BatchValues a, BatchValues b) => new(a.Low + b.Low, a.High + b.High);

    public static BatchValues operator *(BatchValues a, double value) => new(a.Low * value, a.High * value);

    /// <summary>The value of replicate <paramref name="slot"/>.</summary>
    public double this[int slot] => slot < Vector<double>.Count ? Low[slot] : High[slot - Vector<double>.Count];
}

/// <summary>
/// Per theme: <paramref name="Ratios"/>, observed over expected churn of the renewals after it, expected by the churn model
/// fitted without them; <paramref name="Scales"/>, that expected churn over the churn model fitted on every renewal. The
/// valuation projects with the latter, so a theme's raisers churn at its probability × scale × (1 + (ratio − 1) × share kept):
/// the observed churn with all of the excess kept, the churn of their peers without the theme with none.
/// </summary>
internal sealed record ThemeChurnRatios(double[] Ratios, double[] Scales);
