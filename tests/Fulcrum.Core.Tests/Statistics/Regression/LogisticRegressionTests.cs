using Fulcrum.Core.Statistics.Regression;

namespace Fulcrum.Core.Tests.Statistics.Regression;

public sealed class LogisticRegressionTests
{
    [Fact]
    public void Grouped_and_ungrouped_data_give_the_same_fit()
    {
        // Two cells: x = 0 with 3 of 10 successes, x = 1 with 7 of 10.
        var grouped = new GroupedData(new double[,] { { 1, 0 }, { 1, 1 } }, [3, 7], [10, 10], ["intercept", "x"]);
        var rows = new double[20, 2];
        var y = new double[20];
        for (var i = 0; i < 20; i++) { rows[i, 0] = 1; rows[i, 1] = i < 10 ? 0 : 1; y[i] = i < 10 ? (i < 3 ? 1 : 0) : (i < 17 ? 1 : 0); }

        var a = LogisticRegression.Fit(grouped);
        var b = LogisticRegression.Fit(GroupedData.FromObservations(rows, y, ["intercept", "x"]));

        // Closed form for a saturated two-cell model: logit(0.3) and logit(0.7) − logit(0.3).
        Assert.Equal(Math.Log(0.3 / 0.7), a["intercept"], 1e-9);
        Assert.Equal(2 * Math.Log(0.7 / 0.3), a["x"], 1e-9);
        Assert.Equal(a.Coefficients, b.Coefficients, (u, v) => Math.Abs(u - v) < 1e-9);
        Assert.Equal(a.StandardErrors, b.StandardErrors, (u, v) => Math.Abs(u - v) < 1e-9);
        // SE of a log odds from a 2×2 table: sqrt(1/3 + 1/7) for the intercept.
        Assert.Equal(Math.Sqrt(1.0 / 3 + 1.0 / 7), a.StandardErrors[0], 1e-8);
    }

    [Fact]
    public void Complete_separation_is_detected_and_Firth_gives_finite_estimates()
    {
        // Every x = 1 succeeds and every x = 0 fails.
        var data = new GroupedData(new double[,] { { 1, 0 }, { 1, 1 } }, [0, 8], [8, 8], ["intercept", "x"]);

        var fit = LogisticRegression.Fit(data);

        Assert.True(fit.Separation.Detected);
        Assert.Contains("x", fit.Separation.Coefficients);
        Assert.Equal(FitMethod.Firth, fit.Method);
        // Firth on a 2×2 table adds ½ to every cell: logit(0.5/8.5) and twice log(8.5/0.5).
        Assert.Equal(Math.Log(0.5 / 8.5), fit["intercept"], 1e-6);
        Assert.Equal(2 * Math.Log(8.5 / 0.5), fit["x"], 1e-6);
    }

    [Fact]
    public void Odds_ratio_interval_is_the_exponentiated_Wald_interval()
    {
        var fit = LogisticRegression.Fit(new GroupedData(new double[,] { { 1, 0 }, { 1, 1 } }, [3, 7], [10, 10], ["intercept", "x"]));
        var or = fit.Wald("x", Math.Exp);
        Assert.Equal(Math.Exp(fit["x"]), or.Value, 1e-12);
        Assert.Equal(Math.Exp(fit["x"] - 1.959963984540054 * fit.StandardErrors[1]), or.Lower, 1e-9);
        Assert.True(fit.PValue("x") is > 0.05 and < 0.1);
    }
}
