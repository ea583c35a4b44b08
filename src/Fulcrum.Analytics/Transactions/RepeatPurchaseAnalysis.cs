using System.Globalization;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Core.Statistics;
using Fulcrum.Core.Statistics.Regression;
using Fulcrum.Data.Survey;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Transactions;

/// <summary>
/// Soft → hard for a business that sells by order: does a customer order again within the window after a low score, and what
/// is moving some low scores up worth? Each scored answer with a full window of orders after it is one observation; its
/// outcome is any order within the window. A logistic model of that outcome on the score level, controlling for how many
/// orders the customer had placed before (loyal customers answer differently and reorder anyway), gives adjusted repeat rates
/// per level, standardised to all answers' mix of prior orders. Intervals resample customers (cluster bootstrap), so several
/// answers of one customer count once. Observational, not causal.
/// </summary>
public static class RepeatPurchaseAnalysis
{
    /// <summary>Above this share of resamples that cannot be fitted, the bootstrap figures are withheld.</summary>
    public const double MaxFailedShare = 0.2;

    public static RepeatPurchaseReport Run(FulcrumStore store, RepeatPurchaseOptions options)
    {
        options.Validate();
        // The rule every analysis uses, between the two scores repeat purchase levels (CES is not one).
        var answers = PrimarySurveyMetric.Choose(store);
        var soft = options.Soft ?? SurveyMetricChoice.From(answers.AnswersOf("nps"), answers.AnswersOf("csat"), 0).Metric ?? "csat";
        // The store-wide levels (Fulcrum.Data.Survey.ScoreLevels) on the store's scale: the closed loop calls the same answers dissatisfied.
        var scoreLevels = ScoreLevels.Of(store, soft);
        var names = soft == "nps"
            ? new[] { "detractors (0–6)", "passives (7–8)", "promoters (9–10)" }
            : [$"dissatisfied ({scoreLevels.UnhappyRange})", $"neutral ({scoreLevels.Points(ScoreLevels.Middle)})", $"satisfied ({scoreLevels.Points(ScoreLevels.Happy)})"];
        if (store.Count("orders") == 0)
            return Missing(soft, options, "No orders imported, so repeat purchases cannot be measured. Import them: fulcrum import orders FILE (order_id, account_id, ordered_at, amount).");
        if (store.Scalar<long>($"SELECT COUNT({soft}) FROM responses") == 0)
            return Missing(soft, options, $"No {soft.ToUpperInvariant()} answers imported, so there is no score to link to repeat purchases. Import responses with {Metrics.SurveyMetricNames.WithArticle(soft)} column.");

        var level = scoreLevels.Level;
        var rows = RepeatPurchaseData.Load(store, soft, options.WindowDays, level);
        if (rows.Count == 0)
            return Missing(soft, options, $"No scored answer has {options.WindowDays} days of orders after it yet (the last order bounds the follow-up). Use a shorter --window-days or import more recent orders.");
        var present = Enumerable.Range(0, 3).Select(l => rows.Any(r => r.Level == l)).ToArray();
        if (!present[0] || !present[2])
            return Missing(soft, options, $"The answers followed for {options.WindowDays} days hold no {(present[0] ? names[2] : names[0])}: the levels cannot be compared.");

        var assumptions = new AssumptionStore(store).Snapshot();
        var shareOfLastYear = options.LeverShare ?? assumptions["lever_size_csat_dissatisfied_to_satisfied"];
        var margin = assumptions["gross_margin"];
        var horizon = (int)Math.Round(assumptions["horizon_months"]);
        var discountRate = assumptions["discount_rate"];
        var costPerMove = assumptions["lever_cost_order_recovery"];
        var lastYear = RepeatPurchaseData.LastYearAnswers(store, soft, level);
        var moved = shareOfLastYear * lastYear[0];
        var leverCost = moved * costPerMove * horizon / 12.0;
        var presentValueOfYearlyFlow = Enumerable.Range(1, horizon).Sum(m => 1.0 / 12 / Math.Pow(1 + discountRate, m / 12.0));
        var statistic = Statistic(rows, present, moved, margin, presentValueOfYearlyFlow, leverCost);
        var point = statistic(Enumerable.Range(0, rows.Count).ToArray());
        var replicates = Bootstrap.ClusterReplicateVectors(rows.Select(r => r.AccountId).ToList(), statistic, options.Seed, options.Resamples);
        var failed = replicates.Count(v => v.Any(double.IsNaN));
        var failedShare = (double)failed / replicates.Length;
        var withheld = failedShare > MaxFailedShare;
        var customers = rows.Select(r => r.AccountId).Distinct().LongCount();
        var method = $"customer cluster bootstrap, {options.Resamples:N0} resamples (seed {options.Seed}){(failed > 0 ? $", {failedShare:P0} could not be refitted and are left out" : "")}";

        Estimate FromBootstrap(int index, string what)
        {
            if (withheld)
                return Estimate.Undefined(customers, $"{what}: withheld, {failedShare:P0} of resamples could not be refitted (more than {MaxFailedShare:P0})", options.ConfidenceLevel);
            var (lower, upper) = Bootstrap.PercentileInterval(replicates.Where(v => !v.Any(double.IsNaN)).Select(v => v[index]), options.ConfidenceLevel);
            return new Estimate(point[index], lower, upper, customers, $"{what}; {method}", options.ConfidenceLevel);
        }

        var levels = Enumerable.Range(0, 3).Where(l => present[l]).Select(l =>
        {
            var atLevel = rows.Where(r => r.Level == l).ToList();
            var observed = ProportionEstimator.Wilson(atLevel.Count(r => r.Repeated), atLevel.Count, options.ConfidenceLevel);
            return new RepeatLevel(names[l], atLevel.Count, observed,
                FromBootstrap(l, "Repeat rate standardised to all answers' prior orders (logistic model on level and prior orders)"));
        }).ToList();
        var oddsRatio = FromBootstrap(3, $"Adjusted odds of a repeat purchase, {names[0]} vs {names[2]}");
        var revenue = FromBootstrap(4, $"Net revenue (orders less refunds) in the {options.WindowDays} days after an answer, per answer followed by an order");
        var lever = new RepeatLever(
            string.Create(CultureInfo.InvariantCulture, $"Move {shareOfLastYear * 100:0.#}% of the last year's {names[0]} to {names[2]}"),
            shareOfLastYear, lastYear[0],
            FromBootstrap(5, "Extra customers ordering again within the window, per year"),
            FromBootstrap(6, "Extra net revenue per year from those repeat orders"),
            FromBootstrap(7, string.Create(CultureInfo.InvariantCulture, $"Extra gross margin per year (gross_margin {margin:0.##})")),
            horizon, leverCost,
            FromBootstrap(8, string.Create(CultureInfo.InvariantCulture, $"NPV over {horizon} months: yearly gross margin discounted monthly at {discountRate:P0} a year, less {moved:N0} answers moved a year × {costPerMove:0.##} (lever_cost_order_recovery)")),
            withheld ? double.NaN : (double)replicates.Where(v => !v.Any(double.IsNaN)).Count(v => v[8] > 0) / Math.Max(1, replicates.Length - failed));

        var warnings = new List<string>();
        if (failed > 0) warnings.Add($"{failed:N0} of {replicates.Length:N0} resamples ({failedShare:P0}) could not be refitted{(withheld ? "; the bootstrap figures are withheld" : " and are left out of the intervals")}.");
        if (oddsRatio is { IsDefined: true } or && or.Lower <= 1 && or.Upper >= 1)
            warnings.Add($"The odds ratio's interval includes 1: these data cannot tell whether {names[0]} reorder less than {names[2]}.");
        if (oddsRatio is { IsDefined: true, Value: > 1 } reversed && reversed.Lower > 1)
            warnings.Add($"Here {names[0]} reorder MORE often than {names[2]} — check how the survey was sampled (e.g. reviews asked only after repeat orders).");
        var notes = new List<string>
        {
            $"One observation per {soft.ToUpperInvariant()} answer with {options.WindowDays} days of orders after it (the last order bounds the follow-up); outcome: any order within those days.",
            "Controls: the customer's number of orders before the answer (at most 1 — usually the order reviewed —, 2, 3 or more). Observational, not causal: customers who would reorder anyway may answer higher.",
            string.Create(CultureInfo.InvariantCulture, $"Lever: {shareOfLastYear * 100:0.#}% (assumption lever_size_csat_dissatisfied_to_satisfied or --share) of the {lastYear[0]:N0} {names[0]} answers of the last 365 days behave like {names[2]}; value = extra repeat customers × net revenue per repeat × gross margin."),
        };
        return new RepeatPurchaseReport(soft, options.WindowDays, rows.Count, customers, levels, oddsRatio, revenue, lever, warnings, notes);
    }

