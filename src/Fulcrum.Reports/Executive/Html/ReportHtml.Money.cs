using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Reports.Executive.Charts;
using Fulcrum.Reports.Executive.Model;
using static Fulcrum.Reports.Executive.Html.HtmlWriter;

namespace Fulcrum.Reports.Executive.Html;

public static partial class ReportHtml
{
    static void Levers(HtmlWriter h, ExecutiveReport r)
    {
        if (!Open(h, r, ReportSections.Levers, r.BusinessCase is not null || r.RepeatPurchase is not null)) return;
        if (r.RepeatPurchase is { } repeat)
        {
            RepeatPurchaseLevers(h, repeat);
            Close(h);
            return;
        }
        var bc = r.BusinessCase!;
        // With no lever valued a table of headers would say nothing: the "Not valued" lines below give the reasons.
        if (r.Levers.Count == 0) h.P("No lever can be valued on these data.");
        else
        {
            h.P($"Levers ordered by a rule that respects uncertainty: those whose NPV is positive with {bc.ConfidenceLevel * 100:0}% confidence first, then the rest, each by NPV over {bc.HorizonMonths} months.");
            h.Table($"Levers over {bc.HorizonMonths} months ({bc.ConfidenceLevel * 100:0}% CI)", ["#", "Lever", "NPV", "ARR gained", "Cost to serve saved", "ROI", "Payback", "Lever cost", "NPV above zero with confidence"],
                r.Levers.Select(l => new[] { Num(l.Order), Cell(l.Result.Lever.Title), Money(l.AtHorizon.Npv), Money(l.AtHorizon.ArrTotal), Money(l.AtHorizon.CostSaved),
                    Number(l.AtHorizon.Roi, "0.0"), Num(l.AtHorizon.NeverPaysBack ? $"> {bc.HorizonMonths} months" : !l.AtHorizon.PaybackMonths.IsDefined ? "n/a" : $"{l.AtHorizon.PaybackMonths.Value:0} months"),
                    Num(MoneyFormat.Short(l.Result.Lever.Cost)), Cell(l.Confident ? "yes" : "no: the interval includes zero or lies below it") }));
            h.List(r.Levers.Select(l => l.Result.Sentence));
        }
        foreach (var line in bc.NotValued) h.P($"Not valued: {line}.", "muted");
        if ((bc.Sensitivity.FirstOrDefault(s => s.LeverId == r.Levers.FirstOrDefault()?.Result.Lever.Id) ?? bc.Sensitivity.FirstOrDefault()) is { } top)
        {
            var widest = top.Bars.FirstOrDefault();
            h.Figure(TornadoChart.Draw(top, $"Sensitivity of the NPV of {top.Title} (now {MoneyFormat.Short(top.BaseNpv)}) to each assumption" +
                                             (widest is null ? "." : $"; {widest.Assumption} moves it most, from {MoneyFormat.Short(widest.NpvAtLow)} to {MoneyFormat.Short(widest.NpvAtHigh)}.")),
                $"Tornado: NPV of “{top.Title}” as each assumption moves between its low and high value; dashed line = NPV now.");
            h.Table($"Sensitivity of {top.Title}", ["Assumption", "Low", "NPV at low", "High", "NPV at high", "Swing"],
                top.Bars.Select(b => new[] { Cell(b.Assumption), Num(b.Low.ToString("#,0.####", C)), Num(MoneyFormat.Short(b.NpvAtLow)), Num(b.High.ToString("#,0.####", C)),
                    Num(MoneyFormat.Short(b.NpvAtHigh)), Num(MoneyFormat.Short(b.Swing)) }));
        }
        Close(h);
    }

