using Fulcrum.Core.Statistics;
using Fulcrum.Core.Statistics.Regression;
using Fulcrum.Data.Store;
using MathNet.Numerics.Distributions;

namespace Fulcrum.Analytics.Linkage.UserModels;

/// <summary>
/// Fits the model the user states, one row per account: logistic for churn and expansion (maximum likelihood as
/// statsmodels' Logit; Firth's penalized likelihood when the data separate), linear with heteroskedasticity-robust
/// standard errors for tickets. Reports coefficients with Wald intervals, odds ratios, average marginal effects (delta
/// method), a cross-validated AUC, and the exact outcome at every level of each categorical term. A level whose
/// accounts all share one outcome gets no coefficient, ratio or effect (they are infinite), only its exact rate.
/// </summary>
public static class UserModelAnalysis
{
    const int Folds = 5;

    public static UserModelReport Run(FulcrumStore store, ModelFormula formula, double confidenceLevel = 0.95)
    {
        var design = UserModelDesign.Build(formula, UserModelData.Load(store, formula), CsatPoints.Of(store));
        return formula.Outcome.IsYesNo() ? Logistic(formula, design, confidenceLevel) : Linear(formula, design, confidenceLevel);
    }

    static UserModelReport Logistic(ModelFormula formula, UserModelDesign d, double confidenceLevel)
    {
        var names = d.Columns.Select(c => c.Name).ToList();
        var fit = LogisticRegression.Fit(GroupedData.FromObservations(d.X, d.Y, names));
        if (fit.StandardErrors.Any(double.IsNaN))
            throw new UserModelException($"The terms are collinear (one is an exact combination of others): {formula}. Drop one of them.");
        var n = d.Y.Length;
        var events = d.Y.Sum();
        var withheld = WithheldColumns(d, fit);
        var z = Normal.InvCDF(0, 1, 0.5 + confidenceLevel / 2);
        var method = fit.Method == FitMethod.Firth ? "logistic, Firth penalized likelihood (the data separate the outcome)" : "logistic, maximum likelihood";
        var p = LogisticRegression.Probabilities(d.X, fit.Coefficients);
        var coefficients = new List<ModelCoefficient>();
        for (var j = 1; j < d.Columns.Count; j++)
        {
            var column = d.Columns[j];
            var term = formula.Terms[column.Term].Label;
            if (withheld.TryGetValue(j, out var reason))
            {
                var absent = Estimate.Undefined(n, reason, confidenceLevel);
                coefficients.Add(new ModelCoefficient(column.Name, term, column.Level, absent, absent, absent, double.NaN, reason));
                continue;
            }
            var (b, se) = (fit.Coefficients[j], fit.StandardErrors[j]);
            var coefficient = new Estimate(b, b - z * se, b + z * se, n, $"{method}, Wald interval", confidenceLevel) { StandardError = se };
            var ratio = new Estimate(Math.Exp(b), Math.Exp(b - z * se), Math.Exp(b + z * se), n, $"odds ratio, {method}, Wald interval", confidenceLevel);
            var (ame, ameSe) = column.Level is null ? NumericEffect(d.X, p, fit, j) : LevelEffect(d, fit, column);
            var effect = new Estimate(ame, ame - z * ameSe, ame + z * ameSe, n,
                column.Level is null ? "average marginal effect on the probability per unit, delta method" : "average marginal effect on the probability vs the baseline level, delta method",
                confidenceLevel) { StandardError = ameSe };
            coefficients.Add(new ModelCoefficient(column.Name, term, column.Level, coefficient, ratio, effect, fit.PValue(column.Name), null));
        }
        var warnings = new List<string>();
        if (fit.Separation.Detected)
            warnings.Add($"{fit.Separation.Explanation} Fulcrum fits Firth's penalized model instead and withholds the coefficient, odds ratio and effect of every separated level; their exact rates are shown.");
        var parameters = d.Columns.Count - 1;
        var fewer = Math.Min(events, n - events);
        if (fewer < 10.0 * parameters)
            warnings.Add($"Only {fewer:N0} accounts in the rarer outcome for {parameters} terms (fewer than 10 per term): the estimates are imprecise.");
        return new UserModelReport(formula.ToString(), formula.Outcome.Name(), method, n, events, d.Missing, coefficients,
            LevelOutcomes(formula, d, confidenceLevel, binary: true), CrossValidatedAuc(d, names), fit.Separation.Detected ? fit.Separation.Explanation : null, warnings);
    }

