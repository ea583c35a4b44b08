using FsCheck;
using FsCheck.Xunit;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Tests.Metrics;

/// <summary>Small cells and missing tables: intervals stay on the scale, tiny cells are shown but not tested, no tickets means no ticket metrics.</summary>
public sealed class MetricsSmallSampleTests
{
    [Fact]
    public void Two_csat_answers_get_an_interval_on_the_1_to_5_scale()
    {
        using var s = new MetricsTestStore().Account("A", "GO", "2023-01-01").Account("B", "SP", "2023-01-01");
        s.Response("A", "2024-02-01", csat: 2).Response("A", "2024-02-02", csat: 2);
        for (var i = 0; i < 40; i++) s.Response("B", "2024-02-01", csat: 1 + i % 5);

        var report = s.Run(["csat"], ["segment"], minTestN: MetricsQuery.DefaultMinTestN);

        var go = report.Cell("csat", "2024-Q1", "GO").Estimate;
        Assert.Equal(2.0, go.Value, 1e-12);
        Assert.True(go.Lower >= 1 && go.Upper <= 5, $"GO interval {go.Lower}–{go.Upper} leaves the 1–5 scale");
        Assert.Equal(BoundedMeanEstimator.Bound(MeanEstimator.Mean([2.0, 2.0]), 1, 5), go);
        Assert.Null(report.Cell("csat", "2024-Q1", "GO").VsRest);
        Assert.Null(report.Cell("csat", "2024-Q1", "GO").QVsRest);
    }

    [Property(MaxTest = 40)]
    public bool No_cell_below_the_minimum_n_is_tested_and_every_csat_interval_stays_on_the_scale(NonEmptyArray<PositiveInt> sizes)
    {
        using var s = new MetricsTestStore();
        var groups = sizes.Get.Take(5).Select(x => 1 + x.Get % 45).ToArray();
        for (var g = 0; g < groups.Length; g++)
        {
            s.Account($"A{g}", $"S{g}", "2023-01-01");
            for (var i = 0; i < groups[g]; i++) s.Response($"A{g}", i % 2 == 0 ? "2024-02-01" : "2024-05-01", csat: 1 + (i * 7 + g) % 5);
        }

        var report = s.Run(["csat"], ["segment"], minTestN: 10);

        return report.Cells.All(c =>
            c.Estimate.Lower >= 1 && c.Estimate.Upper <= 5
            && (c.Estimate.N >= 10 || (c.VsRest is null && c.VsPrevious is null && c.QVsRest is null && c.QVsPrevious is null)));
    }

    [Fact]
    public void Without_tickets_there_are_no_ticket_metrics_and_a_note_says_what_to_import()
    {
        using var s = new MetricsTestStore().Account("A", "S", "2023-01-01").Subscription("A", "X", "2023-01-01", null, 1_000);
        s.Nps("A", "2024-02-01", 10, 9, 3);

        var all = s.Run([]);
        Assert.All(all.Cells, c => Assert.Equal("nps", c.Metric));
        Assert.Contains(all.Notes, n => n.Contains("No support tickets imported", StringComparison.Ordinal) && n.Contains("fulcrum import tickets", StringComparison.Ordinal));

        var asked = s.Run(["contacts_per_account", "cost_to_serve"]);
        Assert.Empty(asked.Cells);
        Assert.Contains(asked.Notes, n => n.Contains("contacts_per_account, cost_to_serve have no data", StringComparison.Ordinal));
    }
}
