using System.Globalization;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Linkage;

/// <summary>An account on the books today, placed in the churn model's and the cost model's cells.</summary>
internal sealed record BookAccount(int ChurnCell, int CostCell, double Arr, double CesCalibrated, long CesAnswers)
{
    /// <summary>Indexes (into <see cref="LinkageDataset.Themes"/>) of the themes the account raised in the year before the last day.</summary>
    public int[] Themes { get; init; } = [];
}

/// <summary>A feedback theme as the linkage sees it: its renewals from accounts that raised it in the year before.</summary>
internal sealed record LinkageTheme(string ThemeId, string Label, int[] Events);

/// <summary>
/// The modelling rows, loaded once: renewal decisions (churn and expansion models), account-quarters of service
/// (ticket and handle-time models) and the current book (what the business case values). Each row knows its account,
/// so a bootstrap replicate can resample accounts and re-total the cells.
/// </summary>
internal sealed class LinkageDataset
{
    public required IReadOnlySet<SoftMetric> Soft { get; init; }
    /// <summary>Why the soft metrics are these, when the rule chose them ("CSAT (6,589 renewals …; NPS has only 1, …)"); null when --soft named them.</summary>
    public string? SoftChoice { get; init; }
    /// <summary>The survey metrics answered in the year before at least one renewal, whether modelled or not: a lever's
    /// reason can then tell "the store lacks these answers" from "--soft left them out".</summary>
    public required IReadOnlySet<SoftMetric> Answered { get; init; }
    public required ReliabilityCalibration CesCalibration { get; init; }
    /// <summary>The CSAT factor's levels on the store's scale, and the points the CSAT lever moves.</summary>
    public required CsatPoints Csat { get; init; }
    public required double[] SizeCuts { get; init; }
    public required int Accounts { get; init; }

    public required CellSpace ChurnSpace { get; init; }
    /// <summary>Churn cells 0..n−1 hold renewals (interned first); later cells are only predicted for.</summary>
    public required int ChurnTrainingCells { get; init; }
    public required int[] EventAccount { get; init; }
    public required int[] EventCell { get; init; }
    public required bool[] Churned { get; init; }
    public required bool[] Expanded { get; init; }
    public required double[] ArrBefore { get; init; }
    /// <summary>ARR an expansion added at each renewal; NaN where an expansion has no ARR before or after it (counted, not valued).</summary>
    public required double[] ExpansionAmount { get; init; }

    public required CellSpace CostSpace { get; init; }
    /// <summary>Cost cells 0..n−1 hold account-quarters; later cells are only predicted for.</summary>
    public required int CostTrainingCells { get; init; }
    public required int[] ServiceAccount { get; init; }
    public required int[] ServiceCell { get; init; }
    public required double[] Tickets { get; init; }
    public required double[] HandleMinutes { get; init; }
    public required double[] Quarters { get; init; }
    /// <summary>NPS level (index into <see cref="LinkageFactors.NpsLevels"/>) of each service row, for cost to serve by NPS category.</summary>
    public required int[] ServiceNpsLevel { get; init; }

    public required IReadOnlyList<BookAccount> Book { get; init; }

    /// <summary>True when any support ticket is on record: cost to serve, and what moves it, can be modelled.</summary>
    public bool HasTickets => Tickets.Any(t => t > 0);

    /// <summary>
    /// True when any ARR is on record, at a renewal (outcomes) or on today's book (subscriptions). A business without
    /// recurring revenue imports outcomes without ARR: its churn is then counts and rates, never valued at an ARR of 0.
    /// </summary>
    public bool HasArr => ArrBefore.Any(a => a > 0) || Book.Any(b => b.Arr > 0);

    /// <summary>True when any expansion is on record at a renewal: expansion can be modelled.</summary>
    public bool HasExpansions => Expanded.Any(e => e);

    /// <summary>Renewals that expanded without ARR before or after (a status like "Upgraded" alone): expansions, but of no known amount.</summary>
    public int UnvaluedExpansions => Enumerable.Range(0, Expanded.Length).Count(i => Expanded[i] && double.IsNaN(ExpansionAmount[i]));

    /// <summary>The rows ordered by account, for the bootstrap's inner loop (built on first use).</summary>
    internal AccountRows Rows => _rows ??= AccountRows.Of(this);

