using System.Data;
using System.Globalization;
using Dapper;
using Fulcrum.Analytics.Facts;

namespace Fulcrum.Analytics.Cohorts;

/// <summary>
/// The SQL of the transition analysis: everything is aggregated per account (and per stratum) in the database; C# only
/// receives one short row per cohort account. Portable SQL (DuckDB and PostgreSQL): date ± integer, date − date in days,
/// INTERVAL 'n months', FILTER, date_trunc.
/// </summary>
internal sealed class TransitionQueries(AnalysisFacts facts, TransitionOptions options)
{
    const string OpenEnd = "DATE '9999-12-31'";
    const string CountsTable = "cohort_product_counts";
    const string DecisionsTable = "cohort_renewal_decisions";

    bool _built;

    string Window => $"INTERVAL '{options.WindowMonths.ToString(CultureInfo.InvariantCulture)} months'";

    /// <summary>ARR band of an amount, the same bands as the arr_band dimension.</summary>
    static string ArrBand(string arr) => $"""
        CASE WHEN {arr} IS NULL OR {arr} <= 0 THEN '(no ARR)' WHEN {arr} < 10000 THEN '<10k' WHEN {arr} < 50000 THEN '10k-50k'
             WHEN {arr} < 250000 THEN '50k-250k' WHEN {arr} < 1000000 THEN '250k-1M' ELSE '1M+' END
        """;

    /// <summary>
    /// Builds (once) the product count of each account on each day a subscription starts (the only days it can rise), with the
    /// count the day before; and the renewal decisions: outcomes of kind renewal, churn, contraction, and expansion except
    /// add-on purchases (an expansion on a day the account starts a product it did not hold the day before).
    /// </summary>
    void EnsureBuilt()
    {
        if (_built) return;
        facts.Store.Execute($"""
            CREATE OR REPLACE TEMP TABLE {CountsTable} AS
            WITH days AS (SELECT DISTINCT account_id, start_date AS day FROM subscriptions)
            SELECT d.account_id, d.day,
                   CAST(COUNT(DISTINCT s.product) FILTER (WHERE COALESCE(s.end_date, {OpenEnd}) >= d.day) AS BIGINT) AS held,
                   CAST(COUNT(DISTINCT s.product) FILTER (WHERE s.start_date < d.day AND COALESCE(s.end_date, {OpenEnd}) >= d.day - 1) AS BIGINT) AS held_before
            FROM days d JOIN subscriptions s ON s.account_id = d.account_id AND s.start_date <= d.day
            GROUP BY d.account_id, d.day
            """);
        facts.Store.Execute($"""
            CREATE OR REPLACE TEMP TABLE {DecisionsTable} AS
            SELECT o.account_id, o.outcome_date AS day, CASE WHEN LOWER(o.kind) = 'churn' THEN 1 ELSE 0 END AS churned,
                   o.arr_before
            FROM outcomes o
            WHERE LOWER(o.kind) IN ('renewal', 'churn', 'contraction')
               OR (LOWER(o.kind) = 'expansion' AND NOT EXISTS (
                    SELECT 1 FROM subscriptions s
                    WHERE s.account_id = o.account_id AND s.start_date = o.outcome_date
                      AND NOT EXISTS (
                          SELECT 1 FROM subscriptions p
                          WHERE p.account_id = s.account_id AND p.product = s.product
                            AND p.start_date < o.outcome_date AND COALESCE(p.end_date, {OpenEnd}) >= o.outcome_date - 1)))
            """);
        _built = true;
    }

