namespace Fulcrum.Core.Statistics.Regression;

/// <summary>
/// A grouped logistic fit, refitted without some of its events by one Newton step: from the fitted coefficients β, the
/// step on the log-likelihood of the remaining data is β + (I − I_removed)⁻¹ (g − g_removed), with g the score and I the
/// information at β. The one-step estimator is first-order equivalent to the full refit (its error is of the order of the
/// step squared), which is what a bootstrap of many leave-outs needs (a k-step bootstrap; Davidson &amp; MacKinnon 1999,
/// Andrews 2002): the information over all cells is summed once, and each leave-out only walks the cells it removes from.
/// </summary>
public sealed class LogisticLeaveOut
{
        readonly double[] _beta, _probability, _score;
    readonly double[,] _information;
    readonly int _p;
    // Each cell's non-zero columns in ascending order and their values: a cell of dummy codes has a few of them, and
    // summing over those pairs only is several times faster than over every pair.
    readonly int[][] _columns;
    readonly double[][] _values;

    /// <param name="design">One row per cell.</param>
    /// <param name="coefficients">The fit on <paramref name="events"/> of <paramref name="trials"/> (any method: its score need not be 0).</param>
    public LogisticLeaveOut(double[,] design, double[] coefficients, double[] events, double[] trials)
    {
        (_beta, _p) = (coefficients, coefficients.Length);
        _probability = LogisticRegression.Probabilities(design, coefficients);
        var cells = design.GetLength(0);
        (_columns, _values) = (new int[cells][], new double[cells][]);
        for (var c = 0; c < cells; c++)
        {
            _columns[c] = Enumerable.Range(0, _p).Where(j => design[c, j] != 0).ToArray();
            _values[c] = _columns[c].Select(j => design[c, j]).ToArray();
        }
        (_score, _information) = (new double[_p], new double[_p, _p]);
        Add(events, trials, 1, _score, _information);
    }

    /// <summary>
    /// The probability of every cell removed from (those with <paramref name="removedTrials"/> above 0; the others are
    /// NaN) after removing <paramref name="removedEvents"/> of <paramref name="removedTrials"/> per cell; null when the rest
    /// does not identify the step (the information left is not positive definite on the columns it still informs).
    /// Columns the rest holds no information about keep their coefficient.
    /// </summary>
    public double[]? ProbabilitiesWithout(double[] removedEvents, double[] removedTrials)
    {
        var (score, information) = ((double[])_score.Clone(), (double[,])_information.Clone());
        Add(removedEvents, removedTrials, -1, score, information);
        var kept = Enumerable.Range(0, _p).Where(j => information[j, j] > 1e-9 * Math.Max(_information[j, j], 1e-300)).ToArray();
        var reduced = new double[kept.Length, kept.Length];
        for (var a = 0; a < kept.Length; a++)
            for (var b = 0; b <= a; b++) reduced[a, b] = information[kept[a], kept[b]];
        if (SymmetricSolver.TryFactor(reduced) is not { } solver) return null;
        var step = solver.Solve(kept.Select(j => score[j]).ToArray());
        var beta = (double[])_beta.Clone();
        for (var a = 0; a < kept.Length; a++) beta[kept[a]] += step[a];
        if (!beta.All(double.IsFinite)) return null;
        var probability = new double[removedTrials.Length];
        for (var c = 0; c < probability.Length; c++)
        {
            if (removedTrials[c] == 0) { probability[c] = double.NaN; continue; }
            var eta = 0.0;
            for (var k = 0; k < _columns[c].Length; k++) eta += _values[c][k] * beta[_columns[c][k]];
            probability[c] = 1 / (1 + Math.Exp(-eta));
        }
        return probability;
    }

    /// <summary>Adds (sign 1) or removes (sign −1) the cells' terms of the score and of the information's lower triangle (all the solver reads).</summary>
    void Add(double[] events, double[] trials, double sign, double[] score, double[,] information)
    {
        for (var c = 0; c < trials.Length; c++)
        {
            if (trials[c] == 0) continue;
            var pr = _probability[c];
            var (residual, weight) = (sign * (events[c] - trials[c] * pr), sign * trials[c] * pr * (1 - pr));
            var (columns, values) = (_columns[c], _values[c]);
            for (var a = 0; a < columns.Length; a++)
            {
                var (i, xi) = (columns[a], values[a]);
                score[i] += xi * residual;
                // Ascending columns: b ≤ a is j ≤ i, the lower triangle.
                for (var b = 0; b <= a; b++) information[i, columns[b]] += xi * weight * values[b];
            }
        }
    }
}
