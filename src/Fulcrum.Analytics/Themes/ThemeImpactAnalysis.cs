using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Core.Statistics;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Themes;

/// <summary>Options of the theme impact analysis.</summary>
/// <param name="EmergingMinimum">Fewest comments raising a theme in the latest quarter for it to be tested as emerging (--emerging-min):
/// below it the quarter's share is shown but never tested, so a handful of comments cannot be flagged.</param>
public sealed record ThemeImpactOptions(int Seed = 20_240_601, int Replicates = 1000, double Fdr = 0.05, double ConfidenceLevel = 0.95,
    int EmergingMinimum = ThemeImpactOptions.DefaultEmergingMinimum)
{
    public const int DefaultEmergingMinimum = 20;
}

/// <summary>
/// Theme impact on the survey score (NPS, else CSAT, else CES), churn and ARR, each theme's quarterly trend and emerging themes, from the stored theme assignments
/// (response_themes) joined to responses, accounts and outcomes.
/// </summary>
/// <remarks>
/// <para><b>Score impact</b> = score(all scored responses) − score(scored responses not raising the theme), on the store's
/// primary survey metric (<see cref="ThemeScoreMetric"/>): NPS points, or for a CSAT or CES survey the mean answer's units;
/// interval by percentile bootstrap over accounts (all responses of a drawn account enter together).</para>
/// <para><b>Churn and ARR at risk.</b> Each account is described by its state at its latest response (segment, product count
/// 1 / 2 / 3+, ARR) and whether it churned (an outcome of kind 'churn'). Raising accounts are compared with the other
/// accounts in the same segment × product-count stratum: excess churn = Σ_s w_s (p_raising,s − p_other,s) with w_s the
/// share of raising accounts in stratum s (standardised to the raising accounts); ARR at risk = Σ_s (p_raising,s −
/// p_other,s) × ARR of raising accounts in s, i.e. the churned ARR in excess of what comparable accounts lost. Strata without
/// other accounts are left out (and their raising accounts with them). Intervals: percentile bootstrap over accounts.
/// This is a descriptive association adjusted for segment and product count, not a causal effect: the theme's comments
/// may mark unhappy accounts that would churn anyway (the linkage model attributes churn to NPS). With no renewal outcomes
/// on record none of these figures exists (churn would read 0% and ARR at risk $0 where the truth is unknown): they are null
/// and <see cref="ThemeImpactReport.Money"/> says what to import; themes are then ranked by score impact (most harmful first).</para>
/// <para><b>Trend and emerging themes.</b> Share of commented responses raising the theme per quarter (Wilson). The latest
/// quarter is compared with all earlier ones by a pooled z-test (one-sided, for a rise); q-values are Benjamini–Hochberg
/// adjusted over themes; emerging = q &lt; FDR and a higher share. A theme raised by fewer than
/// <see cref="ThemeImpactOptions.EmergingMinimum"/> comments in the latest quarter is shown but not tested (no p-value, never
/// flagged, and not counted in the adjustment): five comments in a quarter can look like a surge by chance alone.</para>
/// <para><b>Beyond the scores (linkage).</b> When renewals are on record, the linkage model (<see cref="LinkageAnalysis"/>) is fitted
/// with the same seed and resamples, without the cross-validation it does not use: per theme, observed over model-predicted churn of renewals that followed the theme, and the
/// ARR today's raising accounts stand to lose over the next 12 months through that excess, with account-bootstrap intervals.
/// It counts only churn the accounts' NPS, CES and profile do not already explain, so a theme that merely marks unhappy accounts
/// does not rank high. With dozens of themes some show excess churn by chance, so each gets a one-sided bootstrap p-value for
/// "no excess churn", adjusted by Benjamini–Hochberg over the themes valued. Ranking: themes whose excess survives the FDR first,
/// by this ARR at risk; then the other valued themes by it; then themes without it, by the stratified figure. Strengths (themes
/// more than half of whose mentions are positive, or whose mean sentiment's interval lies above 0, or whose score impact's interval
/// lies on the favourable side of 0) follow all problems, by comments: praise is never ranked as ARR at risk.</para>
/// </remarks>
public static class ThemeImpactAnalysis
{
    public static ThemeImpactReport Run(FulcrumStore store, ThemeImpactOptions options) => Run(store, options, alsoValue: null).Report;