    /// <summary>Columns whose estimate is infinite in truth: indicators of separated levels, and numeric terms that ran away in the maximum-likelihood fit.</summary>
    static Dictionary<int, string> WithheldColumns(UserModelDesign d, RegressionFit fit)
    {
        var result = new Dictionary<int, string>();
        for (var j = 1; j < d.Columns.Count; j++)
        {
            var column = d.Columns[j];
            if (column.Level is not null && d.Levels[column.Term] is { } levels && levels.Separated.Contains(column.Level))
                result[j] = "withheld: every account at this level has the same outcome, so its odds ratio is infinite; see its exact rate";
            else if (column.Level is null && fit.Separation.Coefficients.Contains(column.Name))
                result[j] = "withheld: this term separates the outcome, so its maximum-likelihood estimate does not exist";
        }
        return result;
    }

    /// <summary>Mean over accounts of b_j p(1 − p), with its delta-method standard error.</summary>
    static (double Value, double StandardError) NumericEffect(double[,] x, double[] p, RegressionFit fit, int j)
    {
        int n = x.GetLength(0), k = x.GetLength(1);
        var b = fit.Coefficients[j];
        var gradient = new double[k];
        double ame = 0;
        for (var i = 0; i < n; i++)
        {
            var slope = p[i] * (1 - p[i]);
            ame += b * slope;
            gradient[j] += slope;
            var curvature = b * slope * (1 - 2 * p[i]);
            for (var c = 0; c < k; c++) gradient[c] += curvature * x[i, c];
        }
        for (var c = 0; c < k; c++) gradient[c] /= n;
        return (ame / n, Math.Sqrt(Quadratic(gradient, fit.Covariance)));
    }

    /// <summary>Mean over accounts of p(at the level) − p(at the baseline), the term's other indicators at 0, with its delta-method standard error.</summary>
    static (double Value, double StandardError) LevelEffect(UserModelDesign d, RegressionFit fit, DesignColumn column)
    {
        int n = d.X.GetLength(0), k = d.X.GetLength(1);
        var termColumns = Enumerable.Range(0, k).Where(c => d.Columns[c].Term == column.Term).ToArray();
        var target = d.Columns.ToList().IndexOf(column);
        var gradient = new double[k];
        var row = new double[k];
        double ame = 0;
        for (var i = 0; i < n; i++)
        {
            for (var c = 0; c < k; c++) row[c] = d.X[i, c];
            foreach (var c in termColumns) row[c] = 0;
            var p0 = Logit(row, fit.Coefficients);
            for (var c = 0; c < k; c++) gradient[c] -= p0 * (1 - p0) * row[c];
            row[target] = 1;
            var p1 = Logit(row, fit.Coefficients);
            for (var c = 0; c < k; c++) gradient[c] += p1 * (1 - p1) * row[c];
            ame += p1 - p0;
        }
        for (var c = 0; c < k; c++) gradient[c] /= n;
        return (ame / n, Math.Sqrt(Quadratic(gradient, fit.Covariance)));
    }

    static double Logit(double[] row, double[] b)
    {
        double eta = 0;
        for (var c = 0; c < row.Length; c++) eta += row[c] * b[c];
        return 1 / (1 + Math.Exp(-eta));
    }

    static double Quadratic(double[] g, double[,] v)
    {
        double sum = 0;
        for (var a = 0; a < g.Length; a++)
            for (var b = 0; b < g.Length; b++) sum += g[a] * v[a, b] * g[b];
        return Math.Max(sum, 0);
    }

