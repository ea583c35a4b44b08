using System.Globalization;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Analytics.Themes;

namespace Fulcrum.Analytics.BusinessCase;

/// <summary>
/// The levers Fulcrum values: moving detractors or passives up, moving dissatisfied customers (CSAT) up, lowering
/// customer effort, avoiding support contacts, fixing a feedback theme.
/// Each reads its size and cost from the assumptions, so finance can change them and every output shows them.
/// </summary>
public static class LeverCatalog
{
    public const string DetractorsToPassive = "detractors_to_passive";
    public const string DetractorsToPromoter = "detractors_to_promoter";
    public const string PassivesToPromoter = "passives_to_promoter";
    public const string LowerEffort = "lower_effort";
    public const string FewerContacts = "fewer_contacts";

    public const string CsatDissatisfiedToSatisfied = "csat_dissatisfied_to_satisfied";

    /// <summary>
    /// Builds every lever for the current book. A lever exists only when the data hold what it moves (scores before
    /// renewals for the score levers, tickets for the contact and effort levers); the others come back with
    /// <see cref="Lever.Unavailable"/> saying what is missing and what to import, and no scenario.
    /// </summary>
    /// <param name="only">Builds just the lever with this id (the sensitivity analysis re-values one lever at a time).</param>
    public static IReadOnlyList<(Lever Lever, ScenarioDefinition? Scenario)> Build(LinkageContext context, IReadOnlyDictionary<string, double>? sizeOverrides = null,
        string? only = null)
    {
        double A(string name) => sizeOverrides is not null && sizeOverrides.TryGetValue(name, out var v) ? v : context.Assumptions[name];
        bool Wanted(string id) => only is null || only == id;
        var space = context.Data.ChurnSpace;
        var book = context.Book;
        var result = new List<(Lever, ScenarioDefinition?)>();

        // Moves a share of the accounts at some levels of a soft metric to another level: they churn and expand like those accounts.
        // fromText names the levels moved where joining them would not ("CSAT 1–3 on a 1–10 scale"); else "NPS detractor", "CSAT 1–2".
        void Move(string id, string title, string metric, string[] fromLevels, string toLevel, string sizeAssumption, string costAssumption, string missing,
            string? fromText = null)
        {
            if (!Wanted(id)) return;
            var share = A(sizeAssumption);
            var costPer = A(costAssumption);
            var f = space.FactorIndex(metric);
            var factor = f >= 0 ? space.Factors[f] : null;
            var from = fromLevels.Select(l => factor?.IndexOf(l) ?? -1).Where(l => l >= 0).ToArray();
            var to = factor?.IndexOf(toLevel) ?? -1;
            var mechanism = $"Churn, expansion and retention of the moved accounts valued as {metric.ToUpperInvariant()} {toLevel} accounts of the same profile (churn and expansion models).";
            if (from.Length == 0 || to < 0)
            {
                result.Add((new Lever(id, title, share, "share", sizeAssumption, 0, 0, costAssumption, "", mechanism, missing), null));
                return;
            }
            var moves = from.Select(level => book.Move(space, f, level, to, share)).ToList();
            var separated = from.Append(to).Where(factor!.Separated.Contains).Select(l => factor.Levels[l]).ToList();
            // Where the levels separate churn the model can only repeat the observed extremes: say so with the value.
            var caveat = separated.Count == 0 ? ""
                : $" {metric.ToUpperInvariant()} {string.Join(", ", separated)} separate churn (all or none of their renewals churned), so the model's rates there are Firth-penalized "
                  + "extremes close to the observed 100% or 0%: the value assumes moved customers would churn as those observed, which these data cannot test.";
            List<BookEntry> fromEntries = [.. moves.SelectMany(m => m.From)], toEntries = [.. moves.SelectMany(m => m.To)];
            var accounts = fromEntries.Sum(e => e.Accounts);
            if (from.Sum(level => LinkageAnalysis.Count(book, space, f, level)) == 0)
            {
                // Everyone at those levels has left (as every CSAT 1–2 customer of IBM Telco): a lever moving nobody is not a $0 lever.
                result.Add((new Lever(id, title, share, "share", sizeAssumption, 0, 0, costAssumption, "", mechanism,
                    $"no account on today's book is at {fromText ?? $"{metric.ToUpperInvariant()} {string.Join("–", fromLevels)}"} (those who were have left), so there is no one to move"), null));
                return;
            }
            var cost = accounts * costPer;
            result.Add((new Lever(id, title, share, "share", sizeAssumption, accounts, cost, costAssumption,
                    $"{accounts:N0} accounts × {Money(costPer)}",
                    $"The moved accounts churn, expand and stay like {metric.ToUpperInvariant()} {toLevel} accounts of the same segment, tenure, products and size (churn and expansion models).{caveat}"),
                new ScenarioDefinition(new Scenario(id, fromEntries, toEntries, cost))));
        }
        string NpsMissing(string fromName, string toName) => ScoreMissing(context.Data, SoftMetric.Nps, "nps",
            $"needs NPS answers from both {fromName}s and {toName}s in the year before renewals");
        void NpsMove(string id, string fromName, string toName, string sizeAssumption, string costAssumption) =>
            Move(id, $"Move {Percent(A(sizeAssumption))} of {fromName}s to {toName}", LinkageFactors.Nps, [fromName], toName, sizeAssumption, costAssumption, NpsMissing(fromName, toName));
        NpsMove(DetractorsToPassive, LinkageFactors.Detractor, LinkageFactors.Passive, "lever_size_detractors_to_passive", "lever_cost_detractor_recovery");
        NpsMove(DetractorsToPromoter, LinkageFactors.Detractor, LinkageFactors.Promoter, "lever_size_detractors_to_promoter", "lever_cost_detractor_recovery");
        NpsMove(PassivesToPromoter, LinkageFactors.Passive, LinkageFactors.Promoter, "lever_size_passives_to_promoter", "lever_cost_promoter_programme");
        // CSAT: the dissatisfied (the scale's bottom quarter: 1–2 on 1–5) become satisfied at the first point of its top half
        // (4 on 1–5), valued like the NPS moves. The points are the store's scale's (CsatPoints), so 1–10 moves 1–3 to 6.
        const string csatSize = "lever_size_csat_dissatisfied_to_satisfied";
        var csat = context.Data.Csat;
        var dissatisfied = csat.Scale.UnhappyRange;
        Move(CsatDissatisfiedToSatisfied, $"Move {Percent(A(csatSize))} of dissatisfied customers ({dissatisfied}) to satisfied ({csat.Satisfied})", LinkageFactors.Csat,
            csat.Dissatisfied, csat.Satisfied, csatSize, "lever_cost_detractor_recovery", ScoreMissing(context.Data, SoftMetric.Csat, "csat",
                $"needs CSAT answers of {csat.DissatisfiedPoints} and of {csat.Satisfied}{csat.OnScale} in the year before renewals"), dissatisfied);
        if (Wanted(LowerEffort)) result.Add(LowerEffortLever(context, A("lever_size_ces_reduction"), A("lever_cost_effort_reduction")));
        if (Wanted(FewerContacts)) result.Add(FewerContactsLever(context, A("lever_size_contact_reduction"), A("lever_cost_contact_reduction")));
        for (var theme = 0; theme < context.Data.Themes.Count; theme++)
            if (Wanted(FixThemePrefix + context.Data.Themes[theme].ThemeId))
                result.Add(FixThemeLever(context, theme, A("lever_size_fix_theme"), A("lever_cost_fix_theme")));
        // Without a book every lever would be valued at $0 ($0 to $0): each is unavailable, saying why.
        if (book.Accounts.Count == 0)
            return result.Select(l => (l.Item1 with { Unavailable = LinkageReportBuilder.NoBook }, (ScenarioDefinition?)null)).ToList();
        if (context.Data.HasArr) return result;
        // Without ARR a lever that works through retention would be valued at $0: it is unavailable, saying why. Only a
        // lever whose whole value is cost to serve (fewer contacts) keeps its money.
        return result.Select(l => l.Item1.Id == FewerContacts || l.Item2 is null ? l
            : (l.Item1 with { Unavailable = LinkageReportBuilder.NoArr }, (ScenarioDefinition?)null)).ToList();
    }

