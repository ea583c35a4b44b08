using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Facts;

/// <summary>
/// Builds, once per store connection, the denormalised fact tables every analysis aggregates:
/// <c>response_facts</c> (one row per response with the account's state when it answered) and
/// <c>account_period_facts_{unit}</c> (one row per account and period it was a customer, with its tickets and cost).
/// Temporary tables: they reflect the store when first built and vanish with the connection.
/// </summary>
public sealed class AnalysisFacts(FulcrumStore store)
{
    readonly HashSet<string> _built = [];

    public FulcrumStore Store => store;

    /// <summary>Columns: response_id, account_id, account_name, day, nps, csat, ces, has_comment, channel, survey, segment, region, industry,
    /// account_attributes, response_attributes, products, products_held, arr, managers, tenure_months.</summary>
    public string Responses()
    {
        const string name = "response_facts";
        if (!_built.Add(name)) return name;
        store.Execute($"""
            CREATE OR REPLACE TEMP TABLE {name} AS
            WITH r AS (
                SELECT response_id, account_id, CAST(responded_at AS DATE) AS day, nps, csat, ces, comment IS NOT NULL AS has_comment,
                       channel, survey, attributes AS response_attributes
                FROM responses),
            held AS (
                SELECT r.response_id, COUNT(DISTINCT s.product) AS products, SUM(s.arr) AS arr, COUNT(DISTINCT s.account_manager) AS managers,
                       string_agg(DISTINCT s.product, ' + ' ORDER BY s.product) AS products_held
                FROM r JOIN subscriptions s
                  ON s.account_id = r.account_id AND s.start_date <= r.day AND (s.end_date IS NULL OR s.end_date >= r.day)
                GROUP BY r.response_id)
            SELECT r.*, a.name AS account_name, a.segment, a.region, a.industry, a.attributes AS account_attributes,
                   COALESCE(h.products, 0) AS products, h.products_held, COALESCE(h.arr, 0) AS arr, COALESCE(h.managers, 0) AS managers,
                   {MonthsBetween("a.created_at", "r.day")} AS tenure_months
            FROM r JOIN accounts a USING (account_id) LEFT JOIN held h USING (response_id)
            """);
        return name;
    }

    /// <summary>One row per account and period in which it held a subscription, with the account's state at the
    /// period's middle and its tickets: tickets, handle_minutes (sum), handle_minutes_sq, first_contact_resolved, reopened.</summary>
    public string AccountPeriods(PeriodUnit unit)
    {
        var name = $"account_period_facts_{unit.Sql()}";
        if (!_built.Add(name)) return name;
        store.Execute($"""
            CREATE OR REPLACE TEMP TABLE {name} AS
            WITH observed AS (
                SELECT CAST(opened_at AS DATE) AS day FROM tickets UNION ALL SELECT CAST(responded_at AS DATE) FROM responses),
            bounds AS (
                -- The periods in which the company observed its customers (tickets or surveys), not the whole subscription history.
                SELECT {unit.Trunc("MIN(day)")} AS first_period, {unit.Trunc("MAX(day)")} AS last_period FROM observed),
            periods AS (
                SELECT CAST(g.period AS DATE) AS period, CAST(g.period + {unit.Interval()} - INTERVAL '1 day' AS DATE) AS period_end,
                       CAST(g.period + ({unit.Interval()}) / 2 AS DATE) AS mid
                FROM bounds, generate_series(CAST(bounds.first_period AS TIMESTAMP), CAST(bounds.last_period AS TIMESTAMP), {unit.Interval()}) AS g(period)),
            active AS (
                SELECT p.period, p.mid, s.account_id, COUNT(DISTINCT s.product) AS products, SUM(s.arr) AS arr,
                       COUNT(DISTINCT s.account_manager) AS managers, string_agg(DISTINCT s.product, ' + ' ORDER BY s.product) AS products_held
                FROM periods p JOIN subscriptions s ON s.start_date <= p.period_end AND (s.end_date IS NULL OR s.end_date >= p.period)
                GROUP BY p.period, p.mid, s.account_id),
            t AS (
                SELECT account_id, {unit.Trunc("CAST(opened_at AS DATE)")} AS period, COUNT(*) AS tickets,
                       SUM(handle_minutes) AS handle_minutes, SUM(handle_minutes * handle_minutes) AS handle_minutes_sq,
                       COUNT(handle_minutes) AS handled_tickets,
                       COUNT(*) FILTER (WHERE contacts <= 1 AND NOT COALESCE(reopened, false)) AS first_contact_resolved,
                       COUNT(*) FILTER (WHERE reopened) AS reopened
                FROM tickets GROUP BY 1, 2)
            SELECT x.period, x.account_id, a.name AS account_name, a.segment, a.region, a.industry, a.attributes AS account_attributes, CAST(NULL AS JSON) AS response_attributes,
                   x.products, x.products_held, x.arr, x.managers, {MonthsBetween("a.created_at", "x.mid")} AS tenure_months,
                   COALESCE(t.tickets, 0) AS tickets, COALESCE(t.handle_minutes, 0) AS handle_minutes, COALESCE(t.handle_minutes_sq, 0) AS handle_minutes_sq,
                   COALESCE(t.handled_tickets, 0) AS handled_tickets,
                   COALESCE(t.first_contact_resolved, 0) AS first_contact_resolved, COALESCE(t.reopened, 0) AS reopened
            FROM active x JOIN accounts a USING (account_id) LEFT JOIN t ON t.account_id = x.account_id AND t.period = x.period
            """);
        return name;
    }

    /// <summary>Whole months from one date to another, in SQL both DuckDB and PostgreSQL accept.</summary>
    static string MonthsBetween(string from, string to) =>
        $"CAST((EXTRACT(year FROM {to}) - EXTRACT(year FROM {from})) * 12 + EXTRACT(month FROM {to}) - EXTRACT(month FROM {from}) AS INTEGER)";
}
