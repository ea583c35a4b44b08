using Fulcrum.Data.Demo;
using Xunit.Abstractions;
using static Fulcrum.Data.Tests.Demo.DemoSql;

namespace Fulcrum.Data.Tests.Demo;

/// <summary>
/// The planted effects (DESIGN.md, "Synthetic company") are visible in the raw generated tables, measured with our own
/// SQL the way an analyst would; the ground-truth table is read only to compare. Measured values are written to the
/// test output (run with --logger "console;verbosity=detailed" to see them).
/// </summary>
[Collection(DemoCompanyCollection.Name)]
public sealed class PlantedEffectsTests(DemoCompanyFixture company, ITestOutputHelper output)
{
    GroundTruthEffect Truth(string effectId) => GroundTruth.Read(company.Store).Single(e => e.EffectId == effectId);

    // ---- 1. Multi-product decline ----------------------------------------------------------------------------------

    [Fact]
    public void Multi_product_accounts_score_lower_while_holding_two_or_more_products_even_unadjusted()
    {
        // Within the accounts that at some time hold two products at once: NPS of their responses while holding
        // two or more products vs while holding one. Measured (seed 42): 56.7 → 47.6, −9.1 points. Unadjusted, this
        // comparison is confounded by time: most adoptions fall in 2024–25, when the callback (EMEA) and one-team
        // (Mid-Market) initiatives lift the same accounts; among accounts neither targets the drop is −14.7, and in
        // 2023 alone −19.3. Seeds 1–6 gave −8.2 to −12.6 unadjusted. So the raw bar is 5 points; the adjusted measure
        // (next test) holds the planted size to at least 10.
        var rows = company.Query<(bool Multi, long N, double Nps)>($"""
            WITH {MultiProductAccounts}, {ResponsesWithProductsHeld}
            SELECT products >= 2, COUNT(*), {Nps}
            FROM held WHERE account_id IN (SELECT account_id FROM multi_accounts) AND products >= 1
            GROUP BY 1
            """).ToDictionary(r => r.Multi);
        var single = rows[false];
        var multi = rows[true];
        var drop = multi.Nps - single.Nps;
        output.WriteLine($"multi-product accounts: NPS {single.Nps:F1} with one product (n={single.N}), {multi.Nps:F1} with two or more (n={multi.N}): {drop:+0.0;-0.0} points; ground truth realized {Truth(GroundTruth.MultiProductDecline).Realized:F1}");

        Assert.True(single.N >= 1_000 && multi.N >= 1_000, $"too few responses: {single.N} single, {multi.N} multi");
        Assert.True(drop <= -5, $"NPS while holding 2+ products is only {-drop:F1} points below NPS while holding one ({multi.Nps:F1} vs {single.Nps:F1}); expected at least 5 unadjusted (planted ≈ −20)");
    }

    [Fact]
    public void Multi_product_decline_is_at_least_10_nps_points_against_same_segment_region_and_quarter()
    {
        // The same comparison with the trend taken out: each response is scored (+1 promoter, −1 detractor, 0 passive)
        // relative to the mean of the accounts that never hold two products, in the same segment, region and quarter
        // (so the initiatives, which lift EMEA and Mid-Market from 2024 on, do not mask the decline).
        var rows = company.Query<(bool Multi, long N, double Residual)>($"""
            WITH {MultiProductAccounts}, {ResponsesWithProductsHeld},
            scored AS (
                SELECT h.account_id, h.products, a.segment, a.region, date_trunc('quarter', h.responded_at) AS quarter,
                       CASE WHEN h.nps >= 9 THEN 1.0 WHEN h.nps <= 6 THEN -1.0 ELSE 0 END AS pd,
                       h.account_id IN (SELECT account_id FROM multi_accounts) AS multi_account
                FROM held h JOIN accounts a ON a.account_id = h.account_id),
            baseline AS (SELECT segment, region, quarter, AVG(pd) AS pd FROM scored WHERE NOT multi_account GROUP BY ALL)
            SELECT s.products >= 2, COUNT(*), 100.0 * AVG(s.pd - b.pd)
            FROM scored s JOIN baseline b ON b.segment = s.segment AND b.region = s.region AND b.quarter = s.quarter
            WHERE s.multi_account AND s.products >= 1
            GROUP BY 1
            """).ToDictionary(r => r.Multi);
        var drop = rows[true].Residual - rows[false].Residual;
        var realized = Truth(GroundTruth.MultiProductDecline).Realized!.Value;
        output.WriteLine($"multi-product decline vs same segment/region/quarter: {drop:+0.0;-0.0} points (single {rows[false].Residual:F1}, multi {rows[true].Residual:F1}); ground truth realized {realized:F1}");

        Assert.True(drop <= -10, $"adjusted multi-product decline {drop:F1} points; expected ≤ −10 (planted ≈ −20)");
        Assert.InRange(drop, realized - 8, realized + 8);
    }

