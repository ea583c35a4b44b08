using Fulcrum.Core.Statistics;

namespace Fulcrum.Core.Tests.Statistics;

/// <summary>
/// Checks the difference-in-differences estimator against statsmodels (WLS with account and quarter dummies,
/// cluster-robust by account): tests/Fulcrum.Core.Tests/Reference/did_reference.py prints the values asserted here.
/// </summary>
public sealed class ClusteredLeastSquaresTests
{
    sealed record Row(int A, int T, double Y, double W, bool Treated, bool Products2);

    static List<Row> Fixture()
    {
        var rows = new List<Row>();
        for (var a = 0; a < 24; a++)
            for (var t = 0; t < 6; t++)
            {
                if (a % 4 == 0 && t == a % 6) continue;
                var treated = a < 10;
                var noise = (((a * 37 + t * 11) % 17) - 8) / 4.0;
                var products2 = a % 5 == 0 && t >= 2;
                var k = t - 3;
                var effect = treated && k >= 0 ? 1.5 + 0.5 * k : 0;
                var y = 10 + 0.3 * a + 0.8 * t + (products2 ? 1.2 : 0) + effect + noise;
                rows.Add(new Row(a, t, y, treated ? 1 : 1 + 0.5 * (a % 3), treated, products2));
            }
        return rows;
    }

    static LeastSquaresFit FitFixture(bool eventStudy, bool demeanInPlace = false)
    {
        var rows = Fixture();
        var columns = new List<double[]>();
        var names = new List<string>();
        void Column(string name, Func<Row, bool> f) { names.Add(name); columns.Add(rows.Select(r => f(r) ? 1.0 : 0).ToArray()); }
        for (var t = 1; t < 6; t++) { var q = t; Column($"t{q}", r => r.T == q); }
        if (eventStudy)
        {
            Column("lag0", r => r.Treated && r.T == 3);
            Column("lag1", r => r.Treated && r.T == 4);
            Column("lag2", r => r.Treated && r.T == 5);
            Column("lead2", r => r.Treated && r.T == 1);
            Column("lead3", r => r.Treated && r.T == 0);
        }
        else Column("post", r => r.Treated && r.T >= 3);
        Column("p2", r => r.Products2);
        var accounts = rows.Select(r => r.A).ToArray();
        return ClusteredLeastSquares.Fit(rows.Select(r => r.Y).ToArray(), columns, names, accounts, accounts, rows.Select(r => r.W).ToArray(),
            demeanInPlace: demeanInPlace);
    }

    [Fact]
    public void Demeaning_the_columns_in_place_gives_the_same_fit_to_the_bit()
    {
        var copied = FitFixture(eventStudy: true);
        var inPlace = FitFixture(eventStudy: true, demeanInPlace: true);
        Assert.Equal(copied.Coefficients, inPlace.Coefficients);
        Assert.Equal(copied.Covariance.Cast<double>(), inPlace.Covariance.Cast<double>());
        Assert.Equal((copied.N, copied.Clusters, copied.AbsorbedGroups, copied.Rank), (inPlace.N, inPlace.Clusters, inPlace.AbsorbedGroups, inPlace.Rank));
    }

    [Fact]
    public void Static_difference_in_differences_matches_statsmodels_cluster_robust_WLS()
    {
        var fit = FitFixture(eventStudy: false);
        Assert.Equal(138, fit.N);
        Assert.Equal(24, fit.Clusters);
        var post = fit.Coefficient("post", "test");
        Assert.Equal(2.098193040422195, post.Value, 1e-9);
        Assert.Equal(0.3202298084633841, post.StandardError!.Value, 1e-9);
        var p2 = fit.Coefficient("p2", "test");
        Assert.Equal(0.8127138402269063, p2.Value, 1e-9);
        Assert.Equal(0.5633500162577971, p2.StandardError!.Value, 1e-9);
    }

    [Fact]
    public void Event_study_coefficients_covariance_and_lead_test_match_statsmodels()
    {
        var fit = FitFixture(eventStudy: true);
        (string Name, double Value, double Se)[] expected =
        [
            ("lag0", 0.8662284155662809, 1.0192648110408573), ("lag1", 1.7835128426080793, 0.9613447270397741),
            ("lag2", 2.6964609737058187, 0.6260673178769657), ("lead2", -0.4424146142441324, 0.9545025963678108),
            ("lead3", -0.48703452703671307, 0.9680683749570961), ("p2", 0.8166257046188342, 0.6028873612658646),
        ];
        foreach (var (name, value, se) in expected)
        {
            var estimate = fit.Coefficient(name, "test");
            Assert.Equal(value, estimate.Value, 1e-9);
            Assert.Equal(se, estimate.StandardError!.Value, 1e-9);
        }
        Assert.Equal(0.44403323116876736, fit.Covariance[fit.IndexOf("lag0"), fit.IndexOf("lag1")], 1e-9);
        var (w, df, p) = fit.JointWald(["lead2", "lead3"]);
        Assert.Equal(2, df);
        Assert.Equal(0.3251095399464515, w, 1e-8);
        Assert.Equal(0.8499695361417896, p, 1e-8);
    }

    [Fact]
    public void Combination_carries_the_covariance_of_its_terms()
    {
        var fit = FitFixture(eventStudy: true);
        var sum = fit.Combination(new Dictionary<string, double> { ["lag0"] = 1, ["lag1"] = 1 }, "test");
        var v00 = fit.Covariance[fit.IndexOf("lag0"), fit.IndexOf("lag0")];
        var v11 = fit.Covariance[fit.IndexOf("lag1"), fit.IndexOf("lag1")];
        Assert.Equal(0.8662284155662809 + 1.7835128426080793, sum.Value, 1e-9);
        Assert.Equal(Math.Sqrt(v00 + v11 + 2 * 0.44403323116876736), sum.StandardError!.Value, 1e-9);
        // t interval on clusters − 1 = 23 degrees of freedom.
        Assert.Equal(sum.Value + 2.0686576104190406 * sum.StandardError!.Value, sum.Upper, 1e-6);
    }

    [Fact]
    public void A_column_collinear_with_another_is_dropped_and_reported_as_not_estimated()
    {
        double[] y = [1, 2, 3, 4, 5, 7];
        double[] x = [0, 1, 0, 1, 0, 1];
        var fit = ClusteredLeastSquares.Fit(y, [x, x.Select(v => 2 * v).ToArray()], ["x", "x2"], [0, 0, 1, 1, 2, 2]);
        Assert.True(fit.IsEstimated("x"));
        Assert.False(fit.IsEstimated("x2"));
        Assert.False(fit.Coefficient("x2", "test").IsDefined);
    }

    [Fact]
    public void Mismatched_lengths_and_non_positive_weights_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ClusteredLeastSquares.Fit([1, 2], [[1.0]], ["x"], [0, 1]));
        Assert.Throws<ArgumentException>(() => ClusteredLeastSquares.Fit([1, 2], [[1.0, 0]], ["x"], [0, 1], weights: [1, 0]));
    }
}
