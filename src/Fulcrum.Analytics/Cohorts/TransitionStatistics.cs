using System.Globalization;
using Fulcrum.Core.Statistics;
using StudentT = MathNet.Numerics.Distributions.StudentT;

namespace Fulcrum.Analytics.Cohorts;

/// <summary>An account's NPS responses on one side of its transition: count, Σ score (0–10), promoters, passives, detractors.</summary>
public sealed record SideScores(long Responses, double ScoreSum, long Promoters, long Passives, long Detractors)
{
    public double MeanScore => Responses == 0 ? double.NaN : ScoreSum / Responses;
}

/// <summary>One account's responses before and after a transition day (its own, or its stratum's for a comparable account).</summary>
/// <param name="Stratum">Who it is compared with: segment | region | month of the transition.</param>
public sealed record AccountScores(string AccountId, string Stratum, SideScores Before, SideScores After);

/// <summary>An account's support on one side of its transition: customer days with ticket data, tickets, handle minutes.</summary>
public sealed record SideContacts(long Days, long Tickets, double HandleMinutes);

/// <summary>One cohort account's tickets before and after its transition.</summary>
public sealed record AccountContacts(string AccountId, SideContacts Before, SideContacts After);

/// <summary>Renewal decisions and churns of one account in one stratum, as a cohort account (after its transition) or a comparable one.</summary>
public sealed record ChurnRow(string AccountId, string Stratum, bool InCohort, long Decisions, long Churns);

/// <summary>
/// The statistics of the transition analysis, as pure functions of per-account aggregates (the SQL does the counting).
/// </summary>
/// <remarks>
/// <para>
/// <b>Paired comparisons.</b> Each account is its own control: only accounts with data on both sides of their transition enter,
/// the rest are counted in a <see cref="PairCoverage"/>. Account-level differences d_i get the Student t interval
/// d̄ ± t₁₋α/₂(n−1)·s_d/√n and the paired t-test (Student 1908). Statistics that pool responses or tickets over accounts (NPS,
/// ratio of means) get a percentile bootstrap that resamples accounts with replacement, keeping each account's before and
/// after together (Efron &amp; Tibshirani 1993, ch. 13; Davison &amp; Hinkley 1997, §3.8), reproducible from the seed.
/// </para>
/// <para>
/// <b>Churn against comparable accounts.</b> Direct standardisation (Rothman, Greenland &amp; Lash, Modern Epidemiology, ch. 4):
/// within each stratum s (segment × ARR band × calendar quarter) the comparable accounts' churn rate r_s is applied to the
/// cohort's renewal decisions d_s; expected = Σ d_s·r_s / Σ d_s over strata that have both. The interval is a cluster bootstrap
/// by account (an account can sit in several quarters' strata). Observational: it adjusts only for the strata.
/// </para>
/// <para>
/// <b>NPS net of comparable accounts.</b> The plain before/after difference credits the transition with everything else that
/// changed over the same months (a CX programme, a season). The difference in differences subtracts the paired NPS change of
/// comparable accounts (same segment × region, anchored on the month of the transition), standardised to the cohort's strata
/// like the churn comparison, with the same cluster bootstrap (Angrist &amp; Pischke 2009, Mostly Harmless Econometrics, ch. 5).
/// It assumes parallel trends: without the transition, the cohort's NPS would have moved like the comparable accounts'.
/// </para>
/// <para>
/// <b>Assumptions.</b> Accounts are independent; within an account the before and after windows differ only by the transition
/// and by what moved the comparable accounts too; n of paired accounts large enough for the t and bootstrap intervals
/// (roughly n ≥ 30).
/// </para>
/// </remarks>
public static class TransitionStatistics
{
    /// <summary>Days in a quarter (365.25 / 4), the unit of contact rates.</summary>
    public const double DaysPerQuarter = 365.25 / 4;

