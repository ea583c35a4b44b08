using System.Data;
using Dapper;
using Fulcrum.Analytics.Facts;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Metrics;

public enum MetricWeight { Response, Account, Arr }

/// <param name="Metrics">Metric names (see <see cref="MetricDefinition.BuiltIn"/>); empty = every built-in metric that has data.</param>
/// <param name="By">Dimensions to split by (see <see cref="Dimension"/>); empty = all customers.</param>
/// <param name="ClusterByAccount">Intervals and tests respect that one account's answers are correlated (cluster-robust by
/// account wherever an account answered more than once in a cell); false treats every answer as independent.</param>
/// <param name="MinTestN">Cells with fewer observations (or compared with fewer) are shown but never tested or flagged.</param>
public sealed record MetricsQuery(
    IReadOnlyList<string> Metrics,
    IReadOnlyList<string> By,
    PeriodUnit Period = PeriodUnit.Quarter,
    DateOnly? From = null,
    DateOnly? To = null,
    MetricWeight Weight = MetricWeight.Response,
    bool ClusterByAccount = true,
    long MinTestN = MetricsQuery.DefaultMinTestN)
{
    public const long DefaultMinTestN = 30;
}

/// <summary>One metric for one group in one period, compared with the group's previous period and with the rest of the customers.</summary>
public sealed record MetricCell(string Metric, DateOnly Period, string PeriodLabel, IReadOnlyList<string> Group, Estimate Estimate,
    Comparison? VsPrevious, Comparison? VsRest)
{
    /// <summary>Benjamini–Hochberg adjusted p-values over every comparison in the report.</summary>
    public double? QVsPrevious { get; init; }
    public double? QVsRest { get; init; }
}

public sealed record MetricsReport(MetricsQuery Query, IReadOnlyList<string> Dimensions, IReadOnlyList<MetricCell> Cells, IReadOnlyList<string> Notes);

/// <summary>
/// NPS, CSAT, CES and service metrics over time and by any dimensions, each with its interval and n; changes
/// from the previous period and differences from the rest of the customers tested, with false-discovery-rate
/// control (Benjamini–Hochberg) across the report. Aggregation is pushed down to SQL as additive sufficient statistics.
/// </summary>
public static class MetricsAnalysis
{
    public static MetricsReport Run(AnalysisFacts facts, MetricsQuery query)
    {
        var dimensions = query.By.Select(Dimension.Resolve).ToList();
        var explicitMetrics = query.Metrics.Count > 0;
        var metrics = (explicitMetrics ? query.Metrics.Select(MetricDefinition.Resolve) : MetricDefinition.BuiltIn).ToList();
        var assumptions = Assumptions(facts);
        var costPerHour = assumptions.GetValueOrDefault("cost_per_agent_hour", 45);
        var otherCost = assumptions.GetValueOrDefault("other_cost_per_ticket", 4);

        var hasTickets = facts.Store.Count("tickets") > 0;
        var cells = new List<MetricCell>();
        var withoutTickets = new List<string>();
        foreach (var metric in metrics)
        {
            // Without tickets an account-quarter has no contacts because none were recorded, not because there were none.
            if (metric.NeedsTickets && !hasTickets)
            {
                withoutTickets.Add(metric.Name);
                continue;
            }
            var clustered = Clustered(metric, query);
            var rows = Aggregate(facts, query, metric, dimensions, costPerHour, otherCost, clustered);
            if (rows.Count == 0 && !explicitMetrics) continue;
            (double Min, double Max)? scale = metric.Scale is { } declared ? ObservedScale(facts, declared) : null;
            cells.AddRange(Cells(metric, query.Period, rows, dimensions.Count > 0, clustered, scale, query.MinTestN));
        }
        cells = AdjustForMultipleTesting(cells);

        var notes = new List<string>();
        if (withoutTickets.Count > 0)
            notes.Add($"No support tickets imported, so {string.Join(", ", withoutTickets)} {(withoutTickets.Count == 1 ? "has" : "have")} no data " +
                "(not zero). Import them with `fulcrum import tickets FILE` to see contacts, handle time and cost to serve.");
        if (hasTickets)
            notes.Add($"cost_to_serve uses cost_per_agent_hour = {costPerHour} and other_cost_per_ticket = {otherCost} (`fulcrum status` lists assumptions).");
        notes.AddRange(new[]
        {
            $"Weights: {query.Weight.ToString().ToLowerInvariant()}" + query.Weight switch
            {
                MetricWeight.Account => " (each account counts once per period, whatever its number of responses).",
                MetricWeight.Arr => " (each account weighs its ARR at the time; intervals use Kish's effective n). Ticket-level metrics stay unweighted.",
                _ => " (each response counts once).",
            },
            "Tests: change vs the group's previous period and difference vs the rest of the customers in the same period; q = Benjamini–Hochberg adjusted p over the whole report.",
            query.ClusterByAccount
                ? "Intervals: exact (trinomial NPS, t mean, Wilson share); where an account answered more than once in a cell, the cluster-robust interval by account when it is wider (one account's answers are correlated), and likewise the larger p-value."
                : "Intervals: every answer treated as independent (--no-cluster), even several from one account.",
            $"Means of bounded scores (CSAT, CES) keep their interval on the scale; below n = {BoundedMeanEstimator.ExactBelow} the interval is exact (Clopper–Pearson on the rescaled mean). " +
            $"Cells with fewer than {query.MinTestN} observations are shown but not tested.",
        });
        return new MetricsReport(query, dimensions.Select(d => d.Name).ToList(), cells, notes);
    }

