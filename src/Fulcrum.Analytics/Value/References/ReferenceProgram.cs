using System.Globalization;
using Fulcrum.Analytics.Facts;
using Fulcrum.Core.Statistics;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Value.References;

/// <summary>One step of the funnel: how many reached it and the conversion from the step before (Wilson interval).</summary>
public sealed record FunnelStage(string Stage, long Count, Estimate? Conversion);

/// <summary>The funnel of one period (by the day the reference was requested), and the closed-won revenue it led to.</summary>
public sealed record FunnelPeriod(string Period, DateOnly Start, IReadOnlyList<FunnelStage> Stages, double WonRevenue);

/// <summary>Share of asked accounts that agreed, by the NPS category of the answer after which they were asked.</summary>
public sealed record AgreeRate(string Category, Estimate Rate);

/// <summary>Incremental won revenue of one quarter (deals closed in it).</summary>
public sealed record QuarterRevenue(string Quarter, DateOnly QuarterStart, double ReferencedWonRevenue, Estimate Incremental);

/// <summary>
/// The reference program, end to end: promoters → asked → agreed → used → opportunities influenced → closed won → revenue,
/// by period, with conversion rates; whether referenced deals win more often than the others; and the revenue the NPS
/// program influenced.
/// </summary>
/// <param name="PromoterFunnel">Funnel of references requested after a promoter's answer (9–10), all periods.</param>
/// <param name="AllRequestsFunnel">The same for every reference request, whatever the answer.</param>
/// <param name="WinRateUplift">Referenced win rate − other deals' win rate (Newcombe interval, pooled z-test).</param>
/// <param name="RevenueInfluenced">Closed-won amount of deals that used a reference.</param>
/// <param name="RevenueInfluencedByNpsProgram">Closed-won amount of deals that used a reference from an account asked after a promoter answer.</param>
/// <param name="IncrementalRevenue">Won revenue the references added: uplift × amount of the referenced deals closed (amounts taken as fixed).</param>
public sealed record ReferenceProgramReport(
    FunnelPeriod PromoterFunnel, FunnelPeriod AllRequestsFunnel, IReadOnlyList<FunnelPeriod> PromoterFunnelByPeriod,
    IReadOnlyList<AgreeRate> AgreeRateByCategory, Estimate ReferencedWinRate, Estimate OtherWinRate, Comparison WinRateUplift,
    double RevenueInfluenced, double RevenueInfluencedByNpsProgram, Estimate IncrementalRevenue, IReadOnlyList<QuarterRevenue> IncrementalByQuarter,
    long RequestsWithoutAnswer, IReadOnlyList<string> Notes)
{
    /// <summary>Why the program's win rates and revenue cannot be measured (no opportunities on record), or null.</summary>
    public string? Unmeasurable { get; init; }

    /// <summary>Reference requests on record when the program is <see cref="Unmeasurable"/> (its funnel is not built then).</summary>
    public long UnmeasuredRequests { get; init; }

    public bool IsDefined => Unmeasurable is null;
}

public static class ReferenceProgram
{
    sealed record Request(string Id, DateOnly RequestedAt, int? Score, bool Agreed, bool Used, bool Influenced, bool? Won, double Amount, DateOnly? ClosedAt);

    /// <summary>
    /// Each request is classified by the answer after which it was made: <c>attributes.response_id</c> when the source
    /// records it, otherwise the account's latest answer on or before the request (their mean when several came that day).
    /// The recorded answer is looked up among the account's own responses (by account_id and response_id), so the query
    /// stays within one account's shard on Citus.
    /// </summary>
    public const string NoOpportunities = "no opportunities on record; import opportunities (fulcrum import opportunities FILE)";