    static void Themes(HtmlWriter h, ExecutiveReport r)
    {
        if (!Open(h, r, ReportSections.Themes, r.Themes is not null)) return;
        var themes = r.Themes!;
        var shown = ExecutiveReportBuilder.ShownThemes(themes);
        if (ExecutiveReportBuilder.WhyNoThemeRisk(themes) is { } noRisk)
            ThemesByComments(h, themes, shown, noRisk);
        else
        {
            h.P($"{Sentence(themes.Method)} Themes ranked by ARR at risk; associations, not proven causes."
                + (shown.Any(t => t.ScoreConfirms == false) ? $" \"{themes.ScoreMetric} not lower\": its customers do not score you lower with 95% confidence, so only the sentence model calls it a complaint; ranked after the problems their scores confirm." : ""), "muted");
            h.Figure(BarChart.Draw(shown.Select(t => new Bar(Short(t.Label), ExecutiveReportBuilder.ThemeRisk(t)!)).ToList(),
                    "ARR at risk by theme: " + string.Join("; ", shown.Take(5).Select(t => $"{t.Label} {Phrases.Money(ExecutiveReportBuilder.ThemeRisk(t)!)}")) + ".", MoneyFormat.Short),
                "ARR at risk by theme (whiskers: intervals).");
            h.Table("Themes by ARR at risk", ["Theme", "Accounts", "Comments", $"{themes.ScoreMetric ?? "Score"} impact{(themes.ScoreMetric == "NPS" ? " (points)" : "")}", "ARR at risk beyond the scores", "ARR at risk vs comparable accounts"],
                shown.Select(t => new[] { Cell(t.Label + (t.ScoreConfirms == false ? $" ({themes.ScoreMetric} not lower)" : "")), Num(t.Accounts), Num(t.Comments), Number(t.ScoreImpact, themes.ScoreMetric == "NPS" ? "+0.0;−0.0;0.0" : "+0.00;−0.00;0.00"), Money(t.ArrAtRiskBeyondScores), Money(t.ArrAtRisk) }));
        }
        foreach (var t in shown.Where(t => r.Quotes.Any(q => q.ThemeId == t.ThemeId)).Take(4))
        {
            h.Raw($"<h3>“{E(t.Label)}” in customers' words</h3>");
            foreach (var q in r.Quotes.Where(q => q.ThemeId == t.ThemeId))
                h.Raw($"<blockquote>{E(q.Comment)} <span class=\"muted\">({E(q.Score)}, {q.Day:yyyy-MM-dd})</span></blockquote>");
        }
        Close(h);
    }

    /// <summary>
    /// Themes that cannot be valued in ARR (no renewal outcomes, e.g. a shop): what customers write about, by comments, with
    /// the reason there is no money figure; no chart, whose bars would have no values to draw.
    /// </summary>
    static void ThemesByComments(HtmlWriter h, Analytics.Themes.ThemeImpactReport themes, IReadOnlyList<Analytics.Themes.ThemeImpact> shown, string noRisk)
    {
        h.P($"{Sentence(themes.Method)} Themes by the comments that raise them, problems first; associations, not proven causes.", "muted");
        h.P($"No theme is valued in money. {noRisk}", "missing");
        // The score impact (NPS, else CSAT, else CES) only where the answers carry a score; a column of "not estimable" would say nothing.
        var withScore = shown.Any(t => Phrases.Shown(t.ScoreImpact));
        var nps = themes.ScoreMetric == "NPS";
        List<string> headers = ["Theme", "Kind", "Comments", "Accounts", "Mean sentiment (−1 to 1)"];
        if (withScore) headers.Add($"{themes.ScoreMetric} impact{(nps ? " (points)" : "")}");
        h.Table("Themes by the comments that raise them", headers, shown.Select(t =>
        {
            List<string> cells = [Cell(t.Label), Cell(t.Kind == Analytics.Themes.ThemeKind.Problem ? "problem" : "strength"),
                Num(t.Comments), Num(t.Accounts),
                Number(t.MeanSentiment, "+0.00;−0.00;0.00")];
            if (withScore) cells.Add(Number(t.ScoreImpact, nps ? "+0.0;−0.0;0.0" : "+0.00;−0.00;0.00"));
            return cells;
        }));
    }

    /// <summary>A method text ends its sentence before the next one starts.</summary>
    static string Sentence(string text) => text.TrimEnd().EndsWith('.') ? text.TrimEnd() : text.TrimEnd() + ".";

    static string Short(string label) => label.Length <= 34 ? label : label[..33] + "…";
}
