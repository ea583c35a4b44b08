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
        using var reader = new TypedReader(store.ExecuteReader(sql));
        while (reader.Read())
            rows.Add(new RenewalEventRow(reader.String(0), reader.DateTime(1), reader.Bool(2), reader.Bool(3), reader.Double(4), reader.NullableDouble(5),
                reader.NullableString(6), reader.Int(7), reader.Int(8), reader.NullableDouble(9), reader.NullableDouble(10), reader.NullableDouble(11), reader.Long(12)));
        return rows;
    }

    /// <param name="rows">How many rows the query returns (the lists are sized for them).</param>
    /// <param name="account">Numbers an account id (called once per account, in row order).</param>
    public static ServiceColumns ServicePeriods(FulcrumStore store, string sql, int rows, Func<string, int> account)
    {
        var columns = new ServiceColumns(rows);
        var segments = new Dictionary<string, int>(StringComparer.Ordinal);
        using var reader = new TypedReader(store.ExecuteReader(sql));
        string? lastAccount = null;
        int accountNumber = -1, segmentCode = -1;
        while (reader.Read())
        {
            var id = reader.String(0);
            if (id != lastAccount)
            {
                (lastAccount, accountNumber) = (id, account(id));
                // The segment is the account's (the same on each of its quarters): read once per account, not per row.
                var segment = reader.NullableString(1) ?? "unknown";
                if (!segments.TryGetValue(segment, out segmentCode))
                {
                    segments[segment] = segmentCode = segments.Count;
                    columns.Segments.Add(segment);
                }
            }
            columns.Account.Add(accountNumber);
            columns.Segment.Add(segmentCode);
            columns.Tenure.Add(LinkageFactors.TenureLevelIndex(reader.Int(2)));
            columns.Products.Add(LinkageFactors.ProductLevelIndex(reader.Int(3)));
            columns.Arr.Add(reader.Double(4));
            columns.Tickets.Add(reader.Double(5));
            columns.HandleMinutes.Add(reader.Double(6));
            columns.Nps.Add(LinkageFactors.NpsLevelIndex(reader.NullableDouble(7)));
            columns.CesMean.Add(reader.NullableDouble(8));
            columns.CesAnswers.Add(reader.Long(9));
        }
        return columns;
    }

    public static List<BookAccountRow> Book(FulcrumStore store, string sql)
    {
        var rows = new List<BookAccountRow>();
        using var reader = new TypedReader(store.ExecuteReader(sql));
        while (reader.Read())
            rows.Add(new BookAccountRow(reader.String(0), reader.NullableString(1), reader.Int(2), reader.Int(3), reader.Double(4),
                reader.NullableDouble(5), reader.NullableDouble(6), reader.NullableDouble(7), reader.Long(8)));
        return rows;
    }

    /// <summary>Per account: CES answers, their sum and sum of squares.</summary>
    public static List<(long N, double Sum, double SumSquares)> CesMoments(FulcrumStore store, string sql)
    {
        var rows = new List<(long, double, double)>();
        using var reader = new TypedReader(store.ExecuteReader(sql));
        while (reader.Read()) rows.Add((reader.Long(0), reader.Double(1), reader.Double(2)));
        return rows;
    }

    public static List<ThemesRaisedRow> ThemesRaised(FulcrumStore store, string sql)
    {
        var rows = new List<ThemesRaisedRow>();
        using var reader = new TypedReader(store.ExecuteReader(sql));
        while (reader.Read())
            rows.Add(new ThemesRaisedRow(reader.Int(0), reader.String(1), reader.NullableDateTime(2), reader.String(3), reader.NullableString(4)));
        return rows;
    }
}

/// <summary>
/// A reader whose column types are looked up once, not per value (the service history alone is over half a million rows
/// of ten columns). Values come back in the backend's own type and are converted as a row mapper would.
/// </summary>
internal sealed class TypedReader(DbDataReader reader) : IDisposable
{
    readonly Type[] _types = Enumerable.Range(0, reader.FieldCount).Select(reader.GetFieldType).ToArray();

    public bool Read() => reader.Read();

    public string String(int i) => reader.GetString(i);

    public string? NullableString(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    public DateTime DateTime(int i) => reader.GetDateTime(i);

    public DateTime? NullableDateTime(int i) => reader.IsDBNull(i) ? null : reader.GetDateTime(i);

    public double? NullableDouble(int i) => reader.IsDBNull(i) ? null : Value(i);

    // A missing value in a non-nullable column reads as the type's default, as a row mapper gives it.
    public double Double(int i) => reader.IsDBNull(i) ? 0 : Value(i);

    public long Long(int i) => reader.IsDBNull(i) ? 0
        : _types[i] == typeof(long) ? reader.GetInt64(i) : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);

    public int Int(int i) => reader.IsDBNull(i) ? 0
        : _types[i] == typeof(int) ? reader.GetInt32(i) : Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);

    public bool Bool(int i) => !reader.IsDBNull(i)
        && (_types[i] == typeof(bool) ? reader.GetBoolean(i) : Convert.ToBoolean(reader.GetValue(i), CultureInfo.InvariantCulture));

    public void Dispose() => reader.Dispose();

    double Value(int i) => _types[i] == typeof(double) ? reader.GetDouble(i) : Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture);
}
