using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Themes.Sentiment;
using Fulcrum.Core.Statistics;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Themes;

/// <summary>What the theme impact reads of one theme: its links (commented responses raising it) summed up.</summary>
/// <param name="Comments">Responses raising the theme.</param>
/// <param name="PerQuarter">Those responses per quarter.</param>
/// <param name="Sentiment">The sentiments of its mentions that have one (a language without a sentiment model gives none).</param>
/// <param name="Positive">Mentions with a positive sentiment.</param>
/// <param name="Raising">Its raising accounts and what it removes from their NPS.</param>
sealed record ThemeLinks(long Comments, SortedDictionary<DateOnly, long> PerQuarter, SampleSummary Sentiment, long Positive, ThemeAccounts Raising);

/// <summary>
/// The theme impact's inputs, summed up in the store: per account its profile at its latest response and its NPS sums,
/// commented responses per quarter, and per active theme its links. The responses and the theme mentions (millions of
/// rows at 100k accounts) never cross into memory one by one.
/// </summary>
/// <param name="Accounts">Accounts with a response, numbered in account id order (the bootstrap's draws refer to these numbers).</param>
/// <param name="Stratum">Per account: segment × product count (1 / 2 / 3+) at its latest response, numbered in order of first appearance in
/// the responses by account, day and response.</param>
sealed class ThemeImpactData
{
    public required int Responses { get; init; }
    public required int Accounts { get; init; }
    public required int[] Stratum { get; init; }
    public required int StrataCount { get; init; }
    public required double[] Arr { get; init; }
    public required bool[] Churned { get; init; }
    /// <summary>The score the impact is read on (the store's primary survey metric); null when no answer has a score.</summary>
    public required ThemeScoreMetric? ScoreMetric { get; init; }
    /// <summary>Per account: its responses scored on <see cref="ScoreMetric"/> and the sum of their values (<see cref="ThemeScoreMetric.ValueSql"/>).</summary>
    public required double[] Scored { get; init; }
    public required double[] ScoreSum { get; init; }
    public required SortedDictionary<DateOnly, long> CommentedPerQuarter { get; init; }
    /// <summary>Active themes by id.</summary>
    public required IReadOnlyList<(string ThemeId, string Label)> Themes { get; init; }
    public required IReadOnlyList<ThemeLinks> Links { get; init; }
    /// <summary>True when any response carries any theme (active or not).</summary>
    public required bool AnyLinks { get; init; }

