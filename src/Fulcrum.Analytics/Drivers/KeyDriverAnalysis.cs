using System.Globalization;
using Fulcrum.Analytics.Facts;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Drivers;

/// <summary>
/// Key-driver analysis: how much of the variation in NPS (the 0–10 answer) or CSAT each structured driver — survey
/// sub-scores, CES, service metrics, account state — accounts for, how well each performs, and where it sits in the
/// importance-vs-performance grid.
/// </summary>
/// <remarks>
/// <para>
/// <b>Rows.</b> One survey answer (or, at <see cref="DriverLevel.AccountPeriod"/>, the means of one account's answers in a
/// quarter) with the answer's own fields, the account's state when it answered and its support tickets in that quarter.
/// Rows missing the outcome or any driver are left out and counted per driver (listwise deletion).
/// </para>
/// <para>
/// <b>Importance.</b> The linear regression of the outcome on all drivers; its R² is split among them by Johnson's relative
/// weights (<see cref="RelativeWeights"/>) or the exact Shapley/LMG decomposition (<see cref="ShapleyR2"/>), from the
/// correlation matrix. The split describes association in this sample, not cause.
/// </para>
/// <para>
/// <b>Intervals.</b> Percentile bootstrap resampling accounts (all rows of a drawn account enter together, so many answers from
/// one account do not pass for independent evidence): per-account sums and cross-products are computed once in SQL, and each
/// resample is the sum of those cross-products weighted by how often each account was drawn, then one small solve
/// (<see cref="AccountMoments.Resamples"/>, the draws of <see cref="Bootstrap.ReplicateVectors"/>, fixed seed). The same resamples give
/// the intervals of R², every weight, share, correlation and mean, so they are consistent with each other.
/// </para>
/// <para>
/// <b>Performance and quadrants.</b> A driver's performance is its mean, and that mean on 0–100 between the ends of its
/// scale (the survey's, else the lowest and highest values observed) with 100 at the good end (less effort, fewer
/// tickets; for drivers without a good end — products, tenure, attributes — the end that goes with a higher outcome).
/// Quadrants split importance at the average share (100/k %) and performance at the drivers' mean performance, the usual
/// crosshairs of importance-performance analysis (Martilla J.A., James J.C. (1977) "Importance-performance analysis",
/// J. Marketing 41(1):77–79).
/// </para>
/// </remarks>
public static class KeyDriverAnalysis
{
    /// <exception cref="ArgumentException">Invalid options (unknown outcome or driver, a driver named twice, out-of-range settings).</exception>
    /// <exception cref="DriverAnalysisException">The data cannot answer: no outcome, a named driver missing or constant, perfectly collinear drivers.</exception>
    public static DriverReport Run(AnalysisFacts facts, DriverOptions options)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var outcome = DriverVariable.Resolve(options.Outcome);
        var queries = new DriverQueries(facts, options);
        var userChose = options.Predictors is not null;
        var candidates = userChose
            ? options.Predictors!.Select(DriverVariable.Resolve).ToList()
            : queries.NumericResponseAttributes().Select(k => DriverVariable.Resolve("rattr:" + k))
                .Concat(DriverVariable.DefaultPredictors.Select(DriverVariable.Resolve))
                .Where(v => !v.Name.Equals(outcome.Name, StringComparison.OrdinalIgnoreCase))
                .ToList();

