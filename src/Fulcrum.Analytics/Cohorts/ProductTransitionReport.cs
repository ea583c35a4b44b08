using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Cohorts;

/// <summary>The product-transition cohorts (one product → several; optionally two → three) with their before/after comparisons.</summary>
/// <param name="AsOf">The day "now" refers to (ARR held now).</param>
/// <param name="Cohorts">One entry per transition analysed; the first is one product → two or more.</param>
/// <param name="Notes">Definitions and caveats, in plain words.</param>
public sealed record ProductTransitionReport(
    TransitionOptions Options,
    DateOnly AsOf,
    IReadOnlyList<TransitionCohort> Cohorts,
    IReadOnlyList<string> Notes)
{
    /// <summary>The plain-words summary of every cohort, one sentence each.</summary>
    public string Summary => string.Join(" ", Cohorts.Select(c => c.Summary));
}

/// <summary>Accounts whose product count went from <see cref="FromProducts"/> to more, and what changed for them.</summary>
/// <param name="FromProducts">Products held the day before the transition (1 for "one product → several").</param>
/// <param name="Accounts">Accounts that made the transition.</param>
/// <param name="FirstTransition">Earliest transition day (null when there are none).</param>
/// <param name="LastTransition">Latest transition day.</param>
/// <param name="Nps">Survey scores before vs after, paired by account.</param>
/// <param name="Churn">Renewal churn after vs before, and vs comparable accounts that did not add a product.</param>
/// <param name="Contacts">Support tickets (and cost to serve) per quarter before vs after, paired by account; null without ticket data.</param>
/// <param name="Arr">ARR these accounts hold now.</param>
/// <param name="Summary">One plain-words sentence.</param>
public sealed record TransitionCohort(
    int FromProducts,
    string Name,
    long Accounts,
    DateOnly? FirstTransition,
    DateOnly? LastTransition,
    NpsTransition Nps,
    ChurnTransition Churn,
    ContactsTransition? Contacts,
    ArrExposure Arr,
    string Summary)
{
    /// <summary>Products held from the transition day on: at least this many.</summary>
    public int ToProducts => FromProducts + 1;
}

/// <summary>How many cohort accounts had data before and after the transition; only <see cref="BothSides"/> enter a paired comparison.</summary>
public sealed record PairCoverage(long BothSides, long BeforeOnly, long AfterOnly, long Neither)
{
    /// <summary>Accounts left out of the paired comparison (data on one side or none).</summary>
    public long Excluded => BeforeOnly + AfterOnly + Neither;

    public long Total => BothSides + Excluded;
}

/// <summary>Survey scores of the same accounts before and after the transition.</summary>
/// <param name="Coverage">Accounts with a score on both sides (paired) and those excluded.</param>
/// <param name="Before">NPS before, responses of the paired accounts pooled; percentile bootstrap over accounts.</param>
/// <param name="After">NPS after, same accounts, same bootstrap resamples.</param>
/// <param name="Difference">NPS after − before, in points; paired percentile bootstrap resampling accounts.</param>
/// <param name="MeanScoreDifference">Mean over accounts of (mean 0–10 score after − mean score before); Student t interval.</param>
/// <param name="PValue">Two-sided p-value of the paired t-test that the mean score difference is 0.</param>
/// <param name="ResponsesBefore">Responses of the paired accounts before.</param>
/// <param name="ResponsesAfter">Responses of the paired accounts after.</param>
/// <param name="TrendAdjusted">The change net of what happened to comparable accounts over the same months (difference in differences).</param>
public sealed record NpsTransition(
    PairCoverage Coverage,
    Estimate Before,
    Estimate After,
    Estimate Difference,
    Estimate MeanScoreDifference,
    double PValue,
    long ResponsesBefore,
    long ResponsesAfter,
    NpsTrendAdjustment TrendAdjusted)
{
    /// <summary>True when the paired test rejects "no change" at <paramref name="alpha"/> and the bootstrap interval excludes 0.</summary>
    public bool IsSignificant(double alpha = 0.05) => PValue < alpha && !Difference.Contains(0);
}

/// <summary>
/// The cohort's paired NPS change against the paired change of comparable accounts — same segment and region, holding as many
/// products as the cohort did before, and no more, from a window before to a window after the first day of the cohort account's
/// transition month — so that what moved everyone (a CX programme, a season) is not credited to the transition.
/// </summary>
/// <param name="CohortChange">Paired NPS change of the cohort accounts whose stratum has comparable accounts.</param>
/// <param name="ComparableChange">Paired NPS change of the comparable accounts, per stratum, weighted by the cohort's responses.</param>
/// <param name="Difference">CohortChange − ComparableChange (points): the change beyond the common trend.</param>
/// <param name="ComparableAccounts">Comparable accounts with responses on both sides.</param>
/// <param name="Strata">Strata (segment × region × month of the transition) with both cohort and comparable accounts.</param>
/// <param name="CohortAccountsWithoutComparable">Paired cohort accounts left out because their stratum has no comparable account.</param>
public sealed record NpsTrendAdjustment(
    Estimate CohortChange,
    Estimate ComparableChange,
    Estimate Difference,
    long ComparableAccounts,
    long Strata,
    long CohortAccountsWithoutComparable);