    /// <summary>
    /// Builds the cohort table of accounts that held exactly <paramref name="fromProducts"/> products the day before they first
    /// held more: transition_day, segment, region, arr_before (ARR the day before) and its band, the calendar quarter and month of
    /// the transition, the account's customer span and the comparison windows: window_start = T − window, but not before the
    /// account first held <paramref name="fromProducts"/> products (so "before" a second-to-third transition is time on two
    /// products, not one), window_end = T + window (exclusive). Returns its name.
    /// </summary>
    public string Cohort(int fromProducts)
    {
        EnsureBuilt();
        var name = $"cohort_transitions_{fromProducts.ToString(CultureInfo.InvariantCulture)}";
        var to = (fromProducts + 1).ToString(CultureInfo.InvariantCulture);
        var from = fromProducts.ToString(CultureInfo.InvariantCulture);
        facts.Store.Execute($"""
            CREATE OR REPLACE TEMP TABLE {name} AS
            WITH first_day AS (
                SELECT account_id, MIN(day) AS day FROM {CountsTable} WHERE held >= {to} GROUP BY account_id),
            t AS (
                SELECT f.account_id, f.day AS transition_day, c.held AS products_after
                FROM first_day f JOIN {CountsTable} c ON c.account_id = f.account_id AND c.day = f.day
                WHERE c.held_before = {from}),
            before_state AS (
                SELECT t.account_id, SUM(s.arr) AS arr_before
                FROM t JOIN subscriptions s ON s.account_id = t.account_id
                  AND s.start_date < t.transition_day AND COALESCE(s.end_date, {OpenEnd}) >= t.transition_day - 1
                GROUP BY t.account_id),
            held_from AS (
                SELECT account_id, MIN(day) AS day FROM {CountsTable} WHERE held >= {from} GROUP BY account_id),
            span AS (
                SELECT account_id, MIN(start_date) AS customer_from, MAX(COALESCE(end_date, {OpenEnd})) AS customer_to
                FROM subscriptions GROUP BY account_id)
            SELECT t.account_id, t.transition_day, t.products_after, COALESCE(a.segment, '(none)') AS segment, COALESCE(a.region, '(none)') AS region,
                   CAST(COALESCE(b.arr_before, 0) AS DOUBLE) AS arr_before, {ArrBand("b.arr_before")} AS arr_band,
                   {PeriodUnit.Quarter.Trunc("t.transition_day")} AS transition_quarter, {PeriodUnit.Month.Trunc("t.transition_day")} AS transition_month,
                   span.customer_from, span.customer_to,
                   GREATEST(CAST(t.transition_day - {Window} AS DATE), h.day) AS window_start,
                   CAST(t.transition_day + {Window} AS DATE) AS window_end
            FROM t LEFT JOIN accounts a ON a.account_id = t.account_id
                   LEFT JOIN before_state b ON b.account_id = t.account_id
                   JOIN held_from h ON h.account_id = t.account_id
                   JOIN span ON span.account_id = t.account_id
            """);
        return name;
    }

    public sealed record CohortBounds(long Accounts, DateOnly? First, DateOnly? Last);

    public CohortBounds Bounds(string cohort) => Read($"""
            SELECT CAST(COUNT(*) AS BIGINT), MIN(transition_day), MAX(transition_day) FROM {cohort}
            """, r => new CohortBounds(Long(r, 0), Date(r, 1), Date(r, 2))).Single();

    /// <summary>
    /// Per cohort account: NPS responses before [window_start, T) and after [T, window_end); stratum = segment | region | month of T.
    /// </summary>
    public List<AccountScores> Scores(string cohort) => Read($"""
            SELECT t.account_id, t.segment || ' | ' || t.region || ' | ' || CAST(t.transition_month AS VARCHAR),
                   CAST(COUNT(r.nps) FILTER (WHERE r.day < t.transition_day) AS BIGINT),
                   CAST(COALESCE(SUM(r.nps) FILTER (WHERE r.day < t.transition_day), 0) AS DOUBLE),
                   CAST(COUNT(r.nps) FILTER (WHERE r.day < t.transition_day AND r.nps >= 9) AS BIGINT),
                   CAST(COUNT(r.nps) FILTER (WHERE r.day < t.transition_day AND r.nps BETWEEN 7 AND 8) AS BIGINT),
                   CAST(COUNT(r.nps) FILTER (WHERE r.day >= t.transition_day) AS BIGINT),
                   CAST(COALESCE(SUM(r.nps) FILTER (WHERE r.day >= t.transition_day), 0) AS DOUBLE),
                   CAST(COUNT(r.nps) FILTER (WHERE r.day >= t.transition_day AND r.nps >= 9) AS BIGINT),
                   CAST(COUNT(r.nps) FILTER (WHERE r.day >= t.transition_day AND r.nps BETWEEN 7 AND 8) AS BIGINT)
            FROM {cohort} t LEFT JOIN {facts.Responses()} r
              ON r.account_id = t.account_id AND r.nps IS NOT NULL AND r.day >= t.window_start AND r.day < t.window_end
            GROUP BY t.account_id, t.segment, t.region, t.transition_month
            ORDER BY t.account_id
            """, ReadScores);

