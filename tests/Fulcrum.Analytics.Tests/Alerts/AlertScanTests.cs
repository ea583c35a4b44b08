using Fulcrum.Analytics.Alerts;
using Fulcrum.Analytics.Facts;
using Fulcrum.Core.Statistics;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Alerts;

/// <summary>The scan on small stores with series built by hand, where the right answer is known exactly.</summary>
public sealed class AlertScanTests : IDisposable
{
    readonly FulcrumStore _store = FulcrumStore.Open(":memory:");

    public AlertScanTests()
    {
        // Eight quarters from 2023-Q1. "Flat": 200 answers a quarter, 100 promoters, 50 passives, 50 detractors (NPS 25) throughout.
        // "Falling": the same for five quarters, then 40 promoters, 80 passives, 80 detractors (NPS -20).
        // "Tiny": 10 answers a quarter, below the minimum n. "Gappy": like Flat but only 10 answers in the 7th quarter.
        _store.Execute("""
            INSERT INTO accounts (account_id, segment)
            SELECT 'F' || i, 'Flat' FROM range(20) t(i) UNION ALL SELECT 'D' || i, 'Falling' FROM range(20) t(i)
            UNION ALL SELECT 'T' || i, 'Tiny' FROM range(5) t(i) UNION ALL SELECT 'G' || i, 'Gappy' FROM range(20) t(i)
            """);
        Insert("Flat", "F", 20, "CASE WHEN i < 100 THEN 10 WHEN i < 150 THEN 8 ELSE 3 END", 200);
        Insert("Falling", "D", 20, "CASE WHEN q < 5 THEN (CASE WHEN i < 100 THEN 10 WHEN i < 150 THEN 8 ELSE 3 END) "
                                   + "ELSE (CASE WHEN i < 40 THEN 10 WHEN i < 120 THEN 8 ELSE 3 END) END", 200);
        Insert("Tiny", "T", 5, "CASE WHEN i < 5 THEN 10 ELSE 3 END", 10);
        Insert("Gappy", "G", 20, "CASE WHEN i < 100 THEN 10 WHEN i < 150 THEN 8 ELSE 3 END", 200, where: "q <> 6 OR i < 10");
    }

    void Insert(string segment, string prefix, int accounts, string score, int perQuarter, string where = "TRUE") =>
        _store.Execute($"""
            INSERT INTO responses (response_id, account_id, responded_at, nps)
            SELECT '{segment}-' || q || '-' || i, '{prefix}' || (i % {accounts}),
                   CAST(make_date(CAST(2023 + q // 4 AS BIGINT), CAST((q % 4) * 3 + 2 AS BIGINT), 15) AS TIMESTAMP), {score}
            FROM range(8) a(q), range({perQuarter}) b(i)
            WHERE {where}
            """);

    AlertScanResult Scan(AlertOptions? options = null) => AlertScan.Run(new AnalysisFacts(_store), options ?? new AlertOptions());

    [Fact]
    public void A_flat_series_raises_no_alert()
    {
        var scan = Scan();

        Assert.DoesNotContain(scan.Alerts, a => a.Alert.Group is "Flat" or "Gappy");
        var flat = Assert.Single(scan.Series, s => s.Group == "Flat");
        Assert.Equal(8, flat.Periods);
        Assert.Equal(25, flat.BaselineMean, 9);
        Assert.Equal(0, flat.BaselineSigma);
        Assert.Equal(("2023-Q1", "2023-Q4"), (flat.BaselineFrom, flat.BaselineTo));
    }

    [Fact]
    public void A_falling_series_raises_one_downward_alert_per_chart_in_the_quarter_it_falls()
    {
        var scan = Scan();

        var falling = scan.Alerts.Where(a => a.Alert.Group == "Falling").Select(a => a.Alert).ToList();
        Assert.Equal([AlertMethod.Ewma, AlertMethod.Cusum], falling.Select(a => a.Method));
        Assert.All(falling, a =>
        {
            Assert.Equal(ShiftDirection.Down, a.Direction);
            Assert.Equal("2024-Q2", a.PeriodLabel);
            Assert.Equal(new DateOnly(2024, 4, 1), a.Period);
            Assert.Equal(-20, a.Value, 9);
            Assert.Equal(25, a.Expected, 9);
            Assert.Equal(200, a.N);
            Assert.StartsWith("Falling NPS fell to -20.0 (95% CI ", a.Evidence);
            Assert.Contains("n=200) in 2024-Q2", a.Evidence);
            Assert.Contains("baseline 25.0", a.Evidence);
            Assert.Contains("2023-Q1..2023-Q4", a.Evidence);
        });
        var ewma = falling[0];
        Assert.True(ewma.Statistic < ewma.Limit && ewma.Limit < 25);
        Assert.Contains("below the lower control limit", ewma.Evidence);
        // The CUSUM keeps signalling after each restart while the level stays down: still one alert.
        var cusum = falling[1];
        // h is set from the default 5% false-alarm rate, split over 3 charted series (Flat, Falling, Gappy) × 2 charts;
        // Falling has 8 quarters: 4 baseline and 4 monitored.
        Assert.Equal(ControlCharts.CusumLimitFor(0.05 / 6, 4, 0.5, 4), cusum.Limit, 12);
        Assert.Equal("2024-Q2", cusum.ChangeStart);
        Assert.Contains("the level most likely shifted down in 2024-Q2", cusum.Evidence);
    }

