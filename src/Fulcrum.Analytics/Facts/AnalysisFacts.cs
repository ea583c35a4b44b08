using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Facts;

/// <summary>
/// Builds the denormalised fact tables every analysis aggregates (<c>facts_account_states</c> underneath the others),
/// keeps them in the store and rebuilds them only when the data they come from changed:
/// <c>facts_responses</c> (one row per response with the account's state when it answered) and
/// <c>facts_account_periods_{unit}</c> (one row per account and period it was a customer, with its tickets and cost),
/// and the linkage's modelling rows (<c>facts_renewals</c>, <c>facts_service_quarters</c>, <c>facts_book</c>,
/// <c>facts_ces_moments</c>; LinkageFacts.cs).
/// Building them costs seconds on a large store; every analysis after that aggregates them directly.
/// </summary>
public sealed partial class AnalysisFacts(FulcrumStore store)
{
    readonly HashSet<string> _built = [];
    HashSet<string>? _builtEarlier;
    string? _fingerprint;

    public FulcrumStore Store => store;

    /// <summary>
    /// One row per account and stretch of days over which its subscriptions did not change: products held (count and
    /// set), ARR and number of account managers. Every later fact looks its account's state up here by date, which is
    /// much cheaper than matching each fact against every subscription.
    /// </summary>
    public string AccountStates()
    {
        const string name = "facts_account_states";
        if (IsFresh(name)) return name;
        Materialize(name, $"""
            WITH subs AS (
                SELECT account_id, product, arr, account_manager, start_date, COALESCE(end_date, DATE '9999-12-31') AS end_day FROM subscriptions),
            changes AS (
                SELECT account_id, start_date AS day FROM subs
                UNION
                SELECT account_id, CAST(end_day + INTERVAL '1 day' AS DATE) FROM subs WHERE end_day < DATE '9999-12-31'),
            spans AS (
                -- An open-ended stretch ends on a far date rather than NULL, so lookups are plain range joins.
                SELECT account_id, day AS valid_from,
                       COALESCE(CAST(LEAD(day) OVER (PARTITION BY account_id ORDER BY day) - INTERVAL '1 day' AS DATE), DATE '9999-12-31') AS valid_to
                FROM changes)
            SELECT x.account_id, x.valid_from, x.valid_to,
                   COUNT(DISTINCT s.product) AS products, COALESCE(SUM(s.arr), 0) AS arr, COUNT(DISTINCT s.account_manager) AS managers,
                   string_agg(DISTINCT s.product, ' + ' ORDER BY s.product) AS products_held
            FROM spans x LEFT JOIN subs s
              ON s.account_id = x.account_id AND s.start_date <= x.valid_from AND s.end_day >= x.valid_from
            GROUP BY x.account_id, x.valid_from, x.valid_to
            """);
        return name;
    }

    /// <summary>Columns: response_id, account_id, account_name, day, nps, csat, ces, has_comment, channel, survey, segment, region, industry,
    /// account_attributes, response_attributes, products, products_held, arr, managers, tenure_months.</summary>
    public string Responses()
    {
        const string name = "facts_responses";
        var states = AccountStates();
        if (IsFresh(name)) return name;
        Materialize(name, $"""
            WITH r AS (
                SELECT response_id, account_id, CAST(responded_at AS DATE) AS day, nps, csat, ces, comment IS NOT NULL AS has_comment,
                       channel, survey, attributes AS response_attributes
                FROM responses)
            SELECT r.*, {AccountLabel} AS account_name, a.segment, a.region, a.industry, a.attributes AS account_attributes,
                   COALESCE(st.products, 0) AS products, st.products_held, COALESCE(st.arr, 0) AS arr, COALESCE(st.managers, 0) AS managers,
                   {MonthsBetween("a.created_at", "r.day")} AS tenure_months
            FROM r JOIN {LabelledAccounts} a USING (account_id)
            LEFT JOIN {states} st ON st.account_id = r.account_id AND st.valid_from <= r.day AND st.valid_to >= r.day
            """);
        return name;
    }