    /// <summary>
    /// Comparable accounts for the NPS trend: for each month in which cohort accounts made the transition, the accounts that held
    /// exactly <c>fromProducts</c> products on its first day m and never more from m − window to m + window, with their NPS
    /// responses in [m − window, m) (from the day they first held that many products) and [m, m + window); only those with
    /// responses on both sides.
    /// Stratum = segment | region | m, the cohort's stratum.
    /// </summary>
    /// <remarks>
    /// m and m ± window are first days of months, so both windows are whole calendar months: the responses are counted once per
    /// account and month (those before the account first held that many products left out, which is the later window start)
    /// and the windows add up months, instead of joining every (account, m) to every response.
    /// The sums are grouped by account and m alone and the stratum's names joined on afterwards: the join's rows (about five per
    /// account and m) carry no segment and region strings through the aggregate. The monthly counts are summed as doubles,
    /// cheaper than DuckDB's 128-bit integer sums and exact for whole numbers this small.
    /// </remarks>
    public List<AccountScores> ComparableScores(string cohort, int fromProducts)
    {
        var k = fromProducts.ToString(CultureInfo.InvariantCulture);
        // Products held on a day are those of the account's state that day: a range lookup, not a count over subscriptions.
        var states = facts.AccountStates();
        return Read($"""
            WITH months AS (SELECT DISTINCT transition_month AS m FROM {cohort}),
            at_start AS (
                SELECT m.m, st.account_id, st.products
                FROM months m JOIN {states} st ON st.products > 0 AND st.valid_from <= m.m AND st.valid_to >= m.m),
            at_window_start AS (
                SELECT m.m, st.account_id, st.products
                FROM months m JOIN {states} st
                  ON st.products > 0 AND st.valid_from <= CAST(m.m - {Window} AS DATE) AND st.valid_to >= CAST(m.m - {Window} AS DATE)),
            held_from AS (
                SELECT account_id, MIN(day) AS day FROM {CountsTable} WHERE held >= {k} GROUP BY account_id),
            stayed AS (
                SELECT h.m, h.account_id
                FROM at_start h
                LEFT JOIN at_window_start w ON w.m = h.m AND w.account_id = h.account_id
                WHERE h.products = {k} AND COALESCE(w.products, 0) <= {k} AND NOT EXISTS (
                    SELECT 1 FROM {CountsTable} c
                    WHERE c.account_id = h.account_id AND c.held > {k}
                      AND c.day > CAST(h.m - {Window} AS DATE) AND c.day < CAST(h.m + {Window} AS DATE))),
            monthly AS (
                SELECT r.account_id, {PeriodUnit.Month.Trunc("r.day")} AS month, CAST(COUNT(*) AS DOUBLE) AS responses, CAST(SUM(r.nps) AS DOUBLE) AS score,
                       CAST(COUNT(*) FILTER (WHERE r.nps >= 9) AS DOUBLE) AS promoters, CAST(COUNT(*) FILTER (WHERE r.nps BETWEEN 7 AND 8) AS DOUBLE) AS passives
                FROM {facts.Responses()} r JOIN held_from f ON f.account_id = r.account_id AND r.day >= f.day
                WHERE r.nps IS NOT NULL
                GROUP BY r.account_id, {PeriodUnit.Month.Trunc("r.day")}),
            sides AS (
                SELECT x.account_id, x.m,
                       SUM(r.responses) FILTER (WHERE r.month < x.m) AS responses_before, SUM(r.score) FILTER (WHERE r.month < x.m) AS score_before,
                       SUM(r.promoters) FILTER (WHERE r.month < x.m) AS promoters_before, SUM(r.passives) FILTER (WHERE r.month < x.m) AS passives_before,
                       SUM(r.responses) FILTER (WHERE r.month >= x.m) AS responses_after, SUM(r.score) FILTER (WHERE r.month >= x.m) AS score_after,
                       SUM(r.promoters) FILTER (WHERE r.month >= x.m) AS promoters_after, SUM(r.passives) FILTER (WHERE r.month >= x.m) AS passives_after
                FROM stayed x JOIN monthly r
                  ON r.account_id = x.account_id AND r.month >= CAST(x.m - {Window} AS DATE) AND r.month < CAST(x.m + {Window} AS DATE)
                GROUP BY x.account_id, x.m
                HAVING SUM(r.responses) FILTER (WHERE r.month < x.m) > 0 AND SUM(r.responses) FILTER (WHERE r.month >= x.m) > 0)
            SELECT s.account_id, COALESCE(a.segment, '(none)') || ' | ' || COALESCE(a.region, '(none)') || ' | ' || CAST(s.m AS VARCHAR),
                   CAST(s.responses_before AS BIGINT), CAST(s.score_before AS DOUBLE),
                   CAST(s.promoters_before AS BIGINT), CAST(s.passives_before AS BIGINT),
                   CAST(s.responses_after AS BIGINT), CAST(s.score_after AS DOUBLE),
                   CAST(s.promoters_after AS BIGINT), CAST(s.passives_after AS BIGINT)
            FROM sides s LEFT JOIN accounts a ON a.account_id = s.account_id
            ORDER BY 2, 1
            """, ReadScores);
    }

