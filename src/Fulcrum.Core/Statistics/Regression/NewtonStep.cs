namespace Fulcrum.Core.Statistics.Regression;

/// <summary>
/// One Newton step on a log-likelihood: the step I⁻¹g from its score g and information I, on the columns that are free to
/// move. A column the caller holds, or one the data hold no information about, keeps its value (step 0).
/// </summary>
public static class NewtonStep
{
    /// <param name="information">The information's lower triangle (all that is read).</param>
    /// <param name="held">Columns that do not move.</param>
    /// <returns>The step per column, or null when the information is not positive definite on the free columns.</returns>
    public static double[]? Solve(double[] score, double[,] information, IReadOnlySet<int> held)
    {
        var p = score.Length;
        var scale = 0.0;
        for (var j = 0; j < p; j++) scale = Math.Max(scale, information[j, j]);
        var free = Enumerable.Range(0, p).Where(j => !held.Contains(j) && information[j, j] > 1e-12 * Math.Max(scale, 1e-300)).ToArray();
        // Every column free (the usual case): factored as it is, without a copy (a bootstrap solves thousands).
        var reduced = information;
        if (free.Length < p)
        {
            reduced = new double[free.Length, free.Length];
            for (var a = 0; a < free.Length; a++)
                for (var b = 0; b <= a; b++) reduced[a, b] = information[free[a], free[b]];
        }
        if (SymmetricSolver.TryFactor(reduced) is not { } solver) return null;
        var reducedStep = solver.Solve(free.Select(j => score[j]).ToArray());
        var step = new double[p];
        for (var a = 0; a < free.Length; a++) step[free[a]] = reducedStep[a];
        return step.All(double.IsFinite) ? step : null;
    }
}
