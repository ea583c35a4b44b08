using Fulcrum.Core.Statistics.Regression;

namespace Fulcrum.Core.Tests.Statistics.Regression;

/// <summary>Reference: Reference/poisson_reference.py (statsmodels GLM Poisson with exposure), output in poisson_reference.txt.</summary>
public sealed class PoissonRegressionTests
{
    static readonly double[] X = [1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 1.0, 2.0, 3.0, 4.0, 5.0];
    static readonly double[] Group = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
    static readonly double[] Exposure = [10, 12, 8, 15, 9, 11, 7, 5, 6, 9, 4, 3];
    static readonly double[] Total = [14, 22, 19, 40, 30, 41, 33, 4, 9, 21, 12, 14];

    static GroupedData Data()
    {
        var design = new double[X.Length, 3];
        for (var i = 0; i < X.Length; i++) { design[i, 0] = 1; design[i, 1] = X[i]; design[i, 2] = Group[i]; }
        return new GroupedData(design, Total, Exposure, ["intercept", "x", "group"]);
    }

    [Fact]
    public void Coefficients_standard_errors_and_deviance_equal_statsmodels_GLM_Poisson_with_exposure()
    {
        var fit = PoissonRegression.Fit(Data());

        Assert.True(fit.Converged);
        Assert.Equal(0.0162728076, fit["intercept"], 1e-8);
        Assert.Equal(0.3842953349, fit["x"], 1e-8);
        Assert.Equal(-0.3979925111, fit["group"], 1e-8);
        Assert.Equal(0.1862261510, fit.StandardErrors[0], 1e-8);
        Assert.Equal(0.0621179802, fit.StandardErrors[1], 1e-8);
        Assert.Equal(0.1517947981, fit.StandardErrors[2], 1e-8);
        Assert.Equal(0.6863424914, fit.Deviance, 1e-8);
        Assert.Equal(-28.8042354023, fit.LogLikelihood, 1e-8);
    }

    [Fact]
    public void Refit_from_the_fitted_coefficients_lands_on_the_same_estimate()
    {
        var data = Data();
        var fit = PoissonRegression.Fit(data);
        var refit = PoissonRegression.Refit(data, fit);
        Assert.Equal(fit.Coefficients, refit.Coefficients, (a, b) => Math.Abs(a - b) < 1e-8);
    }

    [Fact]
    public void Rates_are_per_unit_of_exposure()
    {
        var fit = PoissonRegression.Fit(Data());
        var rates = PoissonRegression.Rates(new double[,] { { 1, 2, 0 } }, fit.Coefficients);
        Assert.Equal(Math.Exp(fit["intercept"] + 2 * fit["x"]), rates[0], 1e-12);
    }
}
