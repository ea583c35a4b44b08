using Fulcrum.Analytics.Facts;

namespace Fulcrum.Analytics.Linkage;

/// <summary>One renewal decision: the account's state going into it and what happened.</summary>
internal sealed record RenewalEventRow(
    string AccountId, DateTime Day, bool Churned, bool Expanded, double ArrBefore, double ExpansionAmount,
    string? Segment, int TenureMonths, int Products, double? NpsMean, double? CsatMean, double? CesMean, long CesAnswers);

/// <summary>An account on the books on the last day of data, in the same terms as the models.</summary>
internal sealed record BookAccountRow(
    string AccountId, string? Segment, int TenureMonths, int Products, double Arr, double? NpsMean, double? CsatMean, double? CesMean, long CesAnswers);

/// <summary>A row of <see cref="LinkageQueries.ThemesRaised"/>: themes raised before a decision (kind 0: Key an account, on Day) or before the
/// last day (kind 1: Key an account), or one theme (kind 2: Key its id, Themes its number, and its label).</summary>
internal sealed record ThemesRaisedRow(int Kind, string Key, DateTime? Day, string Themes, string? Label);

/// <summary>Per account: CES answers, their sum and sum of squares, for the measurement-error model of CES.</summary>
internal sealed record CesMomentsRow(string AccountId, long N, double Sum, double SumSquares);

/// <summary>
/// The SQL that shapes the store into modelling rows. Survey metrics are the account's means over the 365 days up to
/// the moment (the answers a renewal decision could have been read from); product count and ARR come from the
/// account-state facts.
/// </summary>
internal static class LinkageQueries
{
    /// <summary>
    /// The renewal decisions as common table expressions (ending in <c>decisions</c>: account_id, day, churned, expanded,
    /// arr_before, expansion_amount): outcomes of kind renewal, churn, contraction or expansion, except expansions that are a
    /// new product being added (cross-sell happens between renewals and is not a renewal decision).
    /// </summary>
    const string Decisions = """
        first_start AS (
            SELECT account_id, product, MIN(start_date) AS first_day FROM subscriptions GROUP BY 1, 2),
        cross_sell AS (
            SELECT DISTINCT account_id, first_day AS day FROM first_start),
        decisions AS (
            SELECT o.account_id, CAST(o.outcome_date AS DATE) AS day,
                   bool_or(o.kind = 'churn') AS churned,
                   bool_or(o.kind = 'expansion') AS expanded,
                   MAX(o.arr_before) AS arr_before,
                   SUM(CASE WHEN o.kind = 'expansion' THEN GREATEST(COALESCE(o.arr_after, 0) - COALESCE(o.arr_before, 0), 0) ELSE 0 END) AS expansion_amount
            FROM outcomes o
            LEFT JOIN cross_sell c ON c.account_id = o.account_id AND c.day = CAST(o.outcome_date AS DATE)
            WHERE o.kind IN ('renewal', 'churn', 'contraction') OR (o.kind = 'expansion' AND c.account_id IS NULL)
            GROUP BY 1, 2)
        """;

    /// <summary>The renewal decisions (<see cref="Decisions"/>) with the account's state and survey means going into each.</summary>
    public static string RenewalEvents(string states) => $"""
        WITH {Decisions},
        survey AS (
            SELECT d.account_id, d.day, AVG(r.nps) AS nps_mean, AVG(r.csat) AS csat_mean, AVG(r.ces) AS ces_mean, COUNT(r.ces) AS ces_answers
            FROM decisions d JOIN responses r
              ON r.account_id = d.account_id AND CAST(r.responded_at AS DATE) <= d.day AND CAST(r.responded_at AS DATE) > d.day - 365
            GROUP BY 1, 2)
        SELECT d.account_id AS AccountId, CAST(d.day AS TIMESTAMP) AS Day, d.churned AS Churned, d.expanded AND NOT d.churned AS Expanded,
               COALESCE(d.arr_before, st.arr, 0) AS ArrBefore, d.expansion_amount AS ExpansionAmount,
               a.segment AS Segment, {MonthsBetween("a.created_at", "d.day")} AS TenureMonths,
               CAST(COALESCE(st.products, 1) AS INTEGER) AS Products,
               s.nps_mean AS NpsMean, s.csat_mean AS CsatMean, s.ces_mean AS CesMean, COALESCE(s.ces_answers, 0) AS CesAnswers
        FROM decisions d
        JOIN accounts a ON a.account_id = d.account_id
        LEFT JOIN survey s ON s.account_id = d.account_id AND s.day = d.day
        LEFT JOIN {states} st ON st.account_id = d.account_id AND st.valid_from <= d.day - 1 AND st.valid_to >= d.day - 1
        ORDER BY d.account_id, d.day
        """;