/// <summary>
/// Renewal churn (churned renewal decisions / renewal decisions) of the cohort, before vs after the transition, and after the
/// transition vs comparable accounts that stayed on their products over the same calendar window. Observational, not causal.
/// </summary>
/// <param name="Before">Cohort churn rate over renewals in the window before; Wilson interval. Near 0 by construction (see <see cref="Caveat"/>).</param>
/// <param name="After">Cohort churn rate over renewals in the window after; Wilson interval.</param>
/// <param name="AfterVsBefore">After − before; Newcombe interval and pooled z-test, renewals treated as independent.</param>
/// <param name="CohortMatched">Cohort churn rate after, over the renewals that have comparable accounts (the rate the comparison uses).</param>
/// <param name="Comparable">Churn rate of comparable accounts, standardised to the cohort's mix of strata; cluster bootstrap by account.</param>
/// <param name="DifferenceVsComparable">Cohort (matched) − comparable, in rate units; cluster bootstrap by account.</param>
/// <param name="ComparableAccounts">Distinct comparable accounts with a renewal in a matched window.</param>
/// <param name="Strata">Strata (segment × ARR band × calendar quarter of the transition) used.</param>
/// <param name="CohortAccountsWithoutComparable">Cohort accounts with a renewal after the transition but no comparable account in their stratum.</param>
/// <param name="Caveat">Plain-words statement of what the comparison can and cannot show.</param>
public sealed record ChurnTransition(
    Estimate Before,
    Estimate After,
    Comparison AfterVsBefore,
    Estimate CohortMatched,
    Estimate Comparable,
    Estimate DifferenceVsComparable,
    long ComparableAccounts,
    long Strata,
    long CohortAccountsWithoutComparable,
    string Caveat);

/// <summary>Support tickets per account and quarter (91.31 days) before vs after, paired by account.</summary>
/// <param name="Coverage">Accounts with enough customer days with ticket data on both sides (paired) and those excluded.</param>
/// <param name="BeforePerQuarter">Mean tickets per account-quarter before; t interval.</param>
/// <param name="AfterPerQuarter">Mean tickets per account-quarter after; t interval.</param>
/// <param name="DifferencePerQuarter">Mean of (after − before) per account; paired t interval.</param>
/// <param name="RelativeChange">Mean after / mean before − 1 (0.30 = +30%); paired percentile bootstrap resampling accounts.</param>
/// <param name="PValue">Two-sided p-value of the paired t-test of <see cref="DifferencePerQuarter"/>.</param>
/// <param name="CostToServe">Cost to serve before vs after, when the assumptions hold cost_per_agent_hour.</param>
public sealed record ContactsTransition(
    PairCoverage Coverage,
    Estimate BeforePerQuarter,
    Estimate AfterPerQuarter,
    Estimate DifferencePerQuarter,
    Estimate RelativeChange,
    double PValue,
    CostToServeTransition? CostToServe);

/// <summary>Support cost per account and quarter: handle hours × cost_per_agent_hour + tickets × other_cost_per_ticket.</summary>
/// <param name="ExtraPerYear">4 × mean quarterly difference × paired accounts: the yearly extra cost of the paired accounts, same interval scaled.</param>
public sealed record CostToServeTransition(
    double CostPerAgentHour,
    double OtherCostPerTicket,
    Estimate BeforePerQuarter,
    Estimate AfterPerQuarter,
    Estimate DifferencePerQuarter,
    Estimate ExtraPerYear);

/// <summary>What the cohort is worth now.</summary>
/// <param name="ArrNow">ARR of the cohort's subscriptions on the books at the close of the as-of day (AnalysisFacts.OnTheBook; a census: no interval).</param>
/// <param name="AccountsActiveNow">Cohort accounts still holding a subscription on the as-of day.</param>
/// <param name="ShareOfTotalArr">ArrNow / ARR of every account on the as-of day (NaN when there is none).</param>
/// <param name="ArrChurnedSinceTransition">ARR the cohort lost to churn from its transitions to the as-of day (ARR before each churn).</param>
public sealed record ArrExposure(Estimate ArrNow, long AccountsActiveNow, double ShareOfTotalArr, double ArrChurnedSinceTransition);
