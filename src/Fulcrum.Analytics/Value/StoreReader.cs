using System.Data;
using System.Globalization;
using Dapper;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Value;

/// <summary>Reads query rows with explicit conversions (DuckDB returns dates as DateOnly or DateTime depending on the type).</summary>
internal static class StoreReader
{
    public static List<T> Read<T>(this FulcrumStore store, string sql, Func<IDataRecord, T> map, object? parameters = null)
    {
        using var reader = store.ExecuteReader(sql, parameters);
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
        return rows;
    }

    public static long Long(this IDataRecord r, int i) => r.IsDBNull(i) ? 0 : Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    public static double Double(this IDataRecord r, int i) => r.IsDBNull(i) ? 0 : Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture);

    public static double? NullableDouble(this IDataRecord r, int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture);

    public static string? Text(this IDataRecord r, int i) => r.IsDBNull(i) ? null : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture);

    public static bool? Bool(this IDataRecord r, int i) => r.IsDBNull(i) ? null : Convert.ToBoolean(r.GetValue(i), CultureInfo.InvariantCulture);

    public static DateOnly? Date(this IDataRecord r, int i) => r.IsDBNull(i) ? null : r.GetValue(i) switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        var other => DateOnly.FromDateTime(Convert.ToDateTime(other, CultureInfo.InvariantCulture)),
    };

    public static DateTime? Timestamp(this IDataRecord r, int i) => r.IsDBNull(i) ? null : r.GetValue(i) switch
    {
        DateTime t => t,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        var other => Convert.ToDateTime(other, CultureInfo.InvariantCulture),
    };

    public static double Assumption(this FulcrumStore store, string name) =>
        store.Query<double?>("SELECT value FROM assumptions WHERE name = $name", new { name }).FirstOrDefault()
        ?? throw new InvalidOperationException($"The assumption '{name}' is missing from the assumptions table.");

    public static DateTime Day(DateOnly d) => d.ToDateTime(TimeOnly.MinValue);
}