    public static ThemeImpactData Load(FulcrumStore store)
    {
        var facts = new AnalysisFacts(store).Responses();
        var metric = ThemeScoreMetric.Of(store);
        // Without any score the sums are empty (no impact is computed); the column still has to name something.
        var (scoreColumn, scoreValue) = metric is null ? ("nps", "0") : (metric.Column, metric.ValueSql("r." + metric.Column));
        // Each stratum's first response by account, day and response, found by narrowing (first account, then day, then
        // response) rather than by numbering every response: the same order without sorting millions of rows.
        var strata = new Dictionary<(string Segment, int Products), int>();
        foreach (var key in store.Query<(string, int)>($"""
                     WITH keyed AS (
                         SELECT COALESCE(segment, '(none)') AS segment, LEAST(3, GREATEST(1, CAST(products AS INTEGER))) AS products,
                                account_id, day, response_id
                         FROM {facts}),
                     first_account AS (
                         SELECT segment, products, MIN(account_id) AS account_id FROM keyed GROUP BY segment, products),
                     first_day AS (
                         SELECT k.segment, k.products, k.account_id, MIN(k.day) AS day
                         FROM keyed k JOIN first_account f ON f.segment = k.segment AND f.products = k.products AND f.account_id = k.account_id
                         GROUP BY k.segment, k.products, k.account_id),
                     first_response AS (
                         SELECT k.segment, k.products, k.account_id, k.day, MIN(k.response_id) AS response_id
                         FROM keyed k JOIN first_day f ON f.segment = k.segment AND f.products = k.products AND f.account_id = k.account_id AND f.day = k.day
                         GROUP BY k.segment, k.products, k.account_id, k.day)
                     SELECT segment, products FROM first_response ORDER BY account_id, day, response_id
                     """))
            strata[key] = strata.Count;

        var accounts = store.Query<AccountRow>($"""
            WITH ranked AS (
                SELECT account_id, COALESCE(segment, '(none)') AS segment, LEAST(3, GREATEST(1, CAST(products AS INTEGER))) AS products, arr,
                       ROW_NUMBER() OVER (PARTITION BY account_id ORDER BY day DESC, response_id DESC) AS recency
                FROM {facts}),
            scores AS (
                SELECT r.account_id, COUNT(*) AS responses, COUNT(r.{scoreColumn}) AS scored, SUM({scoreValue}) AS score_sum FROM {facts} r GROUP BY r.account_id)
            SELECT x.segment AS Segment, x.products AS Products, CAST(x.arr AS DOUBLE PRECISION) AS Arr,
                   COALESCE(x.account_id IN (SELECT account_id FROM outcomes WHERE kind = 'churn'), false) AS Churned,
                   CAST(s.responses AS INTEGER) AS Responses, CAST(s.scored AS INTEGER) AS Scored, CAST(COALESCE(s.score_sum, 0) AS DOUBLE PRECISION) AS ScoreSum
            FROM ranked x JOIN scores s ON s.account_id = x.account_id
            WHERE x.recency = 1
            ORDER BY x.account_id
            """).ToList();

        var commented = new SortedDictionary<DateOnly, long>();
        foreach (var (year, quarter, count) in store.Query<(int, int, long)>($"""
                     SELECT CAST(EXTRACT(YEAR FROM day) AS INTEGER), CAST(EXTRACT(QUARTER FROM day) AS INTEGER), COUNT(*)
                     FROM {facts} WHERE has_comment GROUP BY 1, 2
                     """))
            commented[Quarter(year, quarter)] = count;

        var themes = store.Query<(string ThemeId, string Label)>("SELECT theme_id, label FROM themes WHERE status = 'active' ORDER BY theme_id").ToList();
        var anyLinks = store.Scalar<bool>($"SELECT EXISTS (SELECT 1 FROM response_themes t JOIN {facts} r ON r.response_id = t.response_id)");
        return new ThemeImpactData
        {
            Responses = accounts.Sum(a => a.Responses),
            Accounts = accounts.Count,
            Stratum = accounts.Select(a => strata[(a.Segment, a.Products)]).ToArray(),
            StrataCount = strata.Count,
            Arr = accounts.Select(a => a.Arr).ToArray(),
            Churned = accounts.Select(a => a.Churned).ToArray(),
            Scored = accounts.Select(a => (double)a.Scored).ToArray(),
            ScoreSum = accounts.Select(a => a.ScoreSum).ToArray(),
            ScoreMetric = metric,
            CommentedPerQuarter = commented,
            Themes = themes,
            Links = anyLinks ? ThemeLinksOf(store, facts, themes.Count, scoreColumn, metric is null ? "0" : metric.ValueSql("score")) : themes.Select(_ => Empty()).ToList(),
            AnyLinks = anyLinks,
        };
    }

    sealed record AccountRow(string Segment, int Products, double Arr, bool Churned, int Responses, int Scored, double ScoreSum);

    /// <summary>The links (responses raising an active theme), gathered once per load for the three summaries that read them.</summary>
    const string LinksTable = "theme_impact_links";