    /// <summary>
    /// One row per account and calendar quarter with tickets: tickets, handle_minutes (sum), handle_minutes_sq,
    /// handled_tickets, first_contact_resolved, reopened, contacts (sum over the tickets that record it), contacted_tickets,
    /// and the first and last day a ticket was opened. The tickets are the largest table; quarterly and yearly facts and the
    /// drivers' service metrics roll these rows up instead of each scanning every ticket.
    /// </summary>
    public string TicketQuarters()
    {
        const string name = "facts_ticket_quarters";
        if (IsFresh(name)) return name;
        Materialize(name, $"""
            SELECT account_id, {PeriodUnit.Quarter.Trunc("CAST(opened_at AS DATE)")} AS period, COUNT(*) AS tickets,
                   SUM(handle_minutes) AS handle_minutes, SUM(handle_minutes * handle_minutes) AS handle_minutes_sq,
                   COUNT(handle_minutes) AS handled_tickets,
                   COUNT(*) FILTER (WHERE contacts <= 1 AND NOT COALESCE(reopened, false)) AS first_contact_resolved,
                   COUNT(*) FILTER (WHERE reopened) AS reopened,
                   CAST(SUM(contacts) AS BIGINT) AS contacts, COUNT(contacts) AS contacted_tickets,
                   MIN(CAST(opened_at AS DATE)) AS first_day, MAX(CAST(opened_at AS DATE)) AS last_day
            FROM tickets GROUP BY 1, 2
            """);
        return name;
    }

    /// <summary>One row per account and period in which it held a subscription, with the account's state on the last
    /// day it held one in the period, and its tickets: tickets, handle_minutes (sum), handle_minutes_sq, handled_tickets,
    /// first_contact_resolved, reopened.</summary>
    public string AccountPeriods(PeriodUnit unit)
    {
        var name = $"facts_account_periods_{unit.Sql()}";
        var states = AccountStates();
        // Quarters and years roll up the quarterly ticket facts; weeks and months do not nest in quarters, so they count tickets.
        var quarterly = unit is PeriodUnit.Quarter or PeriodUnit.Year ? TicketQuarters() : null;
        if (IsFresh(name)) return name;
        var ticketDays = quarterly is null
            ? "SELECT CAST(opened_at AS DATE) AS day FROM tickets"
            : $"SELECT first_day AS day FROM {quarterly} UNION ALL SELECT last_day FROM {quarterly}";
        var ticketPeriods = quarterly is null
            ? $"""
                SELECT account_id, {unit.Trunc("CAST(opened_at AS DATE)")} AS period, COUNT(*) AS tickets,
                       SUM(handle_minutes) AS handle_minutes, SUM(handle_minutes * handle_minutes) AS handle_minutes_sq,
                       COUNT(handle_minutes) AS handled_tickets,
                       COUNT(*) FILTER (WHERE contacts <= 1 AND NOT COALESCE(reopened, false)) AS first_contact_resolved,
                       COUNT(*) FILTER (WHERE reopened) AS reopened
                FROM tickets GROUP BY 1, 2
                """
            : unit == PeriodUnit.Quarter
                ? $"SELECT account_id, period, tickets, handle_minutes, handle_minutes_sq, handled_tickets, first_contact_resolved, reopened FROM {quarterly}"
                : $"""
                    SELECT account_id, {unit.Trunc("period")} AS period, CAST(SUM(tickets) AS BIGINT) AS tickets, SUM(handle_minutes) AS handle_minutes,
                           SUM(handle_minutes_sq) AS handle_minutes_sq, CAST(SUM(handled_tickets) AS BIGINT) AS handled_tickets,
                           CAST(SUM(first_contact_resolved) AS BIGINT) AS first_contact_resolved, CAST(SUM(reopened) AS BIGINT) AS reopened
                    FROM {quarterly} GROUP BY 1, 2
                    """;
        Materialize(name, $"""
            WITH observed AS (
                {ticketDays} UNION ALL SELECT CAST(responded_at AS DATE) FROM responses),
            bounds AS (
                -- The periods in which the company observed its customers (tickets or surveys), not the whole subscription history.
                SELECT {unit.Trunc("MIN(day)")} AS first_period, {unit.Trunc("MAX(day)")} AS last_period FROM observed),
            periods AS (
                SELECT CAST(g.period AS DATE) AS period, CAST(g.period + {unit.Interval()} - INTERVAL '1 day' AS DATE) AS period_end,
                       CAST(g.period + ({unit.Interval()}) / 2 AS DATE) AS mid
                FROM bounds, generate_series(CAST(bounds.first_period AS TIMESTAMP), CAST(bounds.last_period AS TIMESTAMP), {unit.Interval()}) AS g(period)),
            latest AS (
                -- The state of the last stretch in the period with products, found by its start day and joined back: a
                -- two-key MAX, where picking the whole row per period and account (DISTINCT ON) sorted all the columns of every state.
                SELECT p.period, p.mid, st.account_id, MAX(st.valid_from) AS valid_from
                FROM periods p JOIN {states} st
                  ON st.products > 0 AND st.valid_from <= p.period_end AND st.valid_to >= p.period
                GROUP BY p.period, p.mid, st.account_id),
            active AS (
                SELECT l.period, l.mid, st.account_id, st.products, st.arr, st.managers, st.products_held
                FROM latest l JOIN {states} st ON st.account_id = l.account_id AND st.valid_from = l.valid_from),
            t AS (
                {ticketPeriods})
            SELECT x.period, x.account_id, {AccountLabel} AS account_name, a.segment, a.region, a.industry, a.attributes AS account_attributes, CAST(NULL AS JSON) AS response_attributes,
                   x.products, x.products_held, x.arr, x.managers, {MonthsBetween("a.created_at", "x.mid")} AS tenure_months,
                   COALESCE(t.tickets, 0) AS tickets, COALESCE(t.handle_minutes, 0) AS handle_minutes, COALESCE(t.handle_minutes_sq, 0) AS handle_minutes_sq,
                   COALESCE(t.handled_tickets, 0) AS handled_tickets,
                   COALESCE(t.first_contact_resolved, 0) AS first_contact_resolved, COALESCE(t.reopened, 0) AS reopened
            FROM active x JOIN {LabelledAccounts} a USING (account_id) LEFT JOIN t ON t.account_id = x.account_id AND t.period = x.period
            """);
        return name;
    }

