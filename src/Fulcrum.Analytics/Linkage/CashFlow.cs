using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Fulcrum.Analytics.Linkage;

/// <summary>A slice of the book: some accounts in one churn cell and one cost cell, optionally changed by a lever.</summary>
/// <param name="CostMultiplier">Scales the account's predicted cost to serve (e.g. 0.85 when 15% of contacts are avoided).</param>
/// <param name="ChurnMultiplier">Scales the predicted churn probability (e.g. when a theme's excess churn is removed).</param>
/// <param name="Theme">For a theme lever: the theme (index) whose excess churn this entry carries, else −1.</param>
/// <param name="ExcessKept">For a theme entry: the share of the theme's excess churn that remains (1 as is, 0.5 when half is fixed).</param>
internal sealed record BookEntry(int ChurnCell, int CostCell, double Accounts, double Arr, double CostMultiplier = 1, double ChurnMultiplier = 1,
    int Theme = -1, double ExcessKept = 1)
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
    public static CashFlow Project(IEnumerable<BookEntry> entries, Predictions predictions, MoneyAssumptions money, int months) =>
        Project(ProjectionPlan.Compile(entries), predictions, MonthlyCostPerAccount(predictions, money), money, months);

    /// <summary>Cost to serve per account and month in each cost cell.</summary>
    public static double[] MonthlyCostPerAccount(Predictions predictions, MoneyAssumptions money)
    {
        var cost = new double[predictions.Tickets.Length];
        for (var c = 0; c < cost.Length; c++) cost[c] = money.CostOf(predictions.Tickets[c], predictions.Minutes[c]) / 3;
        return cost;
    }

    public static CashFlow Project(ProjectionPlan plan, Predictions predictions, double[] monthlyCostPerAccount, MoneyAssumptions money, int months) =>
        Project(plan, new ProjectionRates(predictions, money.RenewalsPerYear), monthlyCostPerAccount, months);

    /// <summary>
    /// The projection of <paramref name="plan"/>; a plan with negative weights (a scenario's before subtracted from its
    /// after) gives the difference of the two flows directly. Groups run four at a time in vector lanes: with a lever per
    /// feedback theme there are hundreds of thousands of group-months per bootstrap replicate.
    /// </summary>
    public static CashFlow Project(ProjectionPlan plan, ProjectionRates rates, double[] monthlyCostPerAccount, int months)
    {
        var groups = plan.GroupCell.Length;
        var work = Scratch(5 * groups);
        Span<double> monthlyCost = work[..groups], survival = work.Slice(groups, groups), growth = work.Slice(2 * groups, groups), state = work[(3 * groups)..];
        monthlyCost.Clear();
        for (var i = 0; i < plan.ItemGroup.Length; i++) monthlyCost[plan.ItemGroup[i]] += plan.ItemAccounts[i] * monthlyCostPerAccount[plan.ItemCostCell[i]];
        for (var g = 0; g < groups; g++) (survival[g], growth[g]) = rates.Monthly(plan.GroupCell[g], plan.GroupMultiplier[g], plan.GroupTheme[g]);
        var flow = new CashFlow { Revenue = new double[months + 1], Cost = new double[months + 1], ArrKept = new double[months + 1], ArrTotal = new double[months + 1] };
        foreach (var arr in plan.GroupArr) { flow.ArrKept[0] += arr; flow.ArrTotal[0] += arr; }
        var vectorised = Vector256.IsHardwareAccelerated ? groups / 4 * 4 : 0;
        if (vectorised > 0) AccumulateFourAtATime(vectorised, survival, growth, monthlyCost, plan.GroupArr, state, flow, months);
        for (var g = vectorised; g < groups; g++)
        {
            var (arr, cost) = (plan.GroupArr[g], monthlyCost[g]);
            double kept = 1, total = 1;
            for (var m = 1; m <= months; m++)
            {
                kept *= survival[g];
                total *= growth[g];
                flow.Cost[m] += cost * kept;
                flow.ArrKept[m] += arr * kept;
                flow.ArrTotal[m] += arr * total;
            }
        }
        // Monthly revenue is a twelfth of the ARR on the books that month.
        for (var m = 1; m <= months; m++) flow.Revenue[m] = flow.ArrTotal[m] / 12;
        return flow;
    }

    /// <summary>
    /// Adds groups 0..<paramref name="groups"/> (a multiple of four) to the flows, four groups to a vector. Months go in
    /// blocks of four whose twelve sums stay in registers while every group passes, each group's survival and growth
    /// carried from block to block: the sums were memory-bound when each group added to 36 months' sums in memory. Each
    /// month's sum adds the same products in the same (group) order as one month at a time, so the flows are identical.
    /// </summary>
    static void AccumulateFourAtATime(int groups, Span<double> survival, Span<double> growth, Span<double> monthlyCost, double[] arr, Span<double> state,
        CashFlow flow, int months)
    {
        var vectors = groups / 4;
        var s = MemoryMarshal.Cast<double, Vector256<double>>(survival[..groups]);
        var e = MemoryMarshal.Cast<double, Vector256<double>>(growth[..groups]);
        var c = MemoryMarshal.Cast<double, Vector256<double>>(monthlyCost[..groups]);
        var a = MemoryMarshal.Cast<double, Vector256<double>>(arr.AsSpan(0, groups));
        // Each group's survival and growth so far, carried from one block of months to the next.
        var kept = MemoryMarshal.Cast<double, Vector256<double>>(state[..groups]);
        var total = MemoryMarshal.Cast<double, Vector256<double>>(state.Slice(groups, groups));
        kept.Fill(Vector256<double>.One);
        total.Fill(Vector256<double>.One);
        var m = 1;
        for (; m + 3 <= months; m += 4)
        {
            Vector256<double> c1 = default, c2 = default, c3 = default, c4 = default;
            Vector256<double> k1 = default, k2 = default, k3 = default, k4 = default;
            Vector256<double> t1 = default, t2 = default, t3 = default, t4 = default;
            for (var v = 0; v < vectors; v++)
            {
                var (sv, ev, cv, av, k, t) = (s[v], e[v], c[v], a[v], kept[v], total[v]);
                k *= sv; t *= ev; c1 += cv * k; k1 += av * k; t1 += av * t;
                k *= sv; t *= ev; c2 += cv * k; k2 += av * k; t2 += av * t;
                k *= sv; t *= ev; c3 += cv * k; k3 += av * k; t3 += av * t;
                k *= sv; t *= ev; c4 += cv * k; k4 += av * k; t4 += av * t;
                (kept[v], total[v]) = (k, t);
            }
            Add(flow, m, c1, k1, t1);
            Add(flow, m + 1, c2, k2, t2);
            Add(flow, m + 2, c3, k3, t3);
            Add(flow, m + 3, c4, k4, t4);
        }
        for (; m <= months; m++)
        {
            Vector256<double> cm = default, km = default, tm = default;
            for (var v = 0; v < vectors; v++)
            {
                var (k, t) = (kept[v] * s[v], total[v] * e[v]);
                cm += c[v] * k; km += a[v] * k; tm += a[v] * t;
                (kept[v], total[v]) = (k, t);
            }
            Add(flow, m, cm, km, tm);
        }
    }

    /// <summary>This thread's working arrays for one projection: a replicate projects some two hundred plans, each needing group-sized arrays.</summary>
    [ThreadStatic] static double[]? t_scratch;

    static Span<double> Scratch(int length)
    {
        if (t_scratch is null || t_scratch.Length < length) t_scratch = new double[Math.Max(length, 2 * (t_scratch?.Length ?? 0))];
        return t_scratch.AsSpan(0, length);
    }

    static void Add(CashFlow flow, int month, Vector256<double> cost, Vector256<double> kept, Vector256<double> total)
    {
        flow.Cost[month] += Vector256.Sum(cost);
        flow.ArrKept[month] += Vector256.Sum(kept);
        flow.ArrTotal[month] += Vector256.Sum(total);
    }

    /// <summary>ARR of <paramref name="plan"/> still on the books after <paramref name="months"/> (no expansion): the one figure a theme's excess-churn scenario reports.</summary>
    public static double ArrKeptAfter(ProjectionPlan plan, ProjectionRates rates, int months) => rates.ArrKeptAfter(plan, months);
}

