using Fulcrum.Core.Statistics;

namespace Fulcrum.Reports.Executive.Charts;

/// <summary>One point of an interval chart: its label on the x axis and its estimate.</summary>
public sealed record IntervalPoint(string Label, Estimate Estimate);

/// <summary>Estimates over an ordered axis: a line with its confidence band (trends) or points with whiskers (event studies).</summary>
public static class IntervalChart
{
    const int Height = 240, Left = 56, Right = 16, Top = 16, Bottom = 40;

    /// <summary>A line through the estimates with a shaded band from the lower to the upper bounds.</summary>
    public static string Band(IReadOnlyList<IntervalPoint> points, string alt, string unit) => Draw(points, alt, unit, band: true, zeroLine: false);

    /// <summary>Each estimate as a point with its interval as a whisker, and a dashed line at zero (no effect).</summary>
    public static string Whiskers(IReadOnlyList<IntervalPoint> points, string alt, string unit) => Draw(points, alt, unit, band: false, zeroLine: true);

    static string Draw(IReadOnlyList<IntervalPoint> all, string alt, string unit, bool band, bool zeroLine)
    {
        var points = all.Where(p => p.Estimate.IsDefined && double.IsFinite(p.Estimate.Lower) && double.IsFinite(p.Estimate.Upper)).ToList();
        var svg = new Svg(Height, alt);
        var (min, max) = Scale.Covering(points.SelectMany(p => new[] { p.Estimate.Lower, p.Estimate.Upper }), zeroLine);
        var y = new Scale(min, max, Height - Bottom, Top);
        var step = (Svg.Width - Left - Right) / (double)Math.Max(1, points.Count);
        double X(int i) => Left + step * (i + 0.5);
        foreach (var tick in Ticks(min, max))
        {
            svg.Line(Left, y[tick], Svg.Width - Right, y[tick], "#e6e9ee");
            svg.Text(Left - 6, y[tick] + 4, Label(tick) + unit, "end", 10);
        }
        if (zeroLine && min < 0 && max > 0) svg.Line(Left, y[0], Svg.Width - Right, y[0], "#5b6776", 1, "4 3");
        if (band && points.Count > 1)
        {
            var upper = points.Select((p, i) => (X(i), y[p.Estimate.Upper]));
            var lower = points.Select((p, i) => (X(i), y[p.Estimate.Lower])).Reverse();
            svg.Path(upper.Concat(lower), "none", "#2f6fdf33", close: true);
            svg.Path(points.Select((p, i) => (X(i), y[p.Estimate.Value])), "#2f6fdf");
        }
        for (var i = 0; i < points.Count; i++)
        {
            var e = points[i].Estimate;
            if (!band) svg.Line(X(i), y[e.Lower], X(i), y[e.Upper], "#2f6fdf", 2);
            svg.Circle(X(i), y[e.Value], 3.5, "#2f6fdf");
            if (points.Count <= 16 || i % 2 == 0) svg.Text(X(i), Height - Bottom + 16, points[i].Label, "middle", 10);
        }
        return svg.ToString();
    }

    /// <summary>About five round tick values between min and max.</summary>
    internal static IEnumerable<double> Ticks(double min, double max)
    {
        var raw = (max - min) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        for (var t = Math.Ceiling(min / step) * step; t <= max; t += step) yield return Math.Round(t, 10);
    }

    internal static string Label(double v) =>
        Math.Abs(v) >= 1e6 ? Svg.N(v / 1e6) + "M" : Math.Abs(v) >= 1e3 ? Svg.N(v / 1e3) + "k" : v.ToString(Math.Abs(v) < 10 && v != Math.Round(v) ? "0.0#" : "0", System.Globalization.CultureInfo.InvariantCulture);
}
