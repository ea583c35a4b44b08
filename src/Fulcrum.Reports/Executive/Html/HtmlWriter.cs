using System.Globalization;
using System.Net;
using System.Text;
using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Reports.Executive.Html;

/// <summary>HTML building blocks of the report: encoded text, tables with real header cells, estimates as value and interval.</summary>
internal sealed class HtmlWriter
{
    static readonly CultureInfo C = CultureInfo.InvariantCulture;
    readonly StringBuilder _html = new();

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public HtmlWriter Raw(string html)
    {
        _html.Append(html).Append('\n');
        return this;
    }

    public HtmlWriter P(string text, string? css = null) => Raw($"<p{(css is null ? "" : $" class=\"{css}\"")}>{E(text)}</p>");

    public HtmlWriter List(IEnumerable<string> items) => Raw("<ul>" + string.Concat(items.Select(i => $"<li>{E(i)}</li>")) + "</ul>");

    public HtmlWriter Figure(string svg, string caption) => Raw($"<figure>{svg}<figcaption>{E(caption)}</figcaption></figure>");

    /// <summary>A table with a caption and a header row of &lt;th scope="col"&gt; cells; <paramref name="rows"/> hold ready cell HTML.</summary>
    public HtmlWriter Table(string caption, IReadOnlyList<string> headers, IEnumerable<IEnumerable<string>> rows)
    {
        _html.Append($"<table><caption>{E(caption)}</caption><thead><tr>");
        foreach (var h in headers) _html.Append($"<th scope=\"col\">{E(h)}</th>");
        _html.Append("</tr></thead><tbody>");
        foreach (var row in rows) _html.Append("<tr>").Append(string.Concat(row)).Append("</tr>");
        _html.Append("</tbody></table>\n");
        return this;
    }

    public static string Cell(string text) => $"<td>{E(text)}</td>";
    public static string Num(string text) => $"<td class=\"n\">{E(text)}</td>";
    public static string Num(long n) => Num(n.ToString("N0", C));

    /// <summary>An estimate as its value over its interval; a dash with the reason when undefined (never NaN or $0).</summary>
    public static string Estimate(Estimate? e, Func<double, string> format)
    {
        if (!Phrases.Shown(e)) return "<td class=\"n\"><span class=\"muted\">not estimable</span></td>";
        return $"<td class=\"n\">{E(format(e!.Value))}<br><span class=\"ci\">{E(format(e.Lower))} to {E(format(e.Upper))}</span></td>";
    }

    public static string Money(Estimate? e) => Estimate(e, MoneyFormat.Short);
    public static string Number(Estimate? e, string format = "0.0") => Estimate(e, v => v.ToString(format, C));
    public static string Percent(Estimate? e) => Estimate(e, v => (v * 100).ToString("0.0", C) + "%");

    public override string ToString() => _html.ToString();
}
