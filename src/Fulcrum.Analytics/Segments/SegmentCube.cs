using System.Data;
using Dapper;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Metrics;

namespace Fulcrum.Analytics.Segments;

/// <summary>One cell of the cube: a combination of dimension values (and optionally a period) with the metric's sufficient statistics and ARR.</summary>
public sealed record CubeCell(string? Period, string[] Values, SufficientStats Stats, ClusterStats Cluster, double Arr);

/// <summary>
/// Response facts aggregated by every combination of the chosen dimensions (a few thousand cells at most),
/// so drill-down and segment scans run in memory on any split without going back to the database.
/// ARR is each account's ARR on today's book (<see cref="AnalysisFacts.Book"/>; none once it left) spread over its
/// responses, so summing cells gives the ARR the accounts in them hold now.
/// Cells also carry per-account moments (<see cref="ClusterStats"/>) so intervals can respect clustering by account;
/// an account whose state changes within a period spans cells, which these moments treat as separate accounts.
/// </summary>
public sealed class SegmentCube
{
    SegmentCube(IReadOnlyList<Dimension> dimensions, MetricDefinition metric, IReadOnlyList<CubeCell> cells)
    {
        Dimensions = dimensions;
        Metric = metric;
        Cells = cells;
    }

    public IReadOnlyList<Dimension> Dimensions { get; }
    public MetricDefinition Metric { get; }
    public IReadOnlyList<CubeCell> Cells { get; }

    /// <param name="periods">Optional labelled date ranges (inclusive); cells are then split by them and responses outside all ranges are left out.</param>
    public static SegmentCube Build(AnalysisFacts facts, MetricDefinition metric, IReadOnlyList<Dimension> dimensions,
        IReadOnlyList<(string Label, DateOnly From, DateOnly To)>? periods = null, DateOnly? from = null, DateOnly? to = null)
    {
        if (metric.Source != MetricSource.Responses)
            throw new ArgumentException($"'{metric.Name}' is a ticket metric; segment analyses work on survey metrics (nps, csat, ces, share:...).");
        var table = facts.Responses();
        var book = facts.Book();
        var period = periods is null or { Count: 0 } ? "CAST(NULL AS VARCHAR)"
            : "CASE " + string.Concat(periods.Select((p, i) => $"WHEN f.day BETWEEN CAST($from{i} AS DATE) AND CAST($to{i} AS DATE) THEN '{p.Label.Replace("'", "''", StringComparison.Ordinal)}' ")) + "END";
        var parameters = new DynamicParameters();
        var filters = new List<string> { metric.Observed };
        if (periods is { Count: > 0 })
        {
            for (var i = 0; i < periods.Count; i++)
            {
                parameters.Add($"from{i}", periods[i].From.ToDateTime(TimeOnly.MinValue));
                parameters.Add($"to{i}", periods[i].To.ToDateTime(TimeOnly.MinValue));
            }
            filters.Add("f.cube_period IS NOT NULL");
        }
        if (from is { } f0) { parameters.Add("from", f0.ToDateTime(TimeOnly.MinValue)); filters.Add("f.day >= CAST($from AS DATE)"); }
        if (to is { } t0) { parameters.Add("to", t0.ToDateTime(TimeOnly.MinValue)); filters.Add("f.day <= CAST($to AS DATE)"); }
        var dims = string.Concat(dimensions.Select((d, i) => $", CAST({d.Sql} AS VARCHAR) AS d{i}"));
        var dimColumns = string.Concat(Enumerable.Range(0, dimensions.Count).Select(i => $", d{i}"));
        var score = metric.Kind.ScoreSumSql("a", "b", "c");
        // Aggregate per account first, so that each cell also carries the per-account moments behind cluster-robust errors.
        var sql = $"""
            WITH periodised AS (SELECT f.*, {period} AS cube_period FROM {table} f),
            weighted AS (SELECT f.*, 1.0 AS w, 1.0 / COUNT(*) OVER (PARTITION BY f.account_id, f.cube_period) AS response_share FROM periodised f),
            per_account AS (
                SELECT f.cube_period{dims}, f.account_id, COUNT(*) AS n, SUM(w) AS sw, SUM(w * w) AS sw2,
                       SUM({metric.A}) AS a, SUM({metric.B}) AS b, SUM({metric.C}) AS c, COALESCE(MAX(bk.arr), 0) * SUM(f.response_share) AS arr
                -- The book joined after the window, per account: the window's input stays the response facts alone, sorted by account.
                FROM weighted f LEFT JOIN {book} bk ON bk.account_id = f.account_id
                WHERE {string.Join(" AND ", filters)}
                GROUP BY {string.Join(", ", Enumerable.Range(1, dimensions.Count + 2))}),
            scored AS (SELECT p.*, CAST({score} AS DOUBLE) AS s FROM per_account p)
            SELECT cube_period{dimColumns},
                   CAST(SUM(n) AS BIGINT), CAST(SUM(sw) AS DOUBLE), CAST(SUM(sw2) AS DOUBLE),
                   CAST(SUM(a) AS DOUBLE), CAST(SUM(b) AS DOUBLE), CAST(SUM(c) AS DOUBLE), CAST(SUM(arr) AS DOUBLE),
                   CAST(COUNT(*) AS BIGINT), CAST(SUM(s * s) AS DOUBLE), CAST(SUM(s * n) AS DOUBLE), CAST(SUM(n * n) AS DOUBLE), CAST(SUM(s * s / n) AS DOUBLE)
            FROM scored
            GROUP BY {string.Join(", ", Enumerable.Range(1, dimensions.Count + 1))}
            """;
        var cells = new List<CubeCell>();
        using var reader = facts.Store.ExecuteReader(sql, parameters);
        while (reader.Read())
        {
            var values = new string[dimensions.Count];
            for (var i = 0; i < values.Length; i++) values[i] = reader.GetString(1 + i);
            var o = 1 + dimensions.Count;
            cells.Add(new CubeCell(reader.IsDBNull(0) ? null : reader.GetString(0), values,
                new SufficientStats(reader.GetInt64(o), D(reader, o + 1), D(reader, o + 2), D(reader, o + 3), D(reader, o + 4), D(reader, o + 5)),
                new ClusterStats(reader.GetInt64(o + 7), D(reader, o + 8), D(reader, o + 9), D(reader, o + 10), D(reader, o + 11)),
                D(reader, o + 6)));
        }
        return new SegmentCube(dimensions, metric, cells);
    }

    static double D(IDataRecord r, int i) => r.IsDBNull(i) ? 0 : r.GetDouble(i);

    /// <summary>Sums the cells matching a filter (dimension index → value), optionally within one period.</summary>
    public (SufficientStats Stats, ClusterStats Cluster, double Arr) Sum(IReadOnlyList<(int Dimension, string Value)> filter, string? period = null)
    {
        var stats = default(SufficientStats);
        var cluster = default(ClusterStats);
        double arr = 0;
        foreach (var cell in Cells)
        {
            if (period is not null && cell.Period != period) continue;
            var match = true;
            foreach (var (d, v) in filter)
                if (cell.Values[d] != v) { match = false; break; }
            if (!match) continue;
            stats += cell.Stats;
            cluster += cell.Cluster;
            arr += cell.Arr;
        }
        return (stats, cluster, arr);
    }
}