    /// <summary>Builds every shared fact table not yet built from the current data, so the analyses after it only read them.</summary>
    public void BuildShared()
    {
        Responses();
        AccountPeriods(PeriodUnit.Quarter);
        AccountPeriods(PeriodUnit.Year);
        Renewals();
        ServiceQuarters();
        Book();
        CesMoments();
    }

    /// <summary>True when the table was built from the store's current data (this run or an earlier one).</summary>
    bool IsFresh(string name)
    {
        if (_built.Contains(name)) return true;
        // The fact tables present when first asked, with what each was built from, in two reads instead of two per table;
        // a table missing there is looked up again, as another connection may have built it since.
        if (_builtEarlier is null)
        {
            var fingerprint = Fingerprint();
            var builtFrom = new Dictionary<string, string>(StringComparer.Ordinal);
            using (var reader = store.ExecuteReader($"SELECT key, value FROM store_metadata WHERE key LIKE '{MetadataKey("")}%' AND value IS NOT NULL"))
                while (reader.Read()) builtFrom[reader.GetString(0)] = reader.GetString(1);
            _builtEarlier = new HashSet<string>(StringComparer.Ordinal);
            using (var reader = store.ExecuteReader("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'facts%'"))
                while (reader.Read())
                    if (builtFrom.GetValueOrDefault(MetadataKey(reader.GetString(0))) == fingerprint) _builtEarlier.Add(reader.GetString(0));
        }
        var fresh = _builtEarlier.Contains(name)
                    || (store.GetMetadata(MetadataKey(name)) == Fingerprint()
                        && store.Scalar<long>("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = $name", new { name }) > 0);
        if (fresh) _built.Add(name);
        return fresh;
    }

    void Materialize(string name, string select)
    {
        using var transaction = store.BeginTransaction();
        store.Execute($"CREATE OR REPLACE TABLE {name} AS {select}", transaction: transaction);
        store.SetMetadata(MetadataKey(name), Fingerprint(), transaction);
        transaction.Commit();
        _built.Add(name);
    }

    static string MetadataKey(string table) => $"built:{table}";

