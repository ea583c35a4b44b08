namespace Fulcrum.Core.Statistics.Regression;

/// <summary>
/// Log-linear (Poisson) regression of totals over an exposure: E[total] = exposure · exp(x'β). Used for counts
/// (tickets) and, as quasi-Poisson, for non-negative amounts (cost to serve), where the estimating equations stay
/// unbiased for the log-linear mean whatever the variance (Wooldridge 1999); inference then comes from the
/// account bootstrap, not from the Poisson variance. Matches statsmodels' <c>GLM(family=Poisson, exposure=…)</c>.
/// </summary>
public static class PoissonRegression
{
    public static RegressionFit Fit(GroupedData data) =>
        Glm.Fit(data, GlmFamily.PoissonLog, new Glm.Options(MaxIterations: 60));

    /// <summary>Refits the same cells with other totals, starting from <paramref name="template"/>'s coefficients.</summary>
    public static RegressionFit Refit(GroupedData data, RegressionFit template) =>
        Glm.Fit(data, GlmFamily.PoissonLog, new Glm.Options(MaxIterations: 25, Tolerance: LogisticRegression.RefitTolerance), template.Coefficients, template.HeldAtZero);

    /// <summary>Rate per unit of exposure for each row of <paramref name="design"/>.</summary>
    public static double[] Rates(double[,] design, double[] coefficients) => Glm.Predict(design, GlmFamily.PoissonLog, coefficients);
}