    /// <summary>
    /// Account-quarters with their tickets and handle minutes, and the survey means of the four quarters up to and
    /// including each one. Answers are summed per account and quarter first (quarters numbered year × 4 + quarter) and
    /// each account-quarter then sums its account's sums of the trailing year: a join of every account-quarter with every
    /// answer would be far larger, and a window over the quarters costs a sort of them all.
    /// </summary>
    public static string ServicePeriods(string quarterFacts) => $"""
        WITH periods AS (
            SELECT account_id, period, {QuarterNumber("period")} AS quarter, segment, tenure_months, products, arr, tickets, handle_minutes
            FROM {quarterFacts}),
        answers AS (
            SELECT account_id, {QuarterNumber("responded_at")} AS quarter, SUM(nps) AS nps_sum, COUNT(nps) AS nps_n, SUM(ces) AS ces_sum, COUNT(ces) AS ces_n
            FROM responses GROUP BY 1, 2),
        trailing_year AS (
            SELECT p.account_id, p.quarter, SUM(a.nps_sum) AS nps_sum, SUM(a.nps_n) AS nps_n, SUM(a.ces_sum) AS ces_sum, SUM(a.ces_n) AS ces_n
            FROM periods p JOIN answers a ON a.account_id = p.account_id AND a.quarter BETWEEN p.quarter - 3 AND p.quarter
            GROUP BY 1, 2)
        SELECT p.account_id AS AccountId, p.segment AS Segment, CAST(p.tenure_months AS INTEGER) AS TenureMonths,
               CAST(p.products AS INTEGER) AS Products, CAST(p.arr AS DOUBLE PRECISION) AS Arr, CAST(p.tickets AS DOUBLE PRECISION) AS Tickets,
               CAST(p.handle_minutes AS DOUBLE PRECISION) AS HandleMinutes,
               CASE WHEN t.nps_n > 0 THEN CAST(t.nps_sum AS DOUBLE PRECISION) / CAST(t.nps_n AS DOUBLE PRECISION) END AS NpsMean,
               CASE WHEN t.ces_n > 0 THEN CAST(t.ces_sum AS DOUBLE PRECISION) / CAST(t.ces_n AS DOUBLE PRECISION) END AS CesMean,
               CAST(COALESCE(t.ces_n, 0) AS BIGINT) AS CesAnswers
        FROM periods p LEFT JOIN trailing_year t ON t.account_id = p.account_id AND t.quarter = p.quarter
        ORDER BY p.account_id, p.period
        """;

    /// <summary>A quarter as one integer (year × 4 + quarter), so the trailing year is a range of numbers.</summary>
    static string QuarterNumber(string day) => $"CAST(EXTRACT(year FROM {day}) * 4 + EXTRACT(quarter FROM {day}) AS INTEGER)";

