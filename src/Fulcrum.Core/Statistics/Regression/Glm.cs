using MathNet.Numerics;

namespace Fulcrum.Core.Statistics.Regression;

/// <summary>The two canonical-link families Fulcrum fits.</summary>
public enum GlmFamily
{
    /// <summary>Binomial counts with the logit link: logistic regression.</summary>
    BinomialLogit,

    /// <summary>Counts or totals over an exposure with the log link: Poisson (log-linear) regression.</summary>
    PoissonLog,
}

/// <summary>
/// Newton–Raphson (= Fisher scoring, = IRLS for canonical links) for grouped GLMs, with step-halving on the (penalized)
/// log-likelihood and, for the binomial family, Firth's bias-reducing penalty ½·log|X'WX| (Firth 1993, Heinze &amp;
/// Schemper 2002). Standard errors are the square roots of the diagonal of the inverse Fisher information at the
/// estimate, as in statsmodels' <c>Logit</c>/<c>GLM</c> and R's <c>glm</c>/<c>logistf</c>.
/// </summary>
internal static class Glm
{
    public sealed record Options(int MaxIterations = 50, double Tolerance = 1e-10, bool Firth = false);

    /// <param name="fixedAtZero">Columns held at 0 instead of estimated; null: every column without data (see
    /// <see cref="ColumnsWithoutData"/>). A refit passes its template's, so a replicate is fitted on the same terms.</param>
    public static RegressionFit Fit(GroupedData data, GlmFamily family, Options options, double[]? start = null, IReadOnlyList<int>? fixedAtZero = null)
    {
        var held = fixedAtZero ?? ColumnsWithoutData(data);
        if (held.Count > 0 && held.Count < data.Columns) return FitHolding(data, family, options, start, held);
        var p = data.Columns;
        var beta = start is { } s && s.Length == p ? (double[])s.Clone() : InitialCoefficients(data, family);
        var state = Evaluate(data, family, beta, options.Firth);
        var converged = false;
        var iterations = 0;
        while (iterations < options.MaxIterations && state.Solver is not null)
        {
            iterations++;
            var step = state.Solver.Solve(state.Score);
            var scale = 1.0;
            State next;
            // Step-halving: never accept a step that lowers the (penalized) log-likelihood.
            while (true)
            {
                var candidate = new double[p];
                for (var j = 0; j < p; j++) candidate[j] = beta[j] + scale * step[j];
                next = Evaluate(data, family, candidate, options.Firth);
                if (next.Solver is not null && next.Objective >= state.Objective - 1e-12 * Math.Abs(state.Objective) || scale < 1e-6) { beta = candidate; break; }
                scale /= 2;
            }
            var change = 0.0;
            for (var j = 0; j < p; j++) change = Math.Max(change, Math.Abs(scale * step[j]) / (1 + Math.Abs(beta[j])));
            // With large totals (e.g. ARR as exposure) the coefficients settle to rounding noise before the relative step
            // does; a step that no longer moves the objective beyond rounding is converged too.
            var settled = Math.Abs(next.Objective - state.Objective) <= 1e-13 * Math.Abs(state.Objective) && change < 1e-6;
            state = next;
            if (change < options.Tolerance || settled) { converged = true; break; }
        }

        var covariance = state.Solver?.Inverse() ?? Filled(p, double.NaN);
        var se = new double[p];
        for (var j = 0; j < p; j++) se[j] = Math.Sqrt(covariance[j, j]);
        var logLikelihood = family == GlmFamily.PoissonLog ? state.LogLikelihood - PoissonConstant(data) : state.LogLikelihood;
        return new RegressionFit(data.Names, beta, se, covariance, logLikelihood, Deviance(data, family, state.Mean), iterations,
            converged && state.Solver is not null, options.Firth ? FitMethod.Firth : FitMethod.MaximumLikelihood, data.TotalWeight, Separation.None);
    }

