using System.Data.Common;
using System.Globalization;
using Fulcrum.Data.Store;
using static Fulcrum.Data.Demo.DemoModel;

namespace Fulcrum.Data.Demo;

/// <summary>One planted effect: what was put in (nominal) and what it amounted to in this data set (realized).</summary>
public sealed record GroundTruthEffect(string EffectId, string Description, string Metric, double? Nominal, double? Realized, string Unit, string Detail);

/// <summary>The ground-truth table written next to the demo data so tests can check that analyses find the planted effects.</summary>
public static class GroundTruth
{
    public const string NoEffects = "no_planted_effects";
    public const string MultiProductDecline = "multi_product_nps_drop";
    public const string TotalNpsChange = "total_nps_change";
    public const string IntegrationTheme = "theme_products_dont_integrate";
    public const string ManagersTheme = "theme_too_many_account_managers";
    public const string ThemeChurn = "theme_churn_multiplier";
    public const string DetractorChurnRatio = "detractor_promoter_churn_ratio";
    public const string PromoterExpansion = "promoter_detractor_expansion_ratio";
    public const string EffortTickets = "ces_ticket_log_rate";
    public const string ReferenceAgreement = "promoter_reference_agree_rate";
    public const string ReferencedWinRate = "referenced_deal_win_rate";
    public const string ComplaintChurn = "complaint_flag_churn_odds_ratio";

    internal static IEnumerable<GroundTruthEffect> From(GroundTruthTally t, FulcrumStore store, DbTransaction transaction, DemoCompanyOptions options)
    {
        if (options.ComplaintOddsRatio is { } complaintRatio) yield return ComplaintEffect(store, transaction, complaintRatio);
        yield return new(MultiProductDecline,
            "Large, happy single-product incumbents (Mid-Market/Enterprise) that adopt a second and third product lose NPS.",
            "nps_points", 20 * -1, t.MultiProduct.EffectPoints, "NPS points",
            $"score shift {SecondProductShift} with 2 products, {SecondProductShift + ThirdProductShift} with 3; realized over {t.MultiProduct.N:N0} multi-product responses vs the same responses without the shift");
        var (first, last) = TotalNpsFirstAndLastYear(store, transaction);
        // A CSAT-only company has no NPS answers to measure the change with.
        if (!options.CsatOnly) yield return new(TotalNpsChange, "Total NPS of the last year minus the first: flat or up, because growth brings new happy small accounts.",
            "nps_points", null, last - first, "NPS points", FormattableString.Invariant($"first year {first:F1}, last year {last:F1}"));
        yield return new(IntegrationTheme, "'Products don't integrate' in comments of multi-product detractors.",
            "share_of_comments", IntegrationThemeChance, Ratio(t.MultiDetractorIntegration, t.MultiDetractorComments), "share",
            FormattableString.Invariant($"{t.MultiDetractorIntegration:N0} of {t.MultiDetractorComments:N0} multi-product detractor comments; {Ratio(t.OtherIntegration, t.OtherComments):P1} of other comments"));
        yield return new(ManagersTheme, "'Too many account managers / handoffs' in comments of multi-product detractors.",
            "share_of_comments", ManagersThemeChance, Ratio(t.MultiDetractorManagers, t.MultiDetractorComments), "share",
            FormattableString.Invariant($"{t.MultiDetractorManagers:N0} of {t.MultiDetractorComments:N0} multi-product detractor comments; {Ratio(t.OtherManagers, t.OtherComments):P1} of other comments"));
        // Observed over expected churn of the renewals after a raising comment, expected = their churn probabilities without
        // the theme's multiplier: what the multiplier did in this data set (a few hundred renewals, so it can land far from 1.6).
        var renewals = t.ThemeRenewals;
        static string Realized(string who, ThemeRenewalTally.Counts c) =>
            FormattableString.Invariant($"{who} {c.Realized?.ToString("F2", CultureInfo.InvariantCulture) ?? "n/a"} ({c.Churns:N0} churned of {c.Renewals:N0} renewals, {c.ExpectedChurns:F1} expected without it)");
        yield return new(ThemeChurn, "Accounts that raised a planted theme churn more at renewal, each theme on its own.", "churn_rate_multiplier", ThemeChurnMultiplier,
            renewals.EachTheme.Realized, "ratio",
            $"each theme multiplies the renewal churn probability after the first comment raising it (both themes: the square); realized = observed / expected churn without the theme's multiplier: {Realized("each theme", renewals.EachTheme)}; {Realized("integration", renewals.Integration)}; {Realized("account managers", renewals.Managers)}; {Realized("either theme (expected without any)", renewals.Either)}");
        yield return new(DetractorChurnRatio, "Detractors churn at about 3x the promoters' rate at renewal.", "churn_rate_ratio",
            ChurnRate[0] / ChurnRate[2],
            Ratio(t.ChurnsByCategory[0], t.RenewalsByCategory[0]) / Ratio(t.ChurnsByCategory[2], t.RenewalsByCategory[2]), "ratio",
            FormattableString.Invariant($"renewal churn: detractors {t.ChurnsByCategory[0]:N0}/{t.RenewalsByCategory[0]:N0}, passives {t.ChurnsByCategory[1]:N0}/{t.RenewalsByCategory[1]:N0}, promoters {t.ChurnsByCategory[2]:N0}/{t.RenewalsByCategory[2]:N0}; category = latest 12-month mean score"));
        yield return new(PromoterExpansion, "Promoters expand more at renewal.", "expansion_rate_ratio", ExpansionRate[2] / ExpansionRate[0],
            Ratio(t.ExpansionsByCategory[2], t.RenewalsByCategory[2]) / Ratio(t.ExpansionsByCategory[0], t.RenewalsByCategory[0]), "ratio",
            FormattableString.Invariant($"expansion at renewal: promoters {t.ExpansionsByCategory[2]:N0}/{t.RenewalsByCategory[2]:N0}, detractors {t.ExpansionsByCategory[0]:N0}/{t.RenewalsByCategory[0]:N0}"));
        yield return new(EffortTickets, "Higher effort (CES) means more tickets and a higher cost to serve.", "log_tickets_per_ces_point", EffortTicketSlope, null, "log rate",
            $"tickets per account-quarter multiply by exp({EffortTicketSlope}) per point of the account's latent effort; response CES = effort + noise(sd 0.7)");
        foreach (var initiative in DemoInitiative.All)
            yield return new($"initiative_{initiative.Id}", $"{initiative.Name} ({initiative.Kind.Replace('_', ' ')}): {initiative.EffectDescription}",
                "nps_points", null, t.Initiatives[initiative.Id].EffectPoints, "NPS points",
                FormattableString.Invariant($"target {initiative.Target}; realized over {t.Initiatives[initiative.Id].N:N0} targeted responses since the start vs the same responses without the effect"));
        yield return new(ReferenceAgreement, "Promoters agree to be references far more often than detractors.", "agree_rate", AgreeRate[2],
            Ratio(t.AgreedByCategory[2], t.AskedByCategory[2]), "share",
            FormattableString.Invariant($"asked/agreed: promoters {t.AgreedByCategory[2]:N0}/{t.AskedByCategory[2]:N0}, passives {t.AgreedByCategory[1]:N0}/{t.AskedByCategory[1]:N0}, detractors {t.AgreedByCategory[0]:N0}/{t.AskedByCategory[0]:N0}"));
        yield return new(ReferencedWinRate, "Deals that used a customer reference win more often.", "win_rate", DemoModel.ReferencedWinRate,
            Ratio(t.ReferencedWins, t.ReferencedDeals), "share",
            FormattableString.Invariant($"referenced {t.ReferencedWins:N0}/{t.ReferencedDeals:N0}; other deals {t.OtherWins:N0}/{t.OtherDeals:N0} (planted {BaselineWinRate})"));
    }