    /// <summary>
    /// Why a score lever cannot be valued, and the one step that would help: answers of the levels it moves (the metric is
    /// modelled), the metric's answers at all (the store has none before any renewal), or --soft (answered, left out).
    /// </summary>
    static string ScoreMissing(LinkageDataset data, SoftMetric metric, string column, string levelsNeeded)
    {
        var import = $"import survey responses with {(column == "nps" ? "an" : "a")} {column} column (fulcrum import responses FILE)";
        var name = column.ToUpperInvariant();
        return data.Soft.Contains(metric) ? $"{levelsNeeded}; {import}"
            : !data.Answered.Contains(metric) ? $"the store has no {name} answers in the year before any renewal; {import} to use this lever"
            : $"{name} is not in the linkage model ({(data.SoftChoice is { } chosen ? $"the renewals' survey metric is {chosen}" : "--soft left it out")}); run with --soft including {column}";
    }

    static (Lever, ScenarioDefinition?) LowerEffortLever(LinkageContext context, double points, double costPerAccountPoint)
    {
        var d = context.Data;
        var title = $"Lower customer effort (CES) by {points.ToString("0.##", CultureInfo.InvariantCulture)} points";
        const string sizeName = "lever_size_ces_reduction", costName = "lever_cost_effort_reduction";
        if (d.CesCalibration.Observations == 0)
            return (new Lever(LowerEffort, title, points, "CES points", sizeName, 0, 0, costName, "", "",
                "no CES answers on record; import survey responses with a ces column (fulcrum import responses FILE)"), null);
        if (!d.HasTickets) return (new Lever(LowerEffort, title, points, "CES points", sizeName, 0, 0, costName, "", "", LinkageReportBuilder.NoTickets), null);
        var space = d.ChurnSpace;
        var ces = space.NumericColumns.Count > 0 && space.NumericColumns[0] == LinkageFactors.Ces ? 0 : -1;
        var from = new List<BookEntry>();
        var to = new List<BookEntry>();
        // Accounts share few (cell, lowered CES) pairs: look each up once rather than once per account.
        var churnCells = new Dictionary<(int, double), int>();
        var costCells = new Dictionary<(int, double), int>();
        foreach (var a in context.Book.Accounts)
        {
            var lowered = Math.Max(1, a.CesCalibrated - points);
            var churnBin = LinkageDataset.BinChurnCes(lowered);
            var costBin = LinkageDataset.BinCes(lowered);
            if (!churnCells.TryGetValue((a.ChurnCell, churnBin), out var churnCell))
                churnCells[(a.ChurnCell, churnBin)] = churnCell = ces >= 0 ? space.WithNumeric(a.ChurnCell, ces, churnBin) : a.ChurnCell;
            if (!costCells.TryGetValue((a.CostCell, costBin), out var costCell))
                costCells[(a.CostCell, costBin)] = costCell = d.CostSpace.WithNumeric(a.CostCell, 0, costBin);
            from.Add(new BookEntry(a.ChurnCell, a.CostCell, 1, a.Arr));
            to.Add(new BookEntry(churnCell, costCell, 1, a.Arr));
        }
        var accounts = context.Book.Accounts.Count;
        var cost = accounts * points * costPerAccountPoint;
        var mechanism = ces >= 0
            ? "Each account's effort (CES, corrected for measurement noise) drops; tickets and handle time follow the cost-to-serve models, churn and expansion follow the CES slope of the churn and expansion models holding NPS fixed (the direct effect; any gain through higher NPS is not counted)."
            : "Each account's effort (CES, corrected for measurement noise) drops; tickets and handle time follow the cost-to-serve models.";
        return (new Lever(LowerEffort, title, points, "CES points", sizeName, accounts, cost, costName,
                $"{accounts:N0} accounts × {points:0.##} points × {Money(costPerAccountPoint)}", mechanism),
            new ScenarioDefinition(new Scenario(LowerEffort, Book.Group(from), Book.Group(to), cost)));
    }

