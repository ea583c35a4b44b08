using Dapper;
using Fulcrum.Analytics.Drivers;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Tests.Drivers;

/// <summary>
/// Key drivers on the demo company. Planted (src/Fulcrum.Data/Demo/DemoModel.cs): each account has an effort level; its
/// CES answers scatter around it and its latent score falls by EffortScoreSlope = −0.35 points per point of effort, so CES
/// is the structured driver that moves NPS. The company generated without planted effects has the same CES answers and no
/// such slope, so CES must not matter there.
/// </summary>
public sealed class KeyDriverAnalysisDemoTests(DriverDemoFixture demo) : IClassFixture<DriverDemoFixture>
{
    [Fact]
    public void Planted_effort_is_the_top_driver_of_nps_and_lowers_it()
    {
        var report = demo.PlantedDefault;
        var ces = Driver(report, "ces");

        Assert.Equal("ces", report.Drivers[0].Name);
        Assert.True(ces.Correlation.Upper < 0, $"CES should go with a lower score: r = {ces.Correlation}");
        // Important beyond doubt: even the lower bound of its share is above the average share (100/k).
        Assert.True(ces.ShareOfR2.Lower > report.ImportanceThreshold, $"CES share {ces.ShareOfR2}, average {report.ImportanceThreshold:0.0}%");
        Assert.True(ces.Weight.Lower > 0.008, $"CES weight {ces.Weight}");
        Assert.Equal("lower is better", ces.GoodEnd);
    }

    [Fact]
    public void Without_the_planted_slope_effort_explains_nothing()
    {
        var planted = Driver(demo.PlantedDefault, "ces");
        var none = Driver(demo.NullDefault, "ces");

        Assert.True(none.Weight.Value < 0.001, $"CES weight without planted effects {none.Weight}");
        Assert.True(none.Weight.Upper < planted.Weight.Lower, $"null {none.Weight} vs planted {planted.Weight}");
        Assert.True(none.Correlation.Contains(0) || Math.Abs(none.Correlation.Value) < 0.03, $"null r = {none.Correlation}");
        Assert.True(demo.NullDefault.RSquared.Value < 0.01, $"null R² {demo.NullDefault.RSquared}");
        Assert.Contains(demo.NullDefault.Warnings, w => w.Contains("little of it is accounted for", StringComparison.Ordinal));
    }

    [Fact]
    public void Within_accounts_more_products_go_with_a_lower_score_and_effort_drops_out()
    {
        // Planted: an account's score falls by 0.5 when it adds a second product and by 0.25 more with a third
        // (SecondProductShift, ThirdProductShift), while its effort level never changes. Across accounts the product effect is
        // hidden (happy accounts are the ones that adopt); within accounts it shows, and effort, a stable trait, explains nothing.
        var within = KeyDriverAnalysis.Run(demo.PlantedFacts, DriverDemoFixture.Options() with { WithinAccount = true });
        var products = Driver(within, "products");
        var ces = Driver(within, "ces");

        Assert.True(products.Correlation.Upper < 0, $"within-account r(products, score) = {products.Correlation}");
        Assert.True(Driver(demo.PlantedDefault, "products").Correlation.Value > products.Correlation.Value, "across accounts the product effect is masked");
        Assert.True(products.Weight.Lower > ces.Weight.Upper, $"products {products.Weight} vs ces {ces.Weight}");
        Assert.True(ces.Weight.Value < 0.001, $"ces within accounts {ces.Weight}");
        Assert.Contains(within.Notes, n => n.StartsWith("Within accounts", StringComparison.Ordinal));
    }

    [Fact]
    public void Within_account_weights_equal_a_regression_on_answers_demeaned_by_account()
    {
        var rows = demo.Planted.Query<(string Account, double Nps, double Products, double Ces)>(
            $"SELECT account_id, CAST(nps AS DOUBLE), CAST(products AS DOUBLE), CAST(ces AS DOUBLE) FROM {demo.PlantedFacts.Responses()} " +
            "WHERE nps IS NOT NULL AND products IS NOT NULL AND ces IS NOT NULL").ToList();
        var means = rows.GroupBy(r => r.Account).ToDictionary(g => g.Key, g => (Nps: g.Average(r => r.Nps), Products: g.Average(r => r.Products), Ces: g.Average(r => r.Ces)));
        var outcome = rows.Select(r => r.Nps - means[r.Account].Nps).ToArray();
        IReadOnlyList<double>[] predictors = [rows.Select(r => r.Products - means[r.Account].Products).ToArray(), rows.Select(r => r.Ces - means[r.Account].Ces).ToArray()];
        var expected = RelativeWeights.FromData(predictors, outcome);

        var report = KeyDriverAnalysis.Run(demo.PlantedFacts, DriverDemoFixture.Options(predictors: ["products", "ces"]) with { WithinAccount = true });
        Assert.Equal(expected.RSquared, report.RSquared.Value, 1e-9);
        Assert.Equal(expected.Weights[0], Driver(report, "products").Weight.Value, 1e-9);
        Assert.Equal(expected.Weights[1], Driver(report, "ces").Weight.Value, 1e-9);
        Assert.Equal(rows.Average(r => r.Products), Driver(report, "products").Mean.Value, 1e-9);
    }

