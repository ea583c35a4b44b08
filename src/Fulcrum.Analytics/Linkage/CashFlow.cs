namespace Fulcrum.Analytics.Linkage;

/// <summary>A slice of the book: some accounts in one churn cell and one cost cell, optionally changed by a lever.</summary>
/// <param name="CostMultiplier">Scales the account's predicted cost to serve (e.g. 0.85 when 15% of contacts are avoided).</param>
/// <param name="ChurnMultiplier">Scales the predicted churn probability (e.g. when a theme's excess churn is removed).</param>
internal sealed record BookEntry(int ChurnCell, int CostCell, double Accounts, double Arr, double CostMultiplier = 1, double ChurnMultiplier = 1)
{
    public BookEntry Scaled(double share) => this with { Accounts = Accounts * share, Arr = Arr * share };
}

/// <summary>The finance inputs of every money figure (from the assumptions table).</summary>
public sealed record MoneyAssumptions(double CostPerAgentHour, double OtherCostPerTicket, double GrossMargin, double DiscountRate, double RenewalsPerYear)
{
    public static MoneyAssumptions From(IReadOnlyDictionary<string, double> values) => new(
        values["cost_per_agent_hour"], values["other_cost_per_ticket"], values["gross_margin"], values["discount_rate"], values["renewals_per_year"]);

    /// <summary>Cost of one ticket-quarter profile: handle minutes at the agent rate plus the per-ticket overhead.</summary>
    public double CostOf(double tickets, double minutes) => CostPerAgentHour / 60 * minutes + OtherCostPerTicket * tickets;
}

/// <summary>Expected monthly revenue, cost to serve and ARR of a set of book entries over the coming months.</summary>
internal sealed class CashFlow
{
    public required double[] Revenue { get; init; }
    public required double[] Cost { get; init; }
    /// <summary>Today's ARR still on the books after m months (no expansion).</summary>
    public required double[] ArrKept { get; init; }
    /// <summary>ARR on the books after m months, with expansion.</summary>
    public required double[] ArrTotal { get; init; }

    /// <summary>
    /// Each account renews <c>renewals_per_year</c> times a year and churns at a renewal with its predicted probability,
    /// spread evenly over the months (survival (1 − p)^(R/12) a month); survivors expand by (1 + e·g)^(R/12) a month;
    /// cost to serve accrues while the account stays. Index m = 1..months (index 0 is today).
    /// </summary>
    public static CashFlow Project(IEnumerable<BookEntry> entries, Predictions predictions, MoneyAssumptions money, int months)
    {
        // Survival and growth depend only on the churn cell (and multiplier): total ARR and cost per such group first,
        // so the month loop runs over a few hundred groups rather than every entry.
        var groups = new Dictionary<(int Cell, double Multiplier), (double Arr, double MonthlyCost)>();
        var costPerCell = new Dictionary<int, double>();
        foreach (var e in entries)
        {
            if (e.Accounts == 0 && e.Arr == 0) continue;
            if (!costPerCell.TryGetValue(e.CostCell, out var cost))
                costPerCell[e.CostCell] = cost = money.CostOf(predictions.Tickets[e.CostCell], predictions.Minutes[e.CostCell]) / 3;
            var key = (e.ChurnCell, e.ChurnMultiplier);
            var g = groups.GetValueOrDefault(key);
            groups[key] = (g.Arr + e.Arr, g.MonthlyCost + e.Accounts * e.CostMultiplier * cost);
        }
        var flow = new CashFlow { Revenue = new double[months + 1], Cost = new double[months + 1], ArrKept = new double[months + 1], ArrTotal = new double[months + 1] };
        var exponent = money.RenewalsPerYear / 12;
        foreach (var ((cell, multiplier), (arr, monthlyCost)) in groups)
        {
            var p = Math.Clamp(predictions.Churn[cell] * multiplier, 0, 1);
            var survival = Math.Pow(1 - p, exponent);
            var growth = Math.Pow(1 + predictions.Expansion[cell] * predictions.ExpansionRatio[cell], exponent);
            double kept = 1, total = 1;
            flow.ArrKept[0] += arr;
            flow.ArrTotal[0] += arr;
            for (var m = 1; m <= months; m++)
            {
                kept *= survival;
                total *= survival * growth;
                flow.Revenue[m] += arr / 12 * total;
                flow.Cost[m] += monthlyCost * kept;
                flow.ArrKept[m] += arr * kept;
                flow.ArrTotal[m] += arr * total;
            }
        }
        return flow;
    }
}

/// <summary>What a change to the book is worth over a horizon.</summary>
/// <param name="ArrRetained">Today's ARR kept on the books at the horizon thanks to lower churn.</param>
/// <param name="ArrExpansion">Extra expansion ARR on the books at the horizon.</param>
/// <param name="CostSaved">Cost to serve avoided over the horizon (negative when retained accounts cost more to serve).</param>
/// <param name="Revenue">Extra revenue over the horizon.</param>
/// <param name="Npv">Discounted (gross margin on revenue + cost saved) − lever cost.</param>
/// <param name="Roi">NPV / lever cost.</param>
/// <param name="PaybackMonths">First month the discounted benefit covers the lever cost; +∞ when it does not within the horizon.</param>
internal sealed record LeverValue(double ArrRetained, double ArrExpansion, double CostSaved, double Revenue, double Npv, double Roi, double PaybackMonths);

internal static class LeverValuation
{
    public static LeverValue Value(CashFlow before, CashFlow after, MoneyAssumptions money, double leverCost, int horizon)
    {
        double revenue = 0, costSaved = 0, discounted = 0;
        var payback = double.PositiveInfinity;
        for (var m = 1; m <= horizon; m++)
        {
            var deltaRevenue = after.Revenue[m] - before.Revenue[m];
            var deltaCost = after.Cost[m] - before.Cost[m];
            revenue += deltaRevenue;
            costSaved -= deltaCost;
            discounted += (money.GrossMargin * deltaRevenue - deltaCost) * Math.Pow(1 + money.DiscountRate, -m / 12.0);
            if (double.IsPositiveInfinity(payback) && discounted >= leverCost && (leverCost > 0 || discounted > 0)) payback = m;
        }
        var retained = after.ArrKept[horizon] - before.ArrKept[horizon];
        var expansion = after.ArrTotal[horizon] - before.ArrTotal[horizon] - retained;
        var npv = discounted - leverCost;
        return new LeverValue(retained, expansion, costSaved, revenue, npv, leverCost > 0 ? npv / leverCost : double.NaN, payback);
    }
}
