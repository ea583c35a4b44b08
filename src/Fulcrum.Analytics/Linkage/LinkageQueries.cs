using Fulcrum.Analytics.Facts;

namespace Fulcrum.Analytics.Linkage;

/// <summary>One renewal decision: the account's state going into it and what happened.</summary>
internal sealed record RenewalEventRow(
    string AccountId, DateTime Day, bool Churned, bool Expanded, double ArrBefore, double? ExpansionAmount,
    string? Segment, int TenureMonths, int Products, double? NpsMean, double? CsatMean, double? CesMean, long CesAnswers);

/// <summary>An account on the books on the last day of data, in the same terms as the models.</summary>
internal sealed record BookAccountRow(
    string AccountId, string? Segment, int TenureMonths, int Products, double Arr, double? NpsMean, double? CsatMean, double? CesMean, long CesAnswers);

/// <summary>A row of <see cref="LinkageQueries.ThemesRaised"/>: themes raised before a decision (kind 0: Key an account, on Day) or before the
/// last day (kind 1: Key an account), or one theme (kind 2: Key its id, Themes its number, and its label).</summary>
internal sealed record ThemesRaisedRow(int Kind, string Key, DateTime? Day, string Themes, string? Label);

/// <summary>
/// The SQL that shapes the store into modelling rows: the renewals and service history from their fact tables
/// (<see cref="AnalysisFacts.Renewals"/>, <see cref="AnalysisFacts.ServiceQuarters"/>, <see cref="AnalysisFacts.Book"/>,
/// <see cref="AnalysisFacts.CesMoments"/>), and the themes.
/// Survey metrics are the account's means over the 365 days up to the moment; product count and ARR come from the
/// account-state facts.
/// </summary>
internal static class LinkageQueries
{
    /// <summary>The renewal decisions with the account's state and survey means going into each (<see cref="AnalysisFacts.Renewals"/>).</summary>
    public static string RenewalEvents(string renewals) => $"""
        SELECT account_id AS AccountId, CAST(day AS TIMESTAMP) AS Day, churned AS Churned, expanded AS Expanded, arr_before AS ArrBefore,
               expansion_amount AS ExpansionAmount, segment AS Segment, tenure_months AS TenureMonths, products AS Products,
               nps_mean AS NpsMean, csat_mean AS CsatMean, ces_mean AS CesMean, ces_answers AS CesAnswers
        FROM {renewals}
        ORDER BY account_id, day
        """;

    /// <summary>Account-quarters with their tickets, handle minutes and trailing-year survey means (<see cref="AnalysisFacts.ServiceQuarters"/>).</summary>
    public static string ServicePeriods(string serviceQuarters) => $"""
        SELECT account_id AS AccountId, segment AS Segment, tenure_months AS TenureMonths, products AS Products, arr AS Arr, tickets AS Tickets,
               handle_minutes AS HandleMinutes, nps_mean AS NpsMean, ces_mean AS CesMean, ces_answers AS CesAnswers
        FROM {serviceQuarters}
        ORDER BY account_id, period
        """;

    /// <summary>The book: accounts holding a product on the last day of data, with their state that day (<see cref="AnalysisFacts.Book"/>).</summary>
    public static string Book(string book) => $"""
        SELECT account_id AS AccountId, segment AS Segment, tenure_months AS TenureMonths, products AS Products, arr AS Arr,
               nps_mean AS NpsMean, csat_mean AS CsatMean, ces_mean AS CesMean, ces_answers AS CesAnswers
        FROM {book}
        ORDER BY account_id
        """;

    /// <summary>
    /// Which active themes were raised (by the account, on a day in the 365 up to and including it) before each renewal
    /// decision (kind 0, keyed by account and day) and before the last day any theme was raised (kind 1, keyed by account),
    /// as comma-separated theme numbers, and the themes raised at all with their numbers and labels (kind 2). The mentions
    /// (millions at 100k accounts) are matched to decisions in the store; only one row per decision and account comes back.
    /// </summary>
    public static string ThemesRaised(string renewals) => $"""
        WITH decisions AS (
            SELECT account_id, day FROM {renewals}),
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

    /// <summary>Per account: CES answers, their sum and sum of squares (<see cref="AnalysisFacts.CesMoments"/>).</summary>
    public static string CesMoments(string moments) => $"""
        SELECT answers, ces_sum, ces_sum_squares FROM {moments}
        ORDER BY account_id
        """;
}