/// <summary>
/// Monthly survival and growth of the accounts in a churn cell under one set of predictions: each account renews
/// <c>renewals_per_year</c> times a year and churns at a renewal with its predicted probability, spread evenly over the
/// months (survival (1 − p)^(R/12) a month); survivors expand by (1 + e·g)^(R/12) a month. Per-cell factors are
/// computed once and shared by every scenario's groups in that cell.
/// </summary>
internal sealed class ProjectionRates
{
    readonly Predictions _predictions;
    readonly double _exponent;
    readonly double[] _survival;
    readonly double[] _expansion;

    public ProjectionRates(Predictions predictions, double renewalsPerYear)
    {
        _predictions = predictions;
        _exponent = renewalsPerYear / 12;
        _survival = new double[predictions.Churn.Length];
        _expansion = new double[predictions.Churn.Length];
        Array.Fill(_survival, double.NaN);
        Array.Fill(_expansion, double.NaN);
    }

    /// <summary>Monthly survival and growth (survival × expansion) of a group in <paramref name="cell"/> with a churn multiplier, or for a theme group the share of the theme's excess churn kept.</summary>
    public (double Survival, double Growth) Monthly(int cell, double multiplier, int theme)
    {
        var survival = theme < 0 && multiplier == 1
            ? double.IsNaN(_survival[cell]) ? _survival[cell] = Math.Pow(1 - Churn(cell, multiplier, theme), _exponent) : _survival[cell]
            : Math.Pow(1 - Churn(cell, multiplier, theme), _exponent);
        if (double.IsNaN(_expansion[cell]))
            _expansion[cell] = Math.Pow(1 + _predictions.Expansion[cell] * _predictions.ExpansionRatio[cell], _exponent);
        return (survival, survival * _expansion[cell]);
    }