    const string UnitWeight = "1";

    sealed record Row(DateOnly Period, string[] Group, SufficientStats Stats, ClusterStats Cluster);

    /// <summary>
    /// Whether answers can cluster within accounts in a cell: unweighted survey metrics, where one account's several answers
    /// in a period are correlated. (Account and ARR weights already give each account one share; account-period and ticket
    /// metrics have one row per account and period.)
    /// </summary>
    static bool Clustered(MetricDefinition metric, MetricsQuery query) =>
        query.ClusterByAccount && metric.Source == MetricSource.Responses && query.Weight == MetricWeight.Response && metric.ObservationCount is null;

    /// <param name="perAccount">Aggregate per account first (for the cluster moments); otherwise the inner step is per cell already.</param>
    static List<Row> Aggregate(AnalysisFacts facts, MetricsQuery query, MetricDefinition metric, List<Dimension> dimensions, double costPerHour, double otherCost,
        bool perAccount)
    {
        var responses = metric.Source == MetricSource.Responses;
        var table = responses ? facts.Responses() : facts.AccountPeriods(query.Period);
        var period = responses ? query.Period.Trunc("f.day") : "f.period";
        var weight = (responses, query.Weight) switch
        {
            (true, MetricWeight.Account) => "1.0 / COUNT(*) OVER (PARTITION BY f.account_id, f.fact_period)",
            (true, MetricWeight.Arr) => "COALESCE(f.arr, 0) / COUNT(*) OVER (PARTITION BY f.account_id, f.fact_period)",
            (false, MetricWeight.Arr) => "COALESCE(f.arr, 0)",
            // An integer, so the sums stay integer arithmetic (multiplying by exactly 1 changes no value).
            _ => UnitWeight,
        };
        // Filters come before the weights: an account's weight is shared among its answers that count here.
        var filters = new List<string> { metric.Observed };
        if (query.From is not null) filters.Add(responses ? "f.day >= CAST($from AS DATE)" : $"f.fact_period >= {query.Period.Trunc("CAST($from AS DATE)")}");
        if (query.To is not null) filters.Add(responses ? "f.day <= CAST($to AS DATE)" : "f.fact_period <= CAST($to AS DATE)");
        var groups = dimensions.Select((d, i) => $"CAST({d.Sql} AS VARCHAR) AS g{i}").ToList();
        var groupBy = string.Join(", ", Enumerable.Range(1, dimensions.Count + 1));
        var (n, w, w2) = metric.ObservationCount is { } count
            ? ($"SUM({count})", $"SUM({count})", $"SUM({count})")
            // Unit weights: the weight sums are the count, which the backend counts once instead of summing three columns.
            : weight == UnitWeight ? ("COUNT(*)", "COUNT(*)", "COUNT(*)")
            : ("COUNT(*) FILTER (WHERE w > 0)", "SUM(w)", "SUM(w * w)");
        var groupColumns = string.Concat(Enumerable.Range(0, dimensions.Count).Select(i => $", g{i}"));
        var score = metric.Kind.ScoreSumSql("a", "b", "c");
        // Per account first when clustering, so each cell also carries the per-account moments behind cluster-robust intervals.
        var sql = $"""
            WITH periodised AS (SELECT f.*, {period} AS fact_period FROM {table} f),
            filtered AS (SELECT * FROM periodised f WHERE {string.Join(" AND ", filters)}),
            weighted AS (SELECT f.*, {weight} AS w FROM filtered f),
            per_account AS (
                SELECT f.fact_period AS period{string.Concat(groups.Select(g => ", " + g))}, {(perAccount ? "f.account_id" : "NULL")} AS account_id,
                       CAST({n} AS BIGINT) AS n, CAST({w} AS DOUBLE) AS sw, CAST({w2} AS DOUBLE) AS sw2,
                       CAST(SUM({metric.Sql(metric.A, costPerHour, otherCost)}) AS DOUBLE) AS a, CAST(SUM({metric.Sql(metric.B, costPerHour, otherCost)}) AS DOUBLE) AS b,
                       CAST(SUM({metric.Sql(metric.C, costPerHour, otherCost)}) AS DOUBLE) AS c
                FROM weighted f
                GROUP BY {string.Join(", ", Enumerable.Range(1, dimensions.Count + 2))}),
            scored AS (SELECT p.*, CAST({score} AS DOUBLE) AS s FROM per_account p)
            SELECT period{groupColumns}, CAST(SUM(n) AS BIGINT) AS n, SUM(sw) AS sw, SUM(sw2) AS sw2, SUM(a) AS a, SUM(b) AS b, SUM(c) AS c,
                   CAST(COUNT(*) FILTER (WHERE n > 0) AS BIGINT) AS k, SUM(s * s) AS s2, SUM(s * n) AS sn, CAST(SUM(n * n) AS DOUBLE) AS n2,
                   SUM(CASE WHEN n > 0 THEN s * s / n ELSE 0 END) AS q
            FROM scored
            GROUP BY {groupBy}
            HAVING SUM(sw) > 0
            ORDER BY {groupBy}
            """;
        var parameters = new DynamicParameters();
        if (query.From is { } from) parameters.Add("from", from.ToDateTime(TimeOnly.MinValue));
        if (query.To is { } to) parameters.Add("to", to.ToDateTime(TimeOnly.MinValue));
        using var reader = facts.Store.ExecuteReader(sql, parameters);
        var rows = new List<Row>();
        while (reader.Read())
        {
            var group = new string[dimensions.Count];
            for (var i = 0; i < group.Length; i++) group[i] = reader.GetString(1 + i);
            var o = 1 + dimensions.Count;
            rows.Add(new Row(DateOnly.FromDateTime(reader.GetDateTime(0)), group,
                new SufficientStats(Convert.ToInt64(reader.GetValue(o)), Number(reader, o + 1), Number(reader, o + 2),
                    Number(reader, o + 3), Number(reader, o + 4), Number(reader, o + 5)),
                new ClusterStats(Convert.ToInt64(reader.GetValue(o + 6)), Number(reader, o + 7), Number(reader, o + 8), Number(reader, o + 9), Number(reader, o + 10))));
        }
        return rows;
    }

