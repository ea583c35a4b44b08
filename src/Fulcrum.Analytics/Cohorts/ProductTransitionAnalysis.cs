using System.Globalization;
using Fulcrum.Analytics.Facts;

namespace Fulcrum.Analytics.Cohorts;

/// <summary>
/// Cohort transitions: accounts that went from one product to several (optionally also from two to three) — their NPS, renewal
/// churn and support contacts before vs after the day they first held more products, paired by account, and the ARR they hold now.
/// </summary>
/// <remarks>
/// <para>
/// <b>Cohort.</b> Product counts come from the subscriptions: the transition day T of an account is the first day it held more than
/// k distinct products, provided it held exactly k the day before (k = 1, and k = 2 with
/// <see cref="TransitionOptions.IncludeSecondToThird"/>). Accounts that started with several products at once are not in the cohort.
/// </para>
/// <para>
/// <b>Windows.</b> Before = [T − window, T), but not before the account first held k products (so the "before" of a two-to-three
/// transition is time on two products), after = [T, T + window), window = <see cref="TransitionOptions.WindowMonths"/> months.
/// NPS: each account's responses in each window. Contacts: tickets per quarter of the days the account was a customer and the company
/// has ticket data for, in each window. Churn: renewal decisions (outcomes renewal, churn, contraction, and expansions that are not
/// add-on purchases) in each window, and those of comparable accounts — same segment and ARR band, holding k products on the first
/// day of the quarter of T and no more over the window — in the window from that day.
/// </para>
/// <para>The statistics are in <see cref="TransitionStatistics"/>; the counting is pushed down to SQL (<see cref="TransitionQueries"/>).</para>
/// </remarks>
public static class ProductTransitionAnalysis
{
    public static ProductTransitionReport Run(AnalysisFacts facts, TransitionOptions options)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var queries = new TransitionQueries(facts, options);
        var asOf = options.AsOf ?? queries.LastObservedDay() ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var costPerAgentHour = queries.Assumption("cost_per_agent_hour");
        var otherCostPerTicket = costPerAgentHour is null ? 0 : queries.Assumption("other_cost_per_ticket") ?? 0;
        var hasTickets = queries.TicketCount() > 0;

        var cohorts = new List<TransitionCohort>();
        foreach (var from in options.IncludeSecondToThird ? new[] { 1, 2 } : [1])
            cohorts.Add(Cohort(queries, from, options, asOf, hasTickets, costPerAgentHour, otherCostPerTicket));

        var window = options.WindowMonths;
        var notes = new List<string>
        {
            $"Transition day: the first day an account held more products than before, having held exactly one (or two) the day before; before = the {window} months up to that day "
                + $"(from the day it first held that many products, if later), after = the {window} months from it.",
            "Paired: each account is compared with itself; accounts without data on both sides are left out and counted.",
            "NPS: responses of the paired accounts pooled on each side; the interval resamples accounts (bootstrap). The mean score difference is per account, with a t interval.",
            "NPS net of comparable accounts (difference in differences): the cohort's change minus the paired change of accounts of the same segment and region that kept as many products "
                + "over the same months (anchored on the first day of the transition month), weighted to the cohort; it removes what moved everyone (a CX programme, a season) and assumes parallel trends otherwise.",
            $"Contacts: tickets per account-quarter (91.31 days) of the days the account was a customer and tickets were recorded, at least {options.MinimumExposureDays} such days on each side.",
            costPerAgentHour is { } hourly
                ? string.Create(CultureInfo.InvariantCulture, $"Cost to serve: handle hours × cost_per_agent_hour ({hourly:0.##}) + tickets × other_cost_per_ticket ({otherCostPerTicket:0.##}), from the assumptions table.")
                : "Cost to serve: not computed, the assumptions table has no cost_per_agent_hour.",
            "Churn: churned renewal decisions / renewal decisions (renewal, churn, contraction, and expansions that are not add-on purchases). "
                + "Comparable accounts: same segment and ARR band, holding as many products on the first day of the transition's quarter and no more over the window; their rate is standardised to the cohort's strata. Observational, not causal.",
            $"ARR now: subscriptions on the books at the close of {asOf:yyyy-MM-dd} (started by then, not ended or churned by then).",
            string.Create(CultureInfo.InvariantCulture, $"Bootstrap: {options.Replicates:N0} resamples, seed {options.Seed}; {options.ConfidenceLevel * 100:0.##}% intervals."),
        };
        return new ProductTransitionReport(options, asOf, cohorts, notes);
    }

    static TransitionCohort Cohort(TransitionQueries queries, int from, TransitionOptions options, DateOnly asOf, bool hasTickets,
        double? costPerAgentHour, double otherCostPerTicket)
    {
        var table = queries.Cohort(from);
        var bounds = queries.Bounds(table);
        // The NPS bootstrap is pure computation on the rows read; it runs while the store answers the contacts and churn
        // queries, whose serial parts (reading rows, a query's last merge) would otherwise leave a core idle.
        var (scores, comparableScores) = (queries.Scores(table), queries.ComparableScores(table, from));
        var pairedNps = Task.Run(() => TransitionStatistics.PairedNps(scores, comparableScores, options));
        ContactsTransition? contacts;
        ChurnTransition churn;
        (double ArrNow, long ActiveNow, double TotalArrNow, double ChurnedArr) held;
        try
        {
            contacts = hasTickets
                ? TransitionStatistics.PairedContacts(queries.Contacts(table), costPerAgentHour, otherCostPerTicket, options)
                : null;
            var (decisionsBefore, churnsBefore, decisionsAfter, churnsAfter) = queries.CohortDecisions(table);
            churn = TransitionStatistics.Churn(decisionsBefore, churnsBefore, decisionsAfter, churnsAfter, queries.ChurnRows(table, from), options,
                $"same segment and ARR band, {Products(from)} on the first day of the transition's quarter and no more for {options.WindowMonths} months");
            held = queries.Arr(table, asOf);
        }
        catch
        {
            // The query's failure is the one to report; the bootstrap is not left running unobserved.
            try { pairedNps.Wait(); } catch (AggregateException) { }
            throw;
        }
        var nps = pairedNps.GetAwaiter().GetResult();
        var (arrNow, activeNow, totalArr, churnedArr) = held;
        var arr = new ArrExposure(
            new Core.Statistics.Estimate(arrNow, double.NaN, double.NaN, activeNow,
                $"Sum of the ARR of the cohort's subscriptions on the books at the close of {asOf:yyyy-MM-dd} (a census of the cohort: no sampling interval)",
                options.ConfidenceLevel),
            activeNow,
            totalArr > 0 ? arrNow / totalArr : double.NaN,
            churnedArr);
        var name = from == 1 ? "One product → several" : $"{Products(from)} → more";
        var cohort = new TransitionCohort(from, name, bounds.Accounts, bounds.First, bounds.Last, nps, churn, contacts, arr, "");
        return cohort with { Summary = TransitionSummary.Describe(cohort, options) };
    }

    static string Products(int count) => count == 1 ? "one product" : $"{count} products";
}