    /// <param name="alsoValue">Further changes for its linkage fit to value with the same models and replicates (analyze passes
    /// the business case's levers, so the one fit of the pass serves both); the theme figures do not depend on them.</param>
    public static ThemeImpactRun Run(FulcrumStore store, ThemeImpactOptions options, Func<LinkageContext, IEnumerable<ScenarioDefinition>>? alsoValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Replicates, 100);
        if (options.EmergingMinimum < 1) throw new ArgumentOutOfRangeException("--emerging-min", options.EmergingMinimum, "--emerging-min must be at least 1.");
        var data = ThemeImpactData.Load(store);
        var themes = data.Themes;
        if (themes.Count == 0 || !data.AnyLinks)
            throw new InvalidOperationException("No themes stored yet: run `fulcrum themes` first.");
        var money = MoneyCoverage(store);
        // The theme figures need only the loaded data and the linkage fit only the store: the figures are worked out on
        // other threads while this one loads and fits the linkage (a good part of which runs on one core).
        var themeFigures = Task.Run(() => Figures(data, money, options));
        var (linkageRun, linkageNote) = money.IsDefined ? BeyondScores(new AnalysisFacts(store), options, alsoValue) : (null, null);
        var results = themeFigures.GetAwaiter().GetResult();
        if (linkageRun is not null)
        {
            var valued = linkageRun.Report.ThemeChurn.Where(t => t.Renewals >= LinkageAnalysis.MinimumThemeRenewals && t.ArrAtRisk is not null).ToList();
            var tested = valued.Where(t => double.IsFinite(t.PValue)).ToList();
            var qValues = tested.Count > 0 ? MultipleTesting.BenjaminiHochberg(tested.Select(t => t.PValue).ToList()) : [];
            var qById = tested.Select((t, i) => (t.ThemeId, q: qValues[i])).ToDictionary(p => p.ThemeId, p => (double?)p.q, StringComparer.Ordinal);
            var byId = valued.ToDictionary(t => t.ThemeId, t => (t, q: qById.GetValueOrDefault(t.ThemeId)), StringComparer.Ordinal);
            results = results.Select(r => byId.TryGetValue(r.ThemeId, out var p)
                ? r with { ChurnRatioBeyondScores = p.t.ChurnRatio, ArrAtRiskBeyondScores = p.t.ArrAtRisk, ExcessChurnQValue = p.q } : r).ToList();
        }
        var scoreMetric = data.ScoreMetric;
        var impactMethod = scoreMetric is null ? "no score impact (no scored answers)" : scoreMetric.Name + " impact";
        var ordered = ThemeRanking.Order(results.Select(r => r with { ScoreConfirms = ThemeRanking.ScoreConfirms(r, scoreMetric) }), money.IsDefined, options.Fdr, scoreMetric);
        return new ThemeImpactRun(new ThemeImpactReport(data.Responses, data.Accounts, money.IsDefined ? data.Churned.LongCount(c => c) : null,
            money.IsDefined
                ? impactMethod + " by account bootstrap; churn/ARR at risk stratified by segment × product count (descriptive); ARR at risk beyond the scores from the linkage model (observed / predicted churn after the theme); trend by quarter (Wilson); emerging: one-sided z-test, BH, themes with at least " + options.EmergingMinimum + " comments in the latest quarter"
                : impactMethod + " by account bootstrap; trend by quarter (Wilson); emerging: one-sided z-test, BH, themes with at least " + options.EmergingMinimum + " comments in the latest quarter",
            ordered, money, linkageNote, scoreMetric?.Name) { LinkageCaution = linkageRun?.Report.FitCaution }, linkageRun);
    }

    /// <summary>
    /// Each active theme's kind (problem or strength, <see cref="KindOf"/>) as the theme impact report with its default
    /// options decides it, without its churn or linkage figures: the business case offers "fix" levers for problems only.
    /// The data are read here, on the caller's connection; the bootstrap behind the score impact runs on another thread (the
    /// task), so the caller can fit its linkage meanwhile. No themes or no assignments: no kinds.
    /// </summary>
    /// <param name="replicates">The bootstrap's resamples: the linkage fit's, as the theme impact's fit has its own (so a business case
    /// read off analyze's theme impact and a standalone one see the same kinds).</param>
    public static Task<IReadOnlyDictionary<string, ThemeKind>> Kinds(FulcrumStore store, int replicates)
    {
        if (store.Scalar<long>("SELECT COUNT(*) FROM themes WHERE status = 'active'") == 0) return Task.FromResult(NoKinds);
        var data = ThemeImpactData.Load(store);
        if (!data.AnyLinks) return Task.FromResult(NoKinds);
        // Only the kind is kept: the churn figures are not worked out (they do not enter the kind).
        var withoutMoney = new ThemeMoneyCoverage(false, "not needed for the kinds");
        return Task.Run(() => (IReadOnlyDictionary<string, ThemeKind>)Figures(data, withoutMoney, new ThemeImpactOptions(Replicates: replicates))
            .ToDictionary(t => t.ThemeId, t => t.Kind, StringComparer.Ordinal));
    }

    static readonly IReadOnlyDictionary<string, ThemeKind> NoKinds = new Dictionary<string, ThemeKind>();

    /// <summary>Each theme's figures from the loaded data (score impact, churn and ARR at risk, trend, emerging check), in theme order.</summary>
    static List<ThemeImpact> Figures(ThemeImpactData data, ThemeMoneyCoverage money, ThemeImpactOptions options)
    {
        var themes = data.Themes;
        var accountCount = data.Accounts;
        var (stratum, arr, isChurned) = (data.Stratum, data.Arr, data.Churned);
        var anyArr = arr.Any(x => x > 0);
        var metric = data.ScoreMetric;
        var (nAll, scoreSumAll) = (data.Scored, data.ScoreSum);
        var anyScore = nAll.Any(n => n > 0);
        var commentedPerQuarter = data.CommentedPerQuarter;
        var themeAccounts = data.Links.Select(l => l.Raising).ToList();
        var bootstrap = ThemeImpactBootstrap.Run(themeAccounts, nAll, scoreSumAll, isChurned, stratum, arr, data.StrataCount, metric?.Scale ?? 1, options);
        var results = new List<ThemeImpact>();
        var pValues = new List<double>();
        var emergingRaw = new List<(Estimate Latest, Estimate Before, double? P, bool Up, string Label, long Count)?>();
        for (var t = 0; t < themes.Count; t++)
        {
            var (themeId, label) = themes[t];
            var raising = new bool[accountCount];
            foreach (var a in themeAccounts[t].Accounts) raising[a] = true;
            var links = data.Links[t];
            var perQuarter = links.PerQuarter;
            var scoreImpact = metric is null || !anyScore
                ? Estimate.Undefined(0, NoScore)
                : bootstrap[t].ScoreImpact with { Method = $"{metric.Name} minus {metric.Name} without the theme's responses ({metric.Unit}); percentile bootstrap over {accountCount:N0} accounts, {options.Replicates} resamples" };

            var raisingCount = themeAccounts[t].Accounts.Length;
            var churn = money.IsDefined ? Churn(raising, raisingCount, isChurned, bootstrap[t]) : null;
            var trend = commentedPerQuarter.Select(q => new ThemeTrendPoint(q.Key, QuarterLabel(q.Key),
                ProportionEstimator.Wilson(perQuarter.GetValueOrDefault(q.Key), q.Value, options.ConfidenceLevel))).ToList();

            if (commentedPerQuarter.Count >= 2)
            {
                var latest = commentedPerQuarter.Keys.Last();
                long xLatest = perQuarter.GetValueOrDefault(latest), nLatest = commentedPerQuarter[latest];
                long xBefore = perQuarter.Where(p => p.Key < latest).Sum(p => p.Value), nBefore = commentedPerQuarter.Where(p => p.Key < latest).Sum(p => p.Value);
                var comparison = ProportionEstimator.Difference(xLatest, nLatest, xBefore, nBefore, options.ConfidenceLevel);
                var up = comparison.Statistic > 0;
                double? oneSided = null;
                if (xLatest >= options.EmergingMinimum)
                {
                    oneSided = double.IsNaN(comparison.PValue) ? 1 : up ? comparison.PValue / 2 : 1 - comparison.PValue / 2;
                    pValues.Add(oneSided.Value);
                }
                emergingRaw.Add((ProportionEstimator.Wilson(xLatest, nLatest), ProportionEstimator.Wilson(xBefore, nBefore), oneSided, up, QuarterLabel(latest), xLatest));
            }
            else emergingRaw.Add(null);

            // Comments in a language without a sentiment model carry none: the mean and the kind rest on those that have one.
            var scored = links.Sentiment.N;
            var sentiment = scored >= 2 ? MeanEstimator.FromSummary(links.Sentiment)
                : Estimate.Undefined(scored, scored < links.Comments ? "no sentiment: its comments are in a language without a sentiment model" : "mean needs 2 mentions");
            var arrHeld = Enumerable.Range(0, accountCount).Where(a => raising[a]).Sum(a => arr[a]);
            var kind = KindOf(links.Positive, scored, sentiment, scoreImpact, metric?.HigherIsBetter ?? true);
            results.Add(new ThemeImpact(themeId, label, kind, links.Comments, raisingCount, sentiment, scoreImpact, churn?.Raising, churn?.Others, churn?.Excess,
                anyArr ? churn?.AtRisk : churn is null ? null : Estimate.Undefined(raisingCount, NoArr, options.ConfidenceLevel), anyArr ? arrHeld : null, trend, null));
        }

        var q = pValues.Count > 0 ? MultipleTesting.BenjaminiHochberg(pValues) : [];
        var k = 0;
        for (var t = 0; t < results.Count; t++)
        {
            if (emergingRaw[t] is not { } e) continue;
            if (e.P is not { } p)
            {
                results[t] = results[t] with { Emerging = new EmergingCheck(e.Label, e.Latest, e.Before, null, null, false,
                    FormattableString.Invariant($"not tested: {e.Count} comments raised it in {e.Label}, under the minimum of {options.EmergingMinimum}")) };
                continue;
            }
            var qValue = q[k++];
            results[t] = results[t] with { Emerging = new EmergingCheck(e.Label, e.Latest, e.Before, p, qValue, e.Up && qValue < options.Fdr) };
        }
        return results;
    }

    /// <summary>
    /// A theme is a strength when most of its mentions are positive, or when its mean sentiment is above neutral with
    /// confidence (the interval's lower bound above 0): a theme customers speak of favourably on balance is not a complaint,
    /// though fewer than half of its mentions clear the positive threshold ("Makes a real difference", +0.07, 0.05–0.09, was
    /// ranked as ARR at risk). It is a strength too when the customers raising it score you higher than the others with
    /// confidence (its score impact's interval on the favourable side of 0: above 0 for NPS and CSAT, below 0 for CES, where
    /// more effort is worse): their own rating outweighs the sentiment model's reading of their words,
    /// which takes negated praise for a complaint ("Your support staff … never make us feel stupid" scores −0.96, "It's the one
    /// tool nobody complains about" −0.37: the MiniLM model and the lexicon's three-word negation window both read the
    /// negative word). A theme that pulls the score down or leaves it unchanged is judged by its sentiment alone.
    /// </summary>
    public static ThemeKind KindOf(long positive, long scored, Estimate meanSentiment, Estimate scoreImpact, bool higherIsBetter = true) =>
        scored > 0 && (positive * 2 > scored || (meanSentiment.IsDefined && meanSentiment.Lower > 0))
        || (scoreImpact.IsDefined && (higherIsBetter ? scoreImpact.Lower > 0 : scoreImpact.Upper < 0)) ? ThemeKind.Strength : ThemeKind.Problem;

    /// <summary>
    /// Churn and ARR need renewal decisions: without a renewal, churn, contraction or expansion row every account would
    /// look retained, so churn would read 0% and ARR at risk $0 where the truth is unknown.
    /// </summary>
    static ThemeMoneyCoverage MoneyCoverage(FulcrumStore store) =>
        store.Scalar<long>("SELECT COUNT(*) FROM outcomes WHERE kind IN ('renewal', 'churn', 'contraction', 'expansion')") > 0
            ? ThemeMoneyCoverage.Defined
            : new ThemeMoneyCoverage(false,
                "No churn or ARR at risk: the outcomes table holds no renewal or churn rows, so these data cannot say which accounts left. " +
                (store.Count("orders") > 0
                    // A shop has no renewals to lose: its CX money is in repeat orders, which the themes do not value.
                    ? "These data record orders instead: what satisfaction is worth in repeat purchase is in `fulcrum repeat-purchase`."
                    : "Import renewals and churn (`fulcrum import outcomes FILE`, or `fulcrum import all FILE --mapping M` with an outcomes table) and run `fulcrum themes` again."));

    /// <summary>Why no theme has a score impact: no answer carries an NPS, CSAT or CES score (e.g. tweets or reviews without a rating).</summary>
    internal const string NoScore = "No score impact: no response in these data has an NPS (0–10), CSAT or CES score; the impact compares the score with and without a theme's answers.";

    /// <summary>Why ARR at risk is absent (not $0) when no account carries ARR, e.g. no subscription holds a product.</summary>
    internal const string NoArr = "No ARR at risk: no account carries ARR in these data (no subscription holds a product with ARR); import subscriptions (fulcrum import subscriptions FILE).";

    sealed record ThemeChurnFigures(Estimate Raising, Estimate Others, Estimate Excess, Estimate AtRisk);

    /// <summary>Churn of raising accounts vs the others, and the stratified excess churn and ARR at risk with bootstrap intervals.</summary>
    static ThemeChurnFigures Churn(bool[] raising, int raisingCount, bool[] isChurned, ThemeBootstrapValues bootstrap)
    {
        var accounts = raising.Length;
        const string adjusted = "stratified by segment × product count (descriptive, adjusted), percentile bootstrap over accounts";
        return new ThemeChurnFigures(
            ProportionEstimator.Wilson(Enumerable.Range(0, accounts).Count(a => raising[a] && isChurned[a]), raisingCount),
            ProportionEstimator.Wilson(Enumerable.Range(0, accounts).Count(a => !raising[a] && isChurned[a]), accounts - raisingCount),
            bootstrap.ExcessChurn with { Method = "Excess churn of raising accounts vs comparable accounts, " + adjusted },
            bootstrap.ArrAtRisk with { Method = "Excess churned ARR among raising accounts, " + adjusted });
    }

    /// <summary>The linkage run behind the per-theme figures beyond the scores, or why there is none.</summary>
    static (LinkageRun? Linkage, string? Note) BeyondScores(AnalysisFacts facts, ThemeImpactOptions options,
        Func<LinkageContext, IEnumerable<ScenarioDefinition>>? alsoValue)
    {
        try
        {
            // The standard linkage fit (its seed, with cross-validation), so it is the one the linkage, the business case and
            // the web app read from the store's fit cache: theme impact fits it at most once per data and never on its own.
            var linkage = LinkageAnalysis.Run(facts, new LinkageOptions { Resamples = options.Replicates, ConfidenceLevel = options.ConfidenceLevel },
                new AssumptionStore(facts.Store).Snapshot(), alsoValue);
            return (linkage, linkage.Report.ThemeChurn.Any(t => t.Renewals >= LinkageAnalysis.MinimumThemeRenewals) ? null
                : $"No theme was followed by {LinkageAnalysis.MinimumThemeRenewals} or more renewals, so none is valued beyond the scores.");
        }
        catch (LinkageException e)
        {
            return (null, "ARR at risk beyond the scores needs the linkage model: " + e.Message);
        }
    }

    static string QuarterLabel(DateOnly quarter) => $"{quarter.Year}-Q{(quarter.Month - 1) / 3 + 1}";
}
