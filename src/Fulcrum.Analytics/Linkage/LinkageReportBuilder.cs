using Fulcrum.Core.Statistics;
using Fulcrum.Core.Statistics.Regression;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Linkage;

/// <summary>Turns a fitted linkage into the report: estimates with intervals, labels and warnings.</summary>
internal static class LinkageReportBuilder
{
    const int MinimumRenewalsPerLevel = 30;

    public static LinkageReport Build(LinkageDataset d, LinkageModels models, Book book, Figures figures, ModelQuality quality,
        IReadOnlyDictionary<string, double> assumptions, int[] horizons)
    {
        var space = d.ChurnSpace;
        var softFactors = QuantityEvaluator.SoftFactors(space).ToList();
        var controls = Enumerable.Range(0, space.Factors.Count).Except(softFactors).Select(f => space.Factors[f].Name).ToList();
        var softNames = softFactors.Select(f => space.Factors[f].Name).Concat(space.NumericColumns).ToList();
        var adjusted = $"adjusted for {string.Join(", ", controls)}{(softNames.Count > 1 ? " and the other soft metrics" : "")} (logistic model, standardized)";
        long renewals = d.EventCell.Length, bookAccounts = book.Accounts.Count;

        var levels = new List<LevelEffect>();
        foreach (var f in softFactors)
        {
            var factor = space.Factors[f];
            for (var l = 0; l < factor.Levels.Count; l++)
            {
                long n = 0, churned = 0;
                for (var i = 0; i < d.EventCell.Length; i++)
                    if (space.LevelsOf(d.EventCell[i])[f] == l) { n++; if (d.Churned[i]) churned++; }
                var key = $"{factor.Name}={factor.Levels[l]}";
                var exact = ProportionEstimator.ClopperPearson(churned, n, figures.ConfidenceLevel) with { Method = "descriptive: exact Clopper–Pearson interval, renewals treated as independent" };
                var withheld = factor.Separated.Contains(l) ? SeparatedReason(factor, l, n, churned) : null;
                Estimate Modelled(string quantity, string basis) => withheld is not null
                    ? Estimate.Undefined(renewals, withheld, figures.ConfidenceLevel)
                    : figures.Estimate($"{quantity}:{key}", renewals, basis);
                levels.Add(new LevelEffect(factor.Name, factor.Levels[l], l == factor.Baseline, n, churned,
                    withheld is null ? figures.Estimate($"churn_rate:{key}", n, "descriptive: observed churn rate at renewal") : exact,
                    exact,
                    Modelled("churn_adjusted", adjusted),
                    Modelled("churn_ame", $"average marginal effect vs {factor.Levels[factor.Baseline]}, {adjusted}"),
                    models.Expansion is null
                        ? Estimate.Undefined(renewals, NoExpansion, figures.ConfidenceLevel)
                        : Modelled("expansion_adjusted", adjusted.Replace("logistic model", "logistic expansion model", StringComparison.Ordinal)),
                    withheld));
            }
        }

        var separatedTerms = space.Factors.SelectMany(f => f.Separated.Select(l => (Term: f.Column(l), Reason: SeparatedReason(f, l, d))))
            .ToDictionary(t => t.Term, t => t.Reason, StringComparer.Ordinal);
        var ratios = models.Churn.Names.Skip(1).Select(name => separatedTerms.TryGetValue(name, out var reason)
            ? new RatioEffect(name, Estimate.Undefined(renewals, reason, figures.ConfidenceLevel), Estimate.Undefined(renewals, reason, figures.ConfidenceLevel), reason)
            : new RatioEffect(name,
                models.Churn.Wald(name, Math.Exp, figures.ConfidenceLevel) with { Method = $"odds ratio, {MethodOf(models.Churn)}, Wald interval" },
                figures.Estimate($"churn_or:{name}", renewals, "odds ratio"), null)).ToList();

        Estimate? lostPerDetractor = null;
        var lostKey = $"scenario:{LinkageAnalysis.DetractorVsPromoter}:12:arr_retained";
        if (figures.Has(lostKey) && bookAccounts > 0 && d.HasArr)
            lostPerDetractor = Scale(figures.Estimate(lostKey, bookAccounts, $"ARR churned in 12 months per account if it were a detractor rather than a promoter, {adjusted}"), -1.0 / bookAccounts);

        // Without a book (no account holds a product) there is nothing for a point of NPS to be worth: absent, not $0.
        var npsPoint = d.HasArr && bookAccounts > 0 && figures.Has($"scenario:{LinkageAnalysis.OneNpsPoint}:12:npv")
            ? horizons.Select(h => new MoneyAtHorizon(h,
                figures.Estimate($"scenario:{LinkageAnalysis.OneNpsPoint}:{h}:arr_total", bookAccounts, "ARR on the books at the horizon from +1 point of account NPS (1% of accounts one category up)"),
                figures.Estimate($"scenario:{LinkageAnalysis.OneNpsPoint}:{h}:npv", bookAccounts, "NPV of +1 point of account NPS (margin on revenue + cost to serve, discounted)"))).ToList()
            : [];

        var costByNps = LinkageFactors.NpsLevels.Where(l => d.HasTickets && figures.Has($"cost_per_account_year:nps={l}"))
            .Select(l => new CostByLevel(l, figures.Estimate($"cost_per_account_year:nps={l}", d.ServiceCell.Length, "descriptive: cost to serve per account-year among account-quarters at this NPS level")))
            .ToList();

        return new LinkageReport(
            new LinkageDataSummary(d.Accounts, d.EventCell.Length, d.Churned.Count(c => c), d.Expanded.Count(e => e), (int)d.Quarters.Sum(), book.Accounts.Count, book.TotalArr,
                Median(book.Accounts.Where(a => a.CesAnswers > 0).Select(a => d.CesCalibration.Reliability(a.CesAnswers)))),
            softNames,
            controls,
            Summaries(models),
            ratios,
            levels,
            figures.Has("risk_ratio_descriptive") ? figures.Estimate("risk_ratio_descriptive", renewals, "descriptive: detractor churn rate / promoter churn rate") : null,
            figures.Has("risk_ratio_adjusted") ? figures.Estimate("risk_ratio_adjusted", renewals, $"detractor / promoter churn, {adjusted}") : null,
            figures.Has("churn_ame_per_ces_point") ? figures.Estimate("churn_ame_per_ces_point", renewals, $"change in churn probability per CES point (calibrated), {adjusted}") : null,
            models.Expansion is not null && figures.Has("expansion_ame_per_ces_point") ? figures.Estimate("expansion_ame_per_ces_point", renewals, $"change in expansion probability per CES point (calibrated), {adjusted}") : null,
            lostPerDetractor,
            npsPoint,
            costByNps,
            models.Tickets is null ? null : figures.Estimate("tickets_rate_ratio_per_ces_point", d.ServiceCell.Length, "tickets per account-quarter, rate ratio per CES point (log-linear, CES corrected for measurement error), adjusted for segment, tenure, products, size"),
            models.Minutes is null ? null : figures.Estimate("minutes_rate_ratio_per_ces_point", d.ServiceCell.Length, "handle minutes per account-quarter, rate ratio per CES point (log-linear, CES corrected for measurement error), adjusted for segment, tenure, products, size"),
            d.Themes.Select((t, i) => ThemeChurnOf(t, i, d, book, figures)).OrderByDescending(t => t.ChurnRatio.Value).ToList(),
            !d.HasTickets ? Estimate.Undefined(bookAccounts, NoTickets, figures.ConfidenceLevel)
            : bookAccounts == 0 ? Estimate.Undefined(0, NoBook, figures.ConfidenceLevel)
            : figures.Estimate("book_cost_to_serve_per_year", bookAccounts, "predicted cost to serve of today's book over the next 12 months"),
            !d.HasArr ? Estimate.Undefined(bookAccounts, NoArr, figures.ConfidenceLevel)
            : bookAccounts == 0 ? Estimate.Undefined(0, NoBook, figures.ConfidenceLevel)
            : figures.Estimate("book_churned_arr_next_year", bookAccounts, "predicted ARR churned from today's book over the next 12 months"),
            quality,
            figures.Bootstrap.Replicates.Count + figures.Bootstrap.Failed,
            figures.Bootstrap.Failed,
            Warnings(d, models, book, levels, figures),
            assumptions.OrderBy(a => a.Key, StringComparer.Ordinal)
                .Select(a => new AssumptionUsed(a.Key, a.Value, DefaultAssumptions.Find(a.Key)?.Unit ?? "")).ToList())
        {
            SoftMetricChoice = d.SoftChoice,
        };
    }

