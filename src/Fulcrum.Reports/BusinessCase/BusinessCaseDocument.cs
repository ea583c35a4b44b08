using System.Globalization;
using System.Net;
using System.Text;
using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Reports.BusinessCase;

/// <summary>
/// The one-page executive business case, in Markdown and in self-contained HTML (no scripts, no external assets):
/// the headline, the ranked levers in plain sentences and a table, what the numbers rest on, the sensitivity of the
/// top lever, and every assumption.
/// </summary>
public static class BusinessCaseDocument
{
    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Markdown(BusinessCaseReport report, DateTime generatedAt, string source)
    {
        var ci = Ci(report);
        var h = report.HorizonMonths;
        var md = new StringBuilder();
        md.AppendLine("# Business case: what better customer experience is worth").AppendLine();
        md.AppendLine(C, $"_Generated {generatedAt:yyyy-MM-dd HH:mm} UTC from {source}. Money over {h} months; intervals are {ci}s from an account bootstrap._").AppendLine();
        md.AppendLine($"**{Md(report.Headline)}**").AppendLine();
        md.AppendLine("## Levers, ranked by the lower bound of their net present value").AppendLine();
        if (report.Levers.Count > 0)
        {
            md.AppendLine($"| # | Lever | ARR over {h} months | Cost to serve saved | NPV | ROI | Payback | Lever cost |");
            md.AppendLine("|---|---|---|---|---|---|---|---|");
            foreach (var r in report.Levers)
            {
                var x = r.At(h);
                md.AppendLine($"| {r.Rank} | {Md(r.Lever.Title)} | {Money(x.ArrTotal)} | {Money(x.CostSaved)} | {Money(x.Npv)} | {Ratio(x.Roi)} | {Payback(x, h)} | {MoneyFormat.Short(r.Lever.Cost)} |");
            }
        }
        else md.AppendLine("No lever is valued.");
        md.AppendLine();
        foreach (var r in report.Levers) md.AppendLine($"{r.Rank}. {Md(r.Sentence)}");
        if (report.UnavailableLevers.Count > 0)
        {
            md.AppendLine();
            foreach (var line in report.NotValued) md.AppendLine($"- Not valued: {Md(line)}.");
        }
        md.AppendLine().AppendLine("## What the numbers rest on").AppendLine();
        foreach (var line in Evidence(report)) md.AppendLine($"- {Md(line)}");
        if (report.Sensitivity.Count > 0)
        {
            var top = report.Sensitivity[0];
            md.AppendLine().AppendLine($"## Sensitivity of the top lever ({Md(top.Title)})").AppendLine();
            md.AppendLine(C, $"NPV at the current assumptions: {MoneyFormat.Short(top.BaseNpv)}.").AppendLine();
            md.AppendLine("| Assumption | Low → NPV | High → NPV | Swing |").AppendLine("|---|---|---|---|");
            foreach (var b in top.Bars)
                md.AppendLine(C, $"| {b.Assumption} | {Number(b.Low)} → {MoneyFormat.Short(b.NpvAtLow)} | {Number(b.High)} → {MoneyFormat.Short(b.NpvAtHigh)} | {MoneyFormat.Short(b.Swing)} |");
        }
        md.AppendLine().AppendLine("## Assumptions").AppendLine().AppendLine("| Assumption | Value | Unit |").AppendLine("|---|---|---|");
        foreach (var a in report.Assumptions) md.AppendLine(C, $"| {a.Name} | {Number(a.Value)} | {a.Unit} |");
        if (report.Warnings.Count > 0)
        {
            md.AppendLine().AppendLine("## Caveats").AppendLine();
            foreach (var w in report.Warnings) md.AppendLine($"- {Md(w)}");
        }
        md.AppendLine().AppendLine("_Method: churn and expansion at renewal (logistic) and tickets and handle time per account-quarter (log-linear) on NPS/CES with segment, tenure, product count and size as controls; " +
                                   "each lever moves accounts between levels and projects revenue, expansion and cost to serve month by month, discounted. See docs/methods.md._");
        return md.ToString();
    }

