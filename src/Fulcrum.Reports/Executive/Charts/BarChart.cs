using Fulcrum.Core.Statistics;

namespace Fulcrum.Reports.Executive.Charts;

/// <summary>One bar: a label and an estimate (drawn with its interval as a whisker).</summary>
public sealed record Bar(string Label, Estimate Estimate);

/// <summary>Horizontal bars from zero with interval whiskers: the growth-check's total, mix and rate; themes' ARR at risk.</summary>
public static class BarChart
{
    const int Row = 30, Left = 230, Right = 24, Top = 12, Bottom = 28;

    public static string Draw(IReadOnlyList<Bar> all, string alt, Func<double, string> label)
    {
        var bars = all.Where(b => Phrases.Shown(b.Estimate)).ToList();
        var height = Top + Bottom + Row * Math.Max(1, bars.Count);
        var svg = new Svg(height, alt);
        var (min, max) = Scale.Covering(bars.SelectMany(b => new[] { b.Estimate.Lower, b.Estimate.Upper }), includeZero: true);
        var x = new Scale(min, max, Left, Svg.Width - Right);
        foreach (var tick in IntervalChart.Ticks(min, max))
        {
            svg.Line(x[tick], Top, x[tick], height - Bottom, "#e6e9ee");
            svg.Text(x[tick], height - Bottom + 16, label(tick), "middle", 10);
        }
        svg.Line(x[0], Top, x[0], height - Bottom, "#5b6776");
        for (var i = 0; i < bars.Count; i++)
        {
            var (e, y) = (bars[i].Estimate, Top + Row * i);
            var (from, to) = (Math.Min(x[0], x[e.Value]), Math.Max(x[0], x[e.Value]));
            svg.Rect(from, y + 7, to - from, Row - 14, e.Value < 0 ? "#d9534f" : "#2f9e62");
            svg.Line(x[e.Lower], y + Row / 2.0, x[e.Upper], y + Row / 2.0, "#1d2733", 1.5);
            svg.Line(x[e.Lower], y + 9, x[e.Lower], y + Row - 9, "#1d2733", 1.5);
            svg.Line(x[e.Upper], y + 9, x[e.Upper], y + Row - 9, "#1d2733", 1.5);
            svg.Text(Left - 8, y + Row / 2.0 + 4, bars[i].Label, "end");
        }
        return svg.ToString();
    }
}
