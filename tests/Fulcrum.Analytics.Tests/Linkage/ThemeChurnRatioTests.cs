using System.Globalization;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Core.Statistics.Regression;

namespace Fulcrum.Analytics.Tests.Linkage;

/// <summary>
/// A theme's churn beyond the scores from the joint churn model of every theme (<see cref="ThemeChurnModel"/>): checked
/// against scipy on the same penalized likelihood (Reference/theme_churn_reference.py), a generic theme that rides on a
/// specific one's churn read near 1, and the bootstrap's one Newton step against a refit.
/// </summary>
public sealed class ThemeChurnRatioTests
{
    // (detractor, multi-product, themes, renewals, churned): theme A raises churn, theme B is mostly raised alongside A and
    // adds nothing of its own, theme C's 12 renewals all stayed. The same table as the reference script's.
    static readonly (int Detractor, int Multi, string Themes, int Renewals, int Churned)[] Patterns =
    [
        (0, 0, "", 500, 40), (0, 0, "B", 60, 5),
        (1, 0, "", 200, 40), (1, 0, "B", 80, 16), (1, 0, "AB", 60, 21), (1, 0, "A", 40, 13), (1, 0, "C", 12, 0),
        (0, 1, "", 300, 30), (0, 1, "A", 50, 9), (0, 1, "AB", 40, 8),
        (1, 1, "", 150, 45), (1, 1, "AB", 120, 60), (1, 1, "B", 40, 12), (1, 1, "A", 30, 14),
    ];

    const string Themes = "ABC";

    // Cell = detractor + 2 × multi-product; columns: intercept, detractor, multi-product.
    static readonly double[,] Design = { { 1, 0, 0 }, { 1, 1, 0 }, { 1, 0, 1 }, { 1, 1, 1 } };

    /// <summary>One account per renewal.</summary>
    static AccountRows Rows()
    {
        var (events, themed, themes) = (new List<EventTotalsRow>(), new List<ThemedRenewalRow>(), new List<int>());
        var themedStart = new List<int> { 0 };
        foreach (var (detractor, multi, raised, renewals, churnedCount) in Patterns)
            for (var i = 0; i < renewals; i++)
            {
                var (cell, churned) = (detractor + 2 * multi, i < churnedCount);
                events.Add(new EventTotalsRow(events.Count, cell, churned, false, 1_000, 0));
                if (raised.Length > 0)
                {
                    themed.Add(new ThemedRenewalRow(cell, churned, themes.Count, raised.Length));
                    themes.AddRange(raised.Select(t => Themes.IndexOf(t)));
                }
                themedStart.Add(themed.Count);
            }
        return new AccountRows
        {
            EventStart = Enumerable.Range(0, events.Count + 1).ToArray(), Events = events.ToArray(),
            ServiceStart = new int[events.Count + 1], Service = [],
            ThemedStart = themedStart.ToArray(), Themed = themed.ToArray(), ThemedThemes = themes.ToArray(),
        };
    }

    static (AccountRows Rows, RegressionFit Churn, LinkageModels.CellTotals Totals, SparseDesign Cells) Data(double[]? weights = null)
    {
        var rows = Rows();
        var totals = ReplicateBatch.Single(rows.EventStart.Length - 1, weights).Totals(rows, 4, 0)[0];
        var churn = LogisticRegression.Fit(new GroupedData(Design, totals.ChurnEvents, totals.Renewals, ["intercept", "detractor", "multi"]));
        return (rows, churn, totals, new SparseDesign(Design));
    }

    static double[] Reference(string key) => File.ReadLines(Path.Combine(RealDataSets.RepoRoot, "tests", "Fulcrum.Analytics.Tests", "Reference", "theme_churn_reference.txt"))
        .Where(l => l.StartsWith(key + " ", StringComparison.Ordinal)).Single()[(key.Length + 1)..]
        .Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void The_joint_fit_and_each_themes_ratio_match_scipy_on_the_same_penalized_likelihood()
    {
        var (rows, churn, totals, cells) = Data();
        var accounts = rows.EventStart.Length - 1;

        var model = ThemeChurnModel.Fit(cells, churn, rows, accounts, 3, totals)!;
        var ratios = ThemeChurnModel.Ratios(ReplicateBatch.Single(accounts, null), rows, 3, cells, [model.Coefficients],
            [LogisticRegression.Probabilities(Design, churn.Coefficients)], new ThemeChurnModel.Workspace())[0]!;

        var expected = Reference("coefficients");
        for (var j = 0; j < expected.Length; j++) Assert.Equal(expected[j], model.Coefficients[j], 7);
        Assert.Equal(Reference("ratio A")[0], ratios.Ratios[0], 7);
        Assert.Equal(Reference("ratio B")[0], ratios.Ratios[1], 7);
        Assert.Equal(0, ratios.Ratios[2]);
        // B's writers churn more than their scores predict only because most of them also raised A.
        Assert.InRange(ratios.Ratios[1], 0.95, 1.10);
    }

