using Fulcrum.Analytics.BusinessCase;

namespace Fulcrum.Reports.Executive.Charts;

/// <summary>The top lever's NPV when each assumption moves from its low to its high value, widest swing on top.</summary>
public static class TornadoChart
{
    const int Row = 28, Left = 230, Right = 24, Top = 12, Bottom = 28;

    public static string Draw(LeverSensitivity sensitivity, string alt)
    {
        var bars = sensitivity.Bars.Where(b => double.IsFinite(b.NpvAtLow) && double.IsFinite(b.NpvAtHigh)).ToList();
        var height = Top + Bottom + Row * Math.Max(1, bars.Count);
        var svg = new Svg(height, alt);
        var (min, max) = Scale.Covering(bars.SelectMany(b => new[] { b.NpvAtLow, b.NpvAtHigh }).Append(sensitivity.BaseNpv), includeZero: true);
        var x = new Scale(min, max, Left, Svg.Width - Right);
        foreach (var tick in IntervalChart.Ticks(min, max))
        {
            svg.Line(x[tick], Top, x[tick], height - Bottom, "#e6e9ee");
            svg.Text(x[tick], height - Bottom + 16, MoneyFormat.Short(tick), "middle", 10);
        }
        for (var i = 0; i < bars.Count; i++)
        {
            var (b, y) = (bars[i], Top + Row * i);
            // The part below the current NPV in red, above it in green, whichever end of the assumption produces it.
            var (low, high) = (Math.Min(b.NpvAtLow, b.NpvAtHigh), Math.Max(b.NpvAtLow, b.NpvAtHigh));
            svg.Rect(x[low], y + 6, x[Math.Min(high, sensitivity.BaseNpv)] - x[low], Row - 12, "#d9534f");
            svg.Rect(x[Math.Max(low, sensitivity.BaseNpv)], y + 6, x[high] - x[Math.Max(low, sensitivity.BaseNpv)], Row - 12, "#2f9e62");
            svg.Text(Left - 8, y + Row / 2.0 + 4, b.Assumption, "end");
        }
        svg.Line(x[sensitivity.BaseNpv], Top, x[sensitivity.BaseNpv], height - Bottom, "#1d2733", 1.5, "4 3");
        return svg.ToString();
    }
}