    /// <summary>Reads a row of <see cref="Scores"/> or <see cref="ComparableScores"/>, whose counts and sums are never NULL (typed reads: 700k+ rows at 100k accounts).</summary>
    static AccountScores ReadScores(IDataRecord r)
    {
        long nb = r.GetInt64(2), pb = r.GetInt64(4), pab = r.GetInt64(5), na = r.GetInt64(6), pa = r.GetInt64(8), paa = r.GetInt64(9);
        return new AccountScores(r.GetString(0), r.GetString(1),
            new SideScores(nb, r.GetDouble(3), pb, pab, nb - pb - pab),
            new SideScores(na, r.GetDouble(7), pa, paa, na - pa - paa));
    }

    /// <summary>
    /// Per cohort account: customer days with ticket data on each side (the window cut to the account's subscriptions and to the
    /// days the company has tickets for), tickets and handle minutes on each side.
    /// </summary>
    public List<AccountContacts> Contacts(string cohort) => Read($"""
            WITH bounds AS (
                SELECT MIN(CAST(opened_at AS DATE)) AS first_day, MAX(CAST(opened_at AS DATE)) AS last_day FROM tickets),
            w AS (
                SELECT t.account_id, t.transition_day,
                       GREATEST(t.window_start, t.customer_from, b.first_day) AS before_from,
                       LEAST(t.window_end, t.customer_to + 1, b.last_day + 1) AS after_to
                FROM {cohort} t CROSS JOIN bounds b)
            SELECT w.account_id,
                   CAST(GREATEST(w.transition_day - w.before_from, 0) AS BIGINT),
                   CAST(GREATEST(w.after_to - w.transition_day, 0) AS BIGINT),
                   CAST(COUNT(k.ticket_id) FILTER (WHERE CAST(k.opened_at AS DATE) < w.transition_day) AS BIGINT),
                   CAST(COALESCE(SUM(k.handle_minutes) FILTER (WHERE CAST(k.opened_at AS DATE) < w.transition_day), 0) AS DOUBLE),
                   CAST(COUNT(k.ticket_id) FILTER (WHERE CAST(k.opened_at AS DATE) >= w.transition_day) AS BIGINT),
                   CAST(COALESCE(SUM(k.handle_minutes) FILTER (WHERE CAST(k.opened_at AS DATE) >= w.transition_day), 0) AS DOUBLE)
            FROM w LEFT JOIN tickets k
              ON k.account_id = w.account_id AND CAST(k.opened_at AS DATE) >= w.before_from AND CAST(k.opened_at AS DATE) < w.after_to
            GROUP BY w.account_id, w.transition_day, w.before_from, w.after_to
            ORDER BY w.account_id
            """, r => new AccountContacts(r.GetString(0),
        new SideContacts(Long(r, 1), Long(r, 3), Double(r, 4)),
        new SideContacts(Long(r, 2), Long(r, 5), Double(r, 6))));