    /// <summary>
    /// The statistics of one resample: adjusted rate per level (0–2), odds ratio lowest vs top (3), revenue per repeat (4),
    /// the lever's extra repeat customers (5), revenue (6) and margin (7) per year, and its NPV (8); NaN everywhere when the model cannot be fitted.
    /// </summary>
    static IndexVectorStatistic Statistic(List<RepeatRow> rows, bool[] present, double moved, double margin, double presentValueOfYearlyFlow, double leverCost) => indices =>
    {
        var successes = new double[3 * RepeatPurchaseData.PriorBands];
        var trials = new double[successes.Length];
        double revenue = 0, repeaters = 0;
        foreach (var i in indices)
        {
            var row = rows[i];
            var cell = row.Level * RepeatPurchaseData.PriorBands + row.PriorBand;
            trials[cell]++;
            if (!row.Repeated) continue;
            successes[cell]++;
            repeaters++;
            revenue += row.WindowRevenue;
        }
        var nan = Enumerable.Repeat(double.NaN, 9).ToArray();
        var bands = Enumerable.Range(0, RepeatPurchaseData.PriorBands).Select(b => Enumerable.Range(0, 3).Sum(l => trials[l * RepeatPurchaseData.PriorBands + b])).ToArray();
        var columns = new List<(string Name, Func<int, int, double> Value)> { ("intercept", (_, _) => 1) };
        for (var l = 0; l < 2; l++)
        {
            var level = l;
            if (!present[level]) continue;
            if (Enumerable.Range(0, RepeatPurchaseData.PriorBands).All(b => trials[level * RepeatPurchaseData.PriorBands + b] == 0)) return nan;
            columns.Add(($"level{level}", (lv, _) => lv == level ? 1 : 0));
        }
        // The first band with answers is the reference (the others are contrasts to it), so the design stays of full rank.
        var reference = Array.FindIndex(bands, b => b > 0);
        for (var b = reference + 1; b < RepeatPurchaseData.PriorBands; b++)
        {
            var band = b;
            if (bands[band] > 0) columns.Add(($"band{band}", (_, bd) => bd == band ? 1 : 0));
        }
        var design = new double[successes.Length, columns.Count];
        for (var l = 0; l < 3; l++)
            for (var b = 0; b < RepeatPurchaseData.PriorBands; b++)
                for (var c = 0; c < columns.Count; c++)
                    design[l * RepeatPurchaseData.PriorBands + b, c] = columns[c].Value(l, b);
        RegressionFit fit;
        try
        {
            fit = LogisticRegression.Fit(new GroupedData(design, successes, trials, columns.Select(c => c.Name).ToList()), firthOnSeparation: false);
        }
        catch (Exception e) when (e is ArithmeticException or ArgumentException or InvalidOperationException)
        {
            return nan;
        }
        if (!fit.Converged || fit.Separation.Detected || repeaters == 0) return nan;

        var total = bands.Sum();
        var adjusted = new double[3];
        for (var l = 0; l < 3; l++)
        {
            if (!present[l]) { adjusted[l] = double.NaN; continue; }
            double sum = 0;
            for (var b = 0; b < RepeatPurchaseData.PriorBands; b++)
            {
                var eta = 0.0;
                for (var c = 0; c < columns.Count; c++) eta += fit.Coefficients[c] * columns[c].Value(l, b);
                sum += bands[b] / total / (1 + Math.Exp(-eta));
            }
            adjusted[l] = sum;
        }
        var perRepeat = revenue / repeaters;
        var extraCustomers = moved * (adjusted[2] - adjusted[0]);
        var yearlyMargin = extraCustomers * perRepeat * margin;
        // An absent middle level is never shown; 0 rather than NaN so it does not mark the resample as failed.
        return [adjusted[0], present[1] ? adjusted[1] : 0, adjusted[2], Math.Exp(fit["level0"]), perRepeat, extraCustomers, extraCustomers * perRepeat, yearlyMargin,
            yearlyMargin * presentValueOfYearlyFlow - leverCost];
    };

    static RepeatPurchaseReport Missing(string soft, RepeatPurchaseOptions options, string reason) =>
        new(soft, options.WindowDays, 0, 0, [], Estimate.Undefined(0, reason), Estimate.Undefined(0, reason), null, [], [], reason);
}
