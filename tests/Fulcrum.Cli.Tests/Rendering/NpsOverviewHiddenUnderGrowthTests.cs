using Fulcrum.Analytics.Metrics;
using Fulcrum.Analytics.Segments;
using Fulcrum.Cli.Rendering;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Cli.Tests.Rendering;

/// <summary>
/// The NPS overview's "Hidden under growth" line states a segment's fall by its Benjamini–Hochberg q across the segments
/// (growth-check's rule, GroupFalls), not by its unadjusted p: falls at p 0.03 and 0.04 among three segments (q 0.06) are
/// not stated; a fall at p 0.001 (q 0.003) is, with its q.
/// </summary>
public sealed class NpsOverviewHiddenUnderGrowthTests
{
    static Estimate Nps(double value) => new(value, value - 5, value + 5, 400, "test");

    /// <summary>Total NPS up 3 points; one segment per (name, change, p), with the q the overview gives them.</summary>
    static NpsOverview Overview(params (string Group, double Change, double P)[] segments)
    {
        var shifts = segments.Select(s => new GroupShift("segment", s.Group, Nps(30), Nps(30 + s.Change),
            new Comparison(new Estimate(s.Change, s.Change - 4, s.Change + 4, 800, "test"), -2, s.P, "test"), 1_000)).ToList();
        var q = GroupFalls.QValues(shifts.Select(s => s.Change).ToList());
        return new NpsOverview([new NpsYear(2024, Nps(20)), new NpsYear(2025, Nps(23))], shifts.Select((s, i) => s with { QValue = q[i] }).ToList(), null);
    }

    [Fact]
    public void Falls_significant_by_p_alone_are_not_stated_once_q_is_taken_across_the_segments()
    {
        var overview = Overview(("SMB", -6, 0.03), ("Mid-market", -5, 0.04), ("Enterprise", 1, 0.5));

        // BH: 0.03 × 3/1 = 0.09 and 0.04 × 3/2 = 0.06, stepped down to 0.06 both: above 0.05.
        Assert.Equal([0.06, 0.06, 0.5], overview.Shifts.Select(s => Math.Round(s.QValue!.Value, 10)));
        Assert.Null(NpsOverviewReport.HiddenUnderGrowth(overview));
        using var console = new ConsoleCapture();
        NpsOverviewReport.Render(overview);
        Assert.DoesNotContain("Hidden under growth", console.Spectre, StringComparison.Ordinal);
        Assert.Contains("0.060", console.Spectre, StringComparison.Ordinal); // the q column
    }

    [Fact]
    public void A_fall_that_survives_the_control_is_stated_with_its_q()
    {
        var overview = Overview(("SMB", -6, 0.001), ("Mid-market", -5, 0.04), ("Enterprise", 1, 0.5));

        Assert.Equal("total NPS moved +3.0 points, yet SMB (-6.0, q = 0.003) declined (segments: Benjamini–Hochberg q across the 3 segments at FDR 0.05).",
            NpsOverviewReport.HiddenUnderGrowth(overview));
        using var console = new ConsoleCapture();
        NpsOverviewReport.Render(overview);
        Assert.Contains("Hidden under growth: total NPS moved +3.0 points, yet SMB (-6.0, q = 0.003)", console.Spectre, StringComparison.Ordinal);
    }
}
