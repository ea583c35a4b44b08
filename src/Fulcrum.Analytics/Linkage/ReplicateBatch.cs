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

    public ReplicateBatch(int accounts)
    {
        _accounts = accounts;
        _drawn = new int[accounts];
        Weights = new double[accounts * Size];
    }

    public int Accounts => _accounts;

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
                // An expansion without ARR (NaN amount) counts as an expansion above but is not valued.
                if (!(e.ArrBefore > 0) || double.IsNaN(e.ExpansionAmount)) continue;
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

    public static BatchValues operator *(BatchValues a, BatchValues b) => new(a.Low * b.Low, a.High * b.High);

    public static BatchValues operator -(BatchValues a) => new(-a.Low, -a.High);

    public static BatchValues operator -(BatchValues a, BatchValues b) => new(a.Low - b.Low, a.High - b.High);

    public static BatchValues operator -(double value, BatchValues a) => new(new Vector<double>(value) - a.Low, new Vector<double>(value) - a.High);

    /// <summary>The <see cref="ReplicateBatch.Size"/> values from <paramref name="offset"/> on (one per replicate, interleaved as the batch's sums are).</summary>
    public static BatchValues Load(double[] values, int offset)
    {
        ref var first = ref MemoryMarshal.GetArrayDataReference(values);
        return new(Vector.LoadUnsafe(ref first, (nuint)offset), Vector.LoadUnsafe(ref first, (nuint)(offset + Vector<double>.Count)));
    }

    /// <summary>1 / (1 + e^−x) lane by lane.</summary>
    public BatchValues Logistic() => new(Logistic(Low), Logistic(High));

    /// <summary>log(1 + e^x) lane by lane, without overflow.</summary>
    public BatchValues Softplus() => new(Softplus(Low), Softplus(High));

    static Vector<double> Logistic(Vector<double> x) => Vector<double>.One / (Vector<double>.One + Vector.Exp(-x));

    static Vector<double> Softplus(Vector<double> x) => Vector.Max(x, Vector<double>.Zero) + Vector.Log(Vector<double>.One + Vector.Exp(-Vector.Abs(x)));

    /// <summary>The value of replicate <paramref name="slot"/>.</summary>
    public double this[int slot] => slot < Vector<double>.Count ? Low[slot] : High[slot - Vector<double>.Count];
}
