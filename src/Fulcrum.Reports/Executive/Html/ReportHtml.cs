using System.Globalization;
using Fulcrum.Reports.Executive.Model;
using static Fulcrum.Reports.Executive.Html.HtmlWriter;

namespace Fulcrum.Reports.Executive.Html;

/// <summary>
/// The report as one self-contained HTML file: styles inline, charts inline SVG, no script and no external request;
/// printable (a title page, the executive summary on its own page, then one section per page break when printed).
/// </summary>
public static partial class ReportHtml
{
    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Render(ExecutiveReport r)
    {
        var h = new HtmlWriter();
        h.Raw($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
              $"<title>{E(r.Title)}</title><style>{Styles}</style></head><body>");
        Cover(h, r);
        h.Raw("<main>");
        Summary(h, r);
        Trends(h, r);
        Growth(h, r);
        Levers(h, r);
        Themes(h, r);
        Initiatives(h, r);
        References(h, r);
        Followups(h, r);
        Assumptions(h, r);
        Coverage(h, r);
        h.Raw("</main></body></html>");
        return h.ToString();
    }

    static void Cover(HtmlWriter h, ExecutiveReport r)
    {
        var range = r.DataRange is { } d ? $"Survey data from {d.From:yyyy-MM-dd} to {d.To:yyyy-MM-dd}." : "No survey data.";
        h.Raw($"<header class=\"cover\"><p class=\"kicker\">Customer experience, in money</p><h1>{E(r.Title)}</h1>" +
              $"<p class=\"sub\">{E(r.Period.Label)} ({r.Period.From:yyyy-MM-dd} to {r.Period.To:yyyy-MM-dd}) compared with {E(r.ComparedWith.Label)}</p>" +
              $"<p>{E(range)} Source: {E(r.Source)}. Generated {r.GeneratedAt.ToString("yyyy-MM-dd HH:mm", C)} UTC by Fulcrum.</p>" +
              "<p class=\"muted\">Every figure is an estimate with its confidence interval (shown as “CI” or in small type under the value). " +
              "Money figures use 90% intervals from an account bootstrap; survey metrics use 95% intervals.</p></header>");
    }

    static void Summary(HtmlWriter h, ExecutiveReport r)
    {
        h.Raw("<section class=\"summary\" aria-labelledby=\"summary\"><h2 id=\"summary\">Executive summary</h2>");
        foreach (var point in r.Summary)
        {
            h.Raw($"<h3>{E(point.Topic)}</h3>");
            h.List(point.Sentences);
        }
        h.Raw("</section>");
    }

    /// <summary>Opens a section; when the data cannot fill it, writes the sentence saying what would, and returns false.</summary>
    static bool Open(HtmlWriter h, ExecutiveReport r, string section, bool hasData)
    {
        var id = new string(section.ToLowerInvariant().Where(char.IsLetter).ToArray());
        h.Raw($"<section aria-labelledby=\"{id}\"><h2 id=\"{id}\">{E(section)}</h2>");
        if (hasData) return true;
        h.P(r.WhyMissing(section) ?? "No data for this section.", "missing");
        h.Raw("</section>");
        return false;
    }

    static void Close(HtmlWriter h) => h.Raw("</section>");

    const string Styles = """
        body{font:13px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2733;max-width:980px;margin:24px auto;padding:0 18px}
        h1{font-size:28px;margin:8px 0}h2{font-size:19px;margin:28px 0 10px;border-bottom:2px solid #2f6fdf;padding-bottom:4px}
        h3{font-size:14px;margin:16px 0 4px}ul{margin:4px 0 8px;padding-left:20px}li{margin:3px 0}
        table{border-collapse:collapse;width:100%;margin:8px 0 14px;font-size:12px}caption{text-align:left;font-weight:600;padding:4px 0}
        th,td{padding:4px 7px;border-bottom:1px solid #e1e5eb;text-align:left;vertical-align:top}th{background:#f3f5f8}
        td.n{text-align:right;white-space:nowrap}.ci{color:#5b6776;font-size:11px}.muted{color:#5b6776}
        .missing{background:#fff8e6;border-left:4px solid #e0a800;padding:8px 12px}
        .cover{border-bottom:3px solid #2f6fdf;padding:40px 0 24px}.kicker{text-transform:uppercase;letter-spacing:.08em;color:#2f6fdf;font-weight:600}
        .sub{font-size:17px}figure{margin:10px 0}figcaption{font-size:11px;color:#5b6776}
        blockquote{margin:6px 0;padding:4px 12px;border-left:3px solid #c8d0da;color:#3b4754}
        @page{size:A4;margin:16mm 14mm 18mm}
        @media print{body{margin:0;max-width:none}.cover{min-height:230mm;break-after:page}.summary{break-after:page}
          section{break-before:auto}h2,h3{break-after:avoid}table,figure{break-inside:avoid}}
        """;
}
