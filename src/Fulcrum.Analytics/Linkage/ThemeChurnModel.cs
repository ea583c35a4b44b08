using Fulcrum.Core.Statistics.Regression;

namespace Fulcrum.Analytics.Linkage;

/// <summary>
/// Churn beyond the scores for every theme at once: the churn model with one indicator per theme the renewal's account
/// raised in the year before, logit P(churn) = x'β + Σ γ_T over those themes, so each theme's effect is adjusted for the
/// scores and profile and for the other themes the same accounts raised. A theme's ratio is its renewals' observed churn
/// over the churn the model predicts for them without γ_T: with their scores, profile and other themes as they are.
/// </summary>
/// <remarks>
/// Why jointly: the accounts that raise one complaint often raise others. Compared only with accounts of the same scores, a
/// generic complaint whose writers also raise a costly specific one took that one's churn as its own, and fixing each would
/// have been valued with the same churn twice. Why penalized: a theme with a few
/// renewals that all stayed has no finite maximum-likelihood effect; a normal prior on each γ (mean 0, standard deviation 1,
/// so an odds ratio between 1/7 and 7 is plausible) keeps it finite and shrinks small themes towards no effect, never away.
/// Levels that were separated in the churn model keep its (Firth) coefficient.
/// </remarks>
internal sealed class ThemeChurnModel
{
    /// <summary>Precision of the normal prior on each theme's log-odds (1 / its variance).</summary>
    public const double ThemePrecision = 1;

    const int MaximumIterations = 50;

    readonly SparseDesign _cells;
    readonly int _themes;
    readonly HashSet<int> _held;

    ThemeChurnModel(SparseDesign cells, int themes, HashSet<int> held, double[] coefficients) =>
        (_cells, _themes, _held, Coefficients) = (cells, themes, held, coefficients);

    /// <summary>The cell columns' coefficients, then one per theme.</summary>
    public double[] Coefficients { get; }

    int Columns => _cells.Columns + _themes;

    /// <summary>
    /// The penalized maximum-likelihood fit on every renewal by Newton's method (step-halving on the penalized
    /// log-likelihood), from the churn model's coefficients and no theme effects; null without themes or when it does not
    /// converge. <paramref name="totals"/> are the cell totals with the same account <paramref name="weights"/> (null: each once).
    /// </summary>
    public static ThemeChurnModel? Fit(SparseDesign cells, RegressionFit churn, AccountRows rows, int accounts, int themes, LinkageModels.CellTotals totals,
        double[]? weights = null)
    {
        if (themes == 0) return null;
        var held = churn.HeldAtZero.Concat(churn.Separation.Coefficients.Select(churn.IndexOf)).ToHashSet();
        var model = new ThemeChurnModel(cells, themes, held, [.. churn.Coefficients, .. new double[themes]]);
        var batch = ReplicateBatch.Single(accounts, weights);
        var theta = model.Coefficients;
        var current = model.Accumulate(batch, rows, Enumerable.Repeat(theta, ReplicateBatch.Size).ToArray(), [totals], new Workspace(), withLikelihood: true)[0];
        for (var iteration = 0; iteration < MaximumIterations; iteration++)
        {
            if (NewtonStep.Solve(current.Score, current.Information, held) is not { } step) return null;
            // Halved until the penalized log-likelihood does not fall: Newton's full step can overshoot far from the optimum.
            for (var halving = 0; ; halving++)
            {
                var trial = theta.Select((b, j) => b + step[j]).ToArray();
                // A workspace of its own: the current sums stay valid while a trial is tried.
                var next = model.Accumulate(batch, rows, Enumerable.Repeat(trial, ReplicateBatch.Size).ToArray(), [totals], new Workspace(), withLikelihood: true)[0];
                if (next.Objective >= current.Objective - 1e-10 * Math.Abs(current.Objective) || halving == 30)
                {
                    (theta, current) = (trial, next);
                    break;
                }
                for (var j = 0; j < step.Length; j++) step[j] /= 2;
            }
            if (step.Max(Math.Abs) < 1e-8)
                return theta.All(b => double.IsFinite(b) && Math.Abs(b) < 50) ? new ThemeChurnModel(cells, themes, held, theta) : null;
        }
        return null;
    }