        try
        {
            queries.BuildRows(outcome, candidates);
            var (outcomeRows, coverage) = queries.Coverage(candidates.Count);
            if (outcomeRows == 0)
                throw new DriverAnalysisException($"No answers have {Metrics.SurveyMetricNames.WithArticle(outcome.Name)} value{Dates(options)}: there is nothing to explain. Import responses with {outcome.Name}, or pick another --outcome.");

            var (chosen, unused, notes) = Choose(candidates, coverage, outcomeRows, userChose, options);
            if (chosen.Count == 0)
                throw new DriverAnalysisException("None of the default drivers is in the data (" + string.Join("; ", unused.Select(u => $"{u.Name}: {u.Reason}"))
                                                    + "). Name numeric drivers with --predictors, e.g. rattr:NAME or attr:NAME.");
            var drivers = chosen.Select(i => OnStoreScale(candidates[i], facts.Store)).ToList();
            var complete = queries.Complete(chosen);
            if (complete.Rows < 3 || complete.Accounts < 2)
                throw new DriverAnalysisException($"Only {complete.Rows:N0} rows from {complete.Accounts:N0} accounts have {outcome.Name} and every driver: too few for a regression.");
            var constant = drivers.Where((_, j) => !(complete.Max[j + 1] > complete.Min[j + 1])).Select(d => d.Name).ToList();
            if (!(complete.Max[0] > complete.Min[0])) constant.Insert(0, outcome.Name);
            if (constant.Count > 0)
                throw new DriverAnalysisException($"{string.Join(", ", constant)} does not vary over the {complete.Rows:N0} complete rows: drop it from --predictors.");

            var accounts = queries.PerAccount(chosen, complete.Means);
            var total = accounts.Total();
            var correlations = (total.Within ?? total.Overall).Correlations();
            if (total.Within is not null)
            {
                // Relative to the overall spread, so rounding residue of the per-account sums does not pass for variation.
                var within = total.Within;
                var still = new[] { outcome }.Concat(drivers)
                    .Where((_, i) => !(within.CentredCrossProduct(i, i) > 1e-9 * total.Overall.CentredCrossProduct(i, i))).Select(v => v.Name).ToList();
                if (still.Count > 0)
                    throw new DriverAnalysisException($"{string.Join(", ", still)} does not vary within any account (e.g. one row per account): "
                                                        + "a within-account analysis needs drivers that change over an account's answers; drop it or leave out --within-account.");
            }

            var (rxx, rxy) = RelativeWeights.Split(correlations);
            var collinearity = Collinearity.Of(rxx);
            if (double.IsPositiveInfinity(collinearity.ConditionNumber))
                throw new DriverAnalysisException($"The drivers are perfectly collinear ({Pair(drivers, collinearity)}); drop one of them.");

            var point = Statistic(total, drivers.Count, options.Method);
            var replicates = accounts.Resamples(options.Seed, options.Replicates)
                .Select(sample => Statistic(sample, drivers.Count, options.Method)).ToArray();

            var k = drivers.Count;
            var dropped = replicates.Count(r => double.IsNaN(r[0]));
            var bootstrap = $"percentile bootstrap of {accounts.Count:N0} accounts, {options.Replicates:N0} resamples (seed {options.Seed})"
                            + (dropped > 0 ? $"; {dropped} resamples where a driver did not vary dropped" : "");
            Estimate Component(int index, string method) => Summarise(point[index], replicates, index, complete.Rows, method, options.ConfidenceLevel);

            var methodName = options.Method == DriverMethod.Shapley ? "Shapley/LMG share of R²" : "Johnson relative weight";
            var results = new List<DriverResult>();
            for (var j = 0; j < k; j++)
            {
                var d = drivers[j];
                var correlation = Component(1 + 3 * k + j, (options.WithinAccount ? "Within-account correlation with " : "Pearson correlation with ") + outcome.Name + "; " + bootstrap);
                var higherIsGood = d.Direction == GoodDirection.Higher || (d.Direction == GoodDirection.WithOutcome && !(correlation.Value < 0));
                var lo = Math.Min(d.ScaleMin ?? double.PositiveInfinity, complete.Min[j + 1]);
                var hi = Math.Max(d.ScaleMax ?? double.NegativeInfinity, complete.Max[j + 1]);
                var mean = Component(1 + 2 * k + j, "Mean; " + bootstrap);
                var performance = Scale(mean, lo, hi, higherIsGood,
                    $"Mean on 0–100 between {Number(lo)} and {Number(hi)}, 100 = {(higherIsGood ? "high" : "low")}; {bootstrap}");
                results.Add(new DriverResult(d.Name, d.Description,
                    Component(1 + j, $"{methodName} (R² scale); {bootstrap}"),
                    Component(1 + k + j, $"{methodName} as % of R²; {bootstrap}"),
                    correlation, mean, performance, lo, hi,
                    GoodEnd(d, higherIsGood), collinearity.VarianceInflation[j], Quadrant.Keep));
            }

            var importanceThreshold = 100.0 / k;
            var performanceThreshold = results.Average(r => r.Performance.Value);
            results = results
                .Select(r => r with { Quadrant = Classify(r.ShareOfR2.Value >= importanceThreshold, r.Performance.Value >= performanceThreshold) })
                .OrderByDescending(r => r.Weight.Value).ToList();
            var rSquared = Component(0, $"R² of the OLS regression of {outcome.Name} on {k} driver{(k == 1 ? "" : "s")}{(options.WithinAccount ? " within accounts (account fixed effects; the share of the within-account variation explained)" : "")}; {bootstrap}");

            var missing = chosen.Select((c, j) => new MissingValues(drivers[j].Name, outcomeRows - coverage[c].Present)).Where(m => m.Rows > 0).ToList();
            var warnings = Warnings(complete.Rows, accounts.Count, outcomeRows, drivers, collinearity, results, rSquared);
            notes.AddRange(Notes(outcome, options, importanceThreshold, performanceThreshold));
            var traits = drivers.Where(d => d.Direction == GoodDirection.WithOutcome).Select(d => d.Name).ToList();
            if (traits.Count > 0)
                notes.Add($"{string.Join(", ", traits)} describe{(traits.Count == 1 ? "s" : "")} the customer rather than the service: the quadrant says where such a driver sits "
                          + "(its good end is the one that goes with a higher outcome), not that it can be fixed directly.");
            return new DriverReport(options, outcome, rSquared, complete.Rows, accounts.Count, outcomeRows, results,
                importanceThreshold, performanceThreshold, missing, unused, warnings, notes,
                ExplainedVariation.WhyNoTopDriver(rSquared, k, accounts.Count, outcome.Name));
        }
        finally
        {
            queries.Drop();
        }
    }

    /// <summary>
    /// The bootstrap statistic: [R², weights (k), shares in % (k), means (k), correlations with the outcome (k)]; NaN throughout
    /// when the sample's correlations are undefined or singular (a driver constant in the resample).
    /// </summary>
    static double[] Statistic((CrossProducts Overall, CrossProducts? Within) sample, int k, DriverMethod method)
    {
        var result = new double[1 + 4 * k];
        var (rxx, rxy) = RelativeWeights.Split((sample.Within ?? sample.Overall).Correlations());
        R2Decomposition decomposition;
        try
        {
            decomposition = method == DriverMethod.Shapley ? ShapleyR2.FromCorrelations(rxx, rxy) : RelativeWeights.FromCorrelations(rxx, rxy);
        }
        catch (ArgumentException)
        {
            Array.Fill(result, double.NaN);
            return result;
        }

        result[0] = decomposition.RSquared;
        var shares = decomposition.RescaledPercent;
        for (var j = 0; j < k; j++)
        {
            result[1 + j] = decomposition.Weights[j];
            result[1 + k + j] = shares[j];
            result[1 + 2 * k + j] = sample.Overall.Mean(j + 1);
            result[1 + 3 * k + j] = rxy[j];
        }

        return result;
    }

    static Estimate Summarise(double value, double[][] replicates, int index, long n, string method, double confidenceLevel)
    {
        var values = replicates.Select(r => r[index]).Where(v => !double.IsNaN(v)).ToArray();
        var (lower, upper) = Bootstrap.PercentileInterval(values, confidenceLevel);
        double? se = values.Length >= 2 ? SampleSummary.Of(values).StandardDeviation : null;
        return new Estimate(value, lower, upper, n, method, confidenceLevel) { StandardError = se };
    }

    /// <summary>Linear map of a mean onto 0–100 between the scale's ends, flipped when low is good.</summary>
    /// <summary>CSAT and CES on the store's scale (a mapping may declare CES 1–5 or CSAT 1–10), not the built-in default.</summary>
    static DriverVariable OnStoreScale(DriverVariable d, Fulcrum.Data.Store.FulcrumStore store) =>
        Fulcrum.Data.Survey.ScoreScales.Declarable.Contains(d.Name)
            ? Fulcrum.Data.Survey.ScoreScales.Of(store, d.Name) is var scale ? d with { ScaleMin = scale.Min, ScaleMax = scale.Max } : d
            : d;

    static Estimate Scale(Estimate mean, double lo, double hi, bool higherIsGood, string method)
    {
        double Map(double x) => higherIsGood ? 100 * (x - lo) / (hi - lo) : 100 * (hi - x) / (hi - lo);
        var (a, b) = (Map(mean.Lower), Map(mean.Upper));
        return new Estimate(Map(mean.Value), Math.Min(a, b), Math.Max(a, b), mean.N, method, mean.ConfidenceLevel)
        {
            StandardError = mean.StandardError * 100 / (hi - lo),
        };
    }

    static Quadrant Classify(bool important, bool performing) => (important, performing) switch
    {
        (true, false) => Quadrant.FixFirst,
        (true, true) => Quadrant.Keep,
        (false, false) => Quadrant.Secondary,
        _ => Quadrant.OverInvested,
    };

    static (List<int> Chosen, List<UnusedVariable> Unused, List<string> Notes) Choose(
        List<DriverVariable> candidates, (long Present, double? Min, double? Max)[] coverage, long outcomeRows, bool userChose, DriverOptions options)
    {
        var chosen = new List<int>();
        var unused = new List<UnusedVariable>();
        var notes = new List<string>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var (present, min, max) = coverage[i];
            string? reason = present == 0 ? $"no values among the {outcomeRows:N0} rows with an outcome"
                : !(max > min) ? $"does not vary (always {Number(min!.Value)})"
                : !userChose && present < DriverOptions.DefaultCoverage * outcomeRows
                    ? $"only {present:N0} of {outcomeRows:N0} rows ({100.0 * present / outcomeRows:0}%) have it; name it with --predictors to use it anyway"
                    : null;
            if (reason is null) chosen.Add(i);
            else if (userChose) throw new DriverAnalysisException($"Predictor '{candidates[i].Name}' cannot be used: {reason}.");
            else unused.Add(new UnusedVariable(candidates[i].Name, reason));
        }

        if (options.Method == DriverMethod.Shapley && chosen.Count > ShapleyR2.MaxPredictors)
        {
            foreach (var i in chosen.Skip(ShapleyR2.MaxPredictors))
                unused.Add(new UnusedVariable(candidates[i].Name, $"Shapley takes at most {ShapleyR2.MaxPredictors} drivers"));
            chosen = chosen.Take(ShapleyR2.MaxPredictors).ToList();
        }

        if (!userChose)
            notes.Add($"Drivers: the defaults found in the data ({string.Join(", ", chosen.Select(i => candidates[i].Name))}); choose others with --predictors.");
        return (chosen, unused, notes);
    }

    static List<string> Warnings(long rows, int accounts, long outcomeRows, List<DriverVariable> drivers, Collinearity collinearity,
        List<DriverResult> results, Estimate rSquared)
    {
        var warnings = new List<string>();
        var k = drivers.Count;
        var needed = 50 + 8 * k;
        if (rows < needed)
            warnings.Add($"Small sample: {rows:N0} complete rows for {k} drivers (a rule of thumb asks for at least 50 + 8k = {needed}; Green 1991). The weights are unstable; read the intervals.");
        if (accounts < 30)
            warnings.Add($"Only {accounts:N0} accounts: the account bootstrap has little to resample, so the intervals are rough.");
        if (rows < 0.7 * outcomeRows)
            warnings.Add($"{outcomeRows - rows:N0} of {outcomeRows:N0} rows ({100.0 * (outcomeRows - rows) / outcomeRows:0}%) lack a driver and are left out; if they differ from the rest, so may the result (see the missing counts).");
        if (collinearity.IsStrong || collinearity.LargestCorrelation.Value > 0.9)
        {
            var flagged = results.Where(r => r.VarianceInflation > Collinearity.VifThreshold).Select(r => $"{r.Name} VIF {r.VarianceInflation:0.0}").ToList();
            warnings.Add($"Nearly collinear drivers ({Pair(drivers, collinearity)}; condition number {collinearity.ConditionNumber:0.0}"
                         + (flagged.Count > 0 ? "; " + string.Join(", ", flagged) : "")
                         + "). Their combined weight is reliable, the split between them is not: consider keeping one.");
        }

        if (rSquared.Value < 0.02)
            warnings.Add($"The drivers explain {100 * rSquared.Value:0.0}% of the variation in the outcome: little of it is accounted for, whatever the split.");
        return warnings;
    }

    static IEnumerable<string> Notes(DriverVariable outcome, DriverOptions options, double importanceThreshold, double performanceThreshold)
    {
        yield return $"Outcome: {outcome.Description}. Rows: {(options.Level == DriverLevel.Response ? "one per answer, with the account's tickets of that quarter" : "one per account and quarter (means of its answers), with its tickets of that quarter")}.";
        if (options.WithinAccount)
            yield return "Within accounts: outcome and drivers are taken as deviations from each account's own means (the fixed-effects, or within, regression), so stable differences between accounts — segment, size, a generally happy customer — are set aside, and accounts with one row add nothing. Means and performance are still over all rows.";
        yield return options.Method == DriverMethod.Shapley
            ? "Importance: exact Shapley value (LMG) decomposition of the regression's R² — each driver's average gain in R² over all orders of entry (Lindeman, Merenda & Gold 1980; Grömping 2006)."
            : "Importance: Johnson's (2000) relative weights — the regression's R² split among correlated drivers through their closest orthogonal counterparts.";
        yield return "The weights sum to R² (shares to 100%); they describe association in these data, not cause: a driver can stand in for something it moves with.";
        yield return string.Create(CultureInfo.InvariantCulture,
            $"Quadrants: important = share ≥ {importanceThreshold:0.#}% (the average, 100/k); performing = performance ≥ {performanceThreshold:0.#} (the drivers' mean on 0–100). Fix first = important and below par; keep = important and performing; secondary = less important and below par; over-invested = less important and performing.");
        yield return string.Create(CultureInfo.InvariantCulture, $"Intervals: {options.ConfidenceLevel * 100:0.##}% percentile bootstrap resampling accounts ({options.Replicates:N0} resamples, seed {options.Seed}).");
    }

    static string GoodEnd(DriverVariable d, bool higherIsGood) => d.Direction switch
    {
        GoodDirection.Higher => "higher is better",
        GoodDirection.Lower => "lower is better",
        _ => higherIsGood ? "higher goes with a higher outcome" : "lower goes with a higher outcome",
    };

    static string Pair(List<DriverVariable> drivers, Collinearity collinearity) =>
        collinearity.LargestCorrelation.First < 0 ? "one driver"
            : string.Create(CultureInfo.InvariantCulture,
                $"{drivers[collinearity.LargestCorrelation.First].Name} and {drivers[collinearity.LargestCorrelation.Second].Name} correlate at {collinearity.LargestCorrelation.Value:0.00}");

    static string Dates(DriverOptions options) =>
        options.From is null && options.To is null ? "" : $" between {options.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "the start"} and {options.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "the end"}";

    static string Number(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
}
