using System.Globalization;
using System.Net;
using System.Text;

namespace Fulcrum.Reports.Executive.Charts;

/// <summary>
/// A small SVG writer for the report's charts: vector (sharp in print and PDF), inline (no external request), and
/// described for screen readers (role="img" with a title and an aria-label, the chart's alt text).
/// </summary>
internal sealed class Svg
{
    public const int Width = 720;
    static readonly CultureInfo C = CultureInfo.InvariantCulture;
    readonly StringBuilder _body = new();
    readonly int _height;
    readonly string _alt;

    public Svg(int height, string alt) => (_height, _alt) = (height, alt);

    public static string N(double v) => v.ToString("0.#", C);
    public static string E(string text) => WebUtility.HtmlEncode(text);

    public Svg Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null) =>
        Add($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")}/>");

    public Svg Rect(double x, double y, double w, double h, string fill) =>
        Add($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, w))}\" height=\"{N(Math.Max(0, h))}\" fill=\"{fill}\"/>");

    public Svg Circle(double x, double y, double r, string fill) => Add($"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(r)}\" fill=\"{fill}\"/>");

    public Svg Path(IEnumerable<(double X, double Y)> points, string stroke, string fill = "none", bool close = false)
    {
        var d = string.Join(" ", points.Select((p, i) => $"{(i == 0 ? "M" : "L")}{N(p.X)},{N(p.Y)}"));
        return Add($"<path d=\"{d}{(close ? " Z" : "")}\" stroke=\"{stroke}\" fill=\"{fill}\" stroke-width=\"2\"/>");
    }

    public Svg Text(double x, double y, string text, string anchor = "start", int size = 11, string fill = "#3b4754") =>
        Add($"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{size}\" text-anchor=\"{anchor}\" fill=\"{fill}\">{E(text)}</text>");

    Svg Add(string element)
    {
        _body.Append(element);
        return this;
    }

    public override string ToString() =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {_height}\" width=\"100%\" role=\"img\" aria-label=\"{E(_alt)}\" font-family=\"system-ui, sans-serif\">" +
        $"<title>{E(_alt)}</title>{_body}</svg>";
}

/// <summary>A linear map from data to pixels.</summary>
internal readonly record struct Scale(double DataMin, double DataMax, double PixelMin, double PixelMax)
{
    public double this[double v] => DataMax == DataMin ? (PixelMin + PixelMax) / 2 : PixelMin + (v - DataMin) / (DataMax - DataMin) * (PixelMax - PixelMin);

    /// <summary>A range covering every value with a little margin, including zero when asked.</summary>
    public static (double Min, double Max) Covering(IEnumerable<double> values, bool includeZero)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (includeZero) finite.Add(0);
        if (finite.Count == 0) return (0, 1);
        var (min, max) = (finite.Min(), finite.Max());
        var pad = (max - min) * 0.08;
        if (pad == 0) pad = Math.Max(1, Math.Abs(max) * 0.1);
        return (min - pad, max + pad);
    }
}