    static ThemeChurn ThemeChurnOf(LinkageTheme t, int index, LinkageDataset d, Book book, Figures figures)
    {
        var raising = book.Accounts.Count(a => a.Themes.Contains(index));
        var atRiskKey = $"scenario:{LinkageAnalysis.ThemeExcessPrefix}{t.ThemeId}:{LinkageAnalysis.ThemeAtRiskMonths}:arr_retained";
        var ratioKey = $"theme_churn_ratio:{t.ThemeId}";
        var replicates = figures.Bootstrap.Replicates.Select(r => r.GetValueOrDefault(ratioKey, double.NaN)).Where(double.IsFinite).ToList();
        // As for the intervals, fewer than 20 usable resamples, or a model not identified in most resamples, give no p-value.
        var total = figures.Bootstrap.Replicates.Count + figures.Bootstrap.Failed;
        var pValue = replicates.Count < 20 || LinkageBootstrap.TooManyFailed(total, total - replicates.Count) ? double.NaN
            : (replicates.Count(r => r <= 1) + 1.0) / (replicates.Count + 1);
        return new ThemeChurn(t.ThemeId, t.Label, t.Events.Length, t.Events.Count(i => d.Churned[i]),
            figures.Estimate($"theme_churn_ratio:{t.ThemeId}", t.Events.Length, "observed / model-predicted churn of renewals by accounts that raised the theme in the year before (adjusted for NPS, CES, the controls and the other themes they raised: one model of every theme, ridge prior on each theme's log-odds)"),
            raising,
            figures.Has(atRiskKey) && d.HasArr && book.Accounts.Count > 0 ? figures.Estimate(atRiskKey, raising, "ARR lost over the next 12 months by today's accounts that raised the theme in the last year, through churn beyond what their scores, profile and other themes predict (observed / predicted churn of earlier renewals after the theme)") : null,
            pValue);
    }