    /// <summary>
    /// Σ ARR × survival over <paramref name="months"/> ((1 − p)^(R·months/12), exact for whole renewals without a power
    /// function) of <paramref name="plan"/>'s groups. A theme's churn factor is worked out once per run of groups sharing
    /// theme and share kept (a scenario's groups come so), with the same arithmetic as per group.
    /// </summary>
    public double ArrKeptAfter(ProjectionPlan plan, int months)
    {
        var exponent = _exponent * months;
        var renewals = exponent == Math.Round(exponent) && exponent <= 64 ? (int)exponent : -1;
        var (theme, kept, themeFactor) = (-1, double.NaN, double.NaN);
        var sum = 0.0;
        for (var g = 0; g < plan.GroupCell.Length; g++)
        {
            var factor = plan.GroupMultiplier[g];
            if (plan.GroupTheme[g] >= 0)
            {
                if (plan.GroupTheme[g] != theme || plan.GroupMultiplier[g] != kept)
                    (theme, kept, themeFactor) = (plan.GroupTheme[g], plan.GroupMultiplier[g], _predictions.ThemeMultiplier(plan.GroupTheme[g], plan.GroupMultiplier[g]));
                factor = themeFactor;
            }
            var stays = 1 - Math.Clamp(_predictions.Churn[plan.GroupCell[g]] * factor, 0, 1);
            double survival;
            if (renewals < 0) survival = Math.Pow(stays, exponent);
            else
            {
                survival = 1.0;
                for (var i = 0; i < renewals; i++) survival *= stays;
            }
            sum += plan.GroupArr[g] * survival;
        }
        return sum;
    }

    double Churn(int cell, double multiplier, int theme)
    {
        var factor = theme < 0 ? multiplier : _predictions.ThemeMultiplier(theme, multiplier);
        return Math.Clamp(_predictions.Churn[cell] * factor, 0, 1);
    }
}

/// <summary>
/// Book entries compiled for projection: grouped by churn cell and churn multiplier (survival depends only on those),
/// with the accounts of each group per cost cell. Compiled once per scenario, projected once per bootstrap resample.
/// </summary>
internal sealed class ProjectionPlan
{
    public required int[] GroupCell { get; init; }
    /// <summary>The churn multiplier, or for a theme group the share of the theme's excess churn kept.</summary>
    public required double[] GroupMultiplier { get; init; }
    /// <summary>The theme whose excess churn the group carries, or −1.</summary>
    public required int[] GroupTheme { get; init; }
    public required double[] GroupArr { get; init; }
    public required int[] ItemGroup { get; init; }
    public required int[] ItemCostCell { get; init; }
    /// <summary>Accounts × cost multiplier of each (group, cost cell) item.</summary>
    public required double[] ItemAccounts { get; init; }