    /// <summary>AUC of out-of-fold predictions (accounts dealt to 5 folds in a fixed order), Hanley–McNeil interval.</summary>
    static Estimate CrossValidatedAuc(UserModelDesign d, IReadOnlyList<string> names)
    {
        int n = d.Y.Length, k = d.X.GetLength(1);
        var predicted = new double[n];
        var rng = DeterministicRandom.Create(20261204, 0);
        var fold = Enumerable.Range(0, n).Select(_ => rng.Next(Folds)).ToArray();
        for (var f = 0; f < Folds; f++)
        {
            var train = Enumerable.Range(0, n).Where(i => fold[i] != f).ToArray();
            var x = new double[train.Length, k];
            for (var r = 0; r < train.Length; r++)
                for (var c = 0; c < k; c++) x[r, c] = d.X[train[r], c];
            var fit = LogisticRegression.Fit(GroupedData.FromObservations(x, train.Select(i => d.Y[i]).ToArray(), names));
            var row = new double[k];
            for (var i = 0; i < n; i++)
            {
                if (fold[i] != f) continue;
                for (var c = 0; c < k; c++) row[c] = d.X[i, c];
                predicted[i] = Logit(row, fit.Coefficients);
            }
        }
        return ModelQualityCheck.Auc(predicted.Select((p, i) => (p, d.Y[i], 1 - d.Y[i])).ToList()) with
        {
            Method = $"AUC of {Folds}-fold cross-validated predictions (accounts held out), Hanley–McNeil interval",
        };
    }

    static UserModelReport Linear(ModelFormula formula, UserModelDesign d, double confidenceLevel)
    {
        int n = d.Y.Length, k = d.Columns.Count;
        var columns = Enumerable.Range(1, k - 1).Select(c => Enumerable.Range(0, n).Select(i => d.X[i, c]).ToArray()).ToList();
        var names = d.Columns.Skip(1).Select(c => c.Name).ToList();
        // Each account its own cluster: heteroskedasticity-robust (HC1) standard errors; tickets and revenue per account are far from normal.
        var fit = ClusteredLeastSquares.Fit(d.Y, columns, names, Enumerable.Range(0, n).ToArray());
        var method = "linear (least squares), heteroskedasticity-robust standard errors";
        var unit = formula.Outcome == ModelOutcome.Revenue ? "net revenue per customer" : "tickets per account";
        var coefficients = new List<ModelCoefficient>();
        for (var j = 0; j < names.Count; j++)
        {
            var column = d.Columns[j + 1];
            var estimate = fit.Coefficient(column.Name, $"{method}; {unit} {(column.Level is null ? "per unit" : "vs the baseline level")}", confidenceLevel);
            coefficients.Add(new ModelCoefficient(column.Name, formula.Terms[column.Term].Label, column.Level, estimate, null, estimate,
                fit.PValue(estimate), estimate.IsDefined ? null : "withheld: collinear with other terms"));
        }
        return new UserModelReport(formula.ToString(), formula.Outcome.Name(), method, n, d.Y.Sum(), d.Missing, coefficients, LevelOutcomes(formula, d, confidenceLevel, binary: false),
            Estimate.Undefined(n, "AUC applies to a yes/no outcome only", confidenceLevel), null, []);
    }

    /// <summary>The outcome at each level of each categorical term, exactly as observed.</summary>
    static IReadOnlyList<ModelLevelOutcome> LevelOutcomes(ModelFormula formula, UserModelDesign d, double confidenceLevel, bool binary)
    {
        var result = new List<ModelLevelOutcome>();
        for (var t = 0; t < formula.Terms.Count; t++)
        {
            if (d.Levels[t] is not { } levels) continue;
            for (var l = 0; l < levels.Levels.Count; l++)
            {
                var level = levels.Levels[l];
                var values = Enumerable.Range(0, d.Y.Length).Where(i => d.RowLevels[i][t] == level).Select(i => d.Y[i]).ToArray();
                var observed = binary
                    ? ProportionEstimator.ClopperPearson((long)values.Sum(), values.Length, confidenceLevel) with { Method = "observed share, exact Clopper–Pearson interval" }
                    : MeanEstimator.Mean(values, confidenceLevel);
                result.Add(new ModelLevelOutcome(formula.Terms[t].Label, level, l == levels.Baseline, levels.Separated.Contains(level), values.Length, values.Sum(), observed));
            }
        }
        return result;
    }
}
