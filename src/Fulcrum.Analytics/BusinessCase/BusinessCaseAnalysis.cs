using System.Globalization;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Analytics.Themes;
using Fulcrum.Core.Statistics;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.BusinessCase;

/// <summary>A fitted business case: the linkage run and the levers valued on it, ready to re-value with other inputs.</summary>
public sealed class BusinessCaseRun
{
    internal BusinessCaseRun(LinkageRun linkage, IReadOnlyList<(Lever Lever, ScenarioDefinition? Scenario)> levers, IReadOnlyDictionary<string, ThemeKind> themeKinds,
        BusinessCaseReport report)
    {
        Linkage = linkage;
        Levers = levers;
        ThemeKinds = themeKinds;
        Report = report;
    }

    public LinkageRun Linkage { get; }
    /// <summary>Each theme's kind (problem or strength): only problems have a "Fix theme" lever.</summary>
    public IReadOnlyDictionary<string, ThemeKind> ThemeKinds { get; }
    internal IReadOnlyList<(Lever Lever, ScenarioDefinition? Scenario)> Levers { get; }
    public BusinessCaseReport Report { get; }
}

/// <summary>
/// The business case: every lever as Δ churned ARR + Δ expansion ARR + Δ cost to serve over 12/24/36 months and the
/// chosen horizon, discounted, against its cost → NPV, ROI and payback, with account-bootstrap intervals; ranked by the
/// lower bound of the NPV interval (<see cref="LeverRanking"/>);
/// the top levers' sensitivity to each assumption.
/// </summary>
public static class BusinessCaseAnalysis
{
    const int SensitivityLevers = 3;

    public static BusinessCaseRun Run(AnalysisFacts facts, LinkageOptions options, IProgress<LinkageProgress>? progress = null)
    {
        var levers = new BusinessCaseLevers();
        // The themes' kinds come from their own bootstrap, worked out while the linkage loads and fits.
        var kinds = ThemeImpactAnalysis.Kinds(facts.Store, options.Resamples);
        var linkage = LinkageAnalysis.Run(facts, options, new AssumptionStore(facts.Store).Snapshot(), levers.Build, progress);
        return On(linkage, levers, options, kinds.GetAwaiter().GetResult());
    }

    /// <summary>
    /// The business case read off a linkage fit that valued <paramref name="levers"/> (another analysis's, e.g. analyze's
    /// theme impact): its figures at <paramref name="options"/>' confidence level, no reload, no refit. The fit must have
    /// been made with the same options otherwise (resamples, seed, folds, soft metrics), so the figures are exactly those of
    /// <see cref="Run"/>.
    /// </summary>
    /// <param name="themeKinds">Each theme's kind, as the theme impact decided it (<see cref="ThemeImpactReport.Kinds"/>): a strength gets no "Fix theme" lever.</param>
    public static BusinessCaseRun On(LinkageRun linkage, BusinessCaseLevers levers, LinkageOptions options, IReadOnlyDictionary<string, ThemeKind> themeKinds)
    {
        if (!levers.ValuedBy(linkage)) throw new ArgumentException("The linkage run did not value these levers: pass them to its fit as scenarios.", nameof(levers));
        if (linkage.Options with { ConfidenceLevel = options.ConfidenceLevel } != options)
            throw new ArgumentException("The linkage run was fitted with other options than the business case asks for.", nameof(options));
        var run = linkage.AtConfidenceLevel(options.ConfidenceLevel);
        var offered = LeverCatalog.WithoutStrengths(levers.Levers, themeKinds);
        return new BusinessCaseRun(run, offered, themeKinds, Build(run, offered, run.Figures, run.Assumptions));
    }

    /// <summary>
    /// Re-values the levers with other assumptions (sizes, costs, margin, rates) on the already fitted models and their
    /// bootstrap replicates: intervals included, no refit (what the dashboard's sliders call).
    /// </summary>
    public static BusinessCaseReport Revalue(BusinessCaseRun run, IReadOnlyDictionary<string, double> overrides)
    {
        var linkage = run.Linkage;
        foreach (var (name, value) in overrides)
            if (DefaultAssumptions.Problem(name, value) is { } problem) throw new ArgumentException(problem);
        var assumptions = linkage.Assumptions.ToDictionary(a => a.Key, a => a.Value);
        foreach (var (name, value) in overrides) assumptions[name] = value;
        var money = MoneyAssumptions.From(assumptions);
        var levers = LeverCatalog.WithoutStrengths(LeverCatalog.Build(new LinkageContext(linkage.Data, linkage.Book, assumptions)), run.ThemeKinds);
        var scenarios = levers.Where(l => l.Scenario is not null).Select(l => l.Scenario!.Scenario).ToList();
        var horizons = linkage.Horizons.Append((int)Math.Round(assumptions["horizon_months"])).Distinct().Order().ToArray();
        var evaluator = linkage.Evaluator.WithHorizons(horizons);
        var point = evaluator.EvaluateScenarios(linkage.Models.Coefficients, money, scenarios);
        var replicates = linkage.Figures.Bootstrap.Coefficients.AsParallel().AsOrdered()
            .Select(b => evaluator.EvaluateScenarios(b, money, scenarios)).ToList();
        var figures = new Figures(point, linkage.Figures.Bootstrap with { Replicates = replicates }, linkage.Figures.ConfidenceLevel);
        var relinked = linkage.With(assumptions, money, horizons);
        return Build(relinked, levers, figures, assumptions);
    }