    AccountRows? _rows;

    /// <summary>Themes raised before at least one renewal (empty until `fulcrum themes` has run).</summary>
    public required IReadOnlyList<LinkageTheme> Themes { get; init; }

    /// <summary>Number of CES points per numeric bin in the cost model.</summary>
    public const double CesBin = 0.25;

    public static LinkageDataset Load(AnalysisFacts facts, LinkageOptions options, IProgress<LinkageProgress>? progress = null)
    {
        var store = facts.Store;
        var renewals = facts.Renewals();
        var serviceQuarters = facts.ServiceQuarters();
        var bookFacts = facts.Book();
        var cesMoments = facts.CesMoments();
        // Accounts are numbered as first met, in the service history and then the renewals (the bootstrap draws by number).
        var accountIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        int Account(string id) => accountIndex.TryGetValue(id, out var i) ? i : accountIndex[id] = accountIndex.Count;

        progress?.Report(new LinkageProgress("Loading renewal decisions, service history, the current book and theme mentions", 0, 0));
        // The service history, the largest read, comes in on a second connection while this one reads the rest.
        using var sibling = store.OpenSibling();
        var ((events, book, themesRaised, ces), service) = SideBySide(
            () => LinkageRowReader.ServicePeriods(sibling, LinkageQueries.ServicePeriods(serviceQuarters),
                (int)sibling.Scalar<long>($"SELECT COUNT(*) FROM {serviceQuarters}"), Account),
            () => (LinkageRowReader.RenewalEvents(store, LinkageQueries.RenewalEvents(renewals)),
                   LinkageRowReader.Book(store, LinkageQueries.Book(bookFacts)),
                   LinkageRowReader.ThemesRaised(store, LinkageQueries.ThemesRaised(renewals)),
                   ReliabilityCalibration.Estimate(LinkageRowReader.CesMoments(store, LinkageQueries.CesMoments(cesMoments)))));
        if (events.Count == 0)
        {
            // A shop has orders and never renewals: importing renewals cannot help it, repeat purchase can.
            var sellsByOrder = store.Scalar<long>("SELECT COUNT(*) FROM orders") > 0;
            throw new MissingDataException("No renewal decisions on record (outcomes of kind renewal, churn, contraction or expansion), so churn and expansion cannot be "
                + "modelled and no lever can be valued." + (sellsByOrder
                    ? " The store records orders: a business that sells by order values CX as repeat purchase (fulcrum repeat-purchase; fulcrum business-case values that lever)."
                    : ""),
                [sellsByOrder ? "repeat purchase: fulcrum repeat-purchase (orders and CSAT or NPS answers)" : "renewals: fulcrum import outcomes FILE (kind renewal, churn, expansion or contraction)"]);
        }

        progress?.Report(new LinkageProgress("Placing rows in model cells", 0, 0));
        var answered = AnsweredBefore(events);
        var (defaultSoft, choice) = DefaultSoft(events);
        var soft = options.SoftMetrics ?? defaultSoft;
        var sizeCuts = LinkageFactors.SizeCuts(events.Select(e => e.ArrBefore));
        var sizeLevels = LinkageFactors.SizeLevels(sizeCuts);

        // Churn and expansion: a level code (index into the column's levels; −1 for one never seen) per renewal and column,
        // then factors from the levels that occur.
        var segments = events.Select(e => e.Segment ?? "unknown").Distinct().Order(StringComparer.Ordinal).ToArray();
        var segmentCode = Codes(segments);
        var churnColumns = new List<(string Name, string[] Levels, string? Preferred, Func<RenewalEventRow, int> Level)>();
        if (soft.Contains(SoftMetric.Nps)) churnColumns.Add((LinkageFactors.Nps, LinkageFactors.NpsLevels, LinkageFactors.Promoter, e => LinkageFactors.NpsLevelIndex(e.NpsMean)));
        var csat = CsatPoints.Of(store);
        if (soft.Contains(SoftMetric.Csat)) churnColumns.Add((LinkageFactors.Csat, csat.Levels, csat.Top, e => csat.Index(e.CsatMean)));
        churnColumns.Add((LinkageFactors.Segment, segments, null, e => segmentCode.GetValueOrDefault(e.Segment ?? "unknown", -1)));
        churnColumns.Add((LinkageFactors.Tenure, LinkageFactors.TenureLevels, null, e => LinkageFactors.TenureLevelIndex(e.TenureMonths)));
        churnColumns.Add((LinkageFactors.Products, LinkageFactors.ProductLevels, "1", e => LinkageFactors.ProductLevelIndex(e.Products)));
        churnColumns.Add((LinkageFactors.Size, sizeLevels, null, e => LinkageFactors.SizeLevel(sizeCuts, e.ArrBefore)));
        // CES enters the churn model as a number (calibrated for measurement noise, in half points): one slope, not noisy bands.
        var cesInChurn = soft.Contains(SoftMetric.Ces) && ces.Observations > 0;
        double[] ChurnNumeric(double? mean, long answers) => cesInChurn ? [BinChurnCes(ces.Calibrate(mean, answers))] : [];

        var eventLevels = new int[churnColumns.Count][];
        var churnFactors = new List<(Factor Factor, int Column, int[] Index)>();
        for (var c = 0; c < churnColumns.Count; c++)
        {
            var (name, levels, preferred, level) = churnColumns[c];
            var tally = new LevelTally(levels);
            eventLevels[c] = new int[events.Count];
            for (var i = 0; i < events.Count; i++)
                tally.Add(eventLevels[c][i] = level(events[i]), events[i].Churned);
            if (ChurnFactor(name, preferred, tally) is { } factor) churnFactors.Add((factor, c, tally.IndexesIn(factor)));
        }
        var churnSpace = new CellSpace(churnFactors.Select(f => f.Factor).ToList(), cesInChurn ? [LinkageFactors.Ces] : []);
        var churnLevels = new int[churnFactors.Count];
        // A level the renewals never showed (e.g. a segment with no renewal yet) cannot be predicted; such accounts are valued at the baseline level.
        int ChurnCell(Func<int, int> code, double[] numeric)
        {
            for (var f = 0; f < churnFactors.Count; f++)
            {
                var (factor, column, index) = churnFactors[f];
                var level = code(column) is var c and >= 0 ? index[c] : -1;
                churnLevels[f] = level >= 0 ? level : factor.Baseline;
            }
            return churnSpace.Intern(churnLevels, numeric);
        }

        // The service history is placed on another thread while the renewals are placed here: separate cell spaces.
        PlacedService PlaceService()
        {
            // Service: account-quarters collapsed per account and cost cell (sums are exact for the log-linear models).
            var costSegments = service.Segments.Concat(segments).Distinct().Order(StringComparer.Ordinal).ToArray();
            var costSegmentCode = Codes(costSegments);
            var serviceSegment = service.Segments.Select(s => costSegmentCode[s]).ToArray();
            var serviceSize = new int[service.Count];
            var tallies = new[]
            {
                new LevelTally(costSegments), new LevelTally(LinkageFactors.TenureLevels), new LevelTally(LinkageFactors.ProductLevels),
                new LevelTally(sizeLevels), new LevelTally(CesAnswered),
            };
            for (var r = 0; r < service.Count; r++)
            {
                tallies[0].Add(serviceSegment[service.Segment[r]]);
                tallies[1].Add(service.Tenure[r]);
                tallies[2].Add(service.Products[r]);
                tallies[3].Add(serviceSize[r] = LinkageFactors.SizeLevel(sizeCuts, service.Arr[r]));
                tallies[4].Add(service.CesAnswers[r] > 0 ? 0 : 1);
            }
            var costFactors = new List<Factor>
            {
                CostFactor(LinkageFactors.Segment, costSegments, tallies[0]),
                CostFactor(LinkageFactors.Tenure, LinkageFactors.TenureLevels, tallies[1]),
                CostFactor(LinkageFactors.Products, LinkageFactors.ProductLevels, tallies[2], "1"),
                CostFactor(LinkageFactors.Size, sizeLevels, tallies[3]),
                CostFactor("ces answered", CesAnswered, tallies[4], "yes"),
            };
            var costIndex = costFactors.Select((f, i) => tallies[i].IndexesIn(f)).ToArray();
            var hasCes = ces.Observations > 0;
            var costSpace = new CellSpace(costFactors, hasCes ? [LinkageFactors.Ces] : []);
            // Reused buffers: hundreds of thousands of account-quarters are placed, and Intern copies them only for a new cell.
            var costLevels = new int[5];
            var costNumeric = new double[hasCes ? 1 : 0];
            var (lastCostLevels, lastCostNumeric, lastCostCell) = (new int[5], new double[costNumeric.Length], -1);
            int CostCell(int segment, int tenure, int products, int size, long cesAnswers, double cesCalibrated)
            {
                costLevels[0] = Math.Max(0, segment >= 0 ? costIndex[0][segment] : -1);
                costLevels[1] = Math.Max(0, costIndex[1][tenure]);
                costLevels[2] = Math.Max(0, costIndex[2][products]);
                costLevels[3] = Math.Max(0, costIndex[3][size]);
                costLevels[4] = Math.Max(0, costIndex[4][cesAnswers > 0 ? 0 : 1]);
                if (hasCes) costNumeric[0] = BinCes(cesCalibrated);
                // An account's consecutive quarters mostly fall in one cell: the same pattern as the last row needs no lookup.
                if (lastCostCell >= 0 && costLevels.AsSpan().SequenceEqual(lastCostLevels) && costNumeric.AsSpan().SequenceEqual(lastCostNumeric))
                    return lastCostCell;
                costLevels.CopyTo(lastCostLevels);
                costNumeric.CopyTo(lastCostNumeric);
                return lastCostCell = costSpace.Intern(costLevels, costNumeric);
            }

            var serviceRows = new ServiceGroups();
            for (var r = 0; r < service.Count; r++)
            {
                var calibrated = ces.Calibrate(service.CesMean[r], service.CesAnswers[r]);
                var cell = CostCell(serviceSegment[service.Segment[r]], service.Tenure[r], service.Products[r], serviceSize[r], service.CesAnswers[r], calibrated);
                serviceRows.Add(service.Account[r], cell, service.Nps[r], service.Tickets[r], service.HandleMinutes[r]);
            }
            return new PlacedService(costSegmentCode, costSpace, costSpace.Count, serviceRows, CostCell);
        }

        var (eventCell, (costSegmentCode, costSpace, costTrainingCells, serviceRows, costCellOf)) = SideBySide(PlaceService, () =>
        {
            var cells = new int[events.Count];
            for (var i = 0; i < events.Count; i++)
            {
                var row = i;
                cells[i] = ChurnCell(c => eventLevels[c][row], ChurnNumeric(events[i].CesMean, events[i].CesAnswers));
            }
            return cells;
        });
        var churnTrainingCells = churnSpace.Count;

        var eventAccount = new int[events.Count];
        for (var i = 0; i < events.Count; i++) eventAccount[i] = Account(events[i].AccountId);
        var bookRows = book.Select(b =>
        {
            var calibrated = ces.Calibrate(b.CesMean, b.CesAnswers);
            var asEvent = new RenewalEventRow(b.AccountId, default, false, false, b.Arr, 0, b.Segment, b.TenureMonths, b.Products, b.NpsMean, b.CsatMean, b.CesMean, b.CesAnswers);
            var churnCell = ChurnCell(c => churnColumns[c].Level(asEvent), ChurnNumeric(b.CesMean, b.CesAnswers));
            var costCell = costCellOf(costSegmentCode.GetValueOrDefault(b.Segment ?? "unknown", -1), LinkageFactors.TenureLevelIndex(b.TenureMonths),
                LinkageFactors.ProductLevelIndex(b.Products), LinkageFactors.SizeLevel(sizeCuts, b.Arr), b.CesAnswers, calibrated);
            return new BookAccount(churnCell, costCell, b.Arr, calibrated, b.CesAnswers);
        }).ToList();

        // Columns of the renewals in plain loops: LINQ over value types runs unoptimised code in a seconds-long command.
        var (churned, expanded, arrBefore, expansionAmount) = (new bool[events.Count], new bool[events.Count], new double[events.Count], new double[events.Count]);
        for (var i = 0; i < events.Count; i++)
            (churned[i], expanded[i], arrBefore[i], expansionAmount[i]) = (events[i].Churned, events[i].Expanded, events[i].ArrBefore, events[i].ExpansionAmount ?? double.NaN);

        var (themes, bookThemes) = ThemesRaised(events, book, themesRaised);
        bookRows = bookRows.Select((b, i) => b with { Themes = bookThemes[i] }).ToList();
        return new LinkageDataset
        {
            Soft = soft,
            SoftChoice = options.SoftMetrics is null ? choice.Explanation : null,
            Answered = answered,
            CesCalibration = ces,
            Csat = csat,
            SizeCuts = sizeCuts,
            Accounts = accountIndex.Count,
            ChurnSpace = churnSpace,
            ChurnTrainingCells = churnTrainingCells,
            EventAccount = eventAccount,
            EventCell = eventCell,
            Churned = churned,
            Expanded = expanded,
            ArrBefore = arrBefore,
            ExpansionAmount = expansionAmount,
            CostSpace = costSpace,
            CostTrainingCells = costTrainingCells,
            ServiceAccount = [.. serviceRows.Account],
            ServiceCell = [.. serviceRows.Cell],
            ServiceNpsLevel = [.. serviceRows.Nps],
            Tickets = [.. serviceRows.Tickets],
            HandleMinutes = [.. serviceRows.Minutes],
            Quarters = [.. serviceRows.Quarters],
            Book = bookRows,
            Themes = themes,
        };
    }