    static double Number(IDataRecord record, int i) => record.IsDBNull(i) ? 0 : Convert.ToDouble(record.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    /// <remarks>
    /// When <paramref name="clustered"/>, each interval and test is the more cautious of the exact one and the cluster-robust
    /// one by account (<see cref="ClusteredEstimator.Cautious"/>), as the alert scan does.
    /// </remarks>
    static IEnumerable<MetricCell> Cells(MetricDefinition metric, PeriodUnit unit, List<Row> rows, bool compareWithRest, bool clustered,
        (double Min, double Max)? scale, long minTestN)
    {
        var totals = rows.GroupBy(r => r.Period).ToDictionary(g => g.Key, g => g.Aggregate(default(SufficientStats), (sum, r) => sum + r.Stats));
        var clusterTotals = rows.GroupBy(r => r.Period).ToDictionary(g => g.Key, g => g.Aggregate(default(ClusterStats), (sum, r) => sum + r.Cluster));
        Estimate EstimateOf(SufficientStats s, ClusterStats c)
        {
            var estimate = clustered ? ClusteredEstimator.Cautious(metric.Kind, s, c) : metric.Kind.Estimate(s);
            return scale is var (min, max) ? BoundedMeanEstimator.Bound(estimate, min, max) : estimate;
        }
        Comparison? CompareOf(SufficientStats s1, ClusterStats c1, SufficientStats s2, ClusterStats c2) =>
            s1.N < minTestN || s2.N < minTestN ? null
            : clustered ? ClusteredEstimator.CautiousCompare(metric.Kind, s1, c1, s2, c2) : metric.Kind.Compare(s1, s2);

        var byGroup = rows.ToDictionary(r => (r.Period, Key: string.Join('\u001f', r.Group)));
        foreach (var row in rows)
        {
            var key = string.Join('\u001f', row.Group);
            // Only the period just before counts as "previous": a gap in the data gives no comparison rather than a longer one.
            Comparison? vsPrevious = byGroup.TryGetValue((Previous(unit, row.Period), key), out var before)
                ? CompareOf(row.Stats, row.Cluster, before.Stats, before.Cluster) : null;
            var rest = totals[row.Period] - row.Stats;
            var restCluster = clusterTotals[row.Period] - row.Cluster;
            Comparison? vsRest = compareWithRest && rest.N > 0 ? CompareOf(row.Stats, row.Cluster, rest, restCluster) : null;
            yield return new MetricCell(metric.Name, row.Period, unit.Label(row.Period), row.Group, EstimateOf(row.Stats, row.Cluster), vsPrevious, vsRest);
        }
    }

    /// <summary>
    /// The store's scale of the score (declared by a mapping, e.g. CES 1–5 or CSAT 1–10, else the default), so intervals stay
    /// on it; answers outside it (written around the import, which refuses them) widen it rather than fall off.
    /// </summary>
    static (double Min, double Max) ObservedScale(AnalysisFacts facts, ScoreScale score)
    {
        var scale = Fulcrum.Data.Survey.ScoreScales.Of(facts.Store, score.Column);
        var (min, max) = facts.Store.Query<(double?, double?)>(
            $"SELECT CAST(MIN({score.Column}) AS DOUBLE PRECISION), CAST(MAX({score.Column}) AS DOUBLE PRECISION) FROM {facts.Responses()}").Single();
        return (Math.Min(scale.Min, min ?? scale.Min), Math.Max(scale.Max, max ?? scale.Max));
    }

    static DateOnly Previous(PeriodUnit unit, DateOnly period) => unit switch
    {
        PeriodUnit.Week => period.AddDays(-7),
        PeriodUnit.Month => period.AddMonths(-1),
        PeriodUnit.Quarter => period.AddMonths(-3),
        _ => period.AddYears(-1),
    };

    static List<MetricCell> AdjustForMultipleTesting(List<MetricCell> cells)
    {
        var p = new List<double>();
        foreach (var c in cells) { p.Add(c.VsPrevious?.PValue ?? double.NaN); p.Add(c.VsRest?.PValue ?? double.NaN); }
        var q = MultipleTesting.BenjaminiHochberg(p);
        return cells.Select((c, i) => c with
        {
            QVsPrevious = c.VsPrevious is null || double.IsNaN(q[2 * i]) ? null : q[2 * i],
            QVsRest = c.VsRest is null || double.IsNaN(q[2 * i + 1]) ? null : q[2 * i + 1],
        }).ToList();
    }

    /// <summary>Every stored assumption, in one read (the cost metrics need two).</summary>
    static Dictionary<string, double> Assumptions(AnalysisFacts facts)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        using var reader = facts.Store.ExecuteReader("SELECT name, value FROM assumptions");
        while (reader.Read()) values[reader.GetString(0)] = Number(reader, 1);
        return values;
    }
}
