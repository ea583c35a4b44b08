using System.Diagnostics;
using System.Globalization;
using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Cohorts;
using Fulcrum.Analytics.Drivers;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Analytics.Segments;
using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Store;
using Fulcrum.Analytics.Themes.Text;
using Fulcrum.Analytics.Transactions;
using System.Text.Json.Serialization;
using Fulcrum.Analytics.Value;
using Fulcrum.Core.Diagnostics;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Cli.Commands;

/// <summary>One step of `fulcrum analyze`: how long it took, its peak memory and its key figure (with interval), or why it was skipped.</summary>
/// <param name="PeakMegabytes">The process's peak resident set during this step (MB), null where the platform cannot tell.</param>
/// <param name="Figure">The key figure as an estimate, when it has one.</param>
/// <param name="Skipped">Why the step has no result (the data it needs are absent), else null.</param>
public sealed record AnalyzeStep(string Step, double Seconds, double? PeakMegabytes, string KeyFigure, Estimate? Figure, string? Skipped);

/// <summary>The whole analysis: every step in order and the wall time of the pass.</summary>
public sealed record AnalyzeReport(string Database, bool Fast, IReadOnlyList<AnalyzeStep> Steps, double TotalSeconds)
{
    /// <summary>The survey metric of metrics, growth-check and drivers and why, e.g. "CSAT (7,043 answers; NPS has only 2, under half as many)".</summary>
    public string? SurveyMetric { get; init; }

    /// <summary>The pass's peak resident set (MB): the largest step's; null where the platform cannot tell.</summary>
    public double? PeakMegabytes => Steps.Count > 0 && Steps.All(s => s.PeakMegabytes is not null) ? Steps.Max(s => s.PeakMegabytes) : null;

    /// <summary>The analyses' full results, for a caller that shows more than the key figures (the demo, its report).</summary>
    [JsonIgnore] public AnalyzeResults Results { get; init; } = new();
}

/// <summary>Each analysis's result as the pass computed it with its standard options; null when the step was skipped.</summary>
public sealed class AnalyzeResults
{
    public GrowthCheckReport? GrowthCheck { get; set; }
    public ProductTransitionReport? Cohorts { get; set; }
    public DriverReport? Drivers { get; set; }
    public ThemeRunResult? Themes { get; set; }
    public ThemeImpactReport? ThemeImpact { get; set; }
    public BusinessCaseReport? BusinessCase { get; set; }
    public RepeatPurchaseReport? RepeatPurchase { get; set; }
    public ValueReport? Value { get; set; }
}

/// <summary>What a step reports while it runs: a stage and, where it counts (resamples, sentences), done of total.</summary>
public readonly record struct StepProgress(string Step, string Stage, long Done, long Total);

/// <summary>
/// Every analysis in one pass over the shared fact tables, built once at the start: metrics, growth-check, cohorts,
/// drivers, themes (discovery and impact), linkage and business case, repeat purchase (orders), value. Theme impact's linkage fit also values the
/// business case's levers, and the business case step reads its figures off that run (no reload, no refit): one fit for the pass.
/// A step whose data are absent is skipped with the reason; the others still run.
/// </summary>
public static class AnalyzePipeline
{
    public static readonly string[] StepNames = ["fact tables", "metrics", "growth-check", "cohorts", "drivers", "themes", "theme impact", "business case", "repeat purchase", "value"];