    /// <summary>
    /// Paired NPS: accounts with a response on both sides; NPS before and after pooling their responses, the NPS difference with a
    /// paired account bootstrap, and the mean per-account score difference with a t interval and test.
    /// </summary>
    /// <param name="accounts">Every cohort account (those without responses on both sides are counted, then left out).</param>
    /// <param name="comparable">Comparable accounts with responses on both sides of their stratum's month (for the trend adjustment).</param>
    public static NpsTransition PairedNps(IReadOnlyList<AccountScores> accounts, IReadOnlyList<AccountScores> comparable, TransitionOptions options)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(comparable);
        var coverage = Coverage(accounts, a => a.Before.Responses > 0, a => a.After.Responses > 0);
        var paired = accounts.Where(a => a.Before.Responses > 0 && a.After.Responses > 0).ToArray();

        // NPS before, after and their difference on one resample of the paired accounts.
        double[] Nps(ReadOnlySpan<int> indices)
        {
            long nBefore = 0, netBefore = 0, nAfter = 0, netAfter = 0;
            foreach (var i in indices)
            {
                var (b, a) = (paired[i].Before, paired[i].After);
                nBefore += b.Responses;
                netBefore += b.Promoters - b.Detractors;
                nAfter += a.Responses;
                netAfter += a.Promoters - a.Detractors;
            }
            var before = nBefore == 0 ? double.NaN : 100.0 * netBefore / nBefore;
            var after = nAfter == 0 ? double.NaN : 100.0 * netAfter / nAfter;
            return [before, after, after - before];
        }

