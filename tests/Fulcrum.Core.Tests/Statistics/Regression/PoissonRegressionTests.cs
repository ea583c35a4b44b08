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

/// <summary>
/// A term the data hold nothing about (non-zero only in cells without exposure, e.g. a level with no expanders) has no
/// estimate: it is held at 0, as R's glm does with aliased terms, and the other coefficients are those of the fit without it.
/// </summary>
public sealed class PoissonTermWithoutDataTests
{
    static GroupedData WithEmptyLevel(double[] exposure)
    {
        // Columns: intercept, x, a level that occurs only in the last two cells.
        double[] x = [1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 1.0];
        double[] total = [14, 22, 19, 40, 30, 41, 0, 0];
        var design = new double[x.Length, 3];
        for (var i = 0; i < x.Length; i++) { design[i, 0] = 1; design[i, 1] = x[i]; design[i, 2] = i >= 6 ? 1 : 0; }
        return new GroupedData(design, total, exposure, ["intercept", "x", "level"]);
    }

    [Fact]
    public void A_level_without_exposure_is_held_at_zero_and_the_rest_is_fitted_as_without_it()
    {
        var fit = PoissonRegression.Fit(WithEmptyLevel([10, 12, 8, 15, 9, 11, 0, 0]));
        var withoutLevel = PoissonRegression.Fit(new GroupedData(
            new double[,] { { 1, 1.0 }, { 1, 1.5 }, { 1, 2.0 }, { 1, 2.5 }, { 1, 3.0 }, { 1, 3.5 } }, [14, 22, 19, 40, 30, 41], [10, 12, 8, 15, 9, 11], ["intercept", "x"]));

        Assert.True(fit.Converged);
        Assert.Equal([2], fit.HeldAtZero);
        Assert.Equal(["level"], fit.NamesHeldAtZero);
        Assert.Equal(0, fit["level"]);
        Assert.True(double.IsNaN(fit.StandardErrors[2]));
        Assert.Equal(withoutLevel["intercept"], fit["intercept"], 1e-10);
        Assert.Equal(withoutLevel["x"], fit["x"], 1e-10);
        Assert.Equal(withoutLevel.StandardErrors[1], fit.StandardErrors[1], 1e-10);
    }

    [Fact]
    public void A_refit_holds_the_same_terms_and_fails_when_a_replicate_loses_another_terms_data()
    {
        var fit = PoissonRegression.Fit(WithEmptyLevel([10, 12, 8, 15, 9, 11, 0, 0]));
        var replicate = WithEmptyLevel([20, 0, 8, 15, 18, 11, 0, 0]);
        var refit = PoissonRegression.Refit(replicate, fit);
        Assert.True(refit.Converged);
        Assert.Equal([2], refit.HeldAtZero);
        Assert.Equal(0, refit["level"]);

        // Every cell with x's data gone but the intercept's: x is not identified in this replicate, and a refit does not
        // quietly drop a term the full sample estimated (the replicate is unusable, as the bootstrap counts it).
        var degenerate = new GroupedData(new double[,] { { 1, 0, 0 }, { 1, 0, 0 }, { 1, 0, 1 } }, [3, 4, 0], [1, 2, 0], ["intercept", "x", "level"]);
        Assert.False(PoissonRegression.Refit(degenerate, fit).Converged);
    }
}