    internal const string NoTickets = "no support tickets on record, so cost to serve cannot be modelled; import them (fulcrum import tickets FILE)";

    internal const string NoArr = "no ARR on record (outcomes without arr_before, no subscription ARR), so retention cannot be valued in money; "
        + "churn is reported as counts and rates. A business that sells by order values repeat purchase from its orders (fulcrum repeat-purchase)";

    /// <summary>Why money figures on today's book are absent when no account holds a product on the last day of data.</summary>
    internal const string NoBook = LinkageReport.NoBook;

    internal const string NoExpansion = "no expansion outcomes on record, so expansion cannot be modelled; import outcomes of kind expansion to value it";

    static string SeparatedReason(Factor factor, int level, long renewals, long churned) =>
        $"withheld: all {renewals:N0} renewals at {factor.Name} = {factor.Levels[level]} {(churned == 0 ? "stayed" : "churned")} (separation), so its odds ratio, "
        + "adjusted rate and effect are not identified; the exact rate is shown";

    static string SeparatedReason(Factor factor, int level, LinkageDataset d)
    {
        var f = d.ChurnSpace.FactorIndex(factor.Name);
        long n = 0, churned = 0;
        for (var i = 0; i < d.EventCell.Length; i++)
            if (d.ChurnSpace.LevelsOf(d.EventCell[i])[f] == level) { n++; if (d.Churned[i]) churned++; }
        return SeparatedReason(factor, level, n, churned);
    }

    static string MethodOf(RegressionFit fit) => fit.Method == FitMethod.Firth ? "Firth penalized likelihood (separation)" : "maximum likelihood";