    /// <summary>
    /// Each replicate's coefficients two Newton steps from the full fit's, with its account weights (a k-step bootstrap:
    /// equivalent to refitting to the order of the first step cubed, at the cost of two passes; Davidson &amp; MacKinnon 1999,
    /// Andrews 2002; one step left the upper tail of small themes' ratios short). Null for a slot past
    /// <paramref name="count"/>, without its churn refit (<paramref name="refitted"/> false) or whose step cannot be solved.
    /// </summary>
    public double[]?[] Step(ReplicateBatch batch, AccountRows rows, IReadOnlyList<LinkageModels.CellTotals> totals, int count, bool[] refitted, Workspace workspace)
    {
        var thetas = Enumerable.Range(0, ReplicateBatch.Size).Select(k => k < count && refitted[k] ? Coefficients : null).ToArray();
        for (var step = 0; step < 2; step++)
        {
            var sums = Accumulate(batch, rows, thetas.Select(t => t ?? Coefficients).ToArray(), totals.Take(count).ToArray(), workspace);
            for (var k = 0; k < count; k++)
            {
                if (thetas[k] is not { } theta) continue;
                var move = NewtonStep.Solve(sums[k].Score, sums[k].Information, _held);
                var next = move is null ? null : theta.Select((b, j) => b + move[j]).ToArray();
                thetas[k] = next is not null && next.All(b => double.IsFinite(b) && Math.Abs(b) < 50) ? next : null;
            }
        }
        return thetas;
    }

    /// <summary>
    /// Per slot with churn probabilities (<paramref name="everyRenewal"/>: the churn model fitted on every renewal, which the
    /// valuation projects with; null: none), each theme's observed over expected churn of its renewals, weighted by their
    /// account's weight, expected by the joint model's coefficients of the slot without the theme's own effect; and the scale,
    /// that expectation over <paramref name="everyRenewal"/>'s for the same renewals. A slot without joint coefficients
    /// (<paramref name="thetas"/> null there) compares each theme with <paramref name="everyRenewal"/>, scale 1.
    /// </summary>
    public static ThemeChurnRatios?[] Ratios(ReplicateBatch batch, AccountRows rows, int themes, SparseDesign cells,
        IReadOnlyList<double[]?> thetas, IReadOnlyList<double[]?> everyRenewal, Workspace workspace)
    {
        var k = ReplicateBatch.Size;
        var slots = everyRenewal.Count;
        var ratios = new ThemeChurnRatios?[k];
        if (themes == 0)
        {
            for (var slot = 0; slot < slots; slot++) ratios[slot] = everyRenewal[slot] is null ? null : new ThemeChurnRatios([], []);
            return ratios;
        }
        // Per slot: the churn model of every renewal's cell probabilities, and whether the slot has joint coefficients (1) or
        // is compared with that model instead (0); a slot without the former weighs nothing.
        var (cellEta, themeEffects) = Lanes(cells, themes, thetas);
        var every = new double[cells.Rows * k];
        var (joint, active) = (new double[k], new double[k]);
        for (var slot = 0; slot < slots; slot++)
        {
            if (everyRenewal[slot] is not { } probabilities) continue;
            active[slot] = 1;
            joint[slot] = thetas.ElementAtOrDefault(slot) is null ? 0 : 1;
            for (var c = 0; c < cells.Rows; c++) every[c * k + slot] = probabilities[c];
        }
        var (isJoint, isActive) = (BatchValues.Load(joint, 0), BatchValues.Load(active, 0));
        var (renewals, observed, expected, expectedByEveryRenewal) = workspace.ThemeTotals(themes * k);
        for (var a = 0; a < batch.Accounts; a++)
        {
            if (!batch.TryWeightsOf(a, out var w)) continue;
            w *= isActive;
            for (var i = rows.ThemedStart[a]; i < rows.ThemedStart[a + 1]; i++)
            {
                var r = rows.Themed[i];
                var (first, end) = (r.FirstTheme, r.FirstTheme + r.ThemeCount);
                var eta = BatchValues.Load(cellEta, r.Cell * k);
                for (var j = first; j < end; j++) eta += BatchValues.Load(themeEffects, rows.ThemedThemes[j] * k);
                var byEveryRenewal = w * BatchValues.Load(every, r.Cell * k);
                var (jointWeight, everyWeight) = (w * isJoint, byEveryRenewal * (1 - isJoint));
                for (var j = first; j < end; j++)
                {
                    var at = rows.ThemedThemes[j] * k;
                    ReplicateBatch.Add(renewals, at, w);
                    if (r.Churned) ReplicateBatch.Add(observed, at, w);
                    ReplicateBatch.Add(expectedByEveryRenewal, at, byEveryRenewal);
                    ReplicateBatch.Add(expected, at, jointWeight * (eta - BatchValues.Load(themeEffects, at)).Logistic() + everyWeight);
                }
            }
        }
        for (var slot = 0; slot < slots; slot++)
        {
            if (everyRenewal[slot] is null) continue;
            var (slotRatios, slotScales) = (new double[themes], new double[themes]);
            for (var theme = 0; theme < themes; theme++)
            {
                var at = theme * k + slot;
                (slotRatios[theme], slotScales[theme]) = renewals[at] > 0 && expected[at] > 0
                    ? (observed[at] / expected[at], expected[at] / expectedByEveryRenewal[at]) : (double.NaN, double.NaN);
            }
            ratios[slot] = new ThemeChurnRatios(slotRatios, slotScales);
        }
        return ratios;
    }