        var level = options.ConfidenceLevel;
        var bootstrap = $"responses of the {paired.Length:N0} paired accounts pooled; percentile bootstrap resampling accounts";
        var nps = Bootstrap.Percentiles(paired.Length, Nps, options.Seed, options.Replicates, level);
        var (before, after, difference) = (nps[0], nps[1], nps[2]);
        var (meanDifference, p) = PairedMean(paired.Select(a => a.After.MeanScore - a.Before.MeanScore).ToList(), level);
        return new NpsTransition(
            coverage,
            Describe(before, $"NPS before the transition, {bootstrap}"),
            Describe(after, $"NPS after the transition, {bootstrap}"),
            Describe(difference, $"Paired NPS difference (after − before, points), {bootstrap} (same resamples as before and after)"),
            Describe(meanDifference, "Paired mean of per-account differences in mean 0-10 score (after − before), Student t interval; paired t-test"),
            p,
            paired.Sum(a => a.Before.Responses),
            paired.Sum(a => a.After.Responses),
            TrendAdjusted(paired, comparable, options));
    }

    /// <summary>
    /// Difference in differences: the cohort's pooled NPS change minus the change of comparable accounts over the same months,
    /// standardised to the cohort (Σ_s w_s·ΔNPS_s of the comparable accounts, w_s = the cohort's share of responses in stratum s),
    /// over the strata that have both; percentile cluster bootstrap resampling accounts. Removes what moved every account of the
    /// stratum alike (a programme, a season, a price change); assumes parallel trends otherwise.
    /// </summary>
    static NpsTrendAdjustment TrendAdjusted(IReadOnlyList<AccountScores> paired, IReadOnlyList<AccountScores> comparable, TransitionOptions options)
    {
        static double[] Values(AccountScores a) =>
            [a.Before.Responses, a.Before.Promoters - a.Before.Detractors, a.After.Responses, a.After.Promoters - a.After.Detractors];
        var strata = new StratifiedRows(
            paired.Select(a => (a.AccountId, a.Stratum, true, Values(a)))
                .Concat(comparable.Where(c => c.Before.Responses > 0 && c.After.Responses > 0).Select(c => (c.AccountId, c.Stratum, false, Values(c)))).ToList(),
            width: 4);

        // Pooled NPS change of the cohort (over strata with comparable accounts), and the comparable accounts' change per stratum
        // weighted by the cohort's responses there.
        double CohortChange(StratumSums x)
        {
            double nb = 0, netB = 0, na = 0, netA = 0;
            for (var s = 0; s < x.Strata; s++)
            {
                if (!Usable(x, s)) continue;
                nb += x.Cohort(s, 0); netB += x.Cohort(s, 1); na += x.Cohort(s, 2); netA += x.Cohort(s, 3);
            }
            return nb == 0 || na == 0 ? double.NaN : 100.0 * (netA / na - netB / nb);
        }

        double ComparableChange(StratumSums x)
        {
            double weight = 0, expected = 0;
            for (var s = 0; s < x.Strata; s++)
            {
                if (!Usable(x, s)) continue;
                var w = x.Cohort(s, 0) + x.Cohort(s, 2);
                weight += w;
                expected += w * 100.0 * (x.Comparable(s, 3) / x.Comparable(s, 2) - x.Comparable(s, 1) / x.Comparable(s, 0));
            }
            return weight <= 0 ? double.NaN : expected / weight;
        }

        static bool Usable(StratumSums x, int s) =>
            x.Cohort(s, 0) + x.Cohort(s, 2) > 0 && x.Comparable(s, 0) > 0 && x.Comparable(s, 2) > 0;

        var (cohortChange, comparableChange, difference) = strata.ResampleAccounts(CohortChange, ComparableChange, options);
        const string bootstrap = "percentile cluster bootstrap resampling accounts (cohort and comparable together)";
        return new NpsTrendAdjustment(
            Describe(cohortChange with { N = strata.CohortAccounts },
                $"Paired NPS change of the cohort accounts in strata with comparable accounts (after − before, responses pooled); {bootstrap}"),
            Describe(comparableChange with { N = strata.ComparableAccounts },
                $"Paired NPS change of comparable accounts over the same months, per stratum (segment × region × month of the transition), weighted by the cohort's responses; {bootstrap}"),
            Describe(difference with { N = strata.CohortAccounts + strata.ComparableAccounts },
                $"Difference in differences: cohort NPS change − comparable accounts' change (points); {bootstrap}"),
            strata.ComparableAccounts,
            strata.Count,
            strata.CohortAccountsWithoutComparable);
    }

    /// <summary>
    /// Paired contacts: accounts with at least <see cref="TransitionOptions.MinimumExposureDays"/> customer days with ticket data on
    /// both sides; tickets per quarter = tickets / days × 91.31. Cost to serve when <paramref name="costPerAgentHour"/> is known.
    /// </summary>
    public static ContactsTransition PairedContacts(
        IReadOnlyList<AccountContacts> accounts, double? costPerAgentHour, double otherCostPerTicket, TransitionOptions options)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var minimum = options.MinimumExposureDays;
        var coverage = Coverage(accounts, a => a.Before.Days >= minimum, a => a.After.Days >= minimum);
        var paired = accounts.Where(a => a.Before.Days >= minimum && a.After.Days >= minimum).ToArray();
        var level = options.ConfidenceLevel;

        static double PerQuarter(double amount, long days) => amount / days * DaysPerQuarter;
        var before = paired.Select(a => PerQuarter(a.Before.Tickets, a.Before.Days)).ToArray();
        var after = paired.Select(a => PerQuarter(a.After.Tickets, a.After.Days)).ToArray();
        var (difference, p) = PairedMean(after.Zip(before, (x, y) => x - y).ToList(), level);

        double Relative(ReadOnlySpan<int> indices)
        {
            double sumBefore = 0, sumAfter = 0;
            foreach (var i in indices) { sumBefore += before[i]; sumAfter += after[i]; }
            return sumBefore > 0 ? sumAfter / sumBefore - 1 : double.NaN;
        }

        var relative = Bootstrap.Percentile(paired.Length, Relative, options.Seed, options.Replicates, level);
        var unit = $"customer days with ticket data, at least {minimum} on each side";

        CostToServeTransition? cost = null;
        if (costPerAgentHour is { } hourly)
        {
            double Cost(SideContacts s) => PerQuarter(s.HandleMinutes / 60.0 * hourly + s.Tickets * otherCostPerTicket, s.Days);
            var costBefore = paired.Select(a => Cost(a.Before)).ToList();
            var costAfter = paired.Select(a => Cost(a.After)).ToList();
            var (costDifference, _) = PairedMean(costAfter.Zip(costBefore, (x, y) => x - y).ToList(), level);
            var scale = 4.0 * paired.Length;
            var money = string.Create(CultureInfo.InvariantCulture,
                $"handle hours × {hourly} per agent hour + tickets × {otherCostPerTicket} per ticket, per account-quarter of {unit}");
            cost = new CostToServeTransition(
                hourly,
                otherCostPerTicket,
                Describe(MeanEstimator.Mean(costBefore, level), $"Mean cost to serve before ({money}), Student t interval"),
                Describe(MeanEstimator.Mean(costAfter, level), $"Mean cost to serve after ({money}), Student t interval"),
                Describe(costDifference, $"Paired mean difference in cost to serve per account-quarter (after − before; {money}), Student t interval"),
                new Estimate(costDifference.Value * scale, costDifference.Lower * scale, costDifference.Upper * scale, paired.Length,
                    $"Yearly extra cost to serve of the {paired.Length:N0} paired accounts: 4 quarters × paired mean difference × accounts (interval scaled alike)",
                    level) { StandardError = costDifference.StandardError * scale });
        }

        return new ContactsTransition(
            coverage,
            Describe(MeanEstimator.Mean(before, level), $"Mean tickets per account-quarter before ({unit}), Student t interval"),
            Describe(MeanEstimator.Mean(after, level), $"Mean tickets per account-quarter after ({unit}), Student t interval"),
            Describe(difference, $"Paired mean difference in tickets per account-quarter (after − before; {unit}), Student t interval; paired t-test"),
            Describe(relative, $"Relative change in tickets per account-quarter (mean after / mean before − 1; {unit}), paired percentile bootstrap resampling accounts"),
            p,
            cost);
    }

    /// <summary>
    /// Churn of the cohort before vs after (Wilson intervals, Newcombe difference) and after vs comparable accounts (direct
    /// standardisation over strata, cluster bootstrap by account); see the type remarks.
    /// </summary>
    /// <param name="decisionsBefore">Cohort renewal decisions in the window before the transitions.</param>
    /// <param name="churnsBefore">Of which churned.</param>
    /// <param name="decisionsAfter">Cohort renewal decisions in the window after.</param>
    /// <param name="churnsAfter">Of which churned.</param>
    /// <param name="rows">Per account and stratum: the cohort's decisions after the transition and the comparable accounts' decisions.</param>
    /// <param name="comparableDescription">Who the comparable accounts are, for the method string.</param>
    public static ChurnTransition Churn(
        long decisionsBefore, long churnsBefore, long decisionsAfter, long churnsAfter, IReadOnlyList<ChurnRow> rows,
        TransitionOptions options, string comparableDescription)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var level = options.ConfidenceLevel;
        var before = ProportionEstimator.Wilson(churnsBefore, decisionsBefore, level);
        var after = ProportionEstimator.Wilson(churnsAfter, decisionsAfter, level);
        var afterVsBefore = ProportionEstimator.Difference(churnsAfter, decisionsAfter, churnsBefore, decisionsBefore, level);

        var strata = new StratifiedRows(rows.Select(r => (r.AccountId, r.Stratum, r.InCohort, new double[] { r.Decisions, r.Churns })).ToList(), width: 2);
        var all = strata.Original();
        double matchedDecisions = 0, matchedChurns = 0;
        for (var s = 0; s < all.Strata; s++) { matchedDecisions += all.Cohort(s, 0); matchedChurns += all.Cohort(s, 1); }
        var cohortMatched = ProportionEstimator.Wilson((long)matchedChurns, (long)matchedDecisions, level);

        // Cohort churn rate and the comparable accounts' rate per stratum applied to the cohort's renewals, over strata with both.
        static double Observed(StratumSums x)
        {
            double weight = 0, observed = 0;
            for (var s = 0; s < x.Strata; s++)
            {
                if (x.Cohort(s, 0) <= 0 || x.Comparable(s, 0) <= 0) continue;
                weight += x.Cohort(s, 0);
                observed += x.Cohort(s, 1);
            }
            return weight <= 0 ? double.NaN : observed / weight;
        }

        static double Expected(StratumSums x)
        {
            double weight = 0, expected = 0;
            for (var s = 0; s < x.Strata; s++)
            {
                if (x.Cohort(s, 0) <= 0 || x.Comparable(s, 0) <= 0) continue;
                weight += x.Cohort(s, 0);
                expected += x.Cohort(s, 0) * x.Comparable(s, 1) / x.Comparable(s, 0);
            }
            return weight <= 0 ? double.NaN : expected / weight;
        }

        var (_, standardised, differenceVs) = strata.ResampleAccounts(Observed, Expected, options);
        const string bootstrap = "percentile cluster bootstrap resampling accounts (cohort and comparable together)";

        return new ChurnTransition(
            Describe(before, "Cohort churn rate over renewal decisions in the window before the transition, Wilson interval"),
            Describe(after, "Cohort churn rate over renewal decisions in the window after the transition, Wilson interval"),
            afterVsBefore,
            Describe(cohortMatched, $"Cohort churn rate after the transition over renewals in strata with comparable accounts ({strata.Count:N0} strata), Wilson interval"),
            Describe(standardised with { N = strata.ComparableAccounts },
                $"Churn rate of comparable accounts ({comparableDescription}), standardised to the cohort's renewals per stratum (segment × ARR band × quarter); {bootstrap}"),
            Describe(differenceVs with { N = strata.CohortAccounts + strata.ComparableAccounts },
                $"Cohort churn rate − standardised comparable churn rate (observational); {bootstrap}"),
            strata.ComparableAccounts,
            strata.Count,
            strata.CohortAccountsWithoutComparable,
            "Observational: accounts chose to add a product, so they can differ from the comparable accounts in ways that segment, "
            + "ARR band and calendar quarter do not capture; the difference is an association, not the effect of adding a product. "
            + "Before vs after within the cohort is biased: an account had to renew rather than churn to be there to add a product, "
            + "so its churn before is near zero by construction.");
    }

    /// <summary>
    /// Mean of paired differences with the Student t interval, and the two-sided p-value of the paired t-test of mean 0
    /// (t = d̄/(s_d/√n), n − 1 degrees of freedom). The p-value is NaN with fewer than 2 differences or no spread.
    /// </summary>
    public static (Estimate Mean, double PValue) PairedMean(IReadOnlyList<double> differences, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(differences);
        var summary = SampleSummary.Of(differences);
        var mean = MeanEstimator.FromSummary(summary, confidenceLevel);
        if (summary.N < 2 || !(summary.Variance > 0)) return (mean, double.NaN);
        var t = summary.Mean / summary.StandardError;
        var p = 2 * StudentT.CDF(0, 1, summary.N - 1, -Math.Abs(t));
        return (mean, p);
    }

    static PairCoverage Coverage<T>(IReadOnlyList<T> accounts, Func<T, bool> hasBefore, Func<T, bool> hasAfter)
    {
        long both = 0, beforeOnly = 0, afterOnly = 0, neither = 0;
        foreach (var a in accounts)
        {
            switch (hasBefore(a), hasAfter(a))
            {
                case (true, true): both++; break;
                case (true, false): beforeOnly++; break;
                case (false, true): afterOnly++; break;
                default: neither++; break;
            }
        }
        return new PairCoverage(both, beforeOnly, afterOnly, neither);
    }

    /// <summary>Prefixes what was estimated to the estimator's own method string (which keeps any fallback it used).</summary>
    static Estimate Describe(Estimate estimate, string what) => estimate with { Method = $"{what} [{estimate.Method}]" };
}
