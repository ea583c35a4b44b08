namespace Fulcrum.Analytics.Linkage;

/// <summary>
/// Computes every reported quantity from one set of model coefficients (and, for descriptive figures, one set of
/// account weights): the full-sample values are the estimates, and the same function on each bootstrap replicate
/// gives their intervals. Keys are stable strings such as <c>churn_rate:nps=detractor</c> or <c>scenario:KEY:24:npv</c>.
/// </summary>
internal sealed class QuantityEvaluator
{
    readonly LinkageDataset _d;
    readonly LinkageModels _models;
    readonly IReadOnlyList<Scenario> _scenarios;
    readonly MoneyAssumptions _money;
    readonly int[] _horizons;
    readonly int _months;
    readonly QuantityPlan _plan;

    public const string CesColumn = LinkageFactors.Ces;

    /// <summary>The evaluator of a prepared plan with fitted models; <paramref name="horizons"/> overrides the plan's.</summary>
    public QuantityEvaluator(QuantityPlan plan, LinkageModels models, int[]? horizons = null)
    {
        _plan = plan;
        _d = plan.Data; _scenarios = plan.Scenarios; _money = plan.Money;
        _horizons = horizons ?? plan.Horizons; _months = _horizons.Max();
        _models = models;
    }

    /// <summary>The same evaluator valuing scenarios over other horizons.</summary>
    public QuantityEvaluator WithHorizons(int[] horizons) => new(_plan, _models, horizons);

    public static IEnumerable<int> SoftFactors(CellSpace space) =>
        Enumerable.Range(0, space.Factors.Count).Where(f => space.Factors[f].Name is LinkageFactors.Nps or LinkageFactors.Csat);

    /// <summary>What the descriptive figures read from one set of cell totals (small enough to store per bootstrap replicate).</summary>
    public DescriptiveTotals Describe(LinkageModels.CellTotals totals)
    {
        var factors = _plan.TrainingCellLevels.OrderBy(f => f.Key).ToList();
        var renewals = new double[factors.Count][];
        var churned = new double[factors.Count][];
        for (var i = 0; i < factors.Count; i++)
        {
            var (f, cellLevel) = (factors[i].Key, factors[i].Value);
            var levels = _d.ChurnSpace.Factors[f].Levels.Count;
            (renewals[i], churned[i]) = (new double[levels], new double[levels]);
            for (var c = 0; c < cellLevel.Length; c++)
            {
                renewals[i][cellLevel[c]] += totals.Renewals[c];
                churned[i][cellLevel[c]] += totals.ChurnEvents[c];
            }
        }
        return new DescriptiveTotals(renewals, churned, totals.NpsQuarters, totals.NpsTickets, totals.NpsMinutes);
    }

    public Dictionary<string, double> Evaluate(LinkageCoefficients b, DescriptiveTotals totals, MoneyAssumptions? money = null, IReadOnlyList<Scenario>? scenarios = null)
    {
        var q = new Dictionary<string, double>(StringComparer.Ordinal);
        var predictions = Predictions.From(_models, b, CesColumn, _d.ChurnSpace, _d.CostSpace);
        var space = _d.ChurnSpace;
        money ??= _money;

        for (var j = 1; j < b.Churn.Length; j++) q[$"churn_or:{space.Names[j]}"] = Math.Exp(b.Churn[j]);
        Descriptive(q, totals, money);
        foreach (var (f, cells) in _plan.Counterfactual)
        {
            var factor = space.Factors[f];
            var standardized = new double[factor.Levels.Count];
            var expansion = new double[factor.Levels.Count];
            for (var level = 0; level < factor.Levels.Count; level++)
            {
                double churn = 0, expand = 0, total = 0;
                for (var c = 0; c < _plan.RenewalsPerCell.Length; c++)
                {
                    var n = _plan.RenewalsPerCell[c];
                    if (n == 0) continue;
                    churn += n * predictions.Churn[cells[level][c]];
                    expand += n * predictions.Expansion[cells[level][c]];
                    total += n;
                }
                standardized[level] = churn / total;
                expansion[level] = expand / total;
                q[$"churn_adjusted:{factor.Name}={factor.Levels[level]}"] = standardized[level];
                q[$"expansion_adjusted:{factor.Name}={factor.Levels[level]}"] = expansion[level];
            }
            for (var level = 0; level < factor.Levels.Count; level++)
                q[$"churn_ame:{factor.Name}={factor.Levels[level]}"] = standardized[level] - standardized[factor.Baseline];
        }
        if (_plan.CesPlusOne is { } plusOne)
        {
            double churn = 0, expand = 0, total = 0;
            for (var c = 0; c < _plan.RenewalsPerCell.Length; c++)
            {
                var n = _plan.RenewalsPerCell[c];
                if (n == 0) continue;
                churn += n * (predictions.Churn[plusOne[c]] - predictions.Churn[c]);
                expand += n * (predictions.Expansion[plusOne[c]] - predictions.Expansion[c]);
                total += n;
            }
            q["churn_ame_per_ces_point"] = churn / total;
            q["expansion_ame_per_ces_point"] = expand / total;
        }
        if (q.TryGetValue($"churn_adjusted:nps={LinkageFactors.Detractor}", out var det) && q.TryGetValue($"churn_adjusted:nps={LinkageFactors.Promoter}", out var pro))
            q["risk_ratio_adjusted"] = det / pro;

        for (var theme = 0; theme < b.ThemeChurnRatios.Length; theme++) q[$"theme_churn_ratio:{_d.Themes[theme].ThemeId}"] = b.ThemeChurnRatios[theme];
        q["tickets_rate_ratio_per_ces_point"] = Math.Exp(predictions.TicketsPerCesPoint);
        q["minutes_rate_ratio_per_ces_point"] = Math.Exp(predictions.MinutesPerCesPoint);
        var bookFlow = CashFlow.Project(_plan.BookPlan, predictions, CashFlow.MonthlyCostPerAccount(predictions, money), money, 12);
        q["book_cost_to_serve_per_year"] = bookFlow.Cost.Sum();
        q["book_churned_arr_next_year"] = bookFlow.ArrKept[0] - bookFlow.ArrKept[12];

        Scenarios(q, predictions, money, scenarios ?? _scenarios);
        return q;
    }