    static readonly string[] CesAnswered = ["yes", "no"];

    /// <summary>The service history placed in the cost model's cells, and how to place another account there.</summary>
    sealed record PlacedService(Dictionary<string, int> SegmentCode, CellSpace Space, int TrainingCells, ServiceGroups Rows,
        Func<int, int, int, int, long, double, int> Cell);

    /// <summary>
    /// <paramref name="foreground"/> on this thread while <paramref name="background"/> runs on another; returns once both
    /// have finished (an exception of either is rethrown as it was, the foreground's first).
    /// </summary>
    static (TForeground, TBackground) SideBySide<TBackground, TForeground>(Func<TBackground> background, Func<TForeground> foreground)
    {
        var other = Task.Run(background);
        TForeground result;
        try { result = foreground(); }
        finally { ((IAsyncResult)other).AsyncWaitHandle.WaitOne(); }
        return (result, other.GetAwaiter().GetResult());
    }

    static Dictionary<string, int> Codes(string[] levels) =>
        levels.Select((level, code) => (level, code)).ToDictionary(p => p.level, p => p.code, StringComparer.Ordinal);

    /// <summary>A churn-model factor over the levels that occur; null when fewer than two do.</summary>
    static Factor? ChurnFactor(string name, string? preferred, LevelTally tally)
    {
        var present = tally.Present();
        if (present.Length < 2) return null;
        // A level whose renewals all churned or all stayed separates churn; it cannot be the baseline (every comparison with it would be infinite).
        var separated = tally.Separated();
        var baseline = preferred is not null && tally.Occurs(preferred) && !separated.Contains(preferred) ? preferred
            : tally.MostCommon(separated) ?? tally.MostCommon(NoLevels)!;
        return new Factor(name, present, Array.IndexOf(present, baseline)) { Separated = separated.Select(l => Array.IndexOf(present, l)).ToHashSet() };
    }