    /// <summary>Score, information (lower triangle) and penalized log-likelihood at each slot's coefficients with its weights.</summary>
    internal sealed record Sums(double[] Score, double[,] Information, double Objective);

    /// <summary>
    /// One pass over the themed renewals, every slot's weights and coefficients (<paramref name="thetas"/>, one per slot of the
    /// batch) side by side: their terms of the score and information, with each cell's sum of them kept so that the cell
    /// columns' block is added once per cell; then each slot's renewals without a theme per cell (the cell totals less the
    /// themed ones), and the prior.
    /// </summary>
    Sums[] Accumulate(ReplicateBatch batch, AccountRows rows, double[][] thetas, LinkageModels.CellTotals[] totals, Workspace workspace, bool withLikelihood = false)
    {
        var (k, p, cellColumns) = (ReplicateBatch.Size, Columns, _cells.Columns);
        var cellCount = _cells.Rows;
        var (cellEta, themeEffects) = Lanes(_cells, _themes, thetas);
        var (score, information, logLikelihood, cellWeight, cellResidual, themedRenewals, themedChurns) = workspace.Sums(p, cellCount);
        for (var a = 0; a < batch.Accounts; a++)
        {
            if (!batch.TryWeightsOf(a, out var w)) continue;
            for (var i = rows.ThemedStart[a]; i < rows.ThemedStart[a + 1]; i++)
            {
                var r = rows.Themed[i];
                var (first, end) = (r.FirstTheme, r.FirstTheme + r.ThemeCount);
                var eta = BatchValues.Load(cellEta, r.Cell * k);
                for (var j = first; j < end; j++) eta += BatchValues.Load(themeEffects, rows.ThemedThemes[j] * k);
                var probability = eta.Logistic();
                var residual = w * ((r.Churned ? 1 : 0) - probability);
                var variance = w * probability * (1 - probability);
                var at = r.Cell * k;
                ReplicateBatch.Add(themedRenewals, at, w);
                if (r.Churned) ReplicateBatch.Add(themedChurns, at, w);
                ReplicateBatch.Add(cellWeight, at, variance);
                ReplicateBatch.Add(cellResidual, at, residual);
                // Only the full fit's step-halving reads the likelihood.
                if (withLikelihood) ReplicateBatch.Add(logLikelihood, 0, w * -(r.Churned ? (BatchValues.Zero - eta).Softplus() : eta.Softplus()));
                var (columns, values) = (_cells.Indices[r.Cell], _cells.Values[r.Cell]);
                for (var j = first; j < end; j++)
                {
                    var row = cellColumns + rows.ThemedThemes[j];
                    ReplicateBatch.Add(score, row * k, residual);
                    var rowAt = row * p;
                    for (var b = 0; b < columns.Length; b++) ReplicateBatch.Add(information, (rowAt + columns[b]) * k, variance * values[b]);
                    // Ascending themes: those up to this one are the lower triangle's.
                    for (var m = first; m <= j; m++) ReplicateBatch.Add(information, (rowAt + cellColumns + rows.ThemedThemes[m]) * k, variance);
                }
            }
        }
        var sums = new Sums[totals.Length];
        for (var slot = 0; slot < totals.Length; slot++)
        {
            var (slotScore, slotInformation) = (new double[p], workspace.Information(slot, p));
            var objective = logLikelihood[slot];
            for (var row = cellColumns; row < p; row++)
            {
                slotScore[row] = score[row * k + slot];
                for (var column = 0; column <= row; column++) slotInformation[row, column] = information[(row * p + column) * k + slot];
            }
            for (var c = 0; c < cellCount; c++)
            {
                // Clamped: the totals and the themed sums add the same weights in other orders, so a difference can round below zero.
                var n = Math.Max(0, totals[slot].Renewals[c] - themedRenewals[c * k + slot]);
                var y = Math.Clamp(totals[slot].ChurnEvents[c] - themedChurns[c * k + slot], 0, n);
                var eta = cellEta[c * k + slot];
                var probability = 1 / (1 + Math.Exp(-eta));
                var residual = cellResidual[c * k + slot] + y - n * probability;
                var weight = cellWeight[c * k + slot] + n * probability * (1 - probability);
                if (withLikelihood && n > 0) objective += -y * Softplus(-eta) - (n - y) * Softplus(eta);
                var (columns, values) = (_cells.Indices[c], _cells.Values[c]);
                for (var a = 0; a < columns.Length; a++)
                {
                    slotScore[columns[a]] += values[a] * residual;
                    for (var b = 0; b <= a; b++) slotInformation[columns[a], columns[b]] += values[a] * weight * values[b];
                }
            }
            var theta = thetas[slot];
            for (var theme = 0; theme < _themes; theme++)
            {
                var j = cellColumns + theme;
                slotScore[j] -= ThemePrecision * theta[j];
                slotInformation[j, j] += ThemePrecision;
                objective -= ThemePrecision * theta[j] * theta[j] / 2;
            }
            sums[slot] = new Sums(slotScore, slotInformation, objective);
        }
        return sums;
    }

