using Fulcrum.Analytics.Linkage;

namespace Fulcrum.Analytics.Tests.Linkage;

public sealed class CashFlowTests
{
    static readonly MoneyAssumptions Money = new(CostPerAgentHour: 60, OtherCostPerTicket: 5, GrossMargin: 0.8, DiscountRate: 0.1, RenewalsPerYear: 1);

    // Cell 0 churns 12% a year, cell 1 churns 6%; no expansion. Cost cell 0: 3 tickets and 90 minutes a quarter → 3·5 + 90 = $105.
    static Predictions Predict(double expansion = 0, double ratio = 0) => new()
    {
        Churn = [0.12, 0.06], Expansion = [expansion, expansion], ExpansionRatio = [ratio, ratio],
        Tickets = [3], Minutes = [90], TicketsPerCesPoint = double.NaN, MinutesPerCesPoint = double.NaN,
    };

    [Fact]
    public void An_annual_churn_probability_leaves_that_share_of_ARR_after_twelve_months()
    {
        var flow = CashFlow.Project([new BookEntry(0, 0, 10, 1_200_000)], Predict(), Money, 24);
        Assert.Equal(1_200_000 * 0.88, flow.ArrKept[12], 1e-6);
        Assert.Equal(1_200_000 * 0.88 * 0.88, flow.ArrKept[24], 1e-6);
        // Monthly revenue is ARR/12 times the survival to that month.
        Assert.Equal(100_000 * Math.Pow(0.88, 1 / 12.0), flow.Revenue[1], 1e-6);
        Assert.Equal(10 * 105 / 3.0 * Math.Pow(0.88, 3 / 12.0), flow.Cost[3], 1e-9);
    }

    [Fact]
    public void Expansion_grows_the_ARR_of_survivors_once_a_year()
    {
        var flow = CashFlow.Project([new BookEntry(0, 0, 1, 1_000)], Predict(expansion: 0.25, ratio: 0.4), Money, 12);
        Assert.Equal(1_000 * 0.88 * (1 + 0.25 * 0.4), flow.ArrTotal[12], 1e-9);
        Assert.Equal(1_000 * 0.88, flow.ArrKept[12], 1e-9);
    }

    [Fact]
    public void Lever_value_is_the_discounted_margin_on_extra_revenue_plus_cost_saved_less_its_cost()
    {
        var before = CashFlow.Project([new BookEntry(0, 0, 10, 1_200_000)], Predict(), Money, 12);
        var after = CashFlow.Project([new BookEntry(1, 0, 10, 1_200_000)], Predict(), Money, 12);
        var value = LeverValuation.Value(before, after, Money, leverCost: 10_000, horizon: 12);

        double npv = 0, revenue = 0, cost = 0;
        for (var m = 1; m <= 12; m++)
        {
            var dRevenue = 100_000 * (Math.Pow(0.94, m / 12.0) - Math.Pow(0.88, m / 12.0));
            var dCost = 10 * 35 * (Math.Pow(0.94, m / 12.0) - Math.Pow(0.88, m / 12.0));
            revenue += dRevenue;
            cost += dCost;
            npv += (0.8 * dRevenue - dCost) * Math.Pow(1.1, -m / 12.0);
        }
        Assert.Equal(1_200_000 * (0.94 - 0.88), value.ArrRetained, 1e-6);
        Assert.Equal(0, value.ArrExpansion, 1e-6);
        Assert.Equal(revenue, value.Revenue, 1e-6);
        Assert.Equal(-cost, value.CostSaved, 1e-6);
        Assert.Equal(npv - 10_000, value.Npv, 1e-6);
        Assert.Equal((npv - 10_000) / 10_000, value.Roi, 1e-9);
        Assert.InRange(value.PaybackMonths, 1, 12);
    }

    [Fact]
    public void A_lever_that_never_covers_its_cost_has_no_payback_within_the_horizon()
    {
        var flow = CashFlow.Project([new BookEntry(0, 0, 1, 1_000)], Predict(), Money, 12);
        var value = LeverValuation.Value(flow, flow, Money, leverCost: 500, horizon: 12);
        Assert.True(double.IsPositiveInfinity(value.PaybackMonths));
        Assert.Equal(-500, value.Npv, 1e-9);
        Assert.Equal(-1, value.Roi, 1e-12);
    }
}