    public long TicketCount() => facts.Store.Scalar<long>("SELECT COUNT(*) FROM tickets");

    /// <summary>
    /// Renewal decisions for the churn comparison, one row per account and stratum: the cohort's decisions after the transition
    /// (stratum = segment × ARR band the day before × calendar quarter of the transition), and the decisions of comparable
    /// accounts — holding exactly <c>fromProducts</c> products on the first day of a cohort quarter and never more during the
    /// window from that day — in that window (stratum = segment × ARR band that day × the quarter).
    /// </summary>
    public List<ChurnRow> ChurnRows(string cohort, int fromProducts) => Read($"""
            WITH quarters AS (SELECT DISTINCT transition_quarter AS q FROM {cohort}),
            held AS (
                SELECT q.q, st.account_id, st.products, st.arr
                FROM quarters q JOIN {facts.AccountStates()} st ON st.products > 0 AND st.valid_from <= q.q AND st.valid_to >= q.q),
            stayed AS (
                SELECT h.q, h.account_id, h.arr FROM held h
                WHERE h.products = {fromProducts.ToString(CultureInfo.InvariantCulture)} AND NOT EXISTS (
                    SELECT 1 FROM {CountsTable} c
                    WHERE c.account_id = h.account_id AND c.held > h.products AND c.day > h.q AND c.day < CAST(h.q + {Window} AS DATE))),
            comparable AS (
                SELECT s.account_id, COALESCE(a.segment, '(none)') AS segment, {ArrBand("s.arr")} AS arr_band, s.q,
                       COUNT(*) AS decisions, SUM(d.churned) AS churns
                FROM stayed s LEFT JOIN accounts a ON a.account_id = s.account_id
                JOIN {DecisionsTable} d ON d.account_id = s.account_id AND d.day >= s.q AND d.day < CAST(s.q + {Window} AS DATE)
                GROUP BY s.account_id, a.segment, s.arr, s.q),
            cohort AS (
                SELECT t.account_id, t.segment, t.arr_band, t.transition_quarter AS q, COUNT(*) AS decisions, SUM(d.churned) AS churns
                FROM {cohort} t JOIN {DecisionsTable} d ON d.account_id = t.account_id AND d.day >= t.transition_day AND d.day < t.window_end
                GROUP BY t.account_id, t.segment, t.arr_band, t.transition_quarter)
            SELECT account_id, segment || ' | ' || arr_band || ' | ' || CAST(q AS VARCHAR), TRUE, CAST(decisions AS BIGINT), CAST(churns AS BIGINT) FROM cohort
            UNION ALL
            SELECT account_id, segment || ' | ' || arr_band || ' | ' || CAST(q AS VARCHAR), FALSE, CAST(decisions AS BIGINT), CAST(churns AS BIGINT) FROM comparable
            ORDER BY 3 DESC, 2, 1
            """, r => new ChurnRow(r.GetString(0), r.GetString(1), r.GetBoolean(2), Long(r, 3), Long(r, 4)));