    public static AnalyzeReport Run(FulcrumStore store, bool fast, IProgress<StepProgress>? progress = null, CancellationToken cancellation = default)
    {
        var total = Stopwatch.StartNew();
        var facts = new AnalysisFacts(store);
        var steps = new List<AnalyzeStep>();
        var results = new AnalyzeResults();
        void Step(string name, Func<IProgress<(string Stage, long Done, long Total)>, (string Key, Estimate? Figure)> work)
        {
            cancellation.ThrowIfCancellationRequested();
            progress?.Report(new StepProgress(name, "", 0, 0));
            var inner = new SynchronousProgress<(string Stage, long Done, long Total)>(p => progress?.Report(new StepProgress(name, p.Stage, p.Done, p.Total)));
            // Each step's peak is its own: the kernel's high-water mark, reset as it starts.
            var peakKnown = PeakMemory.TryReset();
            double? Peak() => peakKnown ? PeakMemory.ReadMegabytes() : null;
            MemoryTrace.Mark($"{name} start");
            var watch = Stopwatch.StartNew();
            try
            {
                var (key, figure) = work(inner);
                steps.Add(new AnalyzeStep(name, watch.Elapsed.TotalSeconds, Peak(), key, figure, null));
            }
            // The analyses' own refusals (too little data for them); anything else is a fault and stops the pass.
            catch (Exception e) when (e is LinkageException or DriverAnalysisException or Analytics.Value.Initiatives.InitiativeException or ArgumentException or InvalidOperationException)
            {
                steps.Add(new AnalyzeStep(name, watch.Elapsed.TotalSeconds, Peak(), "absent", null, e.Message));
            }
            finally
            {
                MemoryTrace.Mark($"{name} end");
                // A step's garbage would otherwise stay resident and add to the next step's peak (at 100k accounts the themes
                // step started 400 MB higher and theme impact 900 MB higher); a full compacting collection between steps
                // returns it, for well under a second.
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                // DuckDB keeps the blocks of the tables a step read cached (at 100k accounts 0.4–0.8 GB resident at the start of
                // each later step, under the next step's own peak); evicting them costs a re-read from the file where needed.
                store.ReleaseCachedMemory();
                MemoryTrace.Mark($"{name} after release");
            }
        }

        Step("fact tables", _ =>
        {
            facts.BuildShared();
            return (Count(store.Scalar<long>($"SELECT COUNT(*) FROM {facts.Responses()}"), "responses") + ", "
                    + Count(store.Scalar<long>($"SELECT COUNT(*) FROM {facts.AccountPeriods(PeriodUnit.Quarter)}"), "account-quarters"), null);
        });
        // The survey metric the pass is about, by the one rule (a company that measures satisfaction only still gets its
        // metrics, growth-check and drivers; two stray NPS answers do not displace thousands of CSAT answers).
        var metricChoice = PrimarySurveyMetric.Choose(store);
        var metric = metricChoice.Metric;
        const string noScores = "No survey scores (NPS, CSAT or CES) on record.";
        var metricFormat = metric == "nps" ? "0.0" : "0.00";
        Step("metrics", _ =>
        {
            if (metric is null) throw new InvalidOperationException(noScores);
            var cells = MetricsAnalysis.Run(facts, new MetricsQuery([metric], [], PeriodUnit.Year)).Cells.Where(c => c.Estimate.IsDefined).ToList();
            if (cells.Count == 0) throw new InvalidOperationException($"No {metric.ToUpperInvariant()} answers on record.");
            return ($"{metric.ToUpperInvariant()} {cells[^1].PeriodLabel}: {Interval(cells[^1].Estimate, metricFormat)}", cells[^1].Estimate);
        });
        Step("growth-check", _ =>
        {
            if (metric is null) throw new InvalidOperationException(noScores);
            var g = results.GrowthCheck = GrowthCheck.Run(facts, new GrowthCheckOptions(Metric: metric));
            var changeFormat = metric == "nps" ? "+0.0;−0.0;0.0" : "+0.00;−0.00;0.00";
            return ($"{g.Metric.ToUpperInvariant()} change {g.Before.Label} → {g.After.Label}: {Interval(g.TotalChange.Difference, changeFormat)}; "
                    + $"{g.Findings.Count} segment finding{(g.Findings.Count == 1 ? "" : "s")}", g.TotalChange.Difference);
        });
        Step("cohorts", _ =>
        {
            results.Cohorts = ProductTransitionAnalysis.Run(facts, new TransitionOptions());
            if (results.Cohorts.Cohorts.FirstOrDefault(c => c.Nps.Difference.IsDefined) is { } cohort)
                return ($"{cohort.Name}: NPS {Interval(cohort.Nps.Difference, "+0.0;−0.0;0.0")} after vs before ({cohort.Accounts:N0} accounts)", cohort.Nps.Difference);
            // Without NPS on both sides (a company that measures CSAT only) the cohort's renewal churn still compares.
            if (results.Cohorts.Cohorts.FirstOrDefault(c => c.Churn.DifferenceVsComparable.IsDefined) is { } churned)
                return ($"{churned.Name}: renewal churn {Interval(Percent(churned.Churn.DifferenceVsComparable), "+0.0;−0.0;0.0")} points vs comparable accounts ({churned.Accounts:N0} accounts)",
                    churned.Churn.DifferenceVsComparable);
            throw new InvalidOperationException(store.Count("subscriptions") == 0
                ? "No subscriptions on record: cohorts follow accounts that added a product, so these data have none (`fulcrum import subscriptions FILE` adds them)."
                : "No account added a product with NPS answers or renewals before and after.");
        });
        Step("drivers", _ =>
        {
            if (metric is null) throw new InvalidOperationException(noScores);
            var d = results.Drivers = KeyDriverAnalysis.Run(facts, new DriverOptions(Outcome: metric));
            // A model that explains nothing has no driver to headline (one driver alone always takes 100% of R²): say why instead.
            var headline = d.NoTopDriver is { } none ? $"; no top driver: {none}"
                : d.TopDriver is not { } top ? ""
                : d.Drivers.Count == 1 ? $"; the only driver {top.Name}"
                : $"; top driver {top.Name} ({Interval(top.ShareOfR2, "0.0'%'")} of R²)";
            return ($"R² {Interval(d.RSquared, "0.00")}{headline}", d.RSquared);
        });
        var hasComments = store.Scalar<long>("SELECT COUNT(*) FROM responses WHERE comment IS NOT NULL") > 0;
        Step("themes", p =>
        {
            if (!hasComments) throw new InvalidOperationException("No survey comments on record.");
            // --fast is for speed, not for worse themes: MiniLM's themes of the same data are kept rather than replaced.
            var last = ThemeRunRecord.Last(store);
            if (fast && last is { Semantic: true } && last.IsCurrent(store))
                return (string.Create(CultureInfo.InvariantCulture, $"{store.Scalar<long>("SELECT COUNT(*) FROM themes WHERE status = 'active'"):N0} themes kept from the {last.Model} run of {last.At:yyyy-MM-dd HH:mm} UTC ")
                        + "(the comments and themes have not changed since; `fulcrum themes --fast` replaces them with lexical ones)", null);
            // MiniLM themes a lexical run replaces (their data changed, or a store from before the record): said, never silent.
            var semantic = fast ? store.Scalar<long>("SELECT COUNT(*) FROM themes WHERE status = 'active' AND model = $model", new { model = MiniLmEmbedder.ModelName }) : 0;
            var themes = results.Themes = ThemeAnalysis.Run(store, new ThemeOptions(Fast: fast),
                new SynchronousProgress<ThemeProgress>(t => p.Report((t.Phase, t.Done, t.Total))), cancellation);
            var replaced = semantic == 0 ? ""
                : string.Create(CultureInfo.InvariantCulture, $"; replaced the {semantic:N0} {MiniLmEmbedder.ModelName} themes, as ")
                  + (last is { Semantic: true } ? "the data changed since they were found" : "nothing records which data they were found on")
                  + " (`fulcrum analyze` without --fast finds them again)";
            return ($"{themes.Themes.Count} themes in {themes.Comments:N0} comments{(fast ? " (fast, lexical)" : "")}{replaced}", null);
        });
        // Theme impact's linkage fit values the business case's levers too, so the business case step only reads it.
        BusinessCaseLevers? levers = new();
        LinkageRun? sharedFit = null;
        Step("theme impact", _ =>
        {
            var run = ThemeImpactAnalysis.Run(store, new ThemeImpactOptions(), levers!.Build);
            sharedFit = run.Linkage;
            var impact = results.ThemeImpact = run.Report;
            var caution = impact.LinkageCaution is { } c ? $"; caution: {c}" : "";
            // The headline names a problem: a strength is never shown as ARR at risk.
            var top = impact.Themes.Where(t => t.Kind == ThemeKind.Problem).Select(t => (t.Label, Risk: t.ArrAtRiskBeyondScores ?? t.ArrAtRisk)).Where(t => t.Risk is { IsDefined: true })
                .OrderByDescending(t => t.Risk!.Value).FirstOrDefault();
            // Without renewal outcomes there is no money to show: say so, not "no theme with ARR at risk" (which reads as measured).
            return top.Risk is null
                ? (impact.Money is { IsDefined: false, Reason: { } noMoney } ? noMoney
                    : (impact.LinkageNote ?? impact.Themes.Select(t => t.ArrAtRisk).FirstOrDefault(r => r is { IsDefined: false })?.Method ?? "no problem theme has ARR at risk") + caution, null)
                : ($"{top.Label}: ARR at risk {Money(top.Risk)}{caution}", top.Risk);
        });
        Step("business case", p =>
        {
            // Without theme impact's fit (no comments, no renewals) the business case fits (or reads the stored fit) itself.
            var shared = sharedFit is not null;
            // The same decision as `fulcrum business-case`: without renewal decisions a store that records orders is valued by repeat purchase.
            var choice = BusinessCaseBasis.Choose(store, () => shared
                ? BusinessCaseAnalysis.On(sharedFit!, levers!, new LinkageOptions(), results.ThemeImpact!.Kinds)
                : BusinessCaseAnalysis.Run(facts, new LinkageOptions(), new SynchronousProgress<LinkageProgress>(l => p.Report((l.Stage, l.Done, l.Total)))),
                new RepeatPurchaseOptions());
            // The fit and the levers (built on the fit's data) hold the modelling data: let them go before the value step.
            sharedFit = null;
            levers = null;
            if (choice.RepeatPurchase is { } repeat)
            {
                results.RepeatPurchase = repeat;
                if (!repeat.IsDefined) throw new InvalidOperationException(repeat.Missing!);
                var (key, figure) = RepeatLever(repeat);
                return ("repeat purchase (orders, no renewals): " + key, figure);
            }
            var run = choice.Renewals!;
            results.BusinessCase = run.Report;
            // Where the figures came from: theme impact's fit of this pass, a fit stored by an earlier one, or neither (fitted here).
            var stored = run.Linkage.FitSource == Analytics.Linkage.FitCache.LinkageFitSource.Stored;
            var reused = (shared, stored) switch
            {
                (true, false) => " [theme impact's fit]",
                (true, true) => " [stored fit, read by theme impact]",
                (false, true) => " [stored fit]",
                _ => "",
            };
            var top = run.Report.Levers.FirstOrDefault();
            var caution = run.Report.FitCaution is { } c ? $"; caution: {c}" : "";
            if (top is null)
                return ($"no lever could be valued{(run.Report.SharedUnavailableReason is { } why ? ": " + why : " (see business-case)")}{caution}{reused}", null);
            var npv = top.At(run.Report.HorizonMonths).Npv;
            return ($"top lever {top.Lever.Title}: NPV {Money(npv)} over {run.Report.HorizonMonths} months{caution}{reused}", npv);
        });
        Step("repeat purchase", _ =>
        {
            // The soft → hard step of a business that sells by order (no renewals to model churn on).
            if (store.Count("orders") == 0) throw new InvalidOperationException("No orders on record (repeat purchase is for a business that sells by order).");
            // Where the business case was the repeat purchase its lever is shown there: this line gives the link it rests on.
            if (results.RepeatPurchase is { } valued)
                return ($"{OddsOfReordering(valued)} (the business case above values its lever)", valued.OddsRatioLowestVsTop);
            var repeat = results.RepeatPurchase = RepeatPurchaseAnalysis.Run(store, new RepeatPurchaseOptions());
            if (!repeat.IsDefined) throw new InvalidOperationException(repeat.Missing!);
            return RepeatLever(repeat);
        });
        Step("value", _ =>
        {
            if (store.Count("initiatives") + store.Count("reference_requests") + store.Count("followups") == 0)
                throw new InvalidOperationException("No initiatives, reference requests or follow-ups on record.");
            var value = results.Value = ValueAnalysis.Run(facts);
            // Follow-ups alone put no money in the ledger: say what is there rather than "$0 ($0 to $0)".
            if (store.Count("initiatives") + store.Count("reference_requests") == 0)
                return ($"{Count(store.Count("followups"), "follow-ups")}; no initiatives or reference requests to value", null);
            var total = value.Ledger.Total.Total;
            return ($"value delivered {Money(total)}", total);
        });
        return new AnalyzeReport(store.Path, fast, steps, total.Elapsed.TotalSeconds) { Results = results, SurveyMetric = metricChoice.Explanation };
    }

