using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Reports.Executive.Charts;
using Fulcrum.Reports.Executive.Model;
using static Fulcrum.Reports.Executive.Html.HtmlWriter;

namespace Fulcrum.Reports.Executive.Html;

public static partial class ReportHtml
{
    static readonly (string Metric, string Name, string Format)[] TrendMetrics = [("nps", "NPS", "0.0"), ("csat", "CSAT", "0.00"), ("ces", "CES", "0.00")];

    static void Trends(HtmlWriter h, ExecutiveReport r)
    {
        if (!Open(h, r, ReportSections.Trends, r.Trends is not null)) return;
        foreach (var (metric, name, format) in TrendMetrics)
        {
            var cells = r.Trends!.Cells.Where(c => c.Metric == metric).OrderBy(c => c.Period).ToList();
            if (cells.Count == 0) continue;
            var points = cells.Select(c => new IntervalPoint(c.PeriodLabel, c.Estimate)).ToList();
            var last = cells[^1].Estimate;
            h.Figure(IntervalChart.Band(points, $"{name} by quarter with its 95% confidence band, {cells[0].PeriodLabel} to {cells[^1].PeriodLabel}; latest {Phrases.Number(last, format)}.", ""),
                $"{name} by quarter; the band is the 95% confidence interval.");
        }
        var period = r.Trends!.Cells.Where(c => c.Period == r.Period.From).ToList();
        h.Table($"Survey metrics in {r.Period.Label}", ["Metric", "Estimate (95% CI)", "n", "Change vs the quarter before"],
            period.Select(c => new[] { Cell(c.Metric.ToUpperInvariant()), Number(c.Estimate, "0.00"), Num(c.Estimate.N), Number(c.VsPrevious?.Difference, "+0.00;−0.00;0.00") }));
        Close(h);
    }

    static void Growth(HtmlWriter h, ExecutiveReport r)
    {
        if (!Open(h, r, ReportSections.Growth, r.Growth is not null)) return;
        var g = r.Growth!;
        h.List(g.Statements);
        var d = g.Decomposition;
        // The metric the check ran on (NPS, else CSAT, else CES): NPS in points and tenths, a mean score in hundredths.
        var name = g.Metric.ToUpperInvariant();
        var (format, unit) = g.Metric == "nps" ? ("0.0", "points of NPS") : ("0.00", $"{name} on its answer scale");
        var signed = $"+{format};−{format};{format}";
        h.Figure(BarChart.Draw([new Bar("Total change", d.TotalChange), new Bar("Mix (the customer base changed)", d.MixEffect), new Bar($"Rate (change within {d.Dimension}s)", d.RateEffect)],
                $"{name} change from {g.Before.Label} to {g.After.Label} split into mix and rate: total {Phrases.Number(d.TotalChange, format, signed: true)}, mix {Phrases.Number(d.MixEffect, format, signed: true)}, rate {Phrases.Number(d.RateEffect, format, signed: true)}.",
                v => v.ToString(g.Metric == "nps" ? "+0.#;−0.#;0" : "+0.0#;−0.0#;0", C)),
            $"Mix vs rate: bars are estimates, whiskers 95% intervals ({unit}).");
        h.Table($"{name} by {d.Dimension}, {g.Before.Label} vs {g.After.Label}", [d.Dimension, $"Share {g.Before.Label}", $"Share {g.After.Label}", g.Before.Label, g.After.Label, "Change", "ARR now"],
            d.Groups.Select(x => new[] { Cell(x.Group), Num((x.ShareBefore * 100).ToString("0.0", C) + "%"), Num((x.ShareAfter * 100).ToString("0.0", C) + "%"),
                Number(x.Before, format), Number(x.After, format), Number(x.Change.Difference, signed), Num(MoneyFormat.Short(x.ArrNow)) }));
        if (g.Findings.Count > 0)
            h.Table($"Segments whose {name} moved differently from the rest (false discovery rate {g.Fdr:0.##})", ["Segment", "Change", "vs the rest", "q", "ARR exposed"],
                g.Findings.Take(10).Select(f => new[] { Cell(string.Join(" and ", f.Segment.Select(s => $"{s.Dimension} = {s.Value}"))),
                    Number(f.Change.Difference, signed), Number(f.DifferenceVsRest, signed), Num(f.QValue < 0.001 ? "<0.001" : f.QValue.ToString("0.###", C)), Num(MoneyFormat.Short(f.ArrExposed)) }));
        Close(h);
    }
}