    public static ReferenceProgramReport Run(FulcrumStore store, PeriodUnit period = PeriodUnit.Year)
    {
        // Without opportunities every funnel step after "used", every win rate and the revenue would read 0 or NaN.
        if (store.Count("opportunities") == 0) return NotMeasured(store.Count("reference_requests"), NoOpportunities);

        var requests = store.Read("""
            WITH req AS (
                SELECT r.*, r.attributes->>'response_id' AS linked_response FROM reference_requests r),
            latest AS (
                SELECT req.reference_id, MAX(CAST(x.responded_at AS DATE)) AS day
                FROM req JOIN responses x ON x.account_id = req.account_id AND CAST(x.responded_at AS DATE) <= req.requested_at AND x.nps IS NOT NULL
                WHERE req.linked_response IS NULL GROUP BY 1),
            fallback AS (
                SELECT l.reference_id, ROUND(AVG(x.nps)) AS nps
                FROM latest l JOIN req ON req.reference_id = l.reference_id
                JOIN responses x ON x.account_id = req.account_id AND CAST(x.responded_at AS DATE) = l.day AND x.nps IS NOT NULL
                GROUP BY 1)
            SELECT req.reference_id, CAST(req.requested_at AS DATE), COALESCE(CAST(lr.nps AS DOUBLE), f.nps),
                   COALESCE(req.agreed, false), req.used_at IS NOT NULL, o.opportunity_id IS NOT NULL, o.won, COALESCE(o.amount, 0), CAST(o.closed_at AS DATE)
            FROM req
            LEFT JOIN responses lr ON lr.account_id = req.account_id AND lr.response_id = req.linked_response
            LEFT JOIN fallback f ON f.reference_id = req.reference_id
            LEFT JOIN opportunities o ON o.opportunity_id = req.opportunity_id
            ORDER BY req.requested_at, req.reference_id
            """, r => new Request(r.Text(0)!, r.Date(1)!.Value, r.IsDBNull(2) ? null : (int)Math.Round(r.Double(2)), r.Bool(3) ?? false, r.Bool(4) ?? false,
                r.Bool(5) ?? false, r.Bool(6), r.Double(7), r.Date(8)));

        var promoterAnswers = store.Read($"""
            SELECT {period.Trunc("CAST(responded_at AS DATE)")}, COUNT(*) FROM responses WHERE nps >= 9 GROUP BY 1
            """, r => (Period: r.Date(0)!.Value, Count: r.Long(1))).ToDictionary(x => x.Period, x => x.Count);

        var fromPromoters = requests.Where(r => r.Score >= 9).ToList();
        var requestsByPeriod = fromPromoters.ToLookup(r => Truncate(r.RequestedAt, period));
        var byPeriod = requestsByPeriod.Select(g => g.Key).Union(promoterAnswers.Keys).Order()
            .Select(k => Funnel(period.Label(k), k, promoterAnswers.GetValueOrDefault(k), requestsByPeriod[k].ToList()))
            .ToList();
        var first = requests.Count == 0 ? DateOnly.MinValue : requests.Min(r => r.RequestedAt);
        var promoterFunnel = Funnel("all periods", first, promoterAnswers.Values.Sum(), fromPromoters);
        var allFunnel = Funnel("all periods", first, null, requests);

        var agree = new[] { ("detractor (0-6)", 0, 6), ("passive (7-8)", 7, 8), ("promoter (9-10)", 9, 10) }
            .Select(c =>
            {
                var asked = requests.Where(r => r.Score >= c.Item2 && r.Score <= c.Item3).ToList();
                return new AgreeRate(c.Item1, ProportionEstimator.Wilson(asked.Count(r => r.Agreed), asked.Count));
            }).ToList();

        // Win rates: every closed deal (won known), referenced when a used reference points at it or the CRM flags it.
        var deals = store.Read("""
            SELECT o.opportunity_id, o.won, o.amount, CAST(o.closed_at AS DATE),
                   EXISTS (SELECT 1 FROM reference_requests r WHERE r.opportunity_id = o.opportunity_id AND r.used_at IS NOT NULL)
                   OR COALESCE(o.attributes->>'referenced', '') = 'true'
            FROM opportunities o WHERE o.won IS NOT NULL
            """, r => (Won: r.Bool(1) ?? false, Amount: r.Double(2), ClosedAt: r.Date(3), Referenced: r.Bool(4) ?? false));
        var referenced = deals.Where(d => d.Referenced).ToList();
        var others = deals.Where(d => !d.Referenced).ToList();
        var referencedRate = ProportionEstimator.Wilson(referenced.Count(d => d.Won), referenced.Count);
        var otherRate = ProportionEstimator.Wilson(others.Count(d => d.Won), others.Count);
        var uplift = ProportionEstimator.Difference(referenced.Count(d => d.Won), referenced.Count, others.Count(d => d.Won), others.Count);

        var referencedAmount = referenced.Sum(d => d.Amount);
        var incremental = Scale(uplift.Difference, referencedAmount, referenced.Count);
        var byQuarter = referenced.Where(d => d.ClosedAt is not null)
            .GroupBy(d => Truncate(d.ClosedAt!.Value, PeriodUnit.Quarter)).OrderBy(g => g.Key)
            .Select(g => new QuarterRevenue(PeriodUnit.Quarter.Label(g.Key), g.Key, g.Where(d => d.Won).Sum(d => d.Amount), Scale(uplift.Difference, g.Sum(d => d.Amount), g.Count())))
            .ToList();

        var notes = new List<string>
        {
            "Requests are classified by the answer after which the account was asked (attributes.response_id), else by the account's latest answer before the request.",
            "Referenced deals are not a random sample: the uplift is an association, and incremental revenue assumes the references caused it.",
        };
        var unclassified = requests.LongCount(r => r.Score is null);
        if (unclassified > 0) notes.Add($"{unclassified:N0} requests had no survey answer before them and are counted only in the all-requests funnel.");
        return new ReferenceProgramReport(promoterFunnel, allFunnel, byPeriod, agree, referencedRate, otherRate, uplift,
            referenced.Where(d => d.Won).Sum(d => d.Amount), fromPromoters.Where(r => r.Influenced && r.Won == true).Sum(r => r.Amount),
            incremental, byQuarter, unclassified, notes);
    }

