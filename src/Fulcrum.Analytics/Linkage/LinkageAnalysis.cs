using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage.FitCache;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Linkage;

/// <summary>Progress of a linkage run: the stage and, while bootstrapping, resamples done.</summary>
public sealed record LinkageProgress(string Stage, int Done, int Total);

/// <summary>
/// A fitted linkage: the data, the models, the full-sample quantities and the bootstrap replicates. The business case
/// reads its scenario values from here; <see cref="Report"/> holds the linkage figures.
/// </summary>
public sealed class LinkageRun
{
    internal LinkageDataset Data { get; init; } = null!;
    internal LinkageModels Models { get; init; } = null!;
    internal Book Book { get; init; } = null!;
    internal QuantityEvaluator Evaluator { get; init; } = null!;
    internal Figures Figures { get; init; } = null!;
    public required LinkageOptions Options { get; init; }
    public required MoneyAssumptions Money { get; init; }
    public required IReadOnlyDictionary<string, double> Assumptions { get; init; }
    public required int[] Horizons { get; init; }
    public required LinkageReport Report { get; init; }

    /// <summary>Whether the bootstrap and cross-validation were fitted in this run or read from the store's fit cache.</summary>
    public LinkageFitSource FitSource { get; init; }

    /// <summary>The same fit seen with other assumptions and horizons (the report is unchanged).</summary>
    internal LinkageRun With(IReadOnlyDictionary<string, double> assumptions, MoneyAssumptions money, int[] horizons) => new()
    {
        Data = Data, Models = Models, Book = Book, Evaluator = Evaluator.WithHorizons(horizons), Figures = Figures,
        Options = Options, Money = money, Assumptions = assumptions, Horizons = horizons, Report = Report, FitSource = FitSource,
    };

    /// <summary>
    /// The same fit with its intervals at another confidence level (the percentiles of the same replicates), its report
    /// rebuilt: how analyze's business case (90%) reads the fit theme impact (95%) made, without reloading or refitting.
    /// </summary>
    internal LinkageRun AtConfidenceLevel(double level)
    {
        if (level == Figures.ConfidenceLevel) return this;
        var figures = Figures with { ConfidenceLevel = level };
        return new LinkageRun
        {
            Data = Data, Models = Models, Book = Book, Evaluator = Evaluator, Figures = figures,
            Options = Options with { ConfidenceLevel = level }, Money = Money, Assumptions = Assumptions, Horizons = Horizons, FitSource = FitSource,
            Report = LinkageReportBuilder.Build(Data, Models, Book, figures, Report.Quality, Assumptions, Horizons),
        };
    }
}

/// <summary>Full-sample quantities and their bootstrap replicates: any of them as an <see cref="Core.Statistics.Estimate"/>.</summary>
internal sealed record Figures(Dictionary<string, double> Point, LinkageBootstrap.Result Bootstrap, double ConfidenceLevel)
{
    public bool Has(string key) => Point.ContainsKey(key);

    public Estimate Estimate(string key, long n, string basis) =>
        LinkageBootstrap.Interval(Bootstrap, key, Point.GetValueOrDefault(key, double.NaN), n, ConfidenceLevel, basis);
}

/// <summary>
/// Soft → hard: models churn and expansion at renewal and cost to serve on NPS/CSAT/CES with controls (segment,
/// tenure, product count, size), and turns them into money with account-bootstrap intervals.
/// </summary>
public static class LinkageAnalysis
{
    public static readonly int[] StandardHorizons = [12, 24, 36];