    /// <summary>Only the scenario values (for a quick re-valuation with other assumptions or lever sizes).</summary>
    public Dictionary<string, double> EvaluateScenarios(LinkageCoefficients b, MoneyAssumptions money, IReadOnlyList<Scenario> scenarios)
    {
        var q = new Dictionary<string, double>(StringComparer.Ordinal);
        Scenarios(q, Predictions.From(_models, b, CesColumn, _d.ChurnSpace, _d.CostSpace), money, scenarios);
        return q;
    }

    void Scenarios(Dictionary<string, double> q, Predictions predictions, MoneyAssumptions money, IReadOnlyList<Scenario> scenarios)
    {
        var months = _months;
        var monthlyCost = CashFlow.MonthlyCostPerAccount(predictions, money);
        foreach (var scenario in scenarios)
        {
            var from = CashFlow.Project(scenario.FromPlan, predictions, monthlyCost, money, months);
            var to = CashFlow.Project(scenario.ToPlan, predictions, monthlyCost, money, months);
            foreach (var h in _horizons)
            {
                var v = LeverValuation.Value(from, to, money, scenario.Cost, h);
                var key = $"scenario:{scenario.Key}:{h}";
                q[$"{key}:arr_retained"] = v.ArrRetained;
                q[$"{key}:arr_expansion"] = v.ArrExpansion;
                q[$"{key}:arr_total"] = v.ArrRetained + v.ArrExpansion;
                q[$"{key}:cost_saved"] = v.CostSaved;
                q[$"{key}:revenue"] = v.Revenue;
                q[$"{key}:npv"] = v.Npv;
                q[$"{key}:roi"] = v.Roi;
                q[$"{key}:payback"] = v.PaybackMonths;
            }
        }
    }

    /// <summary>Observed churn rates by soft level and their detractor/promoter ratio, and cost to serve per account-year by NPS level.</summary>
    void Descriptive(Dictionary<string, double> q, DescriptiveTotals totals, MoneyAssumptions money)
    {
        var space = _d.ChurnSpace;
        var factors = _plan.TrainingCellLevels.Keys.Order().ToList();
        for (var i = 0; i < factors.Count; i++)
        {
            var factor = space.Factors[factors[i]];
            var (renewals, churned) = (totals.Renewals[i], totals.Churned[i]);
            for (var level = 0; level < factor.Levels.Count; level++)
                q[$"churn_rate:{factor.Name}={factor.Levels[level]}"] = renewals[level] > 0 ? churned[level] / renewals[level] : double.NaN;
        }
        if (q.TryGetValue($"churn_rate:nps={LinkageFactors.Detractor}", out var det) && q.TryGetValue($"churn_rate:nps={LinkageFactors.Promoter}", out var pro))
            q["risk_ratio_descriptive"] = det / pro;

        for (var level = 0; level < totals.NpsQuarters.Length; level++)
            if (totals.NpsQuarters[level] > 0)
                q[$"cost_per_account_year:nps={LinkageFactors.NpsLevels[level]}"] = 4 * money.CostOf(totals.NpsTickets[level], totals.NpsMinutes[level]) / totals.NpsQuarters[level];
    }
}

/// <summary>
/// The descriptive part of one set of cell totals: per soft factor (in factor order) renewals and churns at each level,
/// and account-quarters, tickets and handle minutes per NPS level.
/// </summary>
internal sealed record DescriptiveTotals(double[][] Renewals, double[][] Churned, double[] NpsQuarters, double[] NpsTickets, double[] NpsMinutes);