    [Fact]
    public void Total_nps_of_the_last_year_is_flat_or_up_against_the_first_year()
    {
        var years = company.Query<(int Year, long N, double Nps)>($"""
            SELECT CAST(year(responded_at) AS INTEGER), COUNT(*), {Nps} FROM responses GROUP BY 1 ORDER BY 1
            """);
        output.WriteLine("total NPS by year: " + string.Join(", ", years.Select(y => $"{y.Year} {y.Nps:F1} (n={y.N})")));

        Assert.Equal(DemoCompanyFixture.Options.Years, years.Count);
        Assert.True(years[^1].Nps >= years[0].Nps - 2, $"total NPS fell from {years[0].Nps:F1} to {years[^1].Nps:F1}");
        Assert.Equal(years[^1].Nps - years[0].Nps, Truth(GroundTruth.TotalNpsChange).Realized!.Value, 6);
    }

    // ---- 2. Themes -------------------------------------------------------------------------------------------------

    const string IntegrationWords = "integrat|sync|single sign-on|login|talk to each other|re-enter|connector|disconnected|double data entry";
    const string ManagerWords = @"account manager|handoff|point of contact|\brep\b|\breps\b|who to|owner|new contact|someone else";

    (long N, double Share) ThemeShare(bool multiProductDetractors, string condition) =>
        company.Query<(long N, double Share)>($"""
            WITH {ResponsesWithProductsHeld}
            SELECT COUNT(*), AVG(CASE WHEN {condition} THEN 1.0 ELSE 0 END)
            FROM held WHERE comment IS NOT NULL AND ((nps <= 6 AND products >= 2) = {(multiProductDetractors ? "TRUE" : "FALSE")})
            """).Single();

    [Theory]
    [InlineData("products_dont_integrate", GroundTruth.IntegrationTheme)]
    [InlineData("too_many_account_managers", GroundTruth.ManagersTheme)]
    public void Multi_product_detractors_raise_the_theme_at_least_five_times_as_often_as_other_comments(string theme, string effectId)
    {
        var labelled = $"attributes->>'planted_themes' LIKE '%{theme}%'";
        var (nMulti, multi) = ThemeShare(true, labelled);
        var (nOther, other) = ThemeShare(false, labelled);
        var realized = Truth(effectId).Realized!.Value;
        output.WriteLine($"{theme}: {multi:P1} of {nMulti} multi-product detractor comments vs {other:P2} of {nOther} other comments ({multi / other:F0}x); ground truth realized {realized:P1}");

        Assert.True(nMulti >= 100, $"only {nMulti} multi-product detractor comments");
        Assert.True(multi >= 5 * other, $"{theme}: {multi:P1} of multi-product detractor comments vs {other:P2} of others; expected ≥ 5x");
        Assert.Equal(realized, multi, 2);
    }