    /// <summary>
    /// Columns that are non-zero only in cells without weight (e.g. a level with no expanders in the expansion-amount
    /// model): the data hold nothing about their coefficient, so the information matrix is singular and no fit exists.
    /// As R's <c>glm</c> does with aliased terms, they are left out of the fit and count as 0 (the baseline) in predictions.
    /// </summary>
    public static IReadOnlyList<int> ColumnsWithoutData(GroupedData data)
    {
        var seen = new bool[data.Columns];
        for (var i = 0; i < data.Rows; i++)
        {
            if (data.Weight[i] == 0) continue;
            for (var j = 0; j < data.Columns; j++)
                if (data.Design[i, j] != 0) seen[j] = true;
        }
        return Enumerable.Range(0, data.Columns).Where(j => !seen[j]).ToArray();
    }

    static RegressionFit FitHolding(GroupedData data, GlmFamily family, Options options, double[]? start, IReadOnlyList<int> held)
    {
        var keep = Enumerable.Range(0, data.Columns).Except(held).ToArray();
        var design = new double[data.Rows, keep.Length];
        for (var i = 0; i < data.Rows; i++)
            for (var k = 0; k < keep.Length; k++) design[i, k] = data.Design[i, keep[k]];
        var reduced = new GroupedData(design, data.Response, data.Weight, keep.Select(j => data.Names[j]).ToArray());
        var reducedStart = start is { } s && s.Length == data.Columns ? keep.Select(j => s[j]).ToArray() : null;
        var fit = Fit(reduced, family, options, reducedStart, fixedAtZero: []);
        var beta = new double[data.Columns];
        var se = Enumerable.Repeat(double.NaN, data.Columns).ToArray();
        var covariance = Filled(data.Columns, double.NaN);
        for (var a = 0; a < keep.Length; a++)
        {
            beta[keep[a]] = fit.Coefficients[a];
            se[keep[a]] = fit.StandardErrors[a];
            for (var b = 0; b < keep.Length; b++) covariance[keep[a], keep[b]] = fit.Covariance[a, b];
        }
        return fit with { Names = data.Names, Coefficients = beta, StandardErrors = se, Covariance = covariance, HeldAtZero = held };
    }

    /// <summary>Inverse link of x'β for every row of <paramref name="design"/>.</summary>
    public static double[] Predict(double[,] design, GlmFamily family, double[] beta)
    {
        var sparse = SparseRows.Of(design);
        var result = new double[design.GetLength(0)];
        for (var i = 0; i < result.Length; i++) result[i] = Inverse(family, sparse.Dot(i, beta));
        return result;
    }

    /// <summary>Probability (binomial) or rate per unit of exposure (Poisson) for a linear predictor.</summary>
    public static double Inverse(GlmFamily family, double eta) =>
        family == GlmFamily.BinomialLogit ? 1 / (1 + Math.Exp(-eta)) : Math.Exp(Math.Min(eta, 700));

    sealed record State(double[] Mean, double[] Score, SymmetricSolver? Solver, double LogLikelihood, double Objective);