    /// <summary>The repeat-purchase lever's NPV, or without a lever the odds of ordering again it would rest on.</summary>
    static (string Key, Estimate Figure) RepeatLever(RepeatPurchaseReport repeat) => repeat.Lever is { } lever
        ? ($"{lever.Description}: NPV {Money(lever.Npv)} over {lever.HorizonMonths} months", lever.Npv)
        : (OddsOfReordering(repeat), repeat.OddsRatioLowestVsTop);

    static string OddsOfReordering(RepeatPurchaseReport repeat) =>
        $"odds of ordering again, lowest vs top {repeat.Soft.ToUpperInvariant()} level: {Interval(repeat.OddsRatioLowestVsTop, "0.00")}";

    static Estimate Percent(Estimate share) => share with { Value = share.Value * 100, Lower = share.Lower * 100, Upper = share.Upper * 100, StandardError = share.StandardError * 100 };

    static string Count(long n, string what) => string.Create(CultureInfo.InvariantCulture, $"{n:N0} {what}");

    /// <summary>"v (90% CI a to b)"; without an interval the value alone and why there is none.</summary>
    internal static string Interval(Estimate e, string format)
    {
        var c = CultureInfo.InvariantCulture;
        if (!e.IsDefined) return $"absent ({e.Method})";
        if (double.IsNaN(e.Lower) || double.IsNaN(e.Upper)) return $"{e.Value.ToString(format, c)} (no interval)";
        return $"{e.Value.ToString(format, c)} ({(e.ConfidenceLevel * 100).ToString("0.##", c)}% CI {e.Lower.ToString(format, c)} to {e.Upper.ToString(format, c)})";
    }

    static string Money(Estimate e) => !e.IsDefined ? $"absent ({e.Method})"
        : double.IsNaN(e.Lower) || double.IsNaN(e.Upper) ? $"{MoneyFormat.Short(e.Value)} (no interval)"
        : $"{MoneyFormat.Short(e.Value)} ({(e.ConfidenceLevel * 100).ToString("0.##", CultureInfo.InvariantCulture)}% CI {MoneyFormat.Short(e.Lower)} to {MoneyFormat.Short(e.Upper)})";
}