    [Theory]
    [InlineData("products_dont_integrate", IntegrationWords)]
    [InlineData("too_many_account_managers", ManagerWords)]
    public void Theme_labels_and_comment_text_agree(string theme, string words)
    {
        // Every comment carries its planted themes, and the text of a labelled comment says it in words.
        Assert.Equal(0, company.Scalar<long>("SELECT COUNT(*) FROM responses WHERE (comment IS NULL) <> (attributes->>'planted_themes' IS NULL)"));
        var shares = company.Query<(bool Labelled, long N, double Mentions)>($"""
            SELECT attributes->>'planted_themes' LIKE '%{theme}%', COUNT(*), AVG(CASE WHEN regexp_matches(lower(comment), '{words}') THEN 1.0 ELSE 0 END)
            FROM responses WHERE comment IS NOT NULL GROUP BY 1
            """).ToDictionary(r => r.Labelled);
        var (nMulti, multiText) = ThemeShare(true, $"regexp_matches(lower(comment), '{words}')");
        var (_, otherText) = ThemeShare(false, $"regexp_matches(lower(comment), '{words}')");
        output.WriteLine($"{theme}: keywords in {shares[true].Mentions:P1} of {shares[true].N} labelled comments, {shares[false].Mentions:P2} of {shares[false].N} unlabelled; by text alone {multiText:P1} of multi-product detractor comments vs {otherText:P2} of others");

        Assert.True(shares[true].Mentions >= 0.5, $"only {shares[true].Mentions:P1} of comments labelled {theme} mention it");
        Assert.True(shares[false].Mentions <= 0.05, $"{shares[false].Mentions:P1} of comments not labelled {theme} mention it");
        Assert.True(multiText >= 5 * otherText, $"by text, {multiText:P1} of multi-product detractor comments vs {otherText:P2} of others; expected ≥ 5x");
    }

    // ---- 3. Churn and expansion at renewal -------------------------------------------------------------------------

    List<(string Category, long Renewals, double Churn, double Expansion)> RenewalsByCategory() =>
        company.Query<(string Category, long Renewals, double Churn, double Expansion)>($"""
            WITH {RenewalsWithMeanNps}
            SELECT CASE WHEN mean_nps <= 6.5 THEN 'detractor' WHEN mean_nps >= 8.5 THEN 'promoter' ELSE 'passive' END,
                   COUNT(*), AVG(CASE WHEN kind = 'churn' THEN 1.0 ELSE 0 END), AVG(CASE WHEN kind = 'expansion' THEN 1.0 ELSE 0 END)
            FROM renewals WHERE mean_nps IS NOT NULL GROUP BY 1 ORDER BY 1
            """);

    [Fact]
    public void Detractors_churn_at_renewal_two_to_four_and_a_half_times_as_often_as_promoters()
    {
        var rows = RenewalsByCategory().ToDictionary(r => r.Category);
        var ratio = rows["detractor"].Churn / rows["promoter"].Churn;
        output.WriteLine("renewals by mean NPS of the prior 12 months: " + string.Join(", ", rows.Values.Select(r => $"{r.Category} churn {r.Churn:P1} expansion {r.Expansion:P1} (n={r.Renewals})")));
        output.WriteLine($"churn ratio detractor/promoter {ratio:F2}; ground truth realized {Truth(GroundTruth.DetractorChurnRatio).Realized:F2}");

        Assert.True(rows["detractor"].Renewals >= 100, $"only {rows["detractor"].Renewals} detractor renewals");
        Assert.InRange(ratio, 2.0, 4.5);
        Assert.True(rows["detractor"].Churn > rows["passive"].Churn && rows["passive"].Churn > rows["promoter"].Churn, "churn is not ordered detractor > passive > promoter");
    }

    [Fact]
    public void Promoters_expand_at_renewal_more_often_than_detractors()
    {
        var rows = RenewalsByCategory().ToDictionary(r => r.Category);
        output.WriteLine($"expansion at renewal: promoters {rows["promoter"].Expansion:P1}, passives {rows["passive"].Expansion:P1}, detractors {rows["detractor"].Expansion:P1}; ground truth realized ratio {Truth(GroundTruth.PromoterExpansion).Realized:F2}");

        Assert.True(rows["promoter"].Expansion > rows["detractor"].Expansion,
            $"promoters expand {rows["promoter"].Expansion:P1}, detractors {rows["detractor"].Expansion:P1}");
    }

    // ---- 4. Effort → tickets ---------------------------------------------------------------------------------------