    static IReadOnlyList<ModelSummary> Summaries(LinkageModels m)
    {
        var list = new List<ModelSummary> { Summary("churn", "churn at a renewal decision (logistic)", m.Churn) };
        if (m.Expansion is not null) list.Add(Summary("expansion", "expansion at a renewal that did not churn (logistic)", m.Expansion));
        // Its exposure is dollars of ARR; n is the expanding renewals it is fitted on.
        if (m.Amount is not null) list.Add(Summary("expansion amount", "expansion ARR per dollar of ARR among expanders (log-linear)", m.Amount) with { Observations = m.FullTotals.Expansions.Sum() });
        if (m.Tickets is not null) list.Add(Summary("tickets", "tickets per account-quarter (log-linear)", m.Tickets));
        if (m.Minutes is not null) list.Add(Summary("handle minutes", "handle minutes per account-quarter (log-linear)", m.Minutes));
        return list;
    }

    static ModelSummary Summary(string name, string outcome, RegressionFit fit) =>
        new(name, outcome, MethodOf(fit), fit.Observations, fit.Coefficients.Length - fit.HeldAtZero.Count, fit.Converged, fit.Separation.Detected ? fit.Separation.Explanation : null)
        {
            NotEstimated = fit.HeldAtZero.Count == 0 ? null
                : $"the data hold nothing about {string.Join(", ", fit.NamesHeldAtZero)} in the {name} model, so it is taken as the baseline's, not estimated",
        };

    /// <summary>Multiplies an estimate by a constant; a negative factor swaps the bounds.</summary>
    internal static Estimate Scale(Estimate e, double factor)
    {
        var (a, b) = (e.Lower * factor, e.Upper * factor);
        return e with { Value = e.Value * factor, Lower = Math.Min(a, b), Upper = Math.Max(a, b), StandardError = e.StandardError * Math.Abs(factor) };
    }

