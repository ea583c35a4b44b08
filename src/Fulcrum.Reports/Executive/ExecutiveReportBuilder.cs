using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Analytics.Segments;
using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Transactions;
using Fulcrum.Analytics.Value;
using Fulcrum.Data.Store;
using Fulcrum.Reports.Executive.Model;

namespace Fulcrum.Reports.Executive;

/// <summary>
/// Gathers the report from the analyses the CLI and API run (metrics, growth-check, business case, theme impact, value), each
/// with its usual options; nothing is computed a second way here. A section whose data are absent is named with what would fill it.
/// </summary>
public static class ExecutiveReportBuilder
{
    /// <param name="computed">Analyses already run with the report's options (by `fulcrum analyze`): used as they are, not run again.</param>
    public static ExecutiveReport Build(AnalysisFacts facts, ReportRequest request, string source, IProgress<string>? progress = null,
        ComputedAnalyses? computed = null)
    {
        var store = facts.Store;
        var coverage = StoreCoverage.Read(store);
        long Rows(string table) => coverage.First(c => c.Table == table).Rows;
        var (period, periodNote) = Period(store, request.Period, DateOnly.FromDateTime(DateTime.UtcNow));
        var compared = period.ComparedWith(request.Comparison);
        var missing = new List<MissingSection>();
        var warnings = new List<string>();
        if (periodNote is not null) warnings.Add(periodNote);

        MetricsReport? trends = null;
        GrowthCheckReport? growth = null;
        if (Rows("responses") == 0)
        {
            const string reason = "No survey responses are stored. Import answers (`fulcrum import responses FILE`) to see NPS, CSAT and CES over time.";
            missing.Add(new(ReportSections.Trends, reason));
            missing.Add(new(ReportSections.Growth, reason));
        }
        else
        {
            progress?.Report("NPS, CSAT and CES by quarter");
            trends = MetricsAnalysis.Run(facts, new MetricsQuery(["nps", "csat", "ces"], [], PeriodUnit.Quarter, To: period.To));
            progress?.Report("Growth-check: mix vs rate and the segment scan");
            // On the survey metric the company measures: a CSAT-only company's growth-check is on CSAT, not an empty NPS.
            growth = Try(ReportSections.Growth, missing, () => GrowthCheck.Run(facts, new GrowthCheckOptions(Metric: PrimarySurveyMetric.Of(store) ?? "nps",
                Before: new PeriodRange(compared.Label, compared.From, compared.To), After: new PeriodRange(period.Label, period.From, period.To))),
                "needs survey answers in both quarters compared");
        }

        BusinessCaseReport? businessCase = null;
        RepeatPurchaseReport? repeatPurchase = null;
        if (Rows("outcomes") == 0 && BusinessCaseBasis.SellsByOrder(store))
        {
            // A shop's business case, as `fulcrum business-case` values it: repeat purchase after each score level.
            progress?.Report("Business case: repeat purchase after each score level");
            repeatPurchase = RepeatPurchaseAnalysis.Run(store, new RepeatPurchaseOptions());
            if (!repeatPurchase.IsDefined)
            {
                missing.Add(new(ReportSections.Levers, "No renewal outcomes are stored, and repeat purchase cannot be measured: " + repeatPurchase.Missing));
                repeatPurchase = null;
            }
            else warnings.AddRange(repeatPurchase.Warnings);
        }
        else if (Rows("outcomes") == 0)
            missing.Add(new(ReportSections.Levers, "No renewal outcomes are stored, so churn and expansion cannot be linked to the scores. " +
                $"Import renewals, churn and expansion (`fulcrum import outcomes FILE`) to value the levers and what one {(PrimarySurveyMetric.Of(store) ?? "nps").ToUpperInvariant()} point is worth."));
        else
        {
            progress?.Report("Business case: linkage models and 1,000 account resamples");
            businessCase = Try(ReportSections.Levers, missing, () => computed?.BusinessCase ?? BusinessCaseAnalysis.Run(facts, new LinkageOptions()).Report,
                "the churn and expansion models could not be fitted");
            if (businessCase is not null) warnings.AddRange(businessCase.Warnings);
        }
        if (Rows("tickets") == 0)
            warnings.Add("No support tickets are stored: cost to serve and the contact and effort levers need them (`fulcrum import tickets FILE`).");

        ThemeImpactReport? themes = null;
        IReadOnlyList<ThemeQuote> quotes = [];
        if (store.Scalar<long>("SELECT COUNT(*) FROM response_themes") == 0)
            missing.Add(new(ReportSections.Themes, store.Scalar<long>("SELECT COUNT(*) FROM responses WHERE comment IS NOT NULL") == 0
                ? "No survey comments are stored. Import responses with their comments, then run `fulcrum themes`, to see what customers write about and what it costs."
                : "The comments have not been read into themes yet. Run `fulcrum themes` to fill this section."));
        else
        {
            progress?.Report("Theme impact");
            themes = computed?.ThemeImpact ?? ThemeImpactAnalysis.Run(store, new ThemeImpactOptions());
            quotes = ThemeQuotes.Read(store, ShownThemes(themes).Select(t => t.ThemeId).ToList(), perTheme: 2);
            if (themes.LinkageNote is { } note) warnings.Add(note);
        }

        ValueReport? value = null;
        if (Rows("initiatives") == 0)
            missing.Add(new(ReportSections.Initiatives, "No CX initiatives are registered. Add them (`fulcrum initiatives add` or `fulcrum initiatives import FILE`) to measure what each one delivered."));
        if (Rows("reference_requests") == 0)
            missing.Add(new(ReportSections.References, "No reference requests are stored. Import reference requests and opportunities to see the reference funnel and the revenue it brought."));
        if (Rows("followups") == 0)
            missing.Add(new(ReportSections.Followups, Fulcrum.Data.Survey.FollowupRule.Of(store) is { } rule
                ? $"No follow-ups are recorded. Run `fulcrum followups sync` to open one for each of the {rule.Answers}, then work them, to measure the closed loop."
                : "No follow-ups are recorded, and no answer has a survey score to follow up: import responses with an nps, csat or ces column, then run `fulcrum followups sync`."));
        if (Rows("initiatives") + Rows("reference_requests") + Rows("followups") > 0)
        {
            progress?.Report("Value delivered: initiatives, references, closed loop");
            value = computed?.Value ?? ValueAnalysis.Run(facts);
            warnings.AddRange(value.InvalidInitiatives);
            // Requests without opportunities: the section says why it is empty rather than showing 0 and NaN.
            if (value.References.Unmeasurable is { } why && Rows("reference_requests") > 0)
                missing.Add(new(ReportSections.References, $"{Rows("reference_requests"):N0} reference requests are stored, but the program cannot be measured: {why}."));
        }

        var report = new ExecutiveReport(period, compared, request.Comparison, DateTime.UtcNow, source, [], trends, growth, businessCase,
            businessCase is null ? [] : LeverFunding.Rank(businessCase), themes, quotes, value, new AssumptionStore(store).List(), coverage, missing, warnings);
        report = report with { RepeatPurchase = repeatPurchase };
        return report with { Summary = ExecutiveSummary.Write(report), PeriodNote = periodNote };
    }