    static BusinessCaseReport Build(LinkageRun linkage, IReadOnlyList<(Lever Lever, ScenarioDefinition? Scenario)> levers, Figures figures,
        IReadOnlyDictionary<string, double> assumptions)
    {
        var horizon = (int)Math.Round(assumptions["horizon_months"]);
        var n = (long)linkage.Book.TotalAccounts;
        var hasTickets = linkage.Data.HasTickets;
        var hasExpansion = linkage.Models.Expansion is not null;
        var hasArr = linkage.Data.HasArr;
        var valued = levers.Where(l => l.Scenario is not null).Select(l =>
        {
            var horizons = linkage.Horizons.Select(h => Horizon(figures, l.Lever.Id, h, n, hasTickets, hasExpansion, hasArr)).ToList();
            return (l.Lever, Horizons: horizons);
        });
        var ranked = LeverRanking.Rank(valued, l => l.Horizons.First(h => h.Months == horizon));
        var results = ranked.Select((l, i) => new LeverResult(i + 1, l.Lever, l.Horizons, Sentence(l.Lever, l.Horizons.First(h => h.Months == horizon), figures.ConfidenceLevel))).ToList();
        var sensitivity = results.Take(SensitivityLevers).Select(r => Tornado(linkage, r, assumptions, horizon)).ToList();
        var warnings = linkage.Report.Warnings.ToList();
        var unavailable = levers.Where(l => l.Scenario is null).Select(l => l.Lever).ToList();
        // One reason shared by every lever (e.g. no book) is said once, not once per lever.
        var reasons = unavailable.Select(l => l.Unavailable ?? "").Distinct().ToList();
        var headline = LeverRanking.Headline(results, horizon, figures.ConfidenceLevel,
            reasons is [{ Length: > 0 }] ? reasons : unavailable.Select(l => $"{l.Title}: {l.Unavailable}"));
        // A headline resting on a fit that did not converge, or on a bootstrap most of whose resamples failed, says so.
        if (linkage.Report.FitCaution is { } caution) headline += $" Caution: {caution}.";
        return new BusinessCaseReport(horizon, figures.ConfidenceLevel, headline, results, unavailable,
            sensitivity,
            assumptions.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new AssumptionUsed(a.Key, a.Value, DefaultAssumptions.Find(a.Key)?.Unit ?? "")).ToList(),
            warnings, linkage.Report);
    }

    static LeverHorizon Horizon(Figures figures, string id, int months, long n, bool hasTickets, bool hasExpansion, bool hasArr)
    {
        // Without ARR on record the ARR and revenue figures are absent with the reason, not $0 ($0 to $0).
        Estimate E(string field, string what) => !hasArr && field is "arr_retained" or "arr_expansion" or "arr_total" or "revenue"
            ? Estimate.Undefined(n, LinkageReportBuilder.NoArr, figures.ConfidenceLevel)
            : figures.Estimate($"scenario:{id}:{months}:{field}", n, what);
        var npvKey = $"scenario:{id}:{months}:npv";
        var npvs = figures.Bootstrap.Replicates.Select(r => r.GetValueOrDefault(npvKey, double.NaN)).Where(v => !double.IsNaN(v)).ToList();
        var npv = E("npv", "net present value: discounted gross margin on extra revenue + cost saved − lever cost");
        // A payback that never comes is no number of months: undefined with the reason, not +∞ with isDefined true.
        var payback = E("payback", "months until discounted benefits cover the lever cost");
        var never = double.IsPositiveInfinity(payback.Value);
        if (never)
            payback = Estimate.Undefined(n, $"never pays back within the {months}-month horizon: the discounted benefits do not cover the lever cost", figures.ConfidenceLevel);
        return new LeverHorizon(months,
            E("arr_retained", "ARR kept on the books at the horizon (lower churn)"),
            hasExpansion ? E("arr_expansion", "extra expansion ARR at the horizon") : Estimate.Undefined(n, LinkageReportBuilder.NoExpansion, figures.ConfidenceLevel),
            E("arr_total", hasExpansion ? "ARR gained at the horizon (retained + expansion)" : "ARR gained at the horizon (retained only: no expansion on record)"),
            hasTickets ? E("cost_saved", "cost to serve avoided over the horizon") : Estimate.Undefined(n, LinkageReportBuilder.NoTickets, figures.ConfidenceLevel),
            E("revenue", "extra revenue over the horizon"),
            npv,
            E("roi", "NPV / lever cost"),
            payback,
            npv.IsDefined && !double.IsNaN(npv.Lower) && npvs.Count > 0 ? (double)npvs.Count(v => v > 0) / npvs.Count : double.NaN) { NeverPaysBack = never };
    }

    internal static string Sentence(Lever lever, LeverHorizon h, double confidenceLevel)
    {
        var ci = $"{confidenceLevel * 100:0}% CI";
        var c = CultureInfo.InvariantCulture;
        if (!h.Npv.IsDefined) return $"{lever.Title}: its value is withheld ({h.Npv.Method}).";
        var arr = h.ArrTotal;
        string Interval(Estimate e) => double.IsNaN(e.Lower) ? "no interval" : $"{ci} {MoneyFormat.Short(e.Lower)}–{MoneyFormat.Short(e.Upper)}";
        var saves = $"saves {MoneyFormat.Short(h.CostSaved.Value)} in cost to serve over {h.Months} months ({Interval(h.CostSaved)})";
        // A lever that only changes cost to serve moves no ARR: say what it does, not "$0 ARR". Without tickets no saving is claimed.
        var worth = (!arr.IsDefined || arr.Value == 0 && arr.Lower == 0 && arr.Upper == 0) && h.CostSaved.IsDefined
            ? $"{lever.Title} {saves}"
            : $"{lever.Title} is worth {MoneyFormat.Short(arr.Value)} ARR over {h.Months} months ({Interval(arr)}"
              + (arr.Contains(0) ? ", not distinguishable from zero)" : ")")
              + (h.CostSaved.IsDefined && Math.Abs(h.CostSaved.Value) >= 0.25 * Math.Abs(arr.Value) ? $" and {saves}" : "");
        var payback = h.NeverPaysBack
            ? $"it does not pay back within {h.Months} months"
            : string.Create(c, $"it pays back in {h.PaybackMonths.Value:0} months");
        var chance = double.IsNaN(h.ProbabilityNpvPositive) ? "" : string.Create(c, $" (positive in {h.ProbabilityNpvPositive * 100:0}% of resamples)");
        var significance = double.IsNaN(h.Npv.Lower) ? " The NPV has no interval."
            : h.Npv.Lower > 0 ? "" : h.Npv.Upper < 0 ? " The NPV is negative with confidence at this cost." : $" The NPV interval includes zero{chance}.";
        return $"{worth}; against a cost of {MoneyFormat.Short(lever.Cost)} the NPV is {MoneyFormat.Short(h.Npv.Value)} ({Interval(h.Npv)}) and {payback}.{significance}";
    }

    /// <summary>One-at-a-time sensitivity of the lever's NPV (point estimate) to each assumption between a low and a high value.</summary>
    static LeverSensitivity Tornado(LinkageRun linkage, LeverResult result, IReadOnlyDictionary<string, double> assumptions, int horizon)
    {
        var lever = result.Lever;
        var ranges = new List<(string Name, double Low, double High)>
        {
            ("gross_margin", Math.Max(0.01, assumptions["gross_margin"] - 0.1), Math.Min(1, assumptions["gross_margin"] + 0.1)),
            ("discount_rate", Math.Max(0, assumptions["discount_rate"] - 0.05), Math.Min(1, assumptions["discount_rate"] + 0.05)),
            ("cost_per_agent_hour", assumptions["cost_per_agent_hour"] * 0.75, assumptions["cost_per_agent_hour"] * 1.25),
            ("other_cost_per_ticket", assumptions["other_cost_per_ticket"] * 0.5, assumptions["other_cost_per_ticket"] * 1.5),
            (lever.SizeAssumption, assumptions[lever.SizeAssumption] * 0.5, Math.Min(DefaultAssumptions.Find(lever.SizeAssumption)!.Max, assumptions[lever.SizeAssumption] * 1.5)),
            (lever.CostAssumption, assumptions[lever.CostAssumption] * 0.5, assumptions[lever.CostAssumption] * 2),
        };
        double Npv(string name, double value)
        {
            var changed = assumptions.ToDictionary(a => a.Key, a => a.Value);
            changed[name] = value;
            var built = LeverCatalog.Build(new LinkageContext(linkage.Data, linkage.Book, changed), only: lever.Id).Single();
            if (built.Scenario is null) return double.NaN;
            var q = linkage.Evaluator.EvaluateScenarios(linkage.Models.Coefficients, MoneyAssumptions.From(changed), [built.Scenario.Scenario]);
            return q[$"scenario:{lever.Id}:{horizon}:npv"];
        }
        var bars = ranges.Select(r => new TornadoBar(r.Name, r.Low, r.High, Npv(r.Name, r.Low), Npv(r.Name, r.High)))
            .OrderByDescending(b => b.Swing).ToList();
        return new LeverSensitivity(lever.Id, lever.Title, result.At(horizon).Npv.Value, bars);
    }
}