    /// <summary>Accounts holding a product on the last day any data was observed, with their state that day.</summary>
    public static string Book(string states) => $"""
        WITH last_day AS (
            SELECT MAX(day) AS day FROM (
                SELECT CAST(MAX(responded_at) AS DATE) AS day FROM responses UNION ALL
                SELECT CAST(MAX(opened_at) AS DATE) FROM tickets UNION ALL
                SELECT CAST(MAX(outcome_date) AS DATE) FROM outcomes) x),
        book AS (
            SELECT st.account_id, st.products, st.arr, l.day FROM {states} st, last_day l
            WHERE st.products > 0 AND st.valid_from <= l.day AND st.valid_to >= l.day),
        survey AS (
            SELECT b.account_id, AVG(r.nps) AS nps_mean, AVG(r.csat) AS csat_mean, AVG(r.ces) AS ces_mean, COUNT(r.ces) AS ces_answers
            FROM book b JOIN responses r
              ON r.account_id = b.account_id AND CAST(r.responded_at AS DATE) <= b.day AND CAST(r.responded_at AS DATE) > b.day - 365
            GROUP BY 1)
        SELECT b.account_id AS AccountId, a.segment AS Segment, {MonthsBetween("a.created_at", "b.day")} AS TenureMonths,
               CAST(b.products AS INTEGER) AS Products, CAST(b.arr AS DOUBLE) AS Arr,
               s.nps_mean AS NpsMean, s.csat_mean AS CsatMean, s.ces_mean AS CesMean, COALESCE(s.ces_answers, 0) AS CesAnswers
        FROM book b JOIN accounts a ON a.account_id = b.account_id LEFT JOIN survey s ON s.account_id = b.account_id
        ORDER BY b.account_id
        """;

    /// <summary>
    /// Which active themes were raised (by the account, on a day in the 365 up to and including it) before each renewal
    /// decision (kind 0, keyed by account and day) and before the last day any theme was raised (kind 1, keyed by account),
    /// as comma-separated theme numbers, and the themes raised at all with their numbers and labels (kind 2). The mentions
    /// (millions at 100k accounts) are matched to decisions in the store; only one row per decision and account comes back.
    /// </summary>
    public static string ThemesRaised => $"""
        WITH {Decisions},
        -- not made distinct here (millions of rows): the matches below are
        mentions AS MATERIALIZED (
            SELECT r.account_id, CAST(r.responded_at AS DATE) AS day, rt.theme_id
            FROM response_themes rt JOIN responses r ON r.response_id = rt.response_id JOIN themes t ON t.theme_id = rt.theme_id
            WHERE t.status = 'active'),
        -- themes numbered from a per-theme grouping (combinable across shards), so Citus numbers them once on the coordinator
        mentioned AS MATERIALIZED (
            SELECT theme_id FROM mentions GROUP BY theme_id),
        numbered AS MATERIALIZED (
            SELECT t.theme_id, t.label, CAST(ROW_NUMBER() OVER (ORDER BY t.theme_id) - 1 AS INTEGER) AS theme
            FROM themes t JOIN mentioned USING (theme_id)),
        raised AS (
            SELECT DISTINCT 0 AS kind, d.account_id, d.day, n.theme
            FROM decisions d
            JOIN mentions m ON m.account_id = d.account_id AND m.day <= d.day AND m.day > d.day - 365
            JOIN numbered n ON n.theme_id = m.theme_id
            UNION ALL
            SELECT DISTINCT 1 AS kind, m.account_id, CAST(NULL AS DATE) AS day, n.theme
            FROM mentions m JOIN numbered n ON n.theme_id = m.theme_id
            WHERE m.day > (SELECT MAX(day) FROM mentions) - 365)
        SELECT kind AS Kind, account_id AS Key, CAST(day AS TIMESTAMP) AS Day, string_agg(CAST(theme AS VARCHAR), ',') AS Themes, CAST(NULL AS VARCHAR) AS Label
        FROM raised GROUP BY kind, account_id, day
        UNION ALL
        SELECT 2, theme_id, CAST(NULL AS TIMESTAMP), CAST(theme AS VARCHAR), label FROM numbered
        """;

    public const string CesMoments = """
        SELECT account_id AS AccountId, COUNT(ces) AS N, CAST(SUM(ces) AS DOUBLE) AS Sum, CAST(SUM(ces * ces) AS DOUBLE) AS SumSquares
        FROM responses WHERE ces IS NOT NULL GROUP BY account_id
        ORDER BY account_id
        """;

    static string MonthsBetween(string from, string to) => AnalysisFacts.MonthsBetween(from, to);
}