    /// <param name="scenarios">Extra changes to value with the same models and replicates (the business case's levers).</param>
    public static LinkageRun Run(AnalysisFacts facts, LinkageOptions options, IReadOnlyDictionary<string, double> assumptions,
        Func<LinkageContext, IEnumerable<ScenarioDefinition>>? scenarios = null, IProgress<LinkageProgress>? progress = null)
    {
        if (options.Resamples < 100) throw new LinkageException($"Use at least 100 bootstrap resamples (got {options.Resamples}); intervals from fewer are unstable.");
        var d = LinkageDataset.Load(facts, options, progress);
        RequireWhatTheModelsNeed(d);
        var book = Book.From(d.Book);
        var money = MoneyAssumptions.From(assumptions);
        var horizonAssumption = (int)Math.Round(assumptions.GetValueOrDefault("horizon_months", 24));
        var horizons = StandardHorizons.Append(horizonAssumption).Distinct().Order().ToArray();

        var all = new List<Scenario>(InternalScenarios(d, book));
        var context = new LinkageContext(d, book, assumptions);
        if (scenarios is not null) all.AddRange(scenarios(context).Select(s => s.Scenario));
        var plan = new QuantityPlan(d, book, all, money, horizons); // interns the counterfactual cells the fit must predict for

        progress?.Report(new LinkageProgress("Fitting churn, expansion and cost-to-serve models", 0, 0));
        var models = LinkageModels.Fit(d);
        var evaluator = new QuantityEvaluator(plan, models);
        var fullTotals = evaluator.Describe(models.FullTotals);
        var point = evaluator.Evaluate(models.Coefficients, fullTotals);
        var (fit, source) = BootstrapAndQuality(facts, d, models, evaluator, fullTotals, options, progress);
        var notChecked = Estimate.Undefined(0, "Not cross-validated (CrossValidate = false)");
        var quality = fit.Quality ?? new ModelQuality(0, notChecked, notChecked, double.NaN, []);
        if (source == LinkageFitSource.Stored) progress?.Report(new LinkageProgress("Valuing the stored bootstrap replicates", 0, 0));
        var bootstrap = LinkageBootstrap.Evaluate(fit.Bootstrap, evaluator, options.Parallelism);

        var figures = new Figures(point, bootstrap, options.ConfidenceLevel);
        return new LinkageRun
        {
            Data = d, Models = models, Book = book, Evaluator = evaluator, Figures = figures,
            Options = options, Money = money, Assumptions = assumptions, Horizons = horizons, FitSource = source,
            Report = LinkageReportBuilder.Build(d, models, book, figures, quality, assumptions, horizons),
        };
    }

    /// <summary>
    /// The bootstrap replicates and the cross-validation: read from the store when these inputs were fitted before with
    /// these options, else fitted now and stored. This is the expensive part; everything after it depends on assumptions
    /// and levers, so the business case, theme impact, the report and the web app share one fit per data.
    /// </summary>
    static (StoredLinkageFit Fit, LinkageFitSource Source) BootstrapAndQuality(AnalysisFacts facts, LinkageDataset d, LinkageModels models,
        QuantityEvaluator evaluator, DescriptiveTotals fullTotals, LinkageOptions options, IProgress<LinkageProgress>? progress)
    {
        var key = LinkageFitKey.Of(d, models, options);
        if (LinkageFitStore.TryLoad(facts.Store, key, options.CrossValidate) is { } stored && LinkageFitCodec.Fits(stored, models.Coefficients, fullTotals))
            return (stored, LinkageFitSource.Stored);
        if (options.CrossValidate) progress?.Report(new LinkageProgress("Cross-validating the churn model", 0, 0));
        var quality = options.CrossValidate ? ModelQualityCheck.Run(d, models, options.Folds, options.Seed) : null;
        var bootstrap = LinkageBootstrap.Fit(d, models, evaluator, options,
            progress is null ? null : new Progress<int>(done => progress.Report(new LinkageProgress("Bootstrapping accounts", done, options.Resamples))));
        var fit = new StoredLinkageFit(bootstrap, quality);
        try { LinkageFitStore.Save(facts.Store, key, fit); }
        catch (System.Data.Common.DbException) { } // a store that cannot take the fit (e.g. a concurrent writer) costs only a refit next time
        return (fit, LinkageFitSource.Fitted);
    }

    /// <summary>Renewals with both outcomes (the loader refuses none at all) and some soft metric before them, or a <see cref="MissingDataException"/> naming what to import.</summary>
    static void RequireWhatTheModelsNeed(LinkageDataset d)
    {
        var churns = d.Churned.Count(c => c);
        if (churns == 0 || churns == d.Churned.Length)
            throw new MissingDataException($"{(churns == 0 ? "None" : "All")} of the {d.Churned.Length:N0} renewal decisions on record churned, so churn cannot be modelled.",
                ["renewals with both outcomes: fulcrum import outcomes FILE (kind renewal and churn)"]);
        if (!QuantityEvaluator.SoftFactors(d.ChurnSpace).Any() && d.ChurnSpace.NumericColumns.Count == 0)
        {
            var asked = string.Join(", ", d.Soft.Select(s => s.ToString().ToUpperInvariant()));
            throw new MissingDataException($"No {(asked.Length > 0 ? asked : "NPS, CSAT or CES")} answers in the year before any renewal, so there is no soft metric to link to churn and no score lever.",
                ["survey scores: fulcrum import responses FILE (nps, csat or ces columns)"]);
        }
    }

