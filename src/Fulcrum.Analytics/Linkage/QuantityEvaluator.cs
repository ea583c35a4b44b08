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

    static readonly string[] LeverFields = ["arr_retained", "arr_expansion", "arr_total", "cost_saved", "revenue", "npv", "roi", "payback"];

    /// <summary>Each scenario's keys per horizon, made once: a thousand replicates would otherwise format the same strings a thousand times.</summary>
    readonly System.Collections.Concurrent.ConcurrentDictionary<(string, int), string[]> _fieldKeys = new();

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

    /// <summary>Keys of the last full evaluation: a replicate's dictionary is made at that size rather than grown to it (thousands of keys with a lever per theme).</summary>
    int _evaluatedKeys;

    public Dictionary<string, double> Evaluate(LinkageCoefficients b, DescriptiveTotals totals, MoneyAssumptions? money = null, IReadOnlyList<Scenario>? scenarios = null)
    {
        var q = new Dictionary<string, double>(_evaluatedKeys, StringComparer.Ordinal);
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
        var rates = new ProjectionRates(predictions, money.RenewalsPerYear);
        var bookFlow = CashFlow.Project(_plan.BookPlan, rates, CashFlow.MonthlyCostPerAccount(predictions, money), 12);
        q["book_cost_to_serve_per_year"] = bookFlow.Cost.Sum();
        q["book_churned_arr_next_year"] = bookFlow.ArrKept[0] - bookFlow.ArrKept[12];

        Scenarios(q, predictions, rates, money, scenarios ?? _scenarios);
        _evaluatedKeys = q.Count; // a size hint only: another caller's scenarios or a race cost at most a resize
        return q;
    }

    /// <summary>Only the scenario values (for a quick re-valuation with other assumptions or lever sizes).</summary>
    public Dictionary<string, double> EvaluateScenarios(LinkageCoefficients b, MoneyAssumptions money, IReadOnlyList<Scenario> scenarios)
    {
        var q = new Dictionary<string, double>(StringComparer.Ordinal);
        var predictions = Predictions.From(_models, b, CesColumn, _d.ChurnSpace, _d.CostSpace);
        Scenarios(q, predictions, new ProjectionRates(predictions, money.RenewalsPerYear), money, scenarios);
        return q;
    }

    /// <summary>
    /// Each scenario's change projected once (its after minus its before, <see cref="Scenario.DeltaPlan"/>) on rates
    /// shared by all scenarios, then valued at every horizon; a theme's excess-churn scenario only for the ARR it retains.
    /// </summary>
    void Scenarios(Dictionary<string, double> q, Predictions predictions, ProjectionRates rates, MoneyAssumptions money, IReadOnlyList<Scenario> scenarios)
    {
        var months = _months;
        var monthlyCost = CashFlow.MonthlyCostPerAccount(predictions, money);
        var discount = LeverValuation.DiscountFactors(money, months);
        foreach (var scenario in scenarios)
        {
            if (scenario.OnlyArrRetainedAt is { } at)
            {
                q[$"scenario:{scenario.Key}:{at}:arr_retained"] = CashFlow.ArrKeptAfter(scenario.DeltaPlan, rates, at);
                continue;
            }
            var delta = CashFlow.Project(scenario.DeltaPlan, rates, monthlyCost, months);
            foreach (var h in _horizons)
            {
                var v = LeverValuation.Value(delta, money, scenario.Cost, h, discount);
                var keys = _fieldKeys.GetOrAdd((scenario.Key, h), k => LeverFields.Select(field => $"scenario:{k.Item1}:{k.Item2}:{field}").ToArray());
                q[keys[0]] = v.ArrRetained;
                q[keys[1]] = v.ArrExpansion;
                q[keys[2]] = v.ArrRetained + v.ArrExpansion;
                q[keys[3]] = v.CostSaved;
                q[keys[4]] = v.Revenue;
                q[keys[5]] = v.Npv;
                q[keys[6]] = v.Roi;
                q[keys[7]] = v.PaybackMonths;
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