    /// <summary>Per active theme (in theme id order): its links counted per quarter, their sentiment summed up, and its raising accounts.</summary>
    static List<ThemeLinks> ThemeLinksOf(FulcrumStore store, string facts, int themeCount, string scoreColumn, string linkScoreValue)
    {
        // Themes and accounts numbered as the report and the bootstrap number them: active themes and accounts in id order.
        store.Execute($"""
            CREATE OR REPLACE TEMP TABLE {LinksTable} AS
            WITH active AS (
                SELECT theme_id, CAST(ROW_NUMBER() OVER (ORDER BY theme_id) - 1 AS INTEGER) AS theme FROM themes WHERE status = 'active'),
            numbered AS (
                SELECT account_id, CAST(ROW_NUMBER() OVER (ORDER BY account_id) - 1 AS INTEGER) AS account FROM (SELECT DISTINCT account_id FROM {facts}) x)
            SELECT a.theme, n.account, CAST(EXTRACT(YEAR FROM r.day) AS INTEGER) AS link_year, CAST(EXTRACT(QUARTER FROM r.day) AS INTEGER) AS link_quarter,
                   r.{scoreColumn} AS score, t.sentiment
            FROM response_themes t JOIN active a ON a.theme_id = t.theme_id JOIN {facts} r ON r.response_id = t.response_id
            JOIN numbered n ON n.account_id = r.account_id
            """);
        try
        {
            // Without statistics PostgreSQL guesses a temp table's size and may pick a poor plan over millions of links.
            if (store.Dialect.IsPostgres) store.Execute($"ANALYZE {LinksTable}");
            return Summarize(store, themeCount, linkScoreValue);
        }
        finally
        {
            store.Execute($"DROP TABLE IF EXISTS {LinksTable}");
        }
    }

    static List<ThemeLinks> Summarize(FulcrumStore store, int themeCount, string scoreValue)
    {
        var perQuarter = Enumerable.Range(0, themeCount).Select(_ => new SortedDictionary<DateOnly, long>()).ToArray();
        foreach (var (theme, year, quarter, count) in store.Query<(int, int, int, long)>($"""
                     SELECT theme, link_year, link_quarter, COUNT(*) FROM {LinksTable} GROUP BY theme, link_year, link_quarter
                     """))
            perQuarter[theme][Quarter(year, quarter)] = count;

        var comments = new long[themeCount];
        var positive = new long[themeCount];
        var sentiment = new SampleSummary[themeCount];
        foreach (var s in store.Query<SentimentRow>($"""
                     SELECT theme AS Theme, COUNT(*) AS Comments, COUNT(sentiment) AS Scored, AVG(sentiment) AS Mean, VAR_SAMP(sentiment) AS Variance,
                            COUNT(CASE WHEN sentiment >= $threshold THEN 1 END) AS Positive
                     FROM {LinksTable} GROUP BY theme
                     """, new { threshold = SentimentScore.Threshold }))
        {
            comments[s.Theme] = s.Comments;
            positive[s.Theme] = s.Positive;
            sentiment[s.Theme] = new SampleSummary(s.Scored, s.Scored == 0 ? double.NaN : s.Mean ?? double.NaN,
                s.Scored < 2 ? double.NaN : Math.Max(0, s.Variance ?? 0));
        }

        var raising = Enumerable.Range(0, themeCount).Select(_ => (Accounts: new List<int>(), Scored: new List<double>(), ScoreSum: new List<double>())).ToArray();
        using (var reader = store.ExecuteReader($"""
                   SELECT theme, account, CAST(COUNT(score) AS INTEGER), CAST(COALESCE(SUM({scoreValue}), 0) AS DOUBLE PRECISION)
                   FROM {LinksTable} GROUP BY theme, account ORDER BY theme, account
                   """))
            while (reader.Read())
            {
                var theme = raising[reader.GetInt32(0)];
                theme.Accounts.Add(reader.GetInt32(1));
                theme.Scored.Add(reader.GetInt32(2));
                theme.ScoreSum.Add(reader.GetDouble(3));
            }
        return Enumerable.Range(0, themeCount).Select(t => new ThemeLinks(comments[t], perQuarter[t], sentiment[t], positive[t],
            new ThemeAccounts([.. raising[t].Accounts], [.. raising[t].Scored], [.. raising[t].ScoreSum]))).ToList();
    }

    sealed record SentimentRow(int Theme, long Comments, long Scored, double? Mean, double? Variance, long Positive);

    static ThemeLinks Empty() => new(0, [], new SampleSummary(0, double.NaN, double.NaN), 0, new ThemeAccounts([], [], []));

    static DateOnly Quarter(int year, int quarter) => new(year, (quarter - 1) * 3 + 1, 1);
}