    /// <summary>The program with every figure absent and the reason: nothing is shown as 0 or NaN.</summary>
    static ReferenceProgramReport NotMeasured(long requests, string reason)
    {
        // Revenue that cannot be measured is absent (NaN; null in --json, beside isDefined: false and the reason), not $0.
        var none = new FunnelPeriod("all periods", DateOnly.MinValue, [], double.NaN);
        var undefined = Estimate.Undefined(0, reason);
        return new ReferenceProgramReport(none, none, [], [], undefined, undefined,
            new Comparison(undefined, double.NaN, double.NaN, reason), double.NaN, double.NaN, undefined, [], 0, []) { Unmeasurable = reason, UnmeasuredRequests = requests };
    }

    static Estimate Scale(Estimate uplift, double amount, long n) => !uplift.IsDefined
        ? Estimate.Undefined(n, "Incremental revenue undefined: no win-rate uplift")
        : new Estimate(uplift.Value * amount, uplift.Lower * amount, uplift.Upper * amount, n,
            "Win-rate uplift of referenced deals (Newcombe interval) × amount of the referenced deals closed") { StandardError = uplift.StandardError * amount };

    static FunnelPeriod Funnel(string label, DateOnly start, long? promoters, IReadOnlyList<Request> requests)
    {
        var asked = requests.Count;
        var agreed = requests.Count(r => r.Agreed);
        var used = requests.Count(r => r.Agreed && r.Used);
        var influenced = requests.Count(r => r.Agreed && r.Used && r.Influenced);
        var closed = requests.Count(r => r.Agreed && r.Used && r.Influenced && r.Won is not null);
        var won = requests.Where(r => r.Agreed && r.Used && r.Influenced && r.Won == true).ToList();
        var stages = new List<FunnelStage>();
        if (promoters is { } p) stages.Add(new FunnelStage("promoter answers", p, null));
        stages.Add(new FunnelStage("asked", asked, promoters is { } q && q >= asked ? ProportionEstimator.Wilson(asked, q) : null));
        stages.Add(new FunnelStage("agreed", agreed, ProportionEstimator.Wilson(agreed, asked)));
        stages.Add(new FunnelStage("used", used, ProportionEstimator.Wilson(used, agreed)));
        stages.Add(new FunnelStage("opportunities influenced", influenced, ProportionEstimator.Wilson(influenced, used)));
        stages.Add(new FunnelStage("closed won", won.Count, ProportionEstimator.Wilson(won.Count, closed)));
        return new FunnelPeriod(label, start, stages, won.Sum(r => r.Amount));
    }

    static DateOnly Truncate(DateOnly day, PeriodUnit unit) => unit switch
    {
        PeriodUnit.Year => new DateOnly(day.Year, 1, 1),
        PeriodUnit.Quarter => new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1),
        PeriodUnit.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
    };
}
