namespace Fulcrum.Analytics.Facts;

/// <summary>
/// The linkage's modelling rows as fact tables: they depend only on the store's data, so they are built once per data
/// version (with the other facts) and every linkage fit, business case and theme impact reads them instead of matching
/// two million answers to renewals and account-quarters each time. Survey metrics are the account's means over the
/// year up to the moment (the answers a renewal decision or a quarter's service could have been read against).
/// </summary>
public sealed partial class AnalysisFacts
{
    /// <summary>
    /// One row per renewal decision (outcomes of kind renewal, churn, contraction or expansion, except expansions that are
    /// a new product being added: cross-sell happens between renewals and is not a renewal decision), with the account's
    /// state going into it. Columns: account_id, day, churned, expanded (and not churned), arr_before, expansion_amount (NULL when
    /// an expansion of the decision has no ARR before or after it),
    /// segment, tenure_months, products, nps_mean, csat_mean, ces_mean (over the 365 days up to the day), ces_answers.
    /// </summary>
    public string Renewals()
    {
        const string name = "facts_renewals";
        var states = AccountStates();
        if (IsFresh(name)) return name;
        Materialize(name, $"""
            WITH first_start AS (
                SELECT account_id, product, MIN(start_date) AS first_day FROM subscriptions GROUP BY 1, 2),
            cross_sell AS (
                SELECT DISTINCT account_id, first_day AS day FROM first_start),
            decisions AS (
                SELECT o.account_id, CAST(o.outcome_date AS DATE) AS day,
                       bool_or(o.kind = 'churn') AS churned,
                       bool_or(o.kind = 'expansion') AS expanded,
                       MAX(o.arr_before) AS arr_before,
                       -- An expansion without arr_before or arr_after (a status like "Upgraded" with no ARR in the file) is an
                       -- expansion of unknown size: the decision's amount is absent (NULL), never 0, so the amount model leaves it out.
                       CASE WHEN bool_or(o.kind = 'expansion' AND (o.arr_before IS NULL OR o.arr_after IS NULL)) THEN NULL
                            ELSE SUM(CASE WHEN o.kind = 'expansion' THEN GREATEST(o.arr_after - o.arr_before, 0) ELSE 0 END) END AS expansion_amount
                FROM outcomes o
                LEFT JOIN cross_sell c ON c.account_id = o.account_id AND c.day = CAST(o.outcome_date AS DATE)
                WHERE o.kind IN ('renewal', 'churn', 'contraction') OR (o.kind = 'expansion' AND c.account_id IS NULL)
                GROUP BY 1, 2),
            survey AS (
                SELECT d.account_id, d.day, AVG(r.nps) AS nps_mean, AVG(r.csat) AS csat_mean, AVG(r.ces) AS ces_mean, COUNT(r.ces) AS ces_answers
                FROM decisions d JOIN responses r
                  ON r.account_id = d.account_id AND CAST(r.responded_at AS DATE) <= d.day AND CAST(r.responded_at AS DATE) > d.day - 365
                GROUP BY 1, 2)
            SELECT d.account_id, d.day, d.churned, d.expanded AND NOT d.churned AS expanded,
                   COALESCE(d.arr_before, st.arr, 0) AS arr_before, d.expansion_amount,
                   a.segment, {MonthsBetween("a.created_at", "d.day")} AS tenure_months,
                   CAST(COALESCE(st.products, 1) AS INTEGER) AS products,
                   s.nps_mean, s.csat_mean, s.ces_mean, COALESCE(s.ces_answers, 0) AS ces_answers
            FROM decisions d
            JOIN accounts a ON a.account_id = d.account_id
            LEFT JOIN survey s ON s.account_id = d.account_id AND s.day = d.day
            LEFT JOIN {states} st ON st.account_id = d.account_id AND st.valid_from <= d.day - 1 AND st.valid_to >= d.day - 1
            """);
        return name;
    }