    [Fact]
    public void Periods_below_the_minimum_n_are_left_out_and_too_short_series_are_skipped()
    {
        var scan = Scan(new AlertOptions { MinN = 30 });

        var tiny = Assert.Single(scan.Series, s => s.Group == "Tiny");
        Assert.Equal(0, tiny.Periods);
        Assert.NotNull(tiny.Skipped);
        var gappy = Assert.Single(scan.Series, s => s.Group == "Gappy");
        Assert.Equal(7, gappy.Periods);
        Assert.Null(gappy.Skipped);

        var lowered = Scan(new AlertOptions { MinN = 5 });
        Assert.Equal(8, Assert.Single(lowered.Series, s => s.Group == "Tiny").Periods);
    }

    [Fact]
    public void Only_the_chosen_charts_run()
    {
        var scan = Scan(new AlertOptions { Methods = [AlertMethod.Cusum] });

        Assert.NotEmpty(scan.Alerts);
        Assert.All(scan.Alerts, a => Assert.Equal(AlertMethod.Cusum, a.Alert.Method));
    }

    [Fact]
    public void Alerts_are_stored_once_and_a_rerun_adds_none()
    {
        var first = Scan();
        var second = Scan();

        Assert.Equal(2, first.Added.Count);
        Assert.Empty(second.Added);
        Assert.Equal(first.Alerts.Select(a => a.Alert.AlertId), second.Alerts.Select(a => a.Alert.AlertId));
        Assert.Equal(first.Alerts.Select(a => a.FirstSeenAt), second.Alerts.Select(a => a.FirstSeenAt));
        Assert.Equal(2, _store.Scalar<long>("SELECT COUNT(*) FROM alerts"));
    }

    [Fact]
    public void Reported_alerts_are_no_longer_new()
    {
        var first = Scan();
        Assert.All(first.Alerts, a => Assert.Equal(AlertStatus.New, a.Status));

        Assert.Equal(2, AlertStore.MarkReported(_store, first, DateTime.UtcNow));

        var second = Scan();
        Assert.All(second.Alerts, a => Assert.Equal(AlertStatus.Seen, a.Status));
        Assert.Empty(second.Unreported);
        Assert.All(AlertStore.List(_store), a => Assert.True(a.Status == AlertStatus.Seen && a.SeenAt is not null));
    }

    [Fact]
    public void Stored_alerts_keep_their_evidence_and_details()
    {
        var scan = Scan();

        var stored = AlertStore.List(_store);
        Assert.Equal(scan.Alerts.Select(a => a.Alert.AlertId).Order(), stored.Select(a => a.AlertId).Order());
        var alert = scan.Alerts[0].Alert;
        var row = Assert.Single(stored, s => s.AlertId == alert.AlertId);
        Assert.Equal((alert.Metric, alert.Dimension, alert.Group, alert.Period, alert.PeriodLabel, alert.Method, alert.Direction),
            (row.Metric, row.Dimension, row.Group, row.Period, row.PeriodLabel, row.Method, row.Direction));
        Assert.Equal(alert.Evidence, row.Evidence);
        Assert.Equal(alert.Limit, row.Limit, 12);
        var lambda = _store.Scalar<double>("SELECT CAST(json_extract(detail, '$.parameters.lambda') AS DOUBLE) FROM alerts WHERE method = 'ewma'");
        Assert.Equal(0.2, lambda, 12);
    }

    [Fact]
    public void Alert_ids_are_deterministic_and_distinguish_every_part_of_the_key()
    {
        var id = AlertScan.AlertIdFor("nps", "segment", "Enterprise", "2025-Q3", AlertMethod.Ewma, ShiftDirection.Down);

        Assert.Matches("^alert-[0-9a-f]{16}$", id);
        Assert.Equal(id, AlertScan.AlertIdFor("NPS", "Segment", "Enterprise", "2025-Q3", AlertMethod.Ewma, ShiftDirection.Down));
        string[] others =
        [
            AlertScan.AlertIdFor("csat", "segment", "Enterprise", "2025-Q3", AlertMethod.Ewma, ShiftDirection.Down),
            AlertScan.AlertIdFor("nps", "region", "Enterprise", "2025-Q3", AlertMethod.Ewma, ShiftDirection.Down),
            AlertScan.AlertIdFor("nps", "segment", "SMB", "2025-Q3", AlertMethod.Ewma, ShiftDirection.Down),
            AlertScan.AlertIdFor("nps", "segment", "Enterprise", "2025-07", AlertMethod.Ewma, ShiftDirection.Down),
            AlertScan.AlertIdFor("nps", "segment", "Enterprise", "2025-Q3", AlertMethod.Cusum, ShiftDirection.Down),
            AlertScan.AlertIdFor("nps", "segment", "Enterprise", "2025-Q3", AlertMethod.Ewma, ShiftDirection.Up),
        ];
        Assert.DoesNotContain(id, others);
        Assert.Equal(others.Length, others.Distinct().Count());
    }

    [Fact]
    public void Invalid_options_are_refused_with_a_message()
    {
        var facts = new AnalysisFacts(_store);

        Assert.Contains("Unknown metric", Assert.Throws<ArgumentException>(() => AlertScan.Run(facts, new AlertOptions { Metrics = ["happiness"] })).Message);
        Assert.Contains("Unknown dimension", Assert.Throws<ArgumentException>(() => AlertScan.Run(facts, new AlertOptions { Dimensions = ["planet"] })).Message);
        Assert.Throws<ArgumentException>(() => AlertScan.Run(facts, new AlertOptions { BaselinePeriods = 1 }));
        Assert.Throws<ArgumentException>(() => AlertScan.Run(facts, new AlertOptions { Lambda = 0 }));
        Assert.Throws<ArgumentException>(() => AlertScan.Run(facts, new AlertOptions { MinN = 0 }));
    }

    public void Dispose() => _store.Dispose();
}