    public static ProjectionPlan Compile(IEnumerable<BookEntry> entries)
    {
        var groups = new Dictionary<(int Cell, double Multiplier, int Theme), int>();
        var cells = new List<int>();
        var multipliers = new List<double>();
        var themes = new List<int>();
        var arr = new List<double>();
        var items = new Dictionary<(int Group, int CostCell), double>();
        foreach (var e in entries)
        {
            if (e.Accounts == 0 && e.Arr == 0) continue;
            var key = (e.ChurnCell, e.Theme < 0 ? e.ChurnMultiplier : e.ExcessKept, e.Theme);
            if (!groups.TryGetValue(key, out var g))
            {
                g = groups[key] = cells.Count;
                cells.Add(key.ChurnCell);
                multipliers.Add(key.Item2);
                themes.Add(e.Theme);
                arr.Add(0);
            }
            arr[g] += e.Arr;
            items[(g, e.CostCell)] = items.GetValueOrDefault((g, e.CostCell)) + e.Accounts * e.CostMultiplier;
        }
        var keys = items.Keys.ToArray();
        return new ProjectionPlan
        {
            GroupCell = cells.ToArray(), GroupMultiplier = multipliers.ToArray(), GroupTheme = themes.ToArray(), GroupArr = arr.ToArray(),
            ItemGroup = keys.Select(k => k.Group).ToArray(), ItemCostCell = keys.Select(k => k.CostCell).ToArray(),
            ItemAccounts = keys.Select(k => items[k]).ToArray(),
        };
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
    /// <summary>The value of going from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static LeverValue Value(CashFlow before, CashFlow after, MoneyAssumptions money, double leverCost, int horizon) =>
        Value(Difference(after, before), money, leverCost, horizon, DiscountFactors(money, horizon));

    /// <summary>Discount factor of each month 0..<paramref name="months"/>: (1 + rate)^(−m/12).</summary>
    public static double[] DiscountFactors(MoneyAssumptions money, int months)
    {
        var factors = new double[months + 1];
        for (var m = 0; m <= months; m++) factors[m] = Math.Pow(1 + money.DiscountRate, -m / 12.0);
        return factors;
    }

    /// <summary>The value of a change whose flows minus the flows without it are <paramref name="delta"/>.</summary>
    public static LeverValue Value(CashFlow delta, MoneyAssumptions money, double leverCost, int horizon, double[] discount)
    {
        double revenue = 0, costSaved = 0, discounted = 0;
        var payback = double.PositiveInfinity;
        for (var m = 1; m <= horizon; m++)
        {
            var deltaRevenue = delta.Revenue[m];
            var deltaCost = delta.Cost[m];
            revenue += deltaRevenue;
            costSaved -= deltaCost;
            discounted += (money.GrossMargin * deltaRevenue - deltaCost) * discount[m];
            if (double.IsPositiveInfinity(payback) && discounted >= leverCost && (leverCost > 0 || discounted > 0)) payback = m;
        }
        var retained = delta.ArrKept[horizon];
        var expansion = delta.ArrTotal[horizon] - retained;
        var npv = discounted - leverCost;
        return new LeverValue(retained, expansion, costSaved, revenue, npv, leverCost > 0 ? npv / leverCost : double.NaN, payback);
    }

    static CashFlow Difference(CashFlow after, CashFlow before)
    {
        static double[] Minus(double[] a, double[] b) => a.Select((v, i) => v - b[i]).ToArray();
        return new CashFlow
        {
            Revenue = Minus(after.Revenue, before.Revenue), Cost = Minus(after.Cost, before.Cost),
            ArrKept = Minus(after.ArrKept, before.ArrKept), ArrTotal = Minus(after.ArrTotal, before.ArrTotal),
        };
    }
}