    /// <summary>The problems the report shows, largest ARR at risk first (beyond the scores where the linkage model ran); a strength is never shown as a risk.</summary>
    public static IReadOnlyList<ThemeImpact> TopThemes(ThemeImpactReport themes, int count = 8) =>
        themes.Themes.Where(t => t.Kind == ThemeKind.Problem && ThemeRisk(t) is { IsDefined: true }).OrderByDescending(t => ThemeRisk(t)!.Value).Take(count).ToList();

    /// <summary>
    /// The themes the report shows: the problems by ARR at risk where it could be valued; else (no renewal outcomes, or no
    /// problem with a defined risk) every theme by how many comments raise it, problems first, so the section shows what
    /// customers write about rather than an empty chart.
    /// </summary>
    public static IReadOnlyList<ThemeImpact> ShownThemes(ThemeImpactReport themes, int count = 8) =>
        TopThemes(themes, count) is { Count: > 0 } top ? top
            : themes.Themes.OrderBy(t => t.Kind == ThemeKind.Problem ? 0 : 1).ThenByDescending(t => t.Comments).ThenBy(t => t.ThemeId, StringComparer.Ordinal).Take(count).ToList();

    /// <summary>Why no theme has an ARR at risk to rank by (the reason theme impact gives), or null when some problem has one.</summary>
    public static string? WhyNoThemeRisk(ThemeImpactReport themes) =>
        TopThemes(themes, 1).Count > 0 ? null
            : themes.Money is { IsDefined: false, Reason: { } reason } ? reason
            : themes.LinkageNote ?? "No problem theme has an ARR at risk that could be estimated.";

