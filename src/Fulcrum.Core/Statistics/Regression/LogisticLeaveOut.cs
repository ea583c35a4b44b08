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
    readonly SparseDesign _design;
    readonly double[] _beta, _events, _trials;
    readonly int _p;
    // The fit's score and information, summed on the first leave-out (a fit with nothing to leave out never needs them);
    // so an instance is for one thread, as a bootstrap replicate's is.
    (double[] Score, double[,] Information)? _totals;

    /// <param name="design">One row per cell.</param>
    /// <param name="coefficients">The fit on <paramref name="events"/> of <paramref name="trials"/> (any method: its score need not be 0).</param>
    public LogisticLeaveOut(SparseDesign design, double[] coefficients, double[] events, double[] trials)
    {
        (_design, _beta, _p, _events, _trials) = (design, coefficients, coefficients.Length, events, trials);
        Probabilities = new double[design.Rows];
        for (var c = 0; c < design.Rows; c++) Probabilities[c] = design.Probability(c, coefficients);
    }

    /// <summary>Every cell's probability under the fit itself.</summary>
    public double[] Probabilities { get; }

    /// <summary>
    /// The probability of every cell removed from (those with <paramref name="removedTrials"/> above 0; the others are
    /// NaN) after removing <paramref name="removedEvents"/> of <paramref name="removedTrials"/> per cell; null when the rest
    /// does not identify the step (the information left is not positive definite on the columns it still informs).
    /// Columns the rest holds no information about keep their coefficient.
    /// </summary>
    public double[]? ProbabilitiesWithout(double[] removedEvents, double[] removedTrials)
    {
        if (_totals is null)
        {
            var totals = (Score: new double[_p], Information: new double[_p, _p]);
            Add(_events, _trials, 1, totals.Score, totals.Information);
            _totals = totals;
        }
        var (fullScore, fullInformation) = _totals.Value;
        var (score, information) = ((double[])fullScore.Clone(), (double[,])fullInformation.Clone());
        Add(removedEvents, removedTrials, -1, score, information);
        var kept = Enumerable.Range(0, _p).Where(j => information[j, j] > 1e-9 * Math.Max(fullInformation[j, j], 1e-300)).ToArray();
        var reduced = new double[kept.Length, kept.Length];
        for (var a = 0; a < kept.Length; a++)
            for (var b = 0; b <= a; b++) reduced[a, b] = information[kept[a], kept[b]];
        if (SymmetricSolver.TryFactor(reduced) is not { } solver) return null;
        var step = solver.Solve(kept.Select(j => score[j]).ToArray());
        var beta = (double[])_beta.Clone();
        for (var a = 0; a < kept.Length; a++) beta[kept[a]] += step[a];
        if (!beta.All(double.IsFinite)) return null;
        var probability = new double[removedTrials.Length];
        for (var c = 0; c < probability.Length; c++) probability[c] = removedTrials[c] == 0 ? double.NaN : _design.Probability(c, beta);
        return probability;
    }

    /// <summary>Adds (sign 1) or removes (sign −1) the cells' terms of the score and of the information's lower triangle (all the solver reads).</summary>
    void Add(double[] events, double[] trials, double sign, double[] score, double[,] information)
    {
        for (var c = 0; c < trials.Length; c++)
        {
            if (trials[c] == 0) continue;
            var pr = Probabilities[c];
            var (residual, weight) = (sign * (events[c] - trials[c] * pr), sign * trials[c] * pr * (1 - pr));
            var (columns, values) = (_design.Indices[c], _design.Values[c]);
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