    /// <summary>Each cell's linear predictor and each theme's effect per slot, interleaved as the batch's sums are (cell or theme × Size + slot).</summary>
    static (double[] CellEta, double[] ThemeEffects) Lanes(SparseDesign cells, int themes, IReadOnlyList<double[]?> thetas)
    {
        var k = ReplicateBatch.Size;
        var (cellEta, themeEffects) = (new double[cells.Rows * k], new double[themes * k]);
        for (var slot = 0; slot < k; slot++)
        {
            if (thetas.ElementAtOrDefault(slot) is not { } theta) continue;
            for (var c = 0; c < cells.Rows; c++) cellEta[c * k + slot] = cells.LinearPredictor(c, theta);
            for (var t = 0; t < themes; t++) themeEffects[t * k + slot] = theta[cells.Columns + t];
        }
        return (cellEta, themeEffects);
    }

    static double Softplus(double x) => x > 0 ? x + double.LogP1(Math.Exp(-x)) : double.LogP1(Math.Exp(x));

    /// <summary>The buffers of one worker's passes, kept between batches (at 100k accounts they are large-object-heap arrays) and cleared for each.</summary>
    internal sealed class Workspace
    {
        double[] _score = [], _information = [], _logLikelihood = new double[ReplicateBatch.Size], _cellWeight = [], _cellResidual = [],
            _themedRenewals = [], _themedChurns = [], _renewals = [], _observed = [], _expected = [], _expectedByEveryRenewal = [];
        readonly double[,]?[] _slotInformation = new double[ReplicateBatch.Size][,];

        public (double[] Score, double[] Information, double[] LogLikelihood, double[] CellWeight, double[] CellResidual, double[] ThemedRenewals, double[] ThemedChurns)
            Sums(int columns, int cells)
        {
            var k = ReplicateBatch.Size;
            return (Cleared(ref _score, columns * k), Cleared(ref _information, columns * columns * k), Cleared(ref _logLikelihood, k),
                Cleared(ref _cellWeight, cells * k), Cleared(ref _cellResidual, cells * k), Cleared(ref _themedRenewals, cells * k), Cleared(ref _themedChurns, cells * k));
        }

        /// <summary>Slot <paramref name="slot"/>'s information matrix (p × p), cleared: valid until the next pass, which is all a step needs.</summary>
        public double[,] Information(int slot, int columns)
        {
            var matrix = _slotInformation[slot];
            if (matrix is null || matrix.GetLength(0) != columns) return _slotInformation[slot] = new double[columns, columns];
            Array.Clear(matrix);
            return matrix;
        }

        public (double[] Renewals, double[] Observed, double[] Expected, double[] ExpectedByEveryRenewal) ThemeTotals(int length) =>
            (Cleared(ref _renewals, length), Cleared(ref _observed, length), Cleared(ref _expected, length), Cleared(ref _expectedByEveryRenewal, length));

        static double[] Cleared(ref double[] buffer, int length)
        {
            if (buffer.Length != length) buffer = new double[length];
            else Array.Clear(buffer);
            return buffer;
        }
    }
}

/// <summary>
/// Per theme: <paramref name="Ratios"/>, observed over expected churn of the renewals after it, expected by the joint model
/// (<see cref="ThemeChurnModel"/>) without the theme's own effect; <paramref name="Scales"/>, that expected churn over the churn model fitted on every renewal. The
/// valuation projects with the latter, so a theme's raisers churn at its probability × scale × (1 + (ratio − 1) × share kept):
/// the observed churn with all of the excess kept, the churn the joint model predicts for them without the theme (their other
/// themes kept) with none.
/// </summary>
internal sealed record ThemeChurnRatios(double[] Ratios, double[] Scales);