    /// <summary>ARR at risk beyond what the scores predict when the linkage model ran, else against comparable accounts.</summary>
    public static Core.Statistics.Estimate? ThemeRisk(ThemeImpact theme) => theme.ArrAtRiskBeyondScores ?? theme.ArrAtRisk;

    /// <summary>
    /// The quarter to report and, when answers dated after <paramref name="today"/> were passed over, a sentence saying so.
    /// Asked for, a quarter is refused when no survey answer falls in or before it (nothing to report), naming the quarters
    /// that hold answers. By default it is the latest quarter with answers up to today: one mistyped or future-dated row
    /// must not make the report's quarter one nobody has lived yet. Without any answers it is the last full quarter.
    /// </summary>
    /// <exception cref="ArgumentException">(parameter "period") The quarter asked for has no answers in or before it, or every answer is dated after today.</exception>
    public static (ReportPeriod Period, string? Note) Period(FulcrumStore store, ReportPeriod? asked, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(store);
        var tomorrow = today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        // One row per quarter with answers: its first day, its answers, those up to today and the last of those.
        var quarters = store.Query<(DateTime Quarter, long Answers, long UpToToday, DateTime? LastUpToToday, DateTime Last)>($"""
            SELECT CAST(date_trunc('quarter', responded_at) AS TIMESTAMP), COUNT(*),
                   COUNT(*) FILTER (WHERE responded_at < CAST('{tomorrow}' AS TIMESTAMP)),
                   CAST(MAX(responded_at) FILTER (WHERE responded_at < CAST('{tomorrow}' AS TIMESTAMP)) AS TIMESTAMP),
                   CAST(MAX(responded_at) AS TIMESTAMP)
            FROM responses WHERE responded_at IS NOT NULL GROUP BY 1 ORDER BY 1
            """).ToList();
        if (quarters.Count == 0) return (asked ?? ReportPeriod.LastFull(today), null);
        var withAnswers = quarters.Select(q => ReportPeriod.Containing(DateOnly.FromDateTime(q.Quarter))).ToList();
        var held = withAnswers.Count switch
        {
            1 => withAnswers[0].Label + " only",
            <= 8 => string.Join(", ", withAnswers.SkipLast(1).Select(q => q.Label)) + " and " + withAnswers[^1].Label,
            _ => $"{withAnswers[0].Label} to {withAnswers[^1].Label} ({withAnswers.Count} quarters)",
        };
        if (asked is not null)
        {
            if (withAnswers[0].From > asked.To)
                throw new ArgumentException($"No survey answers in or before {asked.Label}, so there is nothing to report for it; survey answers fall in {held}.", "period");
            return (asked, null);
        }
        var future = quarters.Sum(q => q.Answers - q.UpToToday);
        var lastDay = DateOnly.FromDateTime(quarters[^1].Last);
        if (quarters.LastOrDefault(q => q.LastUpToToday is not null).LastUpToToday is not { } latestAnswer)
            throw new ArgumentException($"Every survey answer is dated after today ({today:yyyy-MM-dd}; they fall in {held}): check their dates, or choose the quarter to report.", "period");
        var period = ReportPeriod.Containing(DateOnly.FromDateTime(latestAnswer));
        return (period, future == 0 ? null
            : $"{future:N0} survey answer{(future == 1 ? " is" : "s are")} dated after today ({today:yyyy-MM-dd}; the last on {lastDay:yyyy-MM-dd}), so the report is of {period.Label}, " +
              $"the latest quarter with answers up to today; choose the quarter to report a later one.");
    }

    /// <summary>Runs an analysis whose inputs can be too thin; a refusal becomes a missing section with the analysis's own reason.</summary>
    static T? Try<T>(string section, List<MissingSection> missing, Func<T> analysis, string context) where T : class
    {
        try { return analysis(); }
        catch (Exception e) when (e is ArgumentException or LinkageException or InvalidOperationException)
        {
            missing.Add(new(section, $"Left out: {context}. {e.Message}"));
            return null;
        }
    }
}