    public const string DetractorVsPromoter = "nps_detractor_vs_promoter";
    public const string OneNpsPoint = "nps_one_point";
    public const string ThemeExcessPrefix = "theme_excess:";

    /// <summary>Horizon of a theme's ARR at risk (the linkage report's one figure from its excess-churn scenario).</summary>
    public const int ThemeAtRiskMonths = 12;

    /// <summary>Least renewals after a theme was raised for its excess churn to be valued (a lever, a ranking).</summary>
    public const int MinimumThemeRenewals = 20;

    /// <summary>
    /// The changes the linkage report values itself: every account a detractor vs a promoter, one point of account NPS, and
    /// per theme its whole excess churn removed from the accounts that raised it in the last year (the ARR the theme puts at
    /// risk beyond what their scores, profile and other themes predict).
    /// </summary>
    static IEnumerable<Scenario> InternalScenarios(LinkageDataset d, Book book)
    {
        // The accounts raising each theme, in book order: one pass over the book, not one per theme.
        var raisingByTheme = d.Themes.Select(_ => new List<BookAccount>()).ToArray();
        foreach (var account in book.Accounts)
            foreach (var theme in account.Themes) raisingByTheme[theme].Add(account);
        for (var theme = 0; theme < d.Themes.Count; theme++)
        {
            var raising = raisingByTheme[theme];
            if (raising.Count == 0) continue;
            yield return new Scenario(ThemeExcessPrefix + d.Themes[theme].ThemeId,
                Book.Group(raising.Select(a => new BookEntry(a.ChurnCell, a.CostCell, 1, a.Arr, Theme: theme, ExcessKept: 1))),
                Book.Group(raising.Select(a => new BookEntry(a.ChurnCell, a.CostCell, 1, a.Arr, Theme: theme, ExcessKept: 0))), 0)
            { OnlyArrRetainedAt = ThemeAtRiskMonths };
        }

        var space = d.ChurnSpace;
        var nps = space.FactorIndex(LinkageFactors.Nps);
        if (nps < 0) yield break;
        var factor = space.Factors[nps];
        int det = factor.IndexOf(LinkageFactors.Detractor), pas = factor.IndexOf(LinkageFactors.Passive), pro = factor.IndexOf(LinkageFactors.Promoter);
        if (det >= 0 && pro >= 0)
        {
            var asPromoter = book.Entries.Select(e => e with { ChurnCell = space.WithLevel(e.ChurnCell, nps, pro) }).ToList();
            var asDetractor = book.Entries.Select(e => e with { ChurnCell = space.WithLevel(e.ChurnCell, nps, det) }).ToList();
            yield return new Scenario(DetractorVsPromoter, asPromoter, asDetractor, 0);
        }
        if (det >= 0 && pas >= 0 && pro >= 0)
        {
            // +1 point of account NPS: 1% of all accounts move up one category, taken from detractors and passives alike.
            double detractors = Count(book, space, nps, det), passives = Count(book, space, nps, pas);
            if (detractors + passives <= 0) yield break;
            var share = Math.Min(1, 0.01 * book.TotalAccounts / (detractors + passives));
            var (fromDet, toPas) = book.Move(space, nps, det, pas, share);
            var (fromPas, toPro) = book.Move(space, nps, pas, pro, share);
            yield return new Scenario(OneNpsPoint, [.. fromDet, .. fromPas], [.. toPas, .. toPro], 0);
        }
    }

    internal static double Count(Book book, CellSpace space, int factor, int level) =>
        book.Entries.Where(e => space.LevelsOf(e.ChurnCell)[factor] == level).Sum(e => e.Accounts);
}

/// <summary>What a scenario builder can see: the modelling data, the current book and the assumptions.</summary>
public sealed class LinkageContext
{
    internal LinkageContext(LinkageDataset data, Book book, IReadOnlyDictionary<string, double> assumptions)
    {
        Data = data;
        Book = book;
        Assumptions = assumptions;
    }

    internal LinkageDataset Data { get; }
    internal Book Book { get; }
    public IReadOnlyDictionary<string, double> Assumptions { get; }
}

/// <summary>A named change to value (a business-case lever), opaque outside the analytics.</summary>
public sealed class ScenarioDefinition
{
    internal ScenarioDefinition(Scenario scenario) => Scenario = scenario;
    internal Scenario Scenario { get; }
    public string Key => Scenario.Key;
    public double Cost => Scenario.Cost;
}