    static double Ratio(long a, long b) => b == 0 ? double.NaN : (double)a / b;

    /// <summary>The complaint flag's planted odds ratio for churn and the one in the data (accounts flagged/not by churned/not).</summary>
    static GroundTruthEffect ComplaintEffect(FulcrumStore store, DbTransaction transaction, double planted)
    {
        var cells = store.Query<(long Flagged, long Churned, long Accounts)>($"""
            SELECT CASE WHEN a.attributes ->> '{ComplaintFlag.Attribute}' = 'yes' THEN 1 ELSE 0 END,
                   CASE WHEN c.account_id IS NULL THEN 0 ELSE 1 END, COUNT(*)
            FROM accounts a LEFT JOIN (SELECT DISTINCT account_id FROM outcomes WHERE kind = 'churn') c ON c.account_id = a.account_id
            GROUP BY 1, 2
            """, transaction: transaction).ToDictionary(r => (r.Flagged, r.Churned), r => r.Accounts);
        long Cell(long flagged, long churned) => cells.GetValueOrDefault((flagged, churned));
        var realized = (double)Cell(1, 1) * Cell(0, 0) / ((double)Cell(1, 0) * Cell(0, 1));
        return new(ComplaintChurn, "Accounts with the complaint flag (attribute complaint = yes) churn more: a planted odds ratio, the same given any other account variable.",
            "churn_odds_ratio", planted, double.IsFinite(realized) ? realized : null, "odds ratio",
            FormattableString.Invariant($"flagged: {Cell(1, 1):N0} churned of {Cell(1, 1) + Cell(1, 0):N0}; not flagged: {Cell(0, 1):N0} of {Cell(0, 1) + Cell(0, 0):N0}; flag drawn after renewals with chance {ComplaintFlag.ShareOfChurners(planted):0.000} if churned, {ComplaintFlag.ShareOfStayers:0.000} if not"));
    }

    static (double First, double Last) TotalNpsFirstAndLastYear(FulcrumStore store, DbTransaction transaction)
    {
        var rows = store.Query<(int Year, double Nps)>("""
            SELECT CAST(EXTRACT(year FROM responded_at) AS INTEGER) AS y,
                   100.0 * (AVG(CASE WHEN nps >= 9 THEN 1.0 ELSE 0 END) - AVG(CASE WHEN nps <= 6 THEN 1.0 ELSE 0 END))
            FROM responses WHERE nps IS NOT NULL GROUP BY 1 ORDER BY 1
            """, transaction: transaction).ToList();
        return rows.Count == 0 ? (double.NaN, double.NaN) : (rows[0].Nps, rows[^1].Nps);
    }

    public static IReadOnlyList<GroundTruthEffect> Read(FulcrumStore store) =>
        store.Query<GroundTruthEffect>("""
            SELECT effect_id AS EffectId, description AS Description, metric AS Metric, nominal AS Nominal, realized AS Realized, unit AS Unit, detail AS Detail
            FROM ground_truth ORDER BY effect_id
            """).ToList();
}