    /// <summary>
    /// The service history the cost-to-serve models read: one row per account-quarter of the quarterly account periods
    /// (<see cref="AccountPeriods"/>) with its tickets and handle minutes, and the mean NPS and CES of the four quarters up
    /// to and including it. Columns: account_id, period, segment, tenure_months, products, arr, tickets, handle_minutes,
    /// nps_mean, ces_mean, ces_answers. Answers are summed per account and quarter first (quarters numbered year × 4 +
    /// quarter) and each account-quarter then sums its account's sums of the trailing year: a join of every account-quarter
    /// with every answer would be far larger, and a window over the quarters costs a sort of them all.
    /// </summary>
    public string ServiceQuarters()
    {
        const string name = "facts_service_quarters";
        var quarters = AccountPeriods(PeriodUnit.Quarter);
        if (IsFresh(name)) return name;
        Materialize(name, $"""
            WITH periods AS (
                SELECT account_id, period, {QuarterNumber("period")} AS quarter, segment, tenure_months, products, arr, tickets, handle_minutes
                FROM {quarters}),
            answers AS (
                SELECT account_id, {QuarterNumber("responded_at")} AS quarter, SUM(nps) AS nps_sum, COUNT(nps) AS nps_n, SUM(ces) AS ces_sum, COUNT(ces) AS ces_n
                FROM responses GROUP BY 1, 2),
            trailing_year AS (
                SELECT p.account_id, p.quarter, SUM(a.nps_sum) AS nps_sum, SUM(a.nps_n) AS nps_n, SUM(a.ces_sum) AS ces_sum, SUM(a.ces_n) AS ces_n
                FROM periods p JOIN answers a ON a.account_id = p.account_id AND a.quarter BETWEEN p.quarter - 3 AND p.quarter
                GROUP BY 1, 2)
            SELECT p.account_id, p.period, p.segment, CAST(p.tenure_months AS INTEGER) AS tenure_months,
                   CAST(p.products AS INTEGER) AS products, CAST(p.arr AS DOUBLE PRECISION) AS arr, CAST(p.tickets AS DOUBLE PRECISION) AS tickets,
                   CAST(p.handle_minutes AS DOUBLE PRECISION) AS handle_minutes,
                   CASE WHEN t.nps_n > 0 THEN CAST(t.nps_sum AS DOUBLE PRECISION) / CAST(t.nps_n AS DOUBLE PRECISION) END AS nps_mean,
                   CASE WHEN t.ces_n > 0 THEN CAST(t.ces_sum AS DOUBLE PRECISION) / CAST(t.ces_n AS DOUBLE PRECISION) END AS ces_mean,
                   CAST(COALESCE(t.ces_n, 0) AS BIGINT) AS ces_answers
            FROM periods p LEFT JOIN trailing_year t ON t.account_id = p.account_id AND t.quarter = p.quarter
            """);
        return name;
    }

    /// <summary>
    /// The book: accounts holding a product at the close of the last day any data was observed (an answer, a ticket or
    /// an outcome; <see cref="BookDay"/>), subscriptions ended that day or churned away left out (<see cref="OnTheBook"/>),
    /// with their state that day and their survey means over the 365 days up to it. Columns: account_id, segment,
    /// tenure_months, products, arr, nps_mean, csat_mean, ces_mean, ces_answers.
    /// </summary>
    public string Book()
    {
        const string name = "facts_book";
        if (IsFresh(name)) return name;
        Materialize(name, $"""
            WITH last_day AS ({BookDay}),
            book AS (
                SELECT s.account_id, COUNT(DISTINCT s.product) AS products, COALESCE(SUM(s.arr), 0) AS arr, MAX(l.day) AS day
                FROM subscriptions s, last_day l
                WHERE {OnTheBook("s", "l.day")}
                GROUP BY s.account_id),
            survey AS (
                SELECT b.account_id, AVG(r.nps) AS nps_mean, AVG(r.csat) AS csat_mean, AVG(r.ces) AS ces_mean, COUNT(r.ces) AS ces_answers
                FROM book b JOIN responses r
                  ON r.account_id = b.account_id AND CAST(r.responded_at AS DATE) <= b.day AND CAST(r.responded_at AS DATE) > b.day - 365
                GROUP BY 1)
            SELECT b.account_id, a.segment, {MonthsBetween("a.created_at", "b.day")} AS tenure_months,
                   CAST(b.products AS INTEGER) AS products, CAST(b.arr AS DOUBLE PRECISION) AS arr,
                   s.nps_mean, s.csat_mean, s.ces_mean, COALESCE(s.ces_answers, 0) AS ces_answers
            FROM book b JOIN accounts a ON a.account_id = b.account_id LEFT JOIN survey s ON s.account_id = b.account_id
            """);
        return name;
    }

    /// <summary>
    /// Per account with CES answers: their count, sum and sum of squares (the measurement-error model of CES).
    /// Columns: account_id, answers, ces_sum, ces_sum_squares.
    /// </summary>
    public string CesMoments()
    {
        const string name = "facts_ces_moments";
        if (IsFresh(name)) return name;
        Materialize(name, """
            SELECT account_id, COUNT(ces) AS answers, CAST(SUM(ces) AS DOUBLE PRECISION) AS ces_sum, CAST(SUM(ces * ces) AS DOUBLE PRECISION) AS ces_sum_squares
            FROM responses WHERE ces IS NOT NULL GROUP BY account_id
            """);
        return name;
    }

    /// <summary>A quarter as one integer (year × 4 + quarter), so the trailing year is a range of numbers.</summary>
    static string QuarterNumber(string day) => $"CAST(EXTRACT(year FROM {day}) * 4 + EXTRACT(quarter FROM {day}) AS INTEGER)";
}
