using Fulcrum.Analytics.Linkage;

namespace Fulcrum.Analytics.Tests.Linkage;

/// <summary>
/// A theme's churn beyond the scores: its renewals' observed churn over the churn of the same cells without them, so a theme
/// raised by most of a cell is not compared with itself.
/// </summary>
public sealed class ThemeChurnRatioTests
{
    // Cell 0: 80 renewals after theme 0 (32 churned, 40%) and 20 without it (5 churned, 25%). Cell 1: 100 renewals, 10 churned,
    // no theme. Theme 1 is never followed by a renewal.
    static AccountRows Rows()
    {
        var events = new List<EventTotalsRow>();
        var themeEvents = new List<ThemeEventRow>();
        for (var a = 0; a < 200; a++)
        {
            var cell = a < 100 ? 0 : 1;
            var churned = a < 32 || a is >= 80 and < 85 || a is >= 100 and < 110;
            events.Add(new EventTotalsRow(a, cell, churned, false, 1_000, 0));
            if (a < 80) themeEvents.Add(new ThemeEventRow(0, cell, churned));
        }
        return new AccountRows
        {
            EventStart = Enumerable.Range(0, 201).ToArray(), Events = events.ToArray(),
            ServiceStart = new int[201], Service = [],
            ThemeEventStart = Enumerable.Range(0, 201).Select(a => Math.Min(a, 80)).ToArray(), ThemeEvents = themeEvents.ToArray(),
        };
    }

    // A saturated model: each cell's churn rate.
    static double[] CellRates(double[] churnEvents, double[] renewals) => churnEvents.Select((y, c) => renewals[c] > 0 ? y / renewals[c] : 0).ToArray();

    // The saturated model refitted without the removed churn events and renewals.
    static Func<double[], double[], double[]?> RatesWithout(LinkageModels.CellTotals t) => (removedEvents, removedRenewals) =>
        CellRates(t.ChurnEvents.Select((y, c) => y - removedEvents[c]).ToArray(), t.Renewals.Select((n, c) => n - removedRenewals[c]).ToArray());

    [Fact]
    public void Expected_churn_comes_from_the_cells_without_the_themes_renewals()
    {
        var batch = ReplicateBatch.Of(200, 2, (_, slot) => slot + 1);
        var totals = batch.Totals(Rows(), 2, 0);

        var everyRenewal = totals.Take(2).Select(t => CellRates(t.ChurnEvents, t.Renewals)).ToArray();

        var ratios = batch.ThemeRatios(Rows(), 2, everyRenewal, totals.Take(2).Select(RatesWithout).ToArray());

        foreach (var slot in new[] { 0, 1 })
        {
            // 32 / (80 × 5/20) = 1.6; against all of cell 0 (37/100) it would read 32 / 29.6 = 1.08.
            Assert.Equal(1.6, ratios[slot]!.Ratios[0], 12);
            // The valuation's scale: 20 expected without the theme over 29.6 by every renewal. Scale × ratio gives back the observed 32 / 29.6.
            Assert.Equal(20 / 29.6, ratios[slot]!.Scales[0], 12);
            Assert.True(double.IsNaN(ratios[slot]!.Ratios[1]), "a theme followed by no renewal has no ratio");
        }
        Assert.Null(ratios[2]);
    }

    [Fact]
    public void A_theme_whose_cells_cannot_be_refitted_without_it_is_compared_with_every_renewals_model()
    {
        var batch = ReplicateBatch.Single(200, null);
        var totals = batch.Totals(Rows(), 2, 0);

        var ratios = batch.ThemeRatios(Rows(), 2, [CellRates(totals[0].ChurnEvents, totals[0].Renewals)], [(_, _) => null]);

        Assert.Equal(32 / 29.6, ratios[0]!.Ratios[0], 12);
        Assert.Equal(1, ratios[0]!.Scales[0], 12);
    }

    [Fact]
    public void Fixing_a_theme_moves_its_raisers_from_their_observed_churn_to_their_peers_without_it()
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