    static State Evaluate(GroupedData data, GlmFamily family, double[] beta, bool firth)
    {
        var (x, y, w) = (data.Design, data.Response, data.Weight);
        var sparse = SparseRows.Of(x);
        var (start, column, value) = (sparse.Start, sparse.Column, sparse.Value);
        int n = data.Rows, p = data.Columns;
        var mean = new double[n];
        var rate = new double[n];
        var working = new double[n];
        var information = new double[p, p];
        var logLikelihood = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (w[i] == 0) continue;
            var eta = sparse.Dot(i, beta);
            double wi;
            if (family == GlmFamily.BinomialLogit)
            {
                var prob = 1 / (1 + Math.Exp(-eta));
                rate[i] = prob;
                mean[i] = w[i] * prob;
                wi = mean[i] * (1 - prob);
                // log p and log(1 − p) written to stay finite for large |eta|.
                var logP = -Softplus(-eta);
                var logQ = -Softplus(eta);
                logLikelihood += y[i] * logP + (w[i] - y[i]) * logQ;
            }
            else
            {
                var mu = w[i] * Math.Exp(Math.Min(eta, 700));
                rate[i] = mu;
                mean[i] = mu;
                wi = mu;
                // The −log(y!) term does not depend on β: added once at the end (PoissonConstant), not on every step.
                logLikelihood += (y[i] > 0 ? y[i] * Math.Log(mu) : 0) - mu;
            }
            working[i] = wi;
            // Non-zeros are in increasing column order, so (a, b ≤ a) fills the lower triangle.
            for (var a = start[i]; a < start[i + 1]; a++)
            {
                var xa = value[a] * wi;
                var j = column[a];
                for (var b = start[i]; b <= a; b++) information[j, column[b]] += xa * value[b];
            }
        }
        for (var j = 0; j < p; j++)
            for (var k = j + 1; k < p; k++) information[j, k] = information[k, j];
        var solver = SymmetricSolver.TryFactor(information);
        var score = new double[p];
        for (var i = 0; i < n; i++)
        {
            if (w[i] == 0) continue;
            var residual = y[i] - mean[i];
            // Firth's modified score adds h_i (½ − p_i) per cell, h_i the cell's hat value (Heinze & Schemper 2002, eq. 2).
            if (firth && solver is not null) residual += working[i] * solver.QuadraticForm(x, i) * (0.5 - rate[i]);
            for (var a = start[i]; a < start[i + 1]; a++) score[column[a]] += value[a] * residual;
        }
        var objective = firth && solver is not null ? logLikelihood + 0.5 * solver.LogDeterminant() : logLikelihood;
        if (solver is null) objective = double.NegativeInfinity;
        return new State(mean, score, solver, logLikelihood, objective);
    }

    static double PoissonConstant(GroupedData data)
    {
        var sum = 0.0;
        for (var i = 0; i < data.Rows; i++)
            if (data.Weight[i] != 0) sum += SpecialFunctions.GammaLn(data.Response[i] + 1);
        return sum;
    }

    static double Softplus(double v) => v > 30 ? v : v < -30 ? Math.Exp(v) : Math.Log(1 + Math.Exp(v));

    static double[] InitialCoefficients(GroupedData data, GlmFamily family)
    {
        // Start at the intercept-only solution when the first column is constant: few iterations, and IRLS from there is stable.
        var beta = new double[data.Columns];
        var isIntercept = Enumerable.Range(0, data.Rows).All(i => data.Design[i, 0] == 1);
        if (!isIntercept) return beta;
        double total = data.Response.Sum(), weight = data.TotalWeight;
        var mean = Math.Clamp(total / Math.Max(weight, 1e-300), 1e-6, family == GlmFamily.BinomialLogit ? 1 - 1e-6 : double.MaxValue);
        beta[0] = family == GlmFamily.BinomialLogit ? Math.Log(mean / (1 - mean)) : Math.Log(mean);
        return beta;
    }

    static double Deviance(GroupedData data, GlmFamily family, double[] mean)
    {
        var deviance = 0.0;
        for (var i = 0; i < data.Rows; i++)
        {
            double y = data.Response[i], mu = mean[i], n = data.Weight[i];
            if (n == 0) continue;
            if (family == GlmFamily.BinomialLogit)
                deviance += 2 * (XLogXOverY(y, mu) + XLogXOverY(n - y, n - mu));
            else
                deviance += 2 * (XLogXOverY(y, mu) - (y - mu));
        }
        return deviance;
    }

    static double XLogXOverY(double x, double y) => x <= 0 ? 0 : x * Math.Log(x / y);

    static double[,] Filled(int p, double value)
    {
        var m = new double[p, p];
        for (var i = 0; i < p; i++)
            for (var j = 0; j < p; j++) m[i, j] = value;
        return m;
    }
}