    public static string Html(BusinessCaseReport report, DateTime generatedAt, string source)
    {
        var ci = Ci(report);
        var h = report.HorizonMonths;
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Business case</title><style>");
        html.AppendLine("body{font:14px/1.45 system-ui,sans-serif;max-width:980px;margin:24px auto;color:#1d2733;padding:0 16px}h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:22px 0 8px;border-bottom:1px solid #d9dee5}" +
                        "table{border-collapse:collapse;width:100%}th,td{padding:5px 8px;border-bottom:1px solid #e6e9ee;text-align:left;vertical-align:top}td.n{text-align:right;white-space:nowrap}" +
                        ".ci{color:#5b6776;font-size:12px}.headline{font-size:16px;background:#eef5ff;border-left:4px solid #2f6fdf;padding:10px 14px}.muted{color:#5b6776}" +
                        ".bar{display:flex;align-items:center;gap:6px}.neg{background:#d9534f;height:12px}.pos{background:#2f9e62;height:12px}");
        html.AppendLine("</style></head><body>");
        html.AppendLine("<h1>Business case: what better customer experience is worth</h1>");
        html.AppendLine(C, $"<p class=\"muted\">Generated {generatedAt:yyyy-MM-dd HH:mm} UTC from {E(source)}. Money over {h} months; intervals are {ci}s from an account bootstrap.</p>");
        html.AppendLine($"<p class=\"headline\">{E(report.Headline)}</p>");
        html.AppendLine("<h2>Levers, ranked by the lower bound of their net present value</h2>");
        if (report.Levers.Count > 0)
        {
            html.AppendLine("<table><thead><tr><th>#</th><th>Lever</th>" +
                            $"<th>ARR over {h} months</th><th>Cost to serve saved</th><th>NPV</th><th>ROI</th><th>Payback</th><th>Lever cost</th></tr></thead><tbody>");
            foreach (var r in report.Levers)
            {
                var x = r.At(h);
                html.AppendLine($"<tr><td>{r.Rank}</td><td>{E(r.Lever.Title)}</td>{Cell(x.ArrTotal)}{Cell(x.CostSaved)}{Cell(x.Npv)}<td class=\"n\">{E(Ratio(x.Roi))}</td>" +
                                $"<td class=\"n\">{E(Payback(x, h))}</td><td class=\"n\">{E(MoneyFormat.Short(r.Lever.Cost))}</td></tr>");
            }
            html.AppendLine("</tbody></table><ol>");
            foreach (var r in report.Levers) html.AppendLine($"<li>{E(r.Sentence)}</li>");
            html.AppendLine("</ol>");
        }
        else html.AppendLine("<p>No lever is valued.</p>");
        foreach (var line in report.NotValued) html.AppendLine($"<p class=\"muted\">Not valued: {E(line)}.</p>");
        html.AppendLine("<h2>What the numbers rest on</h2><ul>");
        foreach (var line in Evidence(report)) html.AppendLine($"<li>{E(line)}</li>");
        html.AppendLine("</ul>");
        if (report.Sensitivity.Count > 0)
        {
            var top = report.Sensitivity[0];
            var scale = Math.Max(1, top.Bars.Max(b => Math.Max(Math.Abs(b.NpvAtLow - top.BaseNpv), Math.Abs(b.NpvAtHigh - top.BaseNpv))));
            html.AppendLine($"<h2>Sensitivity of the top lever ({E(top.Title)})</h2>");
            html.AppendLine($"<p>NPV at the current assumptions: {E(MoneyFormat.Short(top.BaseNpv))}. Each bar moves one assumption from its low to its high value.</p><table><thead><tr><th>Assumption</th><th>Low → NPV</th><th>High → NPV</th><th>Change in NPV</th></tr></thead><tbody>");
            foreach (var b in top.Bars)
            {
                var low = (b.NpvAtLow - top.BaseNpv) / scale * 120;
                var high = (b.NpvAtHigh - top.BaseNpv) / scale * 120;
                html.AppendLine(C, $"<tr><td>{E(b.Assumption)}</td><td class=\"n\">{E(Number(b.Low))} → {E(MoneyFormat.Short(b.NpvAtLow))}</td><td class=\"n\">{E(Number(b.High))} → {E(MoneyFormat.Short(b.NpvAtHigh))}</td>" +
                                   $"<td><div class=\"bar\"><span class=\"neg\" style=\"width:{Math.Max(0, -Math.Min(low, high)):0}px\"></span><span class=\"pos\" style=\"width:{Math.Max(0, Math.Max(low, high)):0}px\"></span></div></td></tr>");
            }
            html.AppendLine("</tbody></table>");
        }
        html.AppendLine("<h2>Assumptions</h2><table><thead><tr><th>Assumption</th><th>Value</th><th>Unit</th></tr></thead><tbody>");
        foreach (var a in report.Assumptions) html.AppendLine($"<tr><td>{E(a.Name)}</td><td class=\"n\">{E(Number(a.Value))}</td><td>{E(a.Unit)}</td></tr>");
        html.AppendLine("</tbody></table>");
        if (report.Warnings.Count > 0)
        {
            html.AppendLine("<h2>Caveats</h2><ul>");
            foreach (var w in report.Warnings) html.AppendLine($"<li>{E(w)}</li>");
            html.AppendLine("</ul>");
        }
        html.AppendLine("<p class=\"muted\">Method: churn and expansion at renewal (logistic) and tickets and handle time per account-quarter (log-linear) on NPS/CES with segment, tenure, product count and size as controls; " +
                        "each lever moves accounts between levels and projects revenue, expansion and cost to serve month by month, discounted.</p>");
        html.AppendLine("</body></html>");
        return html.ToString();
    }

