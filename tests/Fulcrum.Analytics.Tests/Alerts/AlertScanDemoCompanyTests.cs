using Fulcrum.Analytics.Alerts;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Tests.Alerts;

/// <summary>
/// The scan on the demo company, whose planted effects are known: EMEA accounts gain +0.45 on the 0–10 score from 2024-Q1
/// (detractor callbacks) and Mid-Market accounts +0.3 in 2024-Q3 and +0.6 from 2024-Q4 (one account team).
/// </summary>
[Collection(AlertDemoCompanyCollection.Name)]
public sealed class AlertScanDemoCompanyTests(AlertDemoCompanyFixture demo)
{
    static readonly AlertOptions SegmentsAndRegions = new() { Dimensions = ["segment", "region"] };

    static readonly DateOnly EmeaStart = new(2024, 1, 1), MidMarketEffect = new(2024, 7, 1);

    [Fact]
    public void Upward_alerts_are_raised_for_EMEA_and_Mid_Market_once_their_initiatives_take_effect()
    {
        demo.ResetAlerts();

        var alerts = AlertScan.Run(demo.Facts, SegmentsAndRegions).Alerts.Select(a => a.Alert).ToList();

        var emea = alerts.Where(a => a is { Dimension: "region", Group: "EMEA" }).ToList();
        var midMarket = alerts.Where(a => a is { Dimension: "segment", Group: "Mid-Market" }).ToList();
        Assert.NotEmpty(emea);
        Assert.NotEmpty(midMarket);
        Assert.All(emea.Concat(midMarket), a => Assert.Equal(ShiftDirection.Up, a.Direction));
        // EMEA's callbacks work at once: the EWMA fires in the first quarter of the initiative. The CUSUM, whose limit h is set
        // for the scan's 5% false-alarm rate over 7 series × 2 charts (h ≈ 8.5 rather than the textbook 4), needs the following
        // quarters to cross it (2024-Q3 here) but dates the shift to 2024-Q1.
        Assert.Equal(EmeaStart, Assert.Single(emea, a => a.Method == AlertMethod.Ewma).Period);
        var emeaCusum = Assert.Single(emea, a => a.Method == AlertMethod.Cusum);
        Assert.Equal("2024-Q1", emeaCusum.ChangeStart);
        Assert.InRange(emeaCusum.Period, EmeaStart, new DateOnly(2024, 9, 30));
        // Mid-Market's one-team effect shows from 2024-Q3 (+0.3) and grows in 2024-Q4 (+0.6); no chart fires before it, and the
        // CUSUM dates the shift to 2024-Q3.
        var ewma = Assert.Single(midMarket, a => a.Method == AlertMethod.Ewma);
        Assert.InRange(ewma.Period, MidMarketEffect, new DateOnly(2024, 12, 31));
        Assert.Equal("2024-Q3", Assert.Single(midMarket, a => a.Method == AlertMethod.Cusum).ChangeStart);
        Assert.All(midMarket, a => Assert.True(a.Period >= MidMarketEffect, $"{a.PeriodLabel}: {a.Evidence}"));
        Assert.All(emea.Concat(midMarket), a => Assert.True(a.Value > a.Expected && a.Lower > a.Expected, a.Evidence));
    }

    [Fact]
    public void Alerts_are_stored_with_their_evidence_and_a_rerun_adds_none()
    {
        demo.ResetAlerts();

        var first = AlertScan.Run(demo.Facts, SegmentsAndRegions);
        var second = AlertScan.Run(demo.Facts, SegmentsAndRegions);

        Assert.NotEmpty(first.Alerts);
        Assert.Equal(first.Alerts.Count, first.Added.Count);
        Assert.Equal(first.Alerts.Count, demo.StoredAlerts("new"));
        Assert.Empty(second.Added);
        Assert.Equal(first.Alerts.Select(a => a.Alert.AlertId), second.Alerts.Select(a => a.Alert.AlertId));
        Assert.Equal(first.Alerts.Count, demo.StoredAlerts());
        var stored = AlertStore.List(demo.Store).ToDictionary(a => a.AlertId);
        Assert.All(first.Alerts, a => Assert.Equal(a.Alert.Evidence, stored[a.Alert.AlertId].Evidence));
    }

    [Fact]
    public void Evidence_says_in_words_what_moved_by_how_much_and_against_which_baseline()
    {
        demo.ResetAlerts();

        var alerts = AlertScan.Run(demo.Facts, new AlertOptions { Dimensions = ["region"] }).Alerts.Select(a => a.Alert).ToList();

        var ewma = Assert.Single(alerts, a => a is { Group: "EMEA", Method: AlertMethod.Ewma });
        Assert.Matches(@"^EMEA NPS rose to \d+\.\d \(95% CI \d+\.\d–\d+\.\d, n=[\d,]+\) in 2024-Q1; its EWMA \d+\.\d+ is above the upper control limit \d+\.\d+ " +
                       @"\(baseline \d+\.\d from 2023-Q1\.\.2023-Q4; λ = 0\.2, L = \d\.\d+\)\.$", ewma.Evidence);
        var cusum = Assert.Single(alerts, a => a is { Group: "EMEA", Method: AlertMethod.Cusum });
        Assert.Matches(@"^EMEA NPS rose to .* in 2024-Q2; the upward CUSUM .* from the baseline \d+\.\d \(2023-Q1\.\.2023-Q4\) reached \d+\.\d, " +
                       @"above the decision limit h = \d+\.\d+ \(k = 0\.5\): the level most likely shifted up in 2024-Q1\.$", cusum.Evidence);
        Assert.Equal(ewma.Detail.BaselineMean, ewma.Expected);
        Assert.Equal(("2023-Q1", "2023-Q4", 4), (ewma.Detail.BaselineFrom, ewma.Detail.BaselineTo, ewma.Detail.BaselinePeriods));
    }
}