    /// <summary>Renewal decisions and churns of the cohort before [window_start, T) and after [T, window_end).</summary>
    public (long DecisionsBefore, long ChurnsBefore, long DecisionsAfter, long ChurnsAfter) CohortDecisions(string cohort) => Read($"""
            SELECT CAST(COUNT(*) FILTER (WHERE d.day < t.transition_day) AS BIGINT),
                   CAST(COALESCE(SUM(d.churned) FILTER (WHERE d.day < t.transition_day), 0) AS BIGINT),
                   CAST(COUNT(*) FILTER (WHERE d.day >= t.transition_day) AS BIGINT),
                   CAST(COALESCE(SUM(d.churned) FILTER (WHERE d.day >= t.transition_day), 0) AS BIGINT)
            FROM {cohort} t JOIN {DecisionsTable} d ON d.account_id = t.account_id AND d.day >= t.window_start AND d.day < t.window_end
            """, r => (Long(r, 0), Long(r, 1), Long(r, 2), Long(r, 3))).Single();

    /// <summary>The last day with a response, ticket or outcome (null when the store is empty).</summary>
    public DateOnly? LastObservedDay() => Read(AnalysisFacts.BookDay, r => Date(r, 0)).Single();

    /// <summary>ARR of the cohort on the books at the close of the as-of day (<see cref="AnalysisFacts.OnTheBook"/>), accounts still active,
    /// total ARR of all accounts on the books that day, and ARR the cohort lost to churn since its transitions.</summary>
    public (double ArrNow, long ActiveNow, double TotalArrNow, double ChurnedArr) Arr(string cohort, DateOnly asOf) => Read($"""
            WITH active AS (
                SELECT s.account_id, s.arr FROM subscriptions s
                WHERE {AnalysisFacts.OnTheBook("s", "CAST($asOf AS DATE)")})
            SELECT CAST(COALESCE((SELECT SUM(a.arr) FROM active a JOIN {cohort} t ON t.account_id = a.account_id), 0) AS DOUBLE),
                   CAST((SELECT COUNT(DISTINCT a.account_id) FROM active a JOIN {cohort} t ON t.account_id = a.account_id) AS BIGINT),
                   CAST(COALESCE((SELECT SUM(arr) FROM active), 0) AS DOUBLE),
                   CAST(COALESCE((SELECT SUM(d.arr_before) FROM {DecisionsTable} d JOIN {cohort} t ON t.account_id = d.account_id
                                  WHERE d.churned = 1 AND d.day >= t.transition_day AND d.day <= CAST($asOf AS DATE)), 0) AS DOUBLE)
            """, r => (Double(r, 0), Long(r, 1), Double(r, 2), Double(r, 3)), new { asOf = asOf.ToDateTime(TimeOnly.MinValue) }).Single();

    /// <summary>An assumption's value, or null when the assumptions table does not hold it.</summary>
    public double? Assumption(string name) =>
        facts.Store.Query<double?>("SELECT value FROM assumptions WHERE name = $name", new { name }).FirstOrDefault();

    List<T> Read<T>(string sql, Func<IDataRecord, T> map, object? parameters = null)
    {
        using var reader = facts.Store.ExecuteReader(sql, parameters);
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
        return rows;
    }

    static long Long(IDataRecord r, int i) => r.IsDBNull(i) ? 0 : Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    static double Double(IDataRecord r, int i) => r.IsDBNull(i) ? 0 : Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture);

    static DateOnly? Date(IDataRecord r, int i) => r.IsDBNull(i) ? null : r.GetValue(i) switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        var other => DateOnly.FromDateTime(Convert.ToDateTime(other, CultureInfo.InvariantCulture)),
    };
}