    /// <summary>The linkage facts behind the levers, in sentences.</summary>
    public static IEnumerable<string> Evidence(BusinessCaseReport report)
    {
        var l = report.Linkage;
        var ci = Ci(report);
        if (l.DetractorPromoterChurnRatioObserved is { } observed)
            yield return $"Detractors churn at {Times(observed)} the promoters' rate at renewal ({ci} {Times(observed, observed.Lower)}–{Times(observed, observed.Upper)}, observed over {l.Data.Renewals:N0} renewals)" +
                         (l.DetractorPromoterChurnRatioAdjusted is { } adj ? $"; {Times(adj)} after adjusting for segment, tenure, products and size ({ci} {Times(adj, adj.Lower)}–{Times(adj, adj.Upper)})." : ".");
        if (l.ArrLostPerDetractorPerYear is { } lost)
            yield return $"An account that is a detractor rather than a promoter loses {MoneyFormat.Short(lost.Value)} of ARR a year to churn ({ci} {MoneyFormat.Short(lost.Lower)}–{MoneyFormat.Short(lost.Upper)}).";
        if (l.ValueOfOneNpsPoint.FirstOrDefault(v => v.Months == report.HorizonMonths) is { } point)
            yield return $"One point of account NPS is worth {MoneyFormat.Short(point.Arr.Value)} ARR over {point.Months} months ({ci} {MoneyFormat.Short(point.Arr.Lower)}–{MoneyFormat.Short(point.Arr.Upper)}); NPV {MoneyFormat.Short(point.Npv.Value)}.";
        if (l.TicketsRateRatioPerCesPoint is { } tickets)
            yield return string.Create(C, $"Each point of customer effort (CES) brings {(tickets.Value - 1) * 100:0}% more tickets per account ({ci} {(tickets.Lower - 1) * 100:0}%–{(tickets.Upper - 1) * 100:0}%).");
        if (l.ThemeChurn.FirstOrDefault() is { } theme && theme.ChurnRatio.Lower > 1)
            yield return string.Create(C, $"Accounts that raised \"{theme.Label}\" churn at {theme.ChurnRatio.Value:0.00}× what their NPS, effort and profile predict ({ci} {theme.ChurnRatio.Lower:0.00}–{theme.ChurnRatio.Upper:0.00}, {theme.Renewals:N0} renewals).");
        if (l.Data.BookAccounts == 0)
            yield return $"Today's book: none ({LinkageReport.NoBook}).";
        else
            yield return $"Today's book: {l.Data.BookAccounts:N0} accounts, {MoneyFormat.Short(l.Data.BookArr)} ARR; predicted churn over the next 12 months {MoneyFormat.Short(l.BookChurnedArrNextYear.Value)} ARR, cost to serve {MoneyFormat.Short(l.BookCostToServePerYear.Value)} a year.";
        yield return string.Create(C, $"The churn model ranks renewals with a cross-validated AUC of {l.Quality.Auc.Value:0.00} ({l.Quality.Auc.Lower:0.00}–{l.Quality.Auc.Upper:0.00}); calibration slope {l.Quality.CalibrationSlope.Value:0.00}.");
    }

    static string Ci(BusinessCaseReport report) => $"{report.ConfidenceLevel * 100:0}% CI";
    // A lever that does not touch a figure shows a dash rather than "$0 ($0–$0)".
    static bool Untouched(Estimate e) => e.Value == 0 && e.Lower == 0 && e.Upper == 0;
    static string Money(Estimate e) => Untouched(e) ? "—" : $"{MoneyFormat.Short(e.Value)} ({MoneyFormat.Short(e.Lower)}–{MoneyFormat.Short(e.Upper)})";
    static string Cell(Estimate e) => Untouched(e) ? "<td class=\"n\">—</td>"
        : $"<td class=\"n\">{E(MoneyFormat.Short(e.Value))}<br><span class=\"ci\">{E(MoneyFormat.Short(e.Lower))}–{E(MoneyFormat.Short(e.Upper))}</span></td>";
    static string Ratio(Estimate e) => double.IsNaN(e.Value) ? "n/a" : string.Create(C, $"{e.Value:0.0}× ({e.Lower:0.0}–{e.Upper:0.0})");
    static string Payback(LeverHorizon x, int horizon) => x.NeverPaysBack ? $"> {horizon} mo" : !x.PaybackMonths.IsDefined ? "n/a" : string.Create(C, $"{x.PaybackMonths.Value:0} mo");
    static string Times(Estimate e, double? value = null) => string.Create(C, $"{value ?? e.Value:0.0}×");
    static string Number(double v) => v.ToString("#,0.####", C);
    static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Text from the data (theme labels come from customers' comments) in Markdown: HTML in it is shown, never
    /// rendered, and a '|' cannot break a table.</summary>
    static string Md(string text) => MarkdownText.Escape(text);
}
