using System.Globalization;
using System.Text;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Metrics;

/// <summary>
/// A throw-away store filled row by row with SQL literals, for hand-computed metric fixtures: in memory (DuckDB) or a
/// fresh database in the test PostgreSQL cluster, so the same hand-computed figures are checked on both backends.
/// </summary>
internal sealed class MetricsTestStore(StoreBackend backend = StoreBackend.DuckDb) : IDisposable
{
    int _responses, _tickets;

    public FulcrumStore Store { get; } = FulcrumStore.Open(backend == StoreBackend.PostgreSql ? PostgresCluster.Instance.CreateDatabase("fulcrum_metrics") : ":memory:");

    public MetricsTestStore Account(string id, string? segment = null, string? createdAt = null, string? attributes = null, string? name = "")
    {
        // name "" (the default) = the id; null = no name.
        Store.Execute($"INSERT INTO accounts (account_id, name, segment, created_at, attributes) VALUES ({Lit(id)}, {Lit(name == "" ? id : name)}, {Lit(segment)}, " +
                      $"CAST({Lit(createdAt)} AS DATE), CAST({Lit(attributes)} AS JSON))");
        return this;
    }

    public MetricsTestStore Subscription(string account, string product, string start, string? end, double arr, string? manager = null)
    {
        Store.Execute($"INSERT INTO subscriptions (account_id, product, start_date, end_date, arr, account_manager) VALUES ({Lit(account)}, {Lit(product)}, " +
                      $"CAST({Lit(start)} AS DATE), CAST({Lit(end)} AS DATE), {Lit(arr)}, {Lit(manager)})");
        return this;
    }

    /// <summary>One response per NPS score, all from <paramref name="account"/> on <paramref name="day"/>.</summary>
    public MetricsTestStore Nps(string account, string day, params int[] scores)
    {
        if (scores.Length == 0) return this;
        var values = new StringBuilder();
        foreach (var score in scores)
            values.Append(values.Length == 0 ? "" : ", ").Append($"({Lit($"R{++_responses:D6}")}, {Lit(account)}, CAST({Lit(day)} AS TIMESTAMP), {score})");
        Store.Execute($"INSERT INTO responses (response_id, account_id, responded_at, nps) VALUES {values}");
        return this;
    }

    /// <summary><paramref name="promoters"/> 10s, <paramref name="passives"/> 8s and <paramref name="detractors"/> 3s.</summary>
    public MetricsTestStore NpsCounts(string account, string day, int promoters, int passives, int detractors) =>
        Nps(account, day, [.. Enumerable.Repeat(10, promoters), .. Enumerable.Repeat(8, passives), .. Enumerable.Repeat(3, detractors)]);

    public MetricsTestStore Response(string account, string day, int? nps = null, double? csat = null, double? ces = null, string? attributes = null)
    {
        Store.Execute($"INSERT INTO responses (response_id, account_id, responded_at, nps, csat, ces, attributes) VALUES ({Lit($"R{++_responses:D6}")}, " +
                      $"{Lit(account)}, CAST({Lit(day)} AS TIMESTAMP), {Lit(nps)}, {Lit(csat)}, {Lit(ces)}, CAST({Lit(attributes)} AS JSON))");
        return this;
    }

    public MetricsTestStore Ticket(string account, string opened, double? handleMinutes, int? contacts, bool? reopened)
    {
        Store.Execute($"INSERT INTO tickets (ticket_id, account_id, opened_at, handle_minutes, contacts, reopened) VALUES ({Lit($"T{++_tickets:D6}")}, " +
                      $"{Lit(account)}, CAST({Lit(opened)} AS TIMESTAMP), {Lit(handleMinutes)}, {Lit(contacts)}, {Lit(reopened)})");
        return this;
    }

    public MetricsTestStore Assumption(string name, double value)
    {
        Store.Execute($"UPDATE assumptions SET value = {Lit(value)} WHERE name = {Lit(name)}");
        return this;
    }

    /// <summary>
    /// The fixtures put many answers on one account to keep them short; unless <paramref name="cluster"/>, the exact
    /// response-level estimators are what is checked (the clustered intervals have their own tests). The fixtures are
    /// small, so every cell is tested (as the maths allow) unless <paramref name="minTestN"/> says otherwise.
    /// </summary>
    public MetricsReport Run(string[] metrics, string[]? by = null, PeriodUnit period = PeriodUnit.Quarter, MetricWeight weight = MetricWeight.Response,
        DateOnly? from = null, DateOnly? to = null, bool cluster = false, long minTestN = 1) =>
        MetricsAnalysis.Run(new AnalysisFacts(Store), new MetricsQuery(metrics, by ?? [], period, from, to, weight, cluster, minTestN));

    static string Lit(object? value) => value switch
    {
        null => "NULL",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"No literal for {value.GetType()}"),
    };

    public void Dispose() => Store.Dispose();
}

internal static class ReportExtensions
{
    /// <summary>The one cell of a metric, period label and group; fails listing the cells there are.</summary>
    public static MetricCell Cell(this MetricsReport report, string metric, string period, params string[] group)
    {
        var matches = report.Cells.Where(c => c.Metric == metric && c.PeriodLabel == period && c.Group.SequenceEqual(group)).ToList();
        Assert.True(matches.Count == 1,
            $"expected one {metric} cell for {period} [{string.Join(", ", group)}], found {matches.Count}; cells: " +
            string.Join("; ", report.Cells.Select(c => $"{c.Metric} {c.PeriodLabel} [{string.Join(", ", c.Group)}] = {c.Estimate}")));
        return matches[0];
    }

    public static IEnumerable<string> Keys(this MetricsReport report, string metric) =>
        report.Cells.Where(c => c.Metric == metric).Select(c => $"{c.PeriodLabel} {string.Join("/", c.Group)}");
}