    [Fact]
    public void A_generic_theme_compared_with_the_scores_alone_takes_the_specific_themes_churn()
    {
        var (rows, churn, _, cells) = Data();
        var accounts = rows.EventStart.Length - 1;

        // Without joint coefficients each theme is compared with the churn model of every renewal: B reads well above 1.
        var alone = ThemeChurnModel.Ratios(ReplicateBatch.Single(accounts, null), rows, 3, cells, [null],
            [LogisticRegression.Probabilities(Design, churn.Coefficients)], new ThemeChurnModel.Workspace())[0]!;

        Assert.True(alone.Ratios[1] > 1.15, $"B against the scores alone: {alone.Ratios[1]:0.000}");
        Assert.Equal(1, alone.Scales[1], 12);
    }

    [Fact]
    public void The_bootstrap_steps_land_near_a_refit_on_the_replicates_weights()
    {
        var (rows, churn, totals, cells) = Data();
        var accounts = rows.EventStart.Length - 1;
        var model = ThemeChurnModel.Fit(cells, churn, rows, accounts, 3, totals)!;
        var batch = new ReplicateBatch(accounts);
        batch.Draw(7, 0, 2);
        var replicateTotals = batch.Totals(rows, 4, 0);

        var thetas = model.Step(batch, rows, replicateTotals, 2, [true, true], new ThemeChurnModel.Workspace());

        for (var slot = 0; slot < 2; slot++)
        {
            var weights = Enumerable.Range(0, accounts).Select(a => batch.Weights[a * ReplicateBatch.Size + slot]).ToArray();
            var (_, replicateChurn, _, _) = Data(weights);
            var refit = ThemeChurnModel.Fit(cells, replicateChurn, rows, accounts, 3, replicateTotals[slot], weights)!;
            var moved = refit.Coefficients.Zip(model.Coefficients, (r, f) => Math.Abs(r - f)).Max();
            var error = refit.Coefficients.Zip(thetas[slot]!, (r, s) => Math.Abs(r - s)).Max();
            // The steps' error is of the order of the first step cubed: a very small fraction of how far the replicate moved.
            Assert.True(moved > 0.05, $"the replicate moved the fit by {moved:0.000}");
            Assert.True(error < 0.01 * moved, $"two steps are {error:0.0000} from the refit, which moved {moved:0.000}");
        }
        Assert.Null(thetas[2]);
    }

    [Fact]
    public void Without_themes_there_is_no_joint_model()
    {
        var (rows, churn, totals, cells) = Data();

        Assert.Null(ThemeChurnModel.Fit(cells, churn, rows, rows.EventStart.Length - 1, 0, totals));
    }

    [Fact]
    public void Fixing_a_theme_moves_its_raisers_from_their_observed_churn_to_the_churn_predicted_without_it()
    {
        var predictions = new Predictions
        {
            Churn = [0.37], Expansion = [0], ExpansionRatio = [0], Tickets = [], Minutes = [], TicketsPerCesPoint = double.NaN, MinutesPerCesPoint = double.NaN,
            ThemeChurnRatios = [1.6, double.NaN], ThemeChurnScales = [20 / 29.6, double.NaN],
        };

        // All of the excess kept: 0.37 × 32/29.6 = 0.40, the raisers' observed churn; none: 0.37 × 20/29.6 = 0.25, the others'.
        Assert.Equal(0.40, 0.37 * predictions.ThemeMultiplier(0, 1), 12);
        Assert.Equal(0.25, 0.37 * predictions.ThemeMultiplier(0, 0), 12);
        Assert.Equal(0.325, 0.37 * predictions.ThemeMultiplier(0, 0.5), 12);
        Assert.Equal(1, predictions.ThemeMultiplier(1, 0));
    }
}
