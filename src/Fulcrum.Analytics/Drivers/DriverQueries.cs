using System.Data;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using Fulcrum.Analytics.Facts;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Drivers;

/// <summary>
/// The SQL of the key-driver analysis: the rows (outcome and candidate drivers) are built once in a temporary table, then
/// reduced in the database to coverage counts and to per-account sums and cross-products — C# receives one short row per
/// account, whatever the number of answers. Portable SQL (DuckDB and PostgreSQL).
/// </summary>
internal sealed class DriverQueries(AnalysisFacts facts, DriverOptions options)
{
    const string Table = "driver_rows";

    /// <summary>Numeric response attributes (e.g. survey sub-scores): keys whose values are numbers in at least 95% of a sample of answers.</summary>
    public IReadOnlyList<string> NumericResponseAttributes()
    {
        var responses = facts.Responses();
        var counts = new Dictionary<string, (int Numeric, int Total)>(StringComparer.Ordinal);
        foreach (var json in facts.Store.Query<string>(
                     $"SELECT CAST(response_attributes AS VARCHAR) FROM {responses} WHERE response_attributes IS NOT NULL ORDER BY response_id LIMIT 5000"))
        {
            JsonDocument document;
            try { document = JsonDocument.Parse(json); }
            catch (JsonException) { continue; }
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object) continue;
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind is JsonValueKind.Null) continue;
                    var numeric = property.Value.ValueKind == JsonValueKind.Number
                                  || (property.Value.ValueKind == JsonValueKind.String
                                      && double.TryParse(property.Value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _));
                    counts.TryGetValue(property.Name, out var c);
                    counts[property.Name] = (c.Numeric + (numeric ? 1 : 0), c.Total + 1);
                }
            }
        }

        return counts.Where(c => c.Value.Numeric >= 0.95 * c.Value.Total).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Builds the rows: account_id, y (outcome), v0..v{m−1} (the candidates), at the options' level and dates.</summary>
    public void BuildRows(DriverVariable outcome, IReadOnlyList<DriverVariable> candidates)
    {
        var responses = facts.Responses();
        var periods = facts.AccountPeriods(PeriodUnit.Quarter);
        var quarter = PeriodUnit.Quarter.Trunc("f.day");
        var columns = string.Concat(candidates.Select((v, i) => $",\n       {v.Sql} AS v{i}"));
        var dates = (options.From is null ? "" : " AND f.day >= $from") + (options.To is null ? "" : " AND f.day <= $to");
        var select = options.Level == DriverLevel.Response
            ? $"SELECT account_id, y{string.Concat(candidates.Select((_, i) => $", v{i}"))} FROM r"
            : $"SELECT account_id, AVG(y) AS y{string.Concat(candidates.Select((_, i) => $", AVG(v{i}) AS v{i}"))} FROM r GROUP BY account_id, period";
        facts.Store.Execute($"DROP TABLE IF EXISTS {Table}");
        facts.Store.Execute($"""
            CREATE TEMP TABLE {Table} AS
            WITH tc AS (
                SELECT account_id, period, CAST(contacts AS DOUBLE PRECISION) / contacted_tickets AS contacts
                FROM {facts.TicketQuarters()} WHERE contacted_tickets > 0),
            r AS (
                SELECT f.account_id, {quarter} AS period, {outcome.Sql} AS y{columns}
                FROM {responses} f
                LEFT JOIN {periods} p ON p.account_id = f.account_id AND p.period = {quarter}
                LEFT JOIN tc ON tc.account_id = f.account_id AND tc.period = {quarter}
                WHERE {outcome.Sql} IS NOT NULL{dates})
            {select}
            """, new { from = options.From?.ToDateTime(TimeOnly.MinValue), to = options.To?.ToDateTime(TimeOnly.MinValue) });
    }

    /// <summary>Rows with an outcome, and for each candidate: rows having it, its lowest and highest value.</summary>
    public (long Rows, (long Present, double? Min, double? Max)[] Candidates) Coverage(int candidates)
    {
        var sql = new StringBuilder("SELECT COUNT(*)");
        for (var i = 0; i < candidates; i++) sql.Append(CultureInfo.InvariantCulture, $", COUNT(v{i}), MIN(v{i}), MAX(v{i})");
        sql.Append(CultureInfo.InvariantCulture, $" FROM {Table}");
        using var reader = facts.Store.ExecuteReader(sql.ToString());
        reader.Read();
        var rows = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
        var result = new (long, double?, double?)[candidates];
        for (var i = 0; i < candidates; i++)
            result[i] = (Convert.ToInt64(reader.GetValue(1 + 3 * i), CultureInfo.InvariantCulture), Nullable(reader, 2 + 3 * i), Nullable(reader, 3 + 3 * i));
        return (rows, result);
    }

    /// <summary>Over the rows complete on the outcome and the chosen candidates: rows, accounts, means (outcome first), minima and maxima.</summary>
    public (long Rows, long Accounts, double[] Means, double[] Min, double[] Max) Complete(IReadOnlyList<int> chosen)
    {
        var columns = Columns(chosen);
        var sql = new StringBuilder("SELECT COUNT(*), COUNT(DISTINCT account_id)");
        foreach (var c in columns) sql.Append(CultureInfo.InvariantCulture, $", AVG({c}), MIN({c}), MAX({c})");
        sql.Append(CultureInfo.InvariantCulture, $" FROM {Table} WHERE {CompleteCondition(chosen)}");
        using var reader = facts.Store.ExecuteReader(sql.ToString());
        reader.Read();
        var d = columns.Count;
        double[] means = new double[d], min = new double[d], max = new double[d];
        for (var i = 0; i < d; i++)
        {
            means[i] = Nullable(reader, 2 + 3 * i) ?? double.NaN;
            min[i] = Nullable(reader, 3 + 3 * i) ?? double.NaN;
            max[i] = Nullable(reader, 4 + 3 * i) ?? double.NaN;
        }

        return (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), means, min, max);
    }

    /// <summary>
    /// Per account, over its complete rows: the count, Σ z and the upper triangle of Σ z zᵀ with z = (y, chosen drivers) − shift.
    /// Accounts come in a fixed order (by id) so the bootstrap is reproducible.
    /// </summary>
    public AccountMoments PerAccount(IReadOnlyList<int> chosen, IReadOnlyList<double> shift)
    {
        var columns = Columns(chosen);
        var d = columns.Count;
        var z = columns.Select((c, i) => $"({c} - {shift[i].ToString("R", CultureInfo.InvariantCulture)})").ToArray();
        // Every value cast to a double in SQL, so the ~100k rows × dozens of columns are read unboxed.
        var sql = new StringBuilder("SELECT account_id, CAST(COUNT(*) AS DOUBLE PRECISION)");
        for (var i = 0; i < d; i++) sql.Append(CultureInfo.InvariantCulture, $", CAST(SUM({z[i]}) AS DOUBLE PRECISION)");
        for (var i = 0; i < d; i++)
        {
            for (var j = i; j < d; j++) sql.Append(CultureInfo.InvariantCulture, $", CAST(SUM({z[i]} * {z[j]}) AS DOUBLE PRECISION)");
        }

        sql.Append(CultureInfo.InvariantCulture, $" FROM {Table} WHERE {CompleteCondition(chosen)} GROUP BY account_id ORDER BY account_id");
        var slices = new List<double[]>();
        using var reader = facts.Store.ExecuteReader(sql.ToString());
        var stride = 1 + d + d * (d + 1) / 2;
        while (reader.Read())
        {
            var slice = new double[stride];
            for (var i = 0; i < stride; i++) slice[i] = reader.GetDouble(1 + i);
            slices.Add(slice);
        }

        return new AccountMoments(d, shift, slices, options.WithinAccount);
    }

    public void Drop() => facts.Store.Execute($"DROP TABLE IF EXISTS {Table}");

    static List<string> Columns(IReadOnlyList<int> chosen) => ["y", .. chosen.Select(i => $"v{i}")];

    static string CompleteCondition(IReadOnlyList<int> chosen) =>
        chosen.Count == 0 ? "TRUE" : string.Join(" AND ", chosen.Select(i => $"v{i} IS NOT NULL"));

    static double? Nullable(IDataRecord reader, int i) => reader.IsDBNull(i) ? null : Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture);
}