    static (Lever, ScenarioDefinition?) FewerContactsLever(LinkageContext context, double share, double costPerAccountPercent)
    {
        var title = $"Avoid {Percent(share)} of support contacts";
        const string sizeName = "lever_size_contact_reduction", costName = "lever_cost_contact_reduction";
        if (!context.Data.HasTickets) return (new Lever(FewerContacts, title, share, "share", sizeName, 0, 0, costName, "", "", LinkageReportBuilder.NoTickets), null);
        var entries = context.Book.Entries;
        var accounts = context.Book.TotalAccounts;
        var cost = accounts * share * 100 * costPerAccountPercent;
        return (new Lever(FewerContacts, title, share, "share", sizeName, accounts, cost, costName,
                $"{accounts:N0} accounts × {share * 100:0.#}% × {Money(costPerAccountPercent)}",
                "Cost to serve falls in proportion (agent time and per-ticket cost scale with contacts); churn is not assumed to change."),
            new ScenarioDefinition(new Scenario(FewerContacts, entries, entries.Select(e => e with { CostMultiplier = e.CostMultiplier * (1 - share) }).ToList(), cost)));
    }


    public const string FixThemePrefix = "fix_theme:";

    static (Lever, ScenarioDefinition?) FixThemeLever(LinkageContext context, int theme, double share, double cost)
    {
        var t = context.Data.Themes[theme];
        var id = FixThemePrefix + t.ThemeId;
        var title = $"Fix theme \"{t.Label}\" ({Percent(share)} of its excess churn)";
        const string sizeName = "lever_size_fix_theme", costName = "lever_cost_fix_theme";
        const string mechanism = "Accounts that raised the theme in the last year churn more than their NPS, CES and profile predict (observed / predicted churn); fixing it removes that share of the excess.";
        var raising = context.Book.Accounts.Where(a => a.Themes.Contains(theme)).ToList();
        if (t.Events.Length < LinkageAnalysis.MinimumThemeRenewals || raising.Count == 0)
            return (new Lever(id, title, share, "share", sizeName, raising.Count, cost, costName, MoneyFormat.Short(cost), mechanism,
                t.Events.Length < LinkageAnalysis.MinimumThemeRenewals ? $"only {t.Events.Length} renewals followed the theme; at least {LinkageAnalysis.MinimumThemeRenewals} are needed" : "no account on the books raised it in the last year"), null);
        var from = Book.Group(raising.Select(a => new BookEntry(a.ChurnCell, a.CostCell, 1, a.Arr, Theme: theme, ExcessKept: 1)));
        var to = Book.Group(raising.Select(a => new BookEntry(a.ChurnCell, a.CostCell, 1, a.Arr, Theme: theme, ExcessKept: 1 - share)));
        return (new Lever(id, title, share, "share", sizeName, raising.Count, cost, costName, $"{MoneyFormat.Short(cost)} for the theme", mechanism),
            new ScenarioDefinition(new Scenario(id, from, to, cost)));
    }

