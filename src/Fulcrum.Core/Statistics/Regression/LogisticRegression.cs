namespace Fulcrum.Core.Statistics.Regression;

/// <summary>
/// Logistic regression on grouped binomial data, with (quasi-)separation detected and Firth's penalized likelihood as
/// the fallback. Under separation the maximum-likelihood estimate does not exist: IRLS walks some coefficients off to
/// ±∞ and reports huge, meaningless standard errors (Albert &amp; Anderson 1984). Firth's estimate is always finite and
/// is the standard remedy (Heinze &amp; Schemper 2002); R's <c>logistf</c> and <c>brglm2</c> compute the same estimate.
/// Coefficients and standard errors match statsmodels' <c>Logit</c> where the MLE exists (see the reference tests).
/// </summary>
public static class LogisticRegression
{
    /// <summary>Fitted probabilities this close to 0 or 1 on cells that hold data mean the fit is separating them.</summary>
    const double PerfectPrediction = 1e-7;

    /// <summary>
    /// Maximum likelihood; if the data separate, refits with Firth's penalty (unless <paramref name="firthOnSeparation"/>
    /// is false) and records what was detected in <see cref="RegressionFit.Separation"/>.
    /// </summary>
    public static RegressionFit Fit(GroupedData data, bool firthOnSeparation = true)
    {
        var ml = Glm.Fit(data, GlmFamily.BinomialLogit, new Glm.Options(MaxIterations: 60));
        var separation = Diagnose(data, ml);
        if (!separation.Detected) return ml;
        if (!firthOnSeparation) return ml with { Separation = separation };
        return FitFirth(data) with { Separation = separation };
    }

    /// <summary>Firth's penalized maximum likelihood, whether or not the data separate.</summary>
    public static RegressionFit FitFirth(GroupedData data) =>
        Glm.Fit(data, GlmFamily.BinomialLogit, new Glm.Options(MaxIterations: 100, Firth: true));

    /// <summary>
    /// Refits <paramref name="data"/> (e.g. a bootstrap replicate of the same cells) with the method of
    /// <paramref name="template"/>, starting from its coefficients: a handful of Newton steps instead of a cold start.
    /// </summary>
    public static RegressionFit Refit(GroupedData data, RegressionFit template) =>
        Glm.Fit(data, GlmFamily.BinomialLogit, new Glm.Options(MaxIterations: 25, Tolerance: RefitTolerance, Firth: template.Method == FitMethod.Firth),
            template.Coefficients, template.HeldAtZero);

    /// <summary>
    /// A refit from a nearby estimate stops once no coefficient moves by more than 1e-6 of its size: two or three
    /// Newton steps, far below bootstrap noise (a k-step bootstrap, Andrews 2002, would stop even earlier).
    /// </summary>
    internal const double RefitTolerance = 1e-6;

    /// <summary>Probability of success for each cell of <paramref name="design"/> under <paramref name="fit"/>.</summary>
    public static double[] Probabilities(double[,] design, double[] coefficients) => Glm.Predict(design, GlmFamily.BinomialLogit, coefficients);

    /// <summary>
    /// Separation shows as cells with data whose fitted probability is numerically 0 or 1 (quasi-complete separation)
    /// or as an iteration that never settles because the likelihood keeps rising toward its supremum.
    /// </summary>
    static Separation Diagnose(GroupedData data, RegressionFit fit)
    {
        var p = Probabilities(data.Design, fit.Coefficients);
        var perfect = 0.0;
        for (var i = 0; i < data.Rows; i++)
        {
            if (data.Weight[i] == 0) continue;
            var allSuccess = data.Response[i] >= data.Weight[i];
            var allFailure = data.Response[i] <= 0;
            if (allFailure && p[i] < PerfectPrediction || allSuccess && p[i] > 1 - PerfectPrediction) perfect += data.Weight[i];
        }
        var finiteSe = fit.StandardErrors.Where(double.IsFinite).OrderBy(v => v).ToArray();
        var held = fit.HeldAtZero.ToHashSet();
        var medianSe = finiteSe.Length == 0 ? double.NaN : finiteSe[finiteSe.Length / 2];
        var runaway = fit.Names.Where((_, j) => !held.Contains(j) && !double.IsFinite(fit.StandardErrors[j]) || Math.Abs(fit.Coefficients[j]) > 12
                                               || fit.StandardErrors[j] > 50 * Math.Max(medianSe, 1)).ToList();
        var detected = perfect > 0 && runaway.Count > 0 || !fit.Converged && runaway.Count > 0;
        if (!detected) return Separation.None;
        var explanation = perfect > 0
            ? $"Quasi-complete separation: {perfect:N0} observations are predicted perfectly (fitted probability 0 or 1), so the maximum-likelihood estimates of {string.Join(", ", runaway)} do not exist (they diverge to ±∞)."
            : $"The maximum-likelihood fit did not converge and {string.Join(", ", runaway)} keep growing: the data (nearly) separate the outcome.";
        return new Separation(true, runaway, perfect, explanation);
    }
}