    /// <summary>
    /// Accounts with how many accounts share each one's name, so that accounts with the same name stay apart. Counted by
    /// a GROUP BY joined back rather than a window over all accounts: on Citus the counts combine per-worker partials
    /// and the join stays on each account's shard, where a window partitioned by name would pull every account to the
    /// coordinator (docs/scale.md).
    /// </summary>
    const string LabelledAccounts =
        "(SELECT accounts.*, names.name_count FROM accounts LEFT JOIN (SELECT name, COUNT(*) AS name_count FROM accounts GROUP BY name) names ON names.name = accounts.name)";

    /// <summary>An account's name, with its id added when another account has the same name.</summary>
    const string AccountLabel = "CASE WHEN a.name IS NOT NULL AND a.name_count > 1 THEN a.name || ' (' || a.account_id || ')' ELSE a.name END";

    /// <summary>Changes whenever the fact tables' columns or meaning change, so tables built by an older version are rebuilt.</summary>
    const string FactsVersion = "facts-v4";

    /// <summary>
    /// What the fact tables were built from: the store's data version, which every write through Fulcrum bumps (imports,
    /// webhook intake, edits, generation; updates included), plus the row counts of the source tables, which also catch
    /// rows added or deleted with plain SQL behind Fulcrum's back. Any change rebuilds the facts.
    /// </summary>
    string Fingerprint() => _fingerprint ??= FactsVersion + "|" + store.DataVersion() + "|" + string.Join("|", store.Query<string>("""
        SELECT CAST((SELECT COUNT(*) FROM accounts) AS VARCHAR) UNION ALL
        SELECT CAST((SELECT COUNT(*) FROM subscriptions) AS VARCHAR) UNION ALL
        SELECT CAST((SELECT COUNT(*) FROM responses) AS VARCHAR) UNION ALL
        SELECT CAST((SELECT COUNT(*) FROM tickets) AS VARCHAR) UNION ALL
        SELECT CAST((SELECT COUNT(*) FROM outcomes) AS VARCHAR) UNION ALL
        SELECT (SELECT CAST(COUNT(*) AS VARCHAR) || '@' || COALESCE(CAST(MAX(finished_at) AS VARCHAR), '') FROM import_runs WHERE status = 'committed') UNION ALL
        SELECT COALESCE((SELECT value FROM store_metadata WHERE key = 'generator_options'), '')
        """));

    /// <summary>The last day any data was observed (an answer, a ticket or an outcome), as one row with column <c>day</c>: the day today's book is taken on.</summary>
    public const string BookDay = """
        SELECT MAX(day) AS day FROM (
            SELECT CAST(MAX(responded_at) AS DATE) AS day FROM responses UNION ALL
            SELECT CAST(MAX(opened_at) AS DATE) FROM tickets UNION ALL
            SELECT CAST(MAX(outcome_date) AS DATE) FROM outcomes) x
        """;

    /// <summary>
    /// SQL condition: the subscription row <paramref name="s"/> is on the books at the close of <paramref name="day"/>:
    /// it started by then and had not ended by then. An <c>end_date</c> is the day the product was given up (a churn's
    /// mappings and the demo write the churn's date there), so a subscription ending on the day is off the book that day;
    /// and a churn of its account on record from the subscription's start up to the day ends it too, whatever its
    /// <c>end_date</c> says (a product taken up after the churn, a win-back, counts again). The book, "ARR now" of the
    /// cohorts and the ARR of the NPS overview and the segment scans all use this one rule.
    /// </summary>
    public static string OnTheBook(string s, string day) => $"""
        {s}.start_date <= {day} AND ({s}.end_date IS NULL OR {s}.end_date > {day})
        AND NOT EXISTS (SELECT 1 FROM outcomes churn WHERE churn.account_id = {s}.account_id AND churn.kind = 'churn'
                        AND CAST(churn.outcome_date AS DATE) >= {s}.start_date AND CAST(churn.outcome_date AS DATE) <= {day})
        """;

    /// <summary>Whole months from one date to another, in SQL both DuckDB and PostgreSQL accept.</summary>
    internal static string MonthsBetween(string from, string to) =>
        $"CAST((EXTRACT(year FROM {to}) - EXTRACT(year FROM {from})) * 12 + EXTRACT(month FROM {to}) - EXTRACT(month FROM {from}) AS INTEGER)";
}