    static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }

    static IReadOnlyList<string> Warnings(LinkageDataset d, LinkageModels models, Book book, IReadOnlyList<LevelEffect> levels, Figures figures)
    {
        var warnings = new List<string>();
        foreach (var model in Summaries(models).Where(m => !m.Converged))
            warnings.Add($"The {model.Name} model ({model.Method}) did not converge: its point estimates are approximate and every figure built on them "
                + "(effects, levers) should be read with that caveat. Fewer soft metrics or controls (--soft, --controls), or more renewals, may let it converge.");
        if (models.Churn.Separation.Detected)
            warnings.Add($"{models.Churn.Separation.Explanation} Fulcrum fits Firth's penalized model instead, withholds the odds ratio, adjusted rate and effect of every separated level "
                + "and shows their exact churn rates (Clopper–Pearson) instead.");
        var churns = d.Churned.Count(c => c);
        var parameters = models.Churn.Coefficients.Length - 1;
        if (parameters > 0 && churns < 10.0 * parameters)
            warnings.Add($"Only {churns:N0} churns for {parameters} model terms (fewer than 10 per term): adjusted effects are imprecise; prefer the descriptive rates.");
        foreach (var level in levels.Where(l => l.Renewals < MinimumRenewalsPerLevel))
            warnings.Add($"Small n: {level.Metric} = {level.Level} has {level.Renewals:N0} renewals; its churn rate and effect are unreliable.");
        var overlap = Overlap(d);
        if (overlap is { } share && share < 0.8)
            warnings.Add($"Poor overlap: only {share:P0} of detractor and promoter renewals fall in segment/tenure/product/size groups where both categories renew; the adjusted detractor vs promoter comparison extrapolates from the model's additive form there.");
        var total = figures.Bootstrap.Failed + figures.Bootstrap.Replicates.Count;
        if (LinkageBootstrap.TooManyFailed(total, figures.Bootstrap.Failed))
            warnings.Add($"{figures.Bootstrap.Failed:N0} of {total:N0} bootstrap resamples ({(double)figures.Bootstrap.Failed / total * 100:0}%) could not be refitted (the models are not identified without a rare level): "
                + "every bootstrap interval is withheld rather than taken from the survivors; the point estimates stand without one.");
        else if (figures.Bootstrap.Failed > 0.01 * total)
            warnings.Add($"{figures.Bootstrap.Failed:N0} of {total:N0} bootstrap resamples ({(double)figures.Bootstrap.Failed / total * 100:0}%) could not be refitted (a rare level vanished from the resample); intervals use the other {figures.Bootstrap.Replicates.Count:N0}.");
        if (d.ChurnSpace.FactorIndex(LinkageFactors.Nps) < 0)
            warnings.Add(d.Answered.Contains(SoftMetric.Nps) && !d.Soft.Contains(SoftMetric.Nps)
                ? $"NPS is not in the model ({(d.SoftChoice is { } chosen ? $"the renewals' survey metric is {chosen}" : "--soft left it out")}): NPS effects and the value of an NPS point are not estimated."
                : "No NPS answers in the year before renewals: NPS effects and the value of an NPS point cannot be estimated.");
        if (d.Soft.Contains(SoftMetric.Csat) && d.ChurnSpace.FactorIndex(LinkageFactors.Csat) < 0)
            warnings.Add("CSAT was asked for but no CSAT answers precede renewals: CSAT is left out of the model.");
        if (d.Soft.Contains(SoftMetric.Ces) && !d.ChurnSpace.NumericColumns.Contains(LinkageFactors.Ces))
            warnings.Add("CES was asked for but no CES answers are on record: CES is left out of the model, and the effort lever cannot be valued. Import survey responses with a ces column.");
        if (!d.HasTickets)
            warnings.Add("No support tickets on record: cost to serve is not modelled, and the contact and effort levers cannot be valued. Import tickets (fulcrum import tickets FILE).");
        if (models.Expansion is null)
            warnings.Add("No expansion at any renewal on record: expansion is not modelled (shown as absent, not zero). Import outcomes of kind expansion to value it.");
        if (d.UnvaluedExpansions is > 0 and var unvalued)
            warnings.Add($"{unvalued:N0} expansion{(unvalued == 1 ? "" : "s")} without ARR (no arr_before or arr_after on record) {(unvalued == 1 ? "is" : "are")} counted as expansion{(unvalued == 1 ? "" : "s")} but not valued: "
                + (models.Amount is null
                    ? "no expansion carries ARR, so the expansion amount is not modelled (absent, not $0)."
                    : "the expansion amount model reads only the expansions with ARR before and after."));
        if (!d.HasArr)
            warnings.Add("No ARR on record (outcomes were imported without arr_before and no subscription carries ARR): churn and renewal are shown as counts "
                + "and rates, and no lever is valued through retention. Money comes from orders where there are any (fulcrum repeat-purchase).");
        if (book.Accounts.Count == 0)
            warnings.Add("No account holds a product on the last day of data, so there is no book to value: its money figures (levers, book churn and cost to serve) are absent, not zero. "
                + "Import subscriptions (fulcrum import subscriptions FILE).");
        return warnings;
    }

    /// <summary>Share of detractor and promoter renewals in control groups (segment, tenure, products, size) where both categories renew.</summary>
    static double? Overlap(LinkageDataset d)
    {
        var space = d.ChurnSpace;
        var nps = space.FactorIndex(LinkageFactors.Nps);
        if (nps < 0) return null;
        int det = space.Factors[nps].IndexOf(LinkageFactors.Detractor), pro = space.Factors[nps].IndexOf(LinkageFactors.Promoter);
        if (det < 0 || pro < 0) return null;
        var controls = Enumerable.Range(0, space.Factors.Count).Except(QuantityEvaluator.SoftFactors(space)).ToArray();
        var counts = new Dictionary<string, (int Det, int Pro)>();
        foreach (var cell in d.EventCell)
        {
            var levels = space.LevelsOf(cell);
            if (levels[nps] != det && levels[nps] != pro) continue;
            var key = string.Join(",", controls.Select(c => levels[c]));
            var t = counts.GetValueOrDefault(key);
            counts[key] = levels[nps] == det ? (t.Det + 1, t.Pro) : (t.Det, t.Pro + 1);
        }
        double total = counts.Values.Sum(t => t.Det + t.Pro);
        if (total == 0) return null;
        double covered = counts.Values.Where(t => t.Det > 0 && t.Pro > 0).Sum(t => t.Det + t.Pro);
        return covered / total;
    }
}
