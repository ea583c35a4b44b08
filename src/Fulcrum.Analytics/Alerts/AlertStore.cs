using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fulcrum.Core.Serialization;
using Fulcrum.Core.Statistics;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Alerts;

/// <summary>
/// The <c>alerts</c> table (migration 0002): one row per alert, keyed by alert_id, inserted with
/// ON CONFLICT (alert_id) DO NOTHING so a re-run of a scan adds no duplicates. Portable SQL, parameters always bound.
/// </summary>
public static class AlertStore
{
    /// <summary>
    /// JSON for alert details and webhook payloads: camelCase, enums as lower-case text, a number that is not finite (an
    /// interval or a standard error a short series cannot give) as null as in every JSON Fulcrum writes, non-ASCII text
    /// (–, λ, names) written as is rather than \u-escaped (the payload is data, never embedded in HTML).
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new NonFiniteAsNullConverter() },
    };

    /// <summary>
    /// Stores the alerts not stored yet (status new, first seen <paramref name="now"/>), in one transaction, and returns
    /// every alert with whether it was added now, its status and when it was first seen.
    /// </summary>
    public static IReadOnlyList<AlertRecord> Record(FulcrumStore store, IReadOnlyList<Alert> alerts, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(alerts);
        var records = new List<AlertRecord>(alerts.Count);
        using var transaction = store.BeginTransaction();
        foreach (var alert in alerts)
        {
            var inserted = store.Execute($"""
                INSERT INTO alerts (alert_id, metric, dimension, group_value, period, period_label, method, direction,
                                    value, expected, limit_value, evidence, detail, status, first_seen_at)
                VALUES ($id, $metric, $dimension, $group, $period, $label, $method, $direction,
                        $value, $expected, $limit, $evidence, CAST($detail AS {store.Dialect.JsonType}), 'new', $now)
                ON CONFLICT (alert_id) DO NOTHING
                """,
                new
                {
                    id = alert.AlertId, metric = alert.Metric, dimension = alert.Dimension, group = alert.Group,
                    period = alert.Period.ToDateTime(TimeOnly.MinValue), label = alert.PeriodLabel,
                    method = Text(alert.Method), direction = Text(alert.Direction),
                    value = alert.Value, expected = alert.Expected, limit = alert.Limit, evidence = alert.Evidence,
                    detail = JsonSerializer.Serialize(alert.Detail, Json), now,
                },
                transaction);
            var row = store.Query<StatusRow>(
                "SELECT status, first_seen_at AS FirstSeenAt FROM alerts WHERE alert_id = $id", new { id = alert.AlertId }, transaction).Single();
            records.Add(new AlertRecord(alert, inserted > 0, ParseStatus(row.Status), Utc(row.FirstSeenAt)));
        }

        transaction.Commit();
        return records;
    }

    /// <summary>Marks alerts as reported (status seen). Returns how many changed from new to seen.</summary>
    public static int MarkSeen(FulcrumStore store, IEnumerable<string> alertIds, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(alertIds);
        var changed = 0;
        using var transaction = store.BeginTransaction();
        foreach (var id in alertIds.Distinct(StringComparer.Ordinal))
            changed += store.Execute("UPDATE alerts SET status = 'seen', seen_at = $now WHERE alert_id = $id AND status = 'new'", new { id, now }, transaction);
        transaction.Commit();
        return changed;
    }

    /// <summary>Marks the scan's unreported alerts as seen, once they have been shown to the user. Returns how many changed.</summary>
    public static int MarkReported(FulcrumStore store, AlertScanResult scan, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(scan);
        return MarkSeen(store, scan.Unreported.Select(r => r.Alert.AlertId), now);
    }

    /// <summary>Every stored alert, newest period first, optionally only those with the given status.</summary>
    public static IReadOnlyList<StoredAlert> List(FulcrumStore store, AlertStatus? status = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var rows = store.Query<StoredRow>($"""
            SELECT alert_id AS AlertId, metric AS Metric, dimension AS Dimension, group_value AS GroupValue, period AS Period,
                   period_label AS PeriodLabel, method AS Method, direction AS Direction, value AS Value, expected AS Expected,
                   limit_value AS LimitValue, evidence AS Evidence, status AS Status, first_seen_at AS FirstSeenAt, seen_at AS SeenAt
            FROM alerts
            {(status is null ? "" : "WHERE status = $status")}
            ORDER BY period DESC, metric, dimension, group_value, method, direction
            """, new { status = status is { } s ? Text(s) : null });
        return rows.Select(r => new StoredAlert(
            r.AlertId, r.Metric, r.Dimension, r.GroupValue, r.Period, r.PeriodLabel,
            Enum.Parse<AlertMethod>(r.Method, ignoreCase: true), Enum.Parse<ShiftDirection>(r.Direction, ignoreCase: true),
            r.Value, r.Expected, r.LimitValue, r.Evidence, ParseStatus(r.Status),
            Utc(r.FirstSeenAt), r.SeenAt is { } seen ? Utc(seen) : null)).ToList();
    }

    static DateTime Utc(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc);

    static string Text<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    static AlertStatus ParseStatus(string status) => status == "seen" ? AlertStatus.Seen : AlertStatus.New;

    // Dapper fills these by property name, so column types may differ slightly between stores (DATE, nullable TIMESTAMP).
    sealed class StatusRow
    {
        public string Status { get; set; } = "";
        public DateTime FirstSeenAt { get; set; }
    }

    sealed class StoredRow
    {
        public string AlertId { get; set; } = "";
        public string Metric { get; set; } = "";
        public string Dimension { get; set; } = "";
        public string GroupValue { get; set; } = "";
        public DateOnly Period { get; set; }
        public string PeriodLabel { get; set; } = "";
        public string Method { get; set; } = "";
        public string Direction { get; set; } = "";
        public double Value { get; set; }
        public double Expected { get; set; }
        public double LimitValue { get; set; }
        public string Evidence { get; set; } = "";
        public string Status { get; set; } = "";
        public DateTime FirstSeenAt { get; set; }
        public DateTime? SeenAt { get; set; }
    }
}

/// <summary>A row of the alerts table.</summary>
public sealed record StoredAlert(string AlertId, string Metric, string Dimension, string Group, DateOnly Period, string PeriodLabel,
    AlertMethod Method, ShiftDirection Direction, double Value, double Expected, double Limit, string Evidence,
    AlertStatus Status, DateTime FirstSeenAt, DateTime? SeenAt);
