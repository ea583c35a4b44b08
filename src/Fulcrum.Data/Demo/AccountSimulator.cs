using System.Globalization;
using Fulcrum.Core.Statistics;
using Fulcrum.Data.Demo.Comments;
using static Fulcrum.Data.Demo.DemoModel;
using static Fulcrum.Data.Demo.Sampling;

namespace Fulcrum.Data.Demo;

/// <summary>
/// Simulates one account over the period, quarter by quarter: surveys, tickets, product adoption, renewals,
/// references. Each account has its own random stream derived from (seed, account number), so accounts can
/// be simulated in parallel and the output never depends on scheduling.
/// </summary>
internal sealed class AccountSimulator(DemoCompanyOptions options)
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    sealed class Subscription(string product, DateOnly start, double arr, string manager)
    {
        public string Product = product;
        public DateOnly Start = start;
        public double Arr = arr;
        public string Manager = manager;
    }

    public void Simulate(int index, DemoBatch batch)
    {
        var rng = DeterministicRandom.Create((ulong)options.Seed, (ulong)index);
        var id = $"ACC-{index + 1:D6}";
        var quarters = options.Quarters;
        var start = DemoCompanyOptions.PeriodStart;
        var end = options.PeriodEnd;
        var initial = index < options.Accounts * InitialShare;

        var created = initial
            ? start.AddDays(-rng.Next(30, 4 * 365))
            : QuarterStart(AcquisitionQuarter(rng, quarters)).AddDays(rng.Next(0, 90));
        var segment = DemoCatalog.Pick(rng, initial ? InitialSegmentWeights : NewSegmentWeights);
        var segmentName = DemoCatalog.Segments[segment];
        var region = DemoCatalog.Regions[DemoCatalog.Pick(rng, DemoCatalog.RegionWeights)];
        var industry = DemoCatalog.Industries[rng.Next(DemoCatalog.Industries.Length)];
        var latentScore = Normal(rng, options.PlantEffects ? MeanScore(segment, initial) : NullMeanScore, AccountScoreSd);
        var effort = Math.Clamp(Normal(rng, MeanEffort, EffortSd), 1, 7);
        var coreArr = Math.Round(LogNormal(rng, MedianArr[segment], ArrSigma), 0);
        var coreManager = DemoCatalog.AccountManagers[rng.Next(DemoCatalog.AccountManagers.Length)];

        // Planned adoption of more products (effect 1).
        var adoptions = new List<(DateOnly Date, string Product)>();
        var addOns = DemoCatalog.AddOnProducts.OrderBy(_ => rng.Next()).ToArray();
        // Without planted effects, who adopts must not depend on satisfaction either, or adoption itself would sort happy and unhappy accounts.
        var happyLarge = initial && segment > 0 && (!options.PlantEffects || latentScore >= HappyLargeThreshold);
        if (happyLarge ? Chance(rng, AdoptSecondChance) : Chance(rng, OtherAdoptChance))
        {
            var second = rng.Next(1, Math.Max(2, Math.Min(8, quarters - 1)));
            adoptions.Add((QuarterStart(second).AddDays(rng.Next(0, 80)), addOns[0]));
            var third = second + rng.Next(2, 5);
            if (happyLarge && third < quarters && Chance(rng, AdoptThirdChance))
                adoptions.Add((QuarterStart(third).AddDays(rng.Next(0, 80)), addOns[1]));
        }

        var accountPosition = batch.Accounts.Count;
        batch.Accounts.Add(new AccountRow(id, DemoCatalog.CompanyName(rng), segmentName, region, industry, created, coreManager,
            $"{{\"employees\":{(int)LogNormal(rng, segment switch { 0 => 60, 1 => 600, _ => 6000 }, 0.5)},\"plan\":\"{(segment == 2 ? "Premier" : segment == 1 ? "Business" : "Starter")}\"}}"));

        var subscriptions = new List<Subscription> { new(DemoCatalog.CorePlatform, created, coreArr, coreManager) };
        var renewals = Anniversaries(created, start, end).ToList();
        adoptions = adoptions.Select(a => renewals.Contains(a.Date) || a.Date <= created ? (a.Date.AddDays(1), a.Product) : a).ToList();

        DateOnly? churned = null;
        var raised = PlantedThemes.None;
        var recentScores = new List<(DateOnly Date, int Score)>();
        int responseSeq = 0, ticketSeq = 0, referenceSeq = 0;

        for (var q = 0; q < quarters && churned is null; q++)
        {
            var qStart = QuarterStart(q);
            var qEnd = QuarterStart(q + 1).AddDays(-1);
            if (created > qEnd) continue;
            var activeFrom = created > qStart ? created : qStart;

            // The quarter's events in date order: product adoptions, the survey, renewals. A churn ends the account.
            var surveyDay = qStart.AddDays(30 + rng.Next(0, 25));
            var events = adoptions.Where(a => a.Date >= activeFrom && a.Date <= qEnd).Select(a => (a.Date, Kind: 0, a.Product))
                .Concat(renewals.Where(r => r >= activeFrom && r <= qEnd).Select(r => (Date: r, Kind: 2, Product: "")))
                .Append((Date: surveyDay, Kind: 1, Product: ""))
                .Where(e => e.Date >= activeFrom)
                .OrderBy(e => e.Date).ThenBy(e => e.Kind)
                .ToList();
            var initiativeShifts = DemoInitiative.All.Select(i => options.PlantEffects ? i.ScoreShift(segmentName, region, q) : 0).ToArray();
            var initiativeShift = initiativeShifts.Sum();
            var effortShift = options.PlantEffects ? EffortScoreSlope * (effort - MeanEffort) : 0;
            double MultiShift() => !options.PlantEffects ? 0 : (subscriptions.Count >= 2 ? SecondProductShift : 0) + (subscriptions.Count >= 3 ? ThirdProductShift : 0);

            foreach (var (date, kind, product) in events)
            {
                if (churned is not null) break;
                if (kind == 0)
                {
                    var before = subscriptions.Sum(s => s.Arr);
                    var arr = Math.Round(coreArr * AddOnArrShare * (0.7 + 0.6 * rng.NextDouble()), 0);
                    subscriptions.Add(new Subscription(product, date, arr, DemoCatalog.AccountManagers[rng.Next(DemoCatalog.AccountManagers.Length)]));
                    batch.Outcomes.Add(new OutcomeRow(id, date, "expansion", before, before + arr));
                }
                else if (kind == 1)
                {
                    Survey(rng, batch, index, id, segment, segmentName, region, q, date, latentScore, effort, effortShift, MultiShift(),
                        initiativeShifts, initiativeShift, subscriptions, recentScores, ref responseSeq, ref referenceSeq, ref raised);
                }
                else
                {
                    churned = Renew(rng, batch, id, date, subscriptions, recentScores, options.PlantEffects ? raised : PlantedThemes.None, options.PlantEffects,
                        latentScore + effortShift + MultiShift() + initiativeShift, ref coreArr);
                }
            }

            // Support tickets over the days the account was a customer this quarter: more with effort (CES) and products (effect 3).
            var activeTo = churned ?? qEnd;
            var activeDays = activeTo.DayNumber - activeFrom.DayNumber + 1;
            var lambda = TicketsPerQuarter[segment] * Math.Exp((options.PlantEffects ? EffortTicketSlope : 0) * (effort - MeanEffort))
                         * (1 + ExtraProductTicketShare * (subscriptions.Count - 1)) * activeDays / 91.0;
            var tickets = Poisson(rng, lambda);
            for (var t = 0; t < tickets; t++)
                batch.Tickets.Add(Ticket(rng, $"T-{index + 1:D6}-{++ticketSeq:D5}", id, activeFrom, activeDays, effort, subscriptions.Count >= 2));
        }
        foreach (var s in subscriptions)
            batch.Subscriptions.Add(new SubscriptionRow(id, s.Product, s.Start, churned, s.Arr, s.Manager));
        if (options.ComplaintOddsRatio is { } ratio)
        {
            var account = batch.Accounts[accountPosition];
            batch.Accounts[accountPosition] = account with { Attributes = ComplaintFlag.AddTo(account.Attributes, ComplaintFlag.Draw(options.Seed, index, churned is not null, ratio)) };
        }
    }

    /// <summary>
    /// A CSAT-only company's answer: the customer's 0–10 sentiment on a strict 1–5 satisfaction scale (0–6 → 1, 7 → 2, 8 → 3,
    /// 9 → 4, 10 → 5), so the dissatisfied (1–2) are the would-be detractors and passives and carry the planted churn. The
    /// linkage levels accounts by their rounded mean answer of the year before; with the default company's NPS-derived CSAT
    /// (rarely below 3) or a lenient scale, an account averaging 1–2 is too rare to value a lever on.
    /// </summary>
    static double CsatOnlyAnswer(int score) => score switch { <= 6 => 1, 7 => 2, 8 => 3, 9 => 4, _ => 5 };

    void Survey(Random rng, DemoBatch batch, int index, string id, int segment, string segmentName, string region, int q, DateOnly surveyDay,
        double latentScore, double effort, double effortShift, double multiShift, double[] initiativeShifts, double initiativeShift,
        List<Subscription> subscriptions, List<(DateOnly Date, int Score)> recentScores, ref int responseSeq, ref int referenceSeq, ref PlantedThemes raised)
    {
        var multiNow = subscriptions.Count >= 2;
        for (var contact = 1; contact <= SurveyContacts[segment]; contact++)
        {
            if (!Chance(rng, ResponseRate)) continue;
            var x = latentScore + effortShift + multiShift + initiativeShift + Normal(rng, 0, ResponseNoiseSd);
            var score = ToScore(x);
            if (multiShift != 0) batch.Tally.MultiProduct.Add(score, ToScore(x - multiShift));
            for (var i = 0; i < DemoInitiative.All.Count; i++)
                if (DemoInitiative.All[i].Targets(segmentName, region) && q >= DemoInitiative.All[i].StartQuarter)
                    batch.Tally.Initiatives[DemoInitiative.All[i].Id].Add(score, ToScore(x - initiativeShifts[i]));
            var category = Category(score);
            var csat = Math.Clamp(Math.Round(1 + 4 * score / 10.0 + Normal(rng, 0, 0.6)), 1, 5);
            if (options.CsatOnly) csat = CsatOnlyAnswer(score);
            var ces = Math.Clamp(Math.Round(effort + Normal(rng, 0, 0.7)), 1, 7);
            string? comment = null, themes = null;
            if (Chance(rng, CommentChance))
            {
                var picked = PickThemes(rng, category, multiNow && options.PlantEffects, effort);
                comment = CommentWriter.Write(rng, picked, score, subscriptions.Select(s => s.Product).ToList());
                themes = string.Join(";", picked.Select(CommentThemes.Key));
                var integration = picked.Contains(CommentTheme.ProductsDontIntegrate);
                var managers = picked.Contains(CommentTheme.TooManyAccountManagers);
                if (integration) raised |= PlantedThemes.Integration;
                if (managers) raised |= PlantedThemes.Managers;
                if (multiNow && category == NpsCategory.Detractor)
                {
                    batch.Tally.MultiDetractorComments++;
                    if (integration) batch.Tally.MultiDetractorIntegration++;
                    if (managers) batch.Tally.MultiDetractorManagers++;
                }
                else
                {
                    batch.Tally.OtherComments++;
                    if (integration) batch.Tally.OtherIntegration++;
                    if (managers) batch.Tally.OtherManagers++;
                }
            }
            var respondedAt = surveyDay.ToDateTime(new TimeOnly(8 + rng.Next(0, 10), rng.Next(0, 60)), DateTimeKind.Utc);
            var responseId = $"R-{index + 1:D6}-{++responseSeq:D4}";
            batch.Responses.Add(new ResponseRow(responseId, id, $"contact{contact}@{id.ToLowerInvariant()}.example",
                rng.NextDouble() < 0.7 ? "email" : "in-app", respondedAt, score, csat, ces, comment, themes));
            recentScores.Add((surveyDay, score));
            AddReference(rng, batch, id, index, ++referenceSeq, responseId, category, surveyDay, options.PlantEffects);
        }
    }

    /// <returns>The churn date when the account churns at this renewal.</returns>
    static DateOnly? Renew(Random rng, DemoBatch batch, string id, DateOnly renewal, List<Subscription> subscriptions,
        List<(DateOnly Date, int Score)> recentScores, PlantedThemes raised, bool planted, double expectedScore, ref double coreArr)
    {
        var category = LatestCategory(recentScores, renewal) ?? Category(ToScore(expectedScore));
        var c = GroundTruthTally.Index(category);
        var rates = planted ? c : GroundTruthTally.Index(NpsCategory.Passive); // without planted effects every category behaves alike
        var before = subscriptions.Sum(s => s.Arr);
        batch.Tally.RenewalsByCategory[c]++;
        batch.Tally.ThemeRenewals.Add(raised, ChurnRate[rates]);
        if (Chance(rng, ChurnRate[rates] * ThemeRenewalTally.Multiplier(raised)))
        {
            batch.Tally.ChurnsByCategory[c]++;
            batch.Tally.ThemeRenewals.Churned(raised);
            batch.Outcomes.Add(new OutcomeRow(id, renewal, "churn", before, 0));
            return renewal;
        }
        var u = rng.NextDouble();
        var factor = 1.0;
        string kind;
        if (u < ExpansionRate[rates]) { kind = "expansion"; factor = 1 + Math.Min(1.5, LogNormal(rng, 0.15, 0.5)); batch.Tally.ExpansionsByCategory[c]++; }
        else if (u < ExpansionRate[rates] + ContractionRate[rates]) { kind = "contraction"; factor = 1 - (0.1 + 0.2 * rng.NextDouble()); }
        else kind = "renewal";
        if (kind != "renewal")
        {
            foreach (var s in subscriptions)
            {
                // Keep the ARR history: close the period at the old ARR, open a new one at the new ARR.
                if (s.Start < renewal) batch.Subscriptions.Add(new SubscriptionRow(id, s.Product, s.Start, renewal.AddDays(-1), s.Arr, s.Manager));
                s.Start = renewal;
                s.Arr = Math.Round(s.Arr * factor, 0);
            }
            coreArr = subscriptions[0].Arr;
        }
        batch.Outcomes.Add(new OutcomeRow(id, renewal, kind, before, subscriptions.Sum(s => s.Arr)));
        return null;
    }

    static int ToScore(double x) => Clamp((int)Math.Round(x, MidpointRounding.AwayFromZero), 0, 10);

    static NpsCategory? LatestCategory(List<(DateOnly Date, int Score)> scores, DateOnly at)
    {
        var recent = scores.Where(s => s.Date <= at && s.Date > at.AddDays(-365)).ToList();
        if (recent.Count == 0) return null;
        // The account's category: the NPS category of its mean recent score.
        return Category((int)Math.Round(recent.Average(s => s.Score), MidpointRounding.AwayFromZero));
    }

    int AcquisitionQuarter(Random rng, int quarters)
    {
        var total = 0.0;
        for (var q = 0; q < quarters; q++) total += Math.Pow(GrowthPerQuarter, q);
        var u = rng.NextDouble() * total;
        for (var q = 0; q < quarters; q++)
        {
            u -= Math.Pow(GrowthPerQuarter, q);
            if (u < 0) return q;
        }
        return quarters - 1;
    }

    static DateOnly QuarterStart(int q) => DemoCompanyOptions.PeriodStart.AddMonths(3 * q);

    static IEnumerable<DateOnly> Anniversaries(DateOnly created, DateOnly from, DateOnly to)
    {
        for (var year = 1; ; year++)
        {
            var date = created.AddYears(year);
            if (date > to) yield break;
            if (date >= from) yield return date;
        }
    }

    static List<CommentTheme> PickThemes(Random rng, NpsCategory category, bool multiProduct, double effort)
    {
        var themes = new List<CommentTheme>(2);
        switch (category)
        {
            case NpsCategory.Detractor when multiProduct:
                if (Chance(rng, IntegrationThemeChance)) themes.Add(CommentTheme.ProductsDontIntegrate);
                if (Chance(rng, ManagersThemeChance)) themes.Add(CommentTheme.TooManyAccountManagers);
                if (themes.Count == 0) themes.Add(OtherComplaint(rng, effort));
                break;
            case NpsCategory.Detractor:
                themes.Add(Chance(rng, 0.03) ? CommentTheme.ProductsDontIntegrate : Chance(rng, 0.02) ? CommentTheme.TooManyAccountManagers : OtherComplaint(rng, effort));
                if (Chance(rng, 0.25)) AddDistinct(themes, OtherComplaint(rng, effort));
                break;
            case NpsCategory.Passive:
                themes.Add(multiProduct && Chance(rng, 0.2) ? CommentTheme.ProductsDontIntegrate
                    : Chance(rng, 0.5) ? OtherComplaint(rng, effort) : Praise(rng));
                if (Chance(rng, 0.2)) AddDistinct(themes, Praise(rng));
                break;
            default:
                themes.Add(Praise(rng));
                if (Chance(rng, 0.2)) AddDistinct(themes, Praise(rng));
                break;
        }
        return themes;
    }

    static void AddDistinct(List<CommentTheme> themes, CommentTheme theme)
    {
        if (!themes.Contains(theme)) themes.Add(theme);
    }

    static CommentTheme OtherComplaint(Random rng, double effort)
    {
        if (effort > 4.5 && Chance(rng, 0.35)) return Chance(rng, 0.5) ? CommentTheme.HardToUse : CommentTheme.SlowSupport;
        return DemoCatalog.Pick(rng, [0.25, 0.2, 0.15, 0.2, 0.1, 0.1]) switch
        {
            0 => CommentTheme.SlowSupport,
            1 => CommentTheme.Pricing,
            2 => CommentTheme.HardToUse,
            3 => CommentTheme.Reliability,
            4 => CommentTheme.Onboarding,
            _ => CommentTheme.Reporting,
        };
    }

    static CommentTheme Praise(Random rng) => DemoCatalog.Pick(rng, [0.3, 0.25, 0.3, 0.08, 0.07]) switch
    {
        0 => CommentTheme.GreatSupport,
        1 => CommentTheme.EaseOfUse,
        2 => CommentTheme.ProductValue,
        3 => CommentTheme.Reporting,
        _ => CommentTheme.Onboarding,
    };

    static TicketRow Ticket(Random rng, string ticketId, string accountId, DateOnly from, int days, double effort, bool multiProduct)
    {
        var opened = from.AddDays(rng.Next(0, Math.Max(1, days))).ToDateTime(new TimeOnly(rng.Next(0, 24), rng.Next(0, 60)), DateTimeKind.Utc);
        var extraEffort = effort - MeanEffort;
        var handle = Math.Round(LogNormal(rng, MedianHandleMinutes * Math.Exp(0.08 * extraEffort), 0.6), 1);
        var contacts = 1 + Poisson(rng, Math.Max(0.05, 0.25 + 0.12 * extraEffort));
        var reopened = Chance(rng, Math.Clamp(0.06 + 0.02 * extraEffort, 0.01, 0.3));
        var closed = opened.AddHours(Exponential(rng, 36 * Math.Max(0.3, 1 + 0.2 * extraEffort)));
        var category = multiProduct && Chance(rng, 0.25) ? "integration" : DemoCatalog.TicketCategories[rng.Next(DemoCatalog.TicketCategories.Length - 1)];
        double? csat = Chance(rng, 0.3) ? Math.Clamp(Math.Round(4.6 - 0.02 * handle - 0.4 * (contacts - 1) - (reopened ? 1 : 0) + Normal(rng, 0, 0.7)), 1, 5) : null;
        return new TicketRow(ticketId, accountId, opened, closed, DemoCatalog.TicketChannels[DemoCatalog.Pick(rng, DemoCatalog.TicketChannelWeights)],
            category, handle, contacts, reopened, csat);
    }

    static void AddReference(Random rng, DemoBatch batch, string accountId, int index, int seq, string responseId, NpsCategory category, DateOnly day, bool planted)
    {
        var c = GroundTruthTally.Index(category);
        if (!Chance(rng, AskRate[c])) return;
        batch.Tally.AskedByCategory[c]++;
        var agreed = Chance(rng, AgreeRate[c]);
        if (agreed) batch.Tally.AgreedByCategory[c]++;
        var referenceId = $"REF-{index + 1:D6}-{seq:D4}";
        if (!agreed || !Chance(rng, ReferenceUsedChance))
        {
            batch.References.Add(new ReferenceRow(referenceId, accountId, day, agreed, null, null, responseId));
            return;
        }
        var used = day.AddDays(rng.Next(15, 75));
        var opportunityId = $"OPP-R-{index + 1:D6}-{seq:D4}";
        batch.References.Add(new ReferenceRow(referenceId, accountId, day, true, used, opportunityId, responseId));
        batch.Opportunities.Add(Deal(rng, opportunityId, used, planted ? ReferencedWinRate : BaselineWinRate, referenced: true, batch.Tally));
    }

    public static OpportunityRow Deal(Random rng, string id, DateOnly created, double winRate, bool referenced, GroundTruthTally tally)
    {
        var amount = Math.Round(LogNormal(rng, 60_000, 0.7), 0);
        var closed = created.AddDays(rng.Next(30, 120));
        var won = Chance(rng, winRate);
        if (referenced) { tally.ReferencedDeals++; if (won) tally.ReferencedWins++; }
        else { tally.OtherDeals++; if (won) tally.OtherWins++; }
        return new OpportunityRow(id, null, amount, won ? "closed won" : "closed lost", created, closed, won, referenced);
    }
}
