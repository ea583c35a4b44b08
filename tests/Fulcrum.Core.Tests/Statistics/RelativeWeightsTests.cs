using System.Globalization;
using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Core.Tests.Statistics;

/// <summary>
/// Johnson's relative weights and the Shapley/LMG decomposition against Reference/relative_weights_reference.py
/// (numpy eigen-decomposition; statsmodels OLS on every subset, averaged over all orders of entry), on its committed fixtures.
/// </summary>
public class RelativeWeightsTests
{
    const double Tol = 1e-6;

    public static TheoryData<string> Fixtures => new() { "five", "collinear", "seven" };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Relative_weights_equal_the_numpy_eigen_reference(string fixture)
    {
        var (expected, predictors, outcome) = Load(fixture);
        var result = RelativeWeights.FromData(predictors, outcome);

        Assert.Equal(expected.RSquared, result.RSquared, Tol);
        AssertAll(expected.RelativeWeights, result.Weights, Tol);
        AssertAll(expected.RelativeWeightsPercent, result.RescaledPercent, 1e-4);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Shapley_shares_equal_brute_force_statsmodels_regressions_over_all_orders(string fixture)
    {
        var (expected, predictors, outcome) = Load(fixture);
        var result = ShapleyR2.FromData(predictors, outcome);

        Assert.Equal(expected.RSquared, result.RSquared, Tol);
        AssertAll(expected.Shapley, result.Weights, Tol);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Cross_products_give_the_fixture_means(string fixture)
    {
        var (expected, predictors, _) = Load(fixture);
        var stats = CrossProducts.FromColumns(predictors);
        for (var j = 0; j < predictors.Count; j++) Assert.Equal(expected.Means[j], stats.Mean(j), 1e-9);
    }

    [Fact]
    public void Orthogonal_predictors_get_their_squared_correlations()
    {
        var rxx = new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
        double[] rxy = [0.5, -0.3, 0.1];
        foreach (var result in new[] { RelativeWeights.FromCorrelations(rxx, rxy), ShapleyR2.FromCorrelations(rxx, rxy) })
        {
            AssertAll([0.25, 0.09, 0.01], result.Weights, 1e-12);
            Assert.Equal(0.35, result.RSquared, 1e-12);
        }
    }

    [Fact]
    public void Two_predictors_split_as_the_closed_form_says()
    {
        // Two predictors: Shapley φ1 = (r1² + R² − r2²)/2 (Lipovetsky & Conklin 2001), R² = (r1² + r2² − 2 r1 r2 ρ)/(1 − ρ²).
        const double rho = 0.6, r1 = 0.5, r2 = 0.2;
        var r2Full = (r1 * r1 + r2 * r2 - 2 * r1 * r2 * rho) / (1 - rho * rho);
        var shapley = ShapleyR2.FromCorrelations(new[,] { { 1, rho }, { rho, 1 } }, [r1, r2]);
        Assert.Equal(r2Full, shapley.RSquared, 1e-12);
        Assert.Equal((r1 * r1 + r2Full - r2 * r2) / 2, shapley.Weights[0], 1e-12);
        Assert.Equal((r2 * r2 + r2Full - r1 * r1) / 2, shapley.Weights[1], 1e-12);
    }

    [Fact]
    public void Perfectly_collinear_predictors_are_rejected_with_a_clear_error()
    {
        var rxx = new double[,] { { 1, 1 }, { 1, 1 } };
        var e1 = Assert.Throws<ArgumentException>(() => RelativeWeights.FromCorrelations(rxx, [0.4, 0.4]));
        var e2 = Assert.Throws<ArgumentException>(() => ShapleyR2.FromCorrelations(rxx, [0.4, 0.4]));
        Assert.Contains("collinear", e1.Message, StringComparison.Ordinal);
        Assert.Contains("collinear", e2.Message, StringComparison.Ordinal);
        Assert.True(Collinearity.Of(rxx).IsStrong);
    }

    [Fact]
    public void A_predictor_that_does_not_vary_is_named_in_the_error()
    {
        var constant = new double[] { 3, 3, 3, 3, 3 };
        var other = new double[] { 1, 2, 3, 4, 6 };
        var y = new double[] { 2, 1, 4, 3, 5 };
        var e = Assert.Throws<ArgumentException>(() => RelativeWeights.FromData([other, constant], y));
        Assert.Contains("does not vary", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shapley_refuses_more_predictors_than_it_can_enumerate()
    {
        const int k = ShapleyR2.MaxPredictors + 1;
        var rxx = new double[k, k];
        for (var i = 0; i < k; i++) rxx[i, i] = 1;
        var e = Assert.Throws<ArgumentException>(() => ShapleyR2.FromCorrelations(rxx, new double[k]));
        Assert.Contains("relative weights", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Collinearity_diagnostics_match_the_inverse_correlation_matrix()
    {
        // Two predictors with correlation ρ: VIF = 1/(1 − ρ²), condition number √((1+ρ)/(1−ρ)).
        const double rho = 0.96;
        var c = Collinearity.Of(new[,] { { 1, rho }, { rho, 1 } });
        Assert.Equal(1 / (1 - rho * rho), c.VarianceInflation[0], 1e-9);
        Assert.Equal(Math.Sqrt((1 + rho) / (1 - rho)), c.ConditionNumber, 1e-9);
        Assert.Equal((rho, 0, 1), c.LargestCorrelation);
        Assert.True(c.IsStrong);
        Assert.False(Collinearity.Of(new[,] { { 1, 0.3 }, { 0.3, 1 } }).IsStrong);
    }

    [Fact]
    public void Vector_replicates_use_the_same_draws_as_scalar_replicates()
    {
        var data = Enumerable.Range(0, 50).Select(i => Math.Sin(i) * 10).ToArray();
        double Mean(ReadOnlySpan<int> idx)
        {
            double s = 0;
            foreach (var i in idx) s += data[i];
            return s / idx.Length;
        }

        var scalar = Bootstrap.Replicates(data.Length, Mean, seed: 11, replicates: 300);
        var vectors = Bootstrap.ReplicateVectors(data.Length, idx => [Mean(idx), -Mean(idx)], seed: 11, replicates: 300);
        Assert.Equal(scalar, vectors.Select(v => v[0]).ToArray());
        Assert.Equal(scalar.Select(v => -v).ToArray(), vectors.Select(v => v[1]).ToArray());
    }

    [Property(MaxTest = 200)]
    public bool Weights_are_non_negative_and_sum_to_R2(int[] raw, PositiveInt rawK, PositiveInt rawN)
    {
        var (predictors, outcome) = RandomData(raw, 1 + rawK.Get % 6, 12 + rawN.Get % 40);
        R2Decomposition rw, sh;
        try
        {
            rw = RelativeWeights.FromData(predictors, outcome);
            sh = ShapleyR2.FromData(predictors, outcome);
        }
        catch (ArgumentException)
        {
            return true; // degenerate draw (a constant or collinear column): rejected, which is the contract
        }

        return rw.Weights.All(w => w >= -1e-12) && sh.Weights.All(w => w >= -1e-12)
               && Math.Abs(rw.Weights.Sum() - rw.RSquared) < 1e-9 && Math.Abs(sh.Weights.Sum() - sh.RSquared) < 1e-9
               && Math.Abs(rw.RSquared - sh.RSquared) < 1e-9 && rw.RSquared is >= 0 and <= 1 + 1e-12;
    }

    [Property(MaxTest = 100)]
    public bool Weights_do_not_depend_on_units_or_sign_of_the_predictors(int[] raw, PositiveInt rawK)
    {
        var (predictors, outcome) = RandomData(raw, 1 + rawK.Get % 5, 30);
        var transformed = predictors.Select((p, j) => (IReadOnlyList<double>)p.Select(x => (j % 2 == 0 ? -3.5 : 1000) * x + 17).ToArray()).ToList();
        try
        {
            var a = RelativeWeights.FromData(predictors, outcome);
            var b = RelativeWeights.FromData(transformed, outcome);
            return a.Weights.Zip(b.Weights).All(p => Math.Abs(p.First - p.Second) < 1e-8);
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    [Property(MaxTest = 100)]
    public bool Cross_products_add_up_like_the_rows_they_came_from(int[] raw, PositiveInt rawSplit)
    {
        var (predictors, outcome) = RandomData(raw, 3, 20);
        var columns = new List<IReadOnlyList<double>> { outcome };
        columns.AddRange(predictors);
        var whole = CrossProducts.FromColumns(columns);
        var split = rawSplit.Get % 20;
        var first = new CrossProducts(4, whole.Shift);
        var second = new CrossProducts(4, whole.Shift);
        for (var r = 0; r < 20; r++) (r < split ? first : second).Add(columns.Select(c => c[r]).ToArray());
        first.Add(second);
        return Enumerable.Range(0, 4).All(i => Enumerable.Range(0, 4).All(j => Math.Abs(first.Covariance(i, j) - whole.Covariance(i, j)) < 1e-9));
    }

    /// <summary>Small-integer data from FsCheck's ints, with the outcome built partly from the predictors.</summary>
    static (List<IReadOnlyList<double>> Predictors, double[] Outcome) RandomData(int[] raw, int k, int n)
    {
        var source = raw.Length == 0 ? [0] : raw;
        double Value(int i) => Math.Abs((long)source[i % source.Length] * 7919 + i * 104729L) % 23 - 11;
        var predictors = Enumerable.Range(0, k)
            .Select(j => (IReadOnlyList<double>)Enumerable.Range(0, n).Select(r => Value(r * 13 + j * 7 + 1) + (j > 0 ? 0.5 * Value(r * 13) : 0)).ToArray())
            .ToList();
        var outcome = Enumerable.Range(0, n).Select(r => predictors.Select((p, j) => (j % 3 - 1) * p[r]).Sum() + Value(r * 31 + 5)).ToArray();
        return (predictors, outcome);
    }

    static void AssertAll(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++) Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"element {i}: expected {expected[i]}, got {actual[i]}");
    }

    sealed record Expected(double RSquared, double[] RelativeWeights, double[] RelativeWeightsPercent, double[] Shapley, double[] Means);

    static (Expected Expected, List<IReadOnlyList<double>> Predictors, double[] Outcome) Load(string fixture)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Reference");
        var json = Path.Combine(folder, "relative_weights_reference.json");
        Assert.True(File.Exists(json), $"{json} is missing: run /usr/bin/python3 relative_weights_reference.py > relative_weights_reference.json in tests/Fulcrum.Core.Tests/Reference.");
        var node = JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("fixtures").GetProperty(fixture);
        double[] Array(string name) => node.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var expected = new Expected(node.GetProperty("r_squared").GetDouble(), Array("relative_weights"), Array("relative_weights_percent"), Array("shapley"), Array("means"));

        var lines = File.ReadAllLines(Path.Combine(folder, node.GetProperty("file").GetString()!)).Skip(1)
            .Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var k = lines[0].Length - 1;
        var predictors = Enumerable.Range(1, k).Select(j => (IReadOnlyList<double>)lines.Select(l => l[j]).ToArray()).ToList();
        return (expected, predictors, lines.Select(l => l[0]).ToArray());
    }
}