    [Fact]
    public void Within_accounts_needs_drivers_that_change_within_an_account()
    {
        var e = Assert.Throws<DriverAnalysisException>(() => KeyDriverAnalysis.Run(demo.PlantedFacts,
            DriverDemoFixture.Options(predictors: ["ces", "products"], level: DriverLevel.Response) with { WithinAccount = true, From = new DateOnly(2025, 2, 14), To = new DateOnly(2025, 2, 14) }));
        Assert.Contains("does not vary within any account", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Weights_sum_to_R2_and_shares_to_100()
    {
        foreach (var report in new[] { demo.PlantedDefault, demo.NullDefault })
        {
            Assert.Equal(report.RSquared.Value, report.Drivers.Sum(d => d.Weight.Value), 1e-12);
            Assert.Equal(100, report.Drivers.Sum(d => d.ShareOfR2.Value), 1e-9);
            Assert.All(report.Drivers, d => Assert.True(d.Weight.Value >= 0 && d.Weight.Contains(d.Weight.Value) || d.Weight.Value < 1e-4, $"{d.Name}: {d.Weight}"));
            Assert.Equal(report.Drivers.OrderByDescending(d => d.Weight.Value).Select(d => d.Name), report.Drivers.Select(d => d.Name));
        }
    }

    [Fact]
    public void Weights_equal_a_direct_computation_on_the_raw_answers()
    {
        // Independent path: every answer read row by row, correlations computed in memory, against the per-account SQL sums.
        var rows = demo.Planted.Query<(double Nps, double Ces, double Products, double Tenure)>(
            $"SELECT CAST(nps AS DOUBLE), CAST(ces AS DOUBLE), CAST(products AS DOUBLE), CAST(tenure_months AS DOUBLE) FROM {demo.PlantedFacts.Responses()} " +
            "WHERE nps IS NOT NULL AND ces IS NOT NULL AND products IS NOT NULL AND tenure_months IS NOT NULL").ToList();
        IReadOnlyList<double>[] predictors = [rows.Select(r => r.Ces).ToArray(), rows.Select(r => r.Products).ToArray(), rows.Select(r => r.Tenure).ToArray()];
        var outcome = rows.Select(r => r.Nps).ToArray();
        string[] names = ["ces", "products", "tenure_months"];

        foreach (var method in new[] { DriverMethod.RelativeWeights, DriverMethod.Shapley })
        {
            var expected = method == DriverMethod.Shapley ? ShapleyR2.FromData(predictors, outcome) : RelativeWeights.FromData(predictors, outcome);
            var report = KeyDriverAnalysis.Run(demo.PlantedFacts, DriverDemoFixture.Options(predictors: names, method: method));
            Assert.Equal(rows.Count, report.Rows);
            Assert.Equal(expected.RSquared, report.RSquared.Value, 1e-9);
            for (var j = 0; j < names.Length; j++)
            {
                Assert.Equal(expected.Weights[j], Driver(report, names[j]).Weight.Value, 1e-9);
                Assert.Equal(predictors[j].Average(), Driver(report, names[j]).Mean.Value, 1e-9);
            }
        }
    }

    [Fact]
    public void Shapley_and_relative_weights_agree_closely_and_rank_effort_first()
    {
        var shapley = KeyDriverAnalysis.Run(demo.PlantedFacts, DriverDemoFixture.Options(method: DriverMethod.Shapley));
        Assert.Equal("ces", shapley.Drivers[0].Name);
        Assert.Equal(demo.PlantedDefault.RSquared.Value, shapley.RSquared.Value, 1e-12);
        foreach (var d in shapley.Drivers)
            Assert.True(Math.Abs(d.Weight.Value - Driver(demo.PlantedDefault, d.Name).Weight.Value) < 0.003,
                $"{d.Name}: Shapley {d.Weight.Value:0.0000}, relative weight {Driver(demo.PlantedDefault, d.Name).Weight.Value:0.0000}");
    }

    [Fact]
    public void Performance_is_the_mean_oriented_on_its_scale_and_quadrants_follow_the_crosshairs()
    {
        var report = demo.PlantedDefault;
        var ces = Driver(report, "ces");
        // CES 1–7, lower is better: performance = 100 (7 − mean) / 6.
        Assert.Equal((1.0, 7.0), (ces.ScaleMin, ces.ScaleMax));
        Assert.Equal(100 * (7 - ces.Mean.Value) / 6, ces.Performance.Value, 1e-9);
        Assert.Equal(100 * (7 - ces.Mean.Upper) / 6, ces.Performance.Lower, 1e-9);
        // The demo's mean effort is DemoModel.MeanEffort = 3.4 (CES rounds it, clamped to 1–7).
        Assert.True(Math.Abs(ces.Mean.Value - 3.4) < 0.15, $"mean CES {ces.Mean}");
        Assert.Equal(100.0 / report.Drivers.Count, report.ImportanceThreshold, 1e-12);
        Assert.Equal(report.Drivers.Average(d => d.Performance.Value), report.PerformanceThreshold, 1e-9);
        foreach (var d in report.Drivers)
        {
            var important = d.ShareOfR2.Value >= report.ImportanceThreshold;
            var performing = d.Performance.Value >= report.PerformanceThreshold;
            var expected = important ? performing ? Quadrant.Keep : Quadrant.FixFirst : performing ? Quadrant.OverInvested : Quadrant.Secondary;
            Assert.Equal(expected, d.Quadrant);
        }
    }

    [Fact]
    public void Every_left_out_row_is_counted()
    {
        var report = demo.PlantedDefault;
        Assert.True(report.OutcomeRows > report.Rows, "the demo has answers from account-quarters without tickets");
        // Rows without tickets lack contacts, handle minutes and reopen rate together, so the largest per-driver count is the total left out.
        Assert.Equal(report.OutcomeRows - report.Rows, report.Missing.Max(m => m.Rows));
        Assert.Contains(report.Missing, m => m.Name == "reopen_rate");
    }

    [Fact]
    public void Nearly_collinear_drivers_are_warned_about_by_name()
    {
        var report = KeyDriverAnalysis.Run(demo.PlantedFacts, DriverDemoFixture.Options(predictors: ["ces", "products", "managers"]));
        var warning = Assert.Single(report.Warnings, w => w.Contains("collinear", StringComparison.Ordinal));
        Assert.Contains("products and managers", warning, StringComparison.Ordinal);
        Assert.All(report.Drivers.Where(d => d.Name != "ces"), d => Assert.True(d.VarianceInflation > Collinearity.VifThreshold, $"{d.Name} VIF {d.VarianceInflation}"));
        Assert.DoesNotContain(demo.PlantedDefault.Warnings, w => w.Contains("collinear", StringComparison.Ordinal));
    }

    [Fact]
    public void A_model_that_explains_nothing_has_no_top_driver_and_says_why()
    {
        // Shares of R² always sum to 100%, so the null company still has a "largest" driver: it must not be headlined.
        Assert.NotEmpty(demo.NullDefault.Drivers);
        Assert.Null(demo.NullDefault.TopDriver);
        Assert.StartsWith("the drivers together explain 0.", demo.NullDefault.NoTopDriver);
        Assert.Contains("so none of them drives it", demo.NullDefault.NoTopDriver);
        // Where effort is planted it is the top driver, with no such reason.
        Assert.Null(demo.PlantedDefault.NoTopDriver);
        Assert.Equal("ces", demo.PlantedDefault.TopDriver?.Name);
    }

    [Fact]
    public void An_R2_no_larger_than_chance_in_a_few_accounts_has_no_top_driver()
    {
        // One day's answers: a few dozen accounts, where seven drivers explain a few percent by chance alone.
        var day = demo.Null.Scalar<DateTime>("SELECT MIN(CAST(responded_at AS DATE)) FROM responses");
        string[] predictors = ["ces", "tickets", "contacts", "handle_minutes", "reopen_rate", "tenure_months", "log_arr"];
        var options = DriverDemoFixture.Options(predictors: predictors) with { From = DateOnly.FromDateTime(day), To = DateOnly.FromDateTime(day) };
        var report = KeyDriverAnalysis.Run(demo.NullFacts, options);
        Assert.True(report.RSquared.Value >= 0.01, $"R² {report.RSquared}");
        Assert.Null(report.TopDriver);
        Assert.Contains("would explain by chance", report.NoTopDriver);
        Assert.Contains("F test p = ", report.NoTopDriver);
    }

    [Fact]
    public void A_small_sample_is_warned_about()
    {
        var day = demo.Planted.Scalar<DateTime>("SELECT MIN(CAST(responded_at AS DATE)) FROM responses");
        string[] predictors = ["ces", "tickets", "contacts", "handle_minutes", "reopen_rate", "tenure_months", "log_arr"];
        var options = DriverDemoFixture.Options(predictors: predictors) with { From = DateOnly.FromDateTime(day), To = DateOnly.FromDateTime(day) };
        var report = KeyDriverAnalysis.Run(demo.PlantedFacts, options);
        Assert.True(report.Rows < 50 + 8 * predictors.Length, $"{report.Rows} rows");
        Assert.Contains(report.Warnings, w => w.StartsWith("Small sample", StringComparison.Ordinal));
    }

    [Fact]
    public void Account_period_rows_average_the_answers_of_each_account_quarter()
    {
        var report = KeyDriverAnalysis.Run(demo.PlantedFacts, DriverDemoFixture.Options(predictors: ["ces", "products"], level: DriverLevel.AccountPeriod));
        var expected = demo.Planted.Scalar<long>(
            $"SELECT COUNT(*) FROM (SELECT DISTINCT account_id, date_trunc('quarter', day) FROM {demo.PlantedFacts.Responses()} WHERE nps IS NOT NULL AND ces IS NOT NULL)");
        Assert.Equal(expected, report.Rows);
        Assert.Equal("ces", report.Drivers[0].Name);
        // Averaging an account's answers removes answer-level noise, so effort explains more than per answer.
        Assert.True(Driver(report, "ces").Weight.Value > 0.01, $"{Driver(report, "ces").Weight}");
    }

    [Fact]
    public void Same_seed_same_intervals()
    {
        var options = DriverDemoFixture.Options(predictors: ["ces", "tickets"]);
        var a = KeyDriverAnalysis.Run(demo.PlantedFacts, options);
        var b = KeyDriverAnalysis.Run(demo.PlantedFacts, options);
        Assert.Equal(a.Drivers.Select(d => (d.Weight.Lower, d.Weight.Upper, d.Mean.Lower)), b.Drivers.Select(d => (d.Weight.Lower, d.Weight.Upper, d.Mean.Lower)));
        Assert.Equal((a.RSquared.Lower, a.RSquared.Upper), (b.RSquared.Lower, b.RSquared.Upper));
    }

    [Fact]
    public void Bad_choices_get_clear_errors()
    {
        Assert.Contains("Unknown driver variable 'effort'", Assert.Throws<ArgumentException>(
            () => KeyDriverAnalysis.Run(demo.PlantedFacts, DriverDemoFixture.Options(predictors: ["effort"]))).Message, StringComparison.Ordinal);
        Assert.Contains("cannot also be a predictor", Assert.Throws<ArgumentException>(
            () => KeyDriverAnalysis.Run(demo.PlantedFacts, DriverDemoFixture.Options(predictors: ["ces", "nps"]))).Message, StringComparison.Ordinal);
        Assert.Contains("named twice", Assert.Throws<ArgumentException>(
            () => KeyDriverAnalysis.Run(demo.PlantedFacts, DriverDemoFixture.Options(predictors: ["ces", "CES"]))).Message, StringComparison.Ordinal);
        Assert.Contains("Unknown outcome", Assert.Throws<ArgumentException>(
            () => KeyDriverAnalysis.Run(demo.PlantedFacts, DriverDemoFixture.Options(outcome: "churn"))).Message, StringComparison.Ordinal);
        var missing = Assert.Throws<DriverAnalysisException>(
            () => KeyDriverAnalysis.Run(demo.PlantedFacts, DriverDemoFixture.Options(predictors: ["ces", "rattr:sub_score"])));
        Assert.Contains("'rattr:sub_score' cannot be used: no values", missing.Message, StringComparison.Ordinal);
    }

    static DriverResult Driver(DriverReport report, string name) => report.Drivers.Single(d => d.Name == name);
}
