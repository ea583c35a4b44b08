using Fulcrum.Analytics.Alerts;
using Fulcrum.Analytics.Facts;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;
using Xunit.Abstractions;

namespace Fulcrum.Analytics.Tests.Alerts;

/// <summary>
/// On companies with no planted effects every alert is false; the scan must keep its stated false-alarm rate
/// (<see cref="AlertOptions.FalseAlarmRate"/>: the probability that a scan of in-control series raises any alert).
/// </summary>
public sealed class AlertFalseAlarmTests(ITestOutputHelper output)
{
    [Fact]
    public void Alerts_on_null_companies_are_raised_no_more_often_than_the_stated_false_alarm_rate()
    {
        // With a per-scan rate of at most 5%, the number of 6 independent null companies with any alert is at most
        // Binomial(6, 0.05): 2 or more would happen with probability 3.3% if the promise holds.
        var options = new AlertOptions();
        var companiesWithAlerts = 0;
        var totalAlerts = 0;
        foreach (var (seed, company) in NullCompanies.Open())
        {
            using var store = company;
            var detection = AlertScan.Detect(new AnalysisFacts(store), options);
            output.WriteLine($"seed {seed}: {detection.Alerts.Count} alert(s) on {detection.Series.Count(s => s.Skipped is null)} series" +
                             string.Concat(detection.Alerts.Select(a => $"\n  {a.Method} {a.Group} {a.PeriodLabel} {a.Direction}: {a.Evidence}")));
            totalAlerts += detection.Alerts.Count;
            if (detection.Alerts.Count > 0) companiesWithAlerts++;
        }

        Assert.True(companiesWithAlerts <= 1, $"{companiesWithAlerts} of 6 null companies had alerts ({totalAlerts} in all)");
    }

    [Fact]
    public void The_notes_state_the_false_alarm_rate_and_the_limits_it_led_to()
    {
        using var store = FulcrumStore.Open(":memory:");
        DemoCompanyGenerator.Generate(store, new DemoCompanyOptions(300, 3, 7, PlantEffects: false));
        var facts = new AnalysisFacts(store);

        var stated = AlertScan.Detect(facts, new AlertOptions { FalseAlarmRate = 0.1 });
        var given = AlertScan.Detect(facts, new AlertOptions { L = 3, H = 4 });

        var note = Assert.Single(stated.Notes, n => n.StartsWith("False alarms:", StringComparison.Ordinal));
        Assert.Contains("with probability at most 10% (--false-alarm-rate)", note);
        Assert.Matches(@"EWMA L = \d\.\d+ for \d+ monitored periods", note);
        Assert.Matches(@"CUSUM h = \d+\.\d+ for \d+ monitored periods", note);
        Assert.Contains("not controlled", Assert.Single(given.Notes, n => n.StartsWith("False alarms:", StringComparison.Ordinal)));
        Assert.Throws<ArgumentException>(() => AlertScan.Detect(facts, new AlertOptions { FalseAlarmRate = 0 }));
        Assert.Throws<ArgumentException>(() => AlertScan.Detect(facts, new AlertOptions { FalseAlarmRate = 1 }));
        output.WriteLine(note);
    }
}