    static readonly IReadOnlySet<string> NoLevels = new HashSet<string>();

    /// <summary>A cost-model factor over the levels that occur (all levels when none occur, so the space stays well formed).</summary>
    static Factor CostFactor(string name, string[] levels, LevelTally tally, string? preferred = null)
    {
        var present = tally.Present();
        if (present.Length == 0) present = levels;
        var baseline = preferred is not null && Array.IndexOf(present, preferred) >= 0 ? Array.IndexOf(present, preferred)
            : tally.MostCommon(NoLevels) is { } common ? Array.IndexOf(present, common) : 0;
        return new Factor(name, present, Math.Max(baseline, 0));
    }

    /// <summary>Per theme, the renewals preceded within a year by an answer raising it; per book account, the themes it raised in the last year.</summary>
    static (IReadOnlyList<LinkageTheme> Themes, int[][] BookThemes) ThemesRaised(IReadOnlyList<RenewalEventRow> events, IReadOnlyList<BookAccountRow> book,
        IReadOnlyList<ThemesRaisedRow> rows)
    {
        // Themes in id order (ordinal, whatever the store's collation); the store numbers them in its own order.
        var ids = rows.Where(r => r.Kind == 2).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        if (ids.Count == 0) return ([], book.Select(_ => Array.Empty<int>()).ToArray());
        var index = new int[ids.Count];
        for (var i = 0; i < ids.Count; i++) index[int.Parse(ids[i].Themes, CultureInfo.InvariantCulture)] = i;
        // Millions of theme numbers at 100k accounts: parsed from the list in place, not split into strings.
        int[] Themes(string list)
        {
            var themes = new int[list.AsSpan().Count(',') + 1];
            var rest = list.AsSpan();
            for (var t = 0; t < themes.Length; t++)
            {
                var comma = rest.IndexOf(',');
                var number = comma < 0 ? rest : rest[..comma];
                themes[t] = index[int.Parse(number, CultureInfo.InvariantCulture)];
                rest = comma < 0 ? [] : rest[(comma + 1)..];
            }
            Array.Sort(themes);
            return themes;
        }
        var beforeDecision = rows.Where(r => r.Kind == 0).ToDictionary(r => (r.Key, r.Day!.Value), r => Themes(r.Themes));
        var beforeLastDay = rows.Where(r => r.Kind == 1).ToDictionary(r => r.Key, r => Themes(r.Themes), StringComparer.Ordinal);
        var eventsByTheme = ids.Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < events.Count; i++)
            if (beforeDecision.TryGetValue((events[i].AccountId, events[i].Day), out var raised))
                foreach (var theme in raised) eventsByTheme[theme].Add(i);
        var bookThemes = book.Select(b => beforeLastDay.GetValueOrDefault(b.AccountId) ?? []).ToArray();
        return (ids.Select((t, i) => new LinkageTheme(t.Key, t.Label!, eventsByTheme[i].ToArray())).ToList(), bookThemes);
    }

    public static double BinCes(double calibrated) => Math.Round(calibrated / CesBin) * CesBin;

    /// <summary>Calibrated CES rounded to half points for the churn model's cells.</summary>
    public static double BinChurnCes(double calibrated) => Math.Round(calibrated * 2) / 2;

    static IReadOnlySet<SoftMetric> AnsweredBefore(IReadOnlyList<RenewalEventRow> events)
    {
        var answered = new HashSet<SoftMetric>();
        if (events.Any(e => e.NpsMean is not null)) answered.Add(SoftMetric.Nps);
        if (events.Any(e => e.CsatMean is not null)) answered.Add(SoftMetric.Csat);
        if (events.Any(e => e.CesMean is not null)) answered.Add(SoftMetric.Ces);
        return answered;
    }

    /// <summary>
    /// The default soft metrics by the rule every analysis uses (<see cref="SurveyMetricChoice"/>), on the renewals preceded
    /// by an answer: the chosen metric, NPS or CSAT as levels, and CES as a number whenever it is well answered.
    /// </summary>
    internal static (IReadOnlySet<SoftMetric> Soft, SurveyMetricChoice Choice) DefaultSoft(IReadOnlyList<RenewalEventRow> events)
    {
        long nps = 0, csat = 0, ces = 0;
        foreach (var e in events)
        {
            if (e.NpsMean is not null) nps++;
            if (e.CsatMean is not null) csat++;
            if (e.CesMean is not null) ces++;
        }
        var choice = SurveyMetricChoice.From(nps, csat, ces, "renewals with an answer in the year before");
        var soft = choice.ModelMetrics.Select(m => m switch { "nps" => SoftMetric.Nps, "csat" => SoftMetric.Csat, _ => SoftMetric.Ces }).ToHashSet();
        return (soft, choice);
    }
}

/// <summary>The data cannot support a linkage model; the message says why and what to do.</summary>
public class LinkageException(string message) : Exception(message);

/// <summary>The store lacks data the analysis needs: not an error in the request, an absent figure with its reason and what to import.</summary>
public sealed class MissingDataException(string message, IReadOnlyList<string> missing) : LinkageException(message)
{
    /// <summary>What to import, one entry per missing input.</summary>
    public IReadOnlyList<string> Missing { get; } = missing;
}