    [Fact]
    public void Tickets_per_account_quarter_rise_with_the_accounts_mean_effort()
    {
        // Account-quarters: days from the later of creation and the period start to the churn or the period end.
        var end = DemoCompanyFixture.Options.PeriodEnd.ToString("yyyy-MM-dd");
        var start = DemoCompanyOptions.PeriodStart.ToString("yyyy-MM-dd");
        var bands = company.Query<(int Band, long Accounts, double TicketsPerQuarter)>($"""
            WITH acc AS (
                SELECT a.account_id,
                       GREATEST(a.created_at, DATE '{start}') AS active_from,
                       COALESCE((SELECT MIN(o.outcome_date) FROM outcomes o WHERE o.account_id = a.account_id AND o.kind = 'churn'), DATE '{end}') AS active_to,
                       (SELECT AVG(r.ces) FROM responses r WHERE r.account_id = a.account_id) AS mean_ces,
                       (SELECT COUNT(*) FROM tickets t WHERE t.account_id = a.account_id) AS tickets
                FROM accounts a)
            SELECT CASE WHEN mean_ces <= 3 THEN 1 WHEN mean_ces <= 4 THEN 2 WHEN mean_ces <= 5 THEN 3 ELSE 4 END AS band,
                   COUNT(*), SUM(tickets) / SUM((date_diff('day', active_from, active_to) + 1) / (365.25 / 4))
            FROM acc WHERE mean_ces IS NOT NULL GROUP BY 1 ORDER BY 1
            """);
        output.WriteLine("tickets per account-quarter by mean CES band (≤3, 3–4, 4–5, >5): " + string.Join(", ", bands.Select(b => $"{b.TicketsPerQuarter:F1} (n={b.Accounts})")));

        Assert.Equal(new[] { 1, 2, 3, 4 }, bands.Select(b => b.Band));
        for (var i = 1; i < bands.Count; i++)
            Assert.True(bands[i].TicketsPerQuarter > bands[i - 1].TicketsPerQuarter,
                $"band {bands[i].Band} has {bands[i].TicketsPerQuarter:F1} tickets per account-quarter, band {bands[i - 1].Band} {bands[i - 1].TicketsPerQuarter:F1}");
        Assert.True(bands[^1].TicketsPerQuarter >= 1.5 * bands[0].TicketsPerQuarter,
            $"high-effort band {bands[^1].TicketsPerQuarter:F1} vs low {bands[0].TicketsPerQuarter:F1}: less than 1.5x");
    }

    // ---- 5. Initiatives --------------------------------------------------------------------------------------------

    [Fact]
    public void Ground_truth_credits_the_callback_and_one_team_initiatives_and_not_the_forum()
    {
        double Realized(string id) => Truth($"initiative_{id}").Realized!.Value;
        output.WriteLine($"realized NPS effects: INIT-QW-CALLBACK {Realized("INIT-QW-CALLBACK"):F1}, INIT-LT-ONE-TEAM {Realized("INIT-LT-ONE-TEAM"):F1}, INIT-NE-FORUM {Realized("INIT-NE-FORUM"):F1}");

        Assert.True(Realized("INIT-QW-CALLBACK") > 5, $"INIT-QW-CALLBACK realized {Realized("INIT-QW-CALLBACK"):F1}");
        Assert.True(Realized("INIT-LT-ONE-TEAM") > 5, $"INIT-LT-ONE-TEAM realized {Realized("INIT-LT-ONE-TEAM"):F1}");
        Assert.Equal(0.0, Realized("INIT-NE-FORUM"));
    }

