using System.Data.Common;
using System.Globalization;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Linkage;

/// <summary>
/// Reads the linkage queries (<see cref="LinkageQueries"/>) by column ordinal. Values come back in the backend's own type
/// (e.g. PostgreSQL's numeric for an average) and are converted as a row mapper would, so both backends give the same rows.
/// </summary>
internal static class LinkageRowReader
{
    public static List<RenewalEventRow> RenewalEvents(FulcrumStore store, string sql)
    {
        var rows = new List<RenewalEventRow>();
        using var reader = store.ExecuteReader(sql);
        while (reader.Read())
            rows.Add(new RenewalEventRow(reader.GetString(0), reader.GetDateTime(1), Bool(reader, 2), Bool(reader, 3), Double(reader, 4), Double(reader, 5),
                NullableString(reader, 6), Int(reader, 7), Int(reader, 8), NullableDouble(reader, 9), NullableDouble(reader, 10), NullableDouble(reader, 11), Long(reader, 12)));
        return rows;
    }

    /// <param name="account">Numbers an account id (called once per account, in row order).</param>
    public static ServiceColumns ServicePeriods(FulcrumStore store, string sql, Func<string, int> account)
    {
        var columns = new ServiceColumns();
        var segments = new Dictionary<string, int>(StringComparer.Ordinal);
        using var reader = store.ExecuteReader(sql);
        string? lastAccount = null;
        var accountNumber = -1;
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (id != lastAccount) (lastAccount, accountNumber) = (id, account(id));
            columns.Account.Add(accountNumber);
            var segment = NullableString(reader, 1) ?? "unknown";
            if (!segments.TryGetValue(segment, out var code))
            {
                segments[segment] = code = segments.Count;
                columns.Segments.Add(segment);
            }
            columns.Segment.Add(code);
            columns.Tenure.Add(LinkageFactors.TenureLevelIndex(Int(reader, 2)));
            columns.Products.Add(LinkageFactors.ProductLevelIndex(Int(reader, 3)));
            columns.Arr.Add(Double(reader, 4));
            columns.Tickets.Add(Double(reader, 5));
            columns.HandleMinutes.Add(Double(reader, 6));
            columns.Nps.Add(LinkageFactors.NpsLevelIndex(NullableDouble(reader, 7)));
            columns.CesMean.Add(NullableDouble(reader, 8));
            columns.CesAnswers.Add(Long(reader, 9));
        }
        return columns;
    }

    public static List<BookAccountRow> Book(FulcrumStore store, string sql)
    {
        var rows = new List<BookAccountRow>();
        using var reader = store.ExecuteReader(sql);
        while (reader.Read())
            rows.Add(new BookAccountRow(reader.GetString(0), NullableString(reader, 1), Int(reader, 2), Int(reader, 3), Double(reader, 4),
                NullableDouble(reader, 5), NullableDouble(reader, 6), NullableDouble(reader, 7), Long(reader, 8)));
        return rows;
    }

    /// <summary>Per account: CES answers, their sum and sum of squares.</summary>
    public static List<(long N, double Sum, double SumSquares)> CesMoments(FulcrumStore store, string sql)
    {
        var rows = new List<(long, double, double)>();
        using var reader = store.ExecuteReader(sql);
        while (reader.Read()) rows.Add((Long(reader, 0), Double(reader, 1), Double(reader, 2)));
        return rows;
    }

    public static List<ThemesRaisedRow> ThemesRaised(FulcrumStore store, string sql)
    {
        var rows = new List<ThemesRaisedRow>();
        using var reader = store.ExecuteReader(sql);
        while (reader.Read())
            rows.Add(new ThemesRaisedRow(Int(reader, 0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetDateTime(2), reader.GetString(3), NullableString(reader, 4)));
        return rows;
    }

    static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    static double? NullableDouble(DbDataReader r, int i) => r.IsDBNull(i) ? null : Double(r, i);

    // A missing value in a non-nullable column reads as the type's default, as a row mapper gives it.
    static double Double(DbDataReader r, int i) => r.IsDBNull(i) ? 0
        : r.GetFieldType(i) == typeof(double) ? r.GetDouble(i) : Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture);

    static long Long(DbDataReader r, int i) => r.IsDBNull(i) ? 0
        : r.GetFieldType(i) == typeof(long) ? r.GetInt64(i) : Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    static int Int(DbDataReader r, int i) => r.IsDBNull(i) ? 0
        : r.GetFieldType(i) == typeof(int) ? r.GetInt32(i) : Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    static bool Bool(DbDataReader r, int i) => !r.IsDBNull(i)
        && (r.GetFieldType(i) == typeof(bool) ? r.GetBoolean(i) : Convert.ToBoolean(r.GetValue(i), CultureInfo.InvariantCulture));
}