    /// <summary>Why a strength has no "Fix theme" lever (docs/methods.md, business case).</summary>
    public const string StrengthNotFixed = "a strength, not a problem (customers speak of it favourably, or score higher when they raise it): nothing to fix, "
        + "and what losing it would cost is not in these data (no account is seen losing it), so it is not valued";

    /// <summary>
    /// The levers with every strength's "Fix theme" lever unavailable, saying why (<see cref="StrengthNotFixed"/>): the kinds are
    /// the theme impact's (<see cref="ThemeImpactAnalysis.KindOf"/>), decided apart from the linkage fit, so the fit values
    /// every theme and the business case offers the problems' levers only. A theme without a kind stays a problem.
    /// </summary>
    internal static IReadOnlyList<(Lever Lever, ScenarioDefinition? Scenario)> WithoutStrengths(IReadOnlyList<(Lever Lever, ScenarioDefinition? Scenario)> levers,
        IReadOnlyDictionary<string, ThemeKind> kinds) =>
        // Without a book no lever is valued, strengths included: they keep that one reason, so it is said once.
        levers.Select(l => l.Lever.Id.StartsWith(FixThemePrefix, StringComparison.Ordinal) && l.Lever.Unavailable != LinkageReportBuilder.NoBook
                           && kinds.GetValueOrDefault(l.Lever.Id[FixThemePrefix.Length..]) == ThemeKind.Strength
            ? (l.Lever with { Unavailable = StrengthNotFixed }, (ScenarioDefinition?)null)
            : l).ToList();

    static string Percent(double share) => share.ToString("0.#%", CultureInfo.InvariantCulture);

    internal static string Money(double value) => MoneyFormat.Short(value);
}