    [Fact]
    public void Emea_nps_rises_after_the_callback_quick_win_relative_to_other_regions()
    {
        var start = company.Scalar<DateTime>("SELECT CAST(start_date AS TIMESTAMP) FROM initiatives WHERE initiative_id = 'INIT-QW-CALLBACK'");
        Assert.Equal(new DateTime(2024, 1, 1), start);
        var cells = company.Query<(bool Emea, bool After, long N, double Nps)>($"""
            SELECT a.region = 'EMEA', r.responded_at >= TIMESTAMP '2024-01-01', COUNT(*), {Nps}
            FROM responses r JOIN accounts a ON a.account_id = r.account_id GROUP BY 1, 2
            """).ToDictionary(c => (c.Emea, c.After));
        var emea = cells[(true, true)].Nps - cells[(true, false)].Nps;
        var others = cells[(false, true)].Nps - cells[(false, false)].Nps;
        output.WriteLine($"NPS before/after 2024-01-01: EMEA {cells[(true, false)].Nps:F1} → {cells[(true, true)].Nps:F1}, other regions {cells[(false, false)].Nps:F1} → {cells[(false, true)].Nps:F1}; difference-in-differences {emea - others:+0.0;-0.0}");

        Assert.True(emea - others > 3, $"difference-in-differences {emea - others:F1} points; expected > 3");
    }

    // ---- 6. References ---------------------------------------------------------------------------------------------

    [Fact]
    public void Deals_that_used_a_reference_win_at_least_10_points_more_often()
    {
        var rows = company.Query<(bool Referenced, long N, double WinRate)>("""
            SELECT o.opportunity_id IN (SELECT opportunity_id FROM reference_requests WHERE opportunity_id IS NOT NULL),
                   COUNT(*), AVG(CASE WHEN o.won THEN 1.0 ELSE 0 END)
            FROM opportunities o GROUP BY 1
            """).ToDictionary(r => r.Referenced);
        output.WriteLine($"win rate: referenced deals {rows[true].WinRate:P1} (n={rows[true].N}), other deals {rows[false].WinRate:P1} (n={rows[false].N}); ground truth realized {Truth(GroundTruth.ReferencedWinRate).Realized:P1}");

        Assert.True(rows[true].N >= 100 && rows[false].N >= 100, $"too few deals: {rows[true].N} referenced, {rows[false].N} other");
        Assert.True(rows[true].WinRate >= rows[false].WinRate + 0.10, $"referenced deals win {rows[true].WinRate:P1}, others {rows[false].WinRate:P1}");
    }

    [Fact]
    public void Promoters_agree_to_be_references_far_more_often_than_passives()
    {
        // A reference request is made on a survey day; when every response of the account that day falls in one NPS
        // category, the request was made to that category.
        var rows = company.Query<(string Category, long N, double AgreeRate)>("""
            WITH day AS (SELECT account_id, CAST(responded_at AS DATE) AS d, MIN(nps) AS lo, MAX(nps) AS hi FROM responses GROUP BY ALL)
            SELECT CASE WHEN lo >= 9 THEN 'promoter' WHEN hi <= 6 THEN 'detractor' WHEN lo >= 7 AND hi <= 8 THEN 'passive' ELSE 'mixed' END,
                   COUNT(*), AVG(CASE WHEN rr.agreed THEN 1.0 ELSE 0 END)
            FROM reference_requests rr JOIN day ON day.account_id = rr.account_id AND day.d = rr.requested_at
            GROUP BY 1
            """).ToDictionary(r => r.Category);
        var realized = Truth(GroundTruth.ReferenceAgreement).Realized!.Value;
        output.WriteLine("agree rate by category of the survey day: " + string.Join(", ", rows.Values.Select(r => $"{r.Category} {r.AgreeRate:P1} (n={r.N})")) + $"; ground truth promoter agree rate {realized:P1}");

        Assert.Equal(0, company.Scalar<long>("""
            SELECT COUNT(*) FROM reference_requests rr
            WHERE NOT EXISTS (SELECT 1 FROM responses r WHERE r.account_id = rr.account_id AND CAST(r.responded_at AS DATE) = rr.requested_at)
            """));
        Assert.True(rows["promoter"].N >= 200 && rows["passive"].N >= 50, $"too few requests: {rows["promoter"].N} promoter, {rows["passive"].N} passive");
        Assert.True(rows["promoter"].AgreeRate >= 2 * rows["passive"].AgreeRate,
            $"promoters agree {rows["promoter"].AgreeRate:P1}, passives {rows["passive"].AgreeRate:P1}");
        Assert.InRange(rows["promoter"].AgreeRate, realized - 0.08, realized + 0.08);
    }
}
