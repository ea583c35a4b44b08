using Fulcrum.Core.Statistics;
using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Value.Initiatives;
using Fulcrum.Reports.Executive.Charts;
using Fulcrum.Reports.Executive.Model;
using static Fulcrum.Reports.Executive.Html.HtmlWriter;

namespace Fulcrum.Reports.Executive.Html;

public static partial class ReportHtml
{
    static void Initiatives(HtmlWriter h, ExecutiveReport r)
    {
        if (!Open(h, r, ReportSections.Initiatives, r.Value is { Initiatives.Count: > 0 })) return;
        var v = r.Value!;
        foreach (var impact in v.Initiatives)
        {
            h.Raw($"<h3>{E(impact.Initiative.Name)} <span class=\"muted\">({E(impact.Initiative.Kind.Replace('_', ' '))}, since {impact.Initiative.StartDate:yyyy-MM-dd})</span></h3>");
            h.P(impact.Summary);
            // The survey outcome is NPS, or CSAT where customers answer only CSAT.
            if ((impact.Outcome(InitiativeImpactAnalysis.Nps) ?? impact.Outcome(InitiativeImpactAnalysis.Csat)) is { ByQuarterSinceStart.Count: > 0 } survey)
            {
                var metric = survey.Outcome.ToUpperInvariant();
                h.Figure(IntervalChart.Whiskers(survey.ByQuarterSinceStart.Select(q => new IntervalPoint($"+{q.QuartersSinceStart}", q.Effect)).ToList(),
                        $"Event study of {impact.Initiative.Name} on {metric}: effect in each quarter since the start; average {Phrases.Number(survey.AverageSinceStart, signed: true)} points. {survey.Verdict}", ""),
                    $"Effect on {metric} by quarter since the start (points, 95% intervals); dashed line = no effect.");
            }
        }
        h.Table("Value by kind of initiative and in total (95% CI)", ["Line", "Total to date", "Verdict"],
            v.Ledger.ByKind.Append(v.Ledger.References).Append(v.Ledger.Total).Select(l => new[] { Cell(l.Name), Money(l.Total), Cell(l.Verdict) }));
        h.Table($"Value delivered by quarter ({r.ComparedWith.Label} and {r.Period.Label})", ["Line", "Quarter", "Saved", "Retained", "Made", "Total"],
            v.Ledger.ByKind.Append(v.Ledger.References).Append(v.Ledger.Total).SelectMany(l => l.Quarters
                .Where(q => q.QuarterStart == r.Period.From || q.QuarterStart == r.ComparedWith.From)
                .Select(q => new[] { Cell(l.Name), Cell(q.Quarter), Money(q.Saved), Money(q.Retained), Money(q.Made), Money(q.Total) })));
        h.List(v.Ledger.Notes);
        Close(h);
    }

    static void References(HtmlWriter h, ExecutiveReport r)
    {
        if (!Open(h, r, ReportSections.References, r.Value is not null && r.WhyMissing(ReportSections.References) is null)) return;
        var refs = r.Value!.References;
        h.Table("Reference funnel after promoter answers (conversion from the step before, 95% Wilson CI)", ["Step", "Count", "Conversion"],
            refs.PromoterFunnel.Stages.Select(s => new[] { Cell(s.Stage), Num(s.Count), Percent(s.Conversion) }));
        h.Table("Do referenced deals win more often?", ["Measure", "Estimate (95% CI)"],
        [
            [Cell("Win rate of referenced deals"), Percent(refs.ReferencedWinRate)],
            [Cell("Win rate of the other deals"), Percent(refs.OtherWinRate)],
            [Cell("Difference (Newcombe)"), Percent(refs.WinRateUplift.Difference)],
            [Cell("Incremental won revenue"), Money(refs.IncrementalRevenue)],
        ]);
        h.P($"Closed-won revenue of deals that used a reference: {MoneyFormat.Short(refs.RevenueInfluenced)} (counted, not estimated); through the NPS program: {MoneyFormat.Short(refs.RevenueInfluencedByNpsProgram)}.");
        h.List(refs.Notes);
        Close(h);
    }

    static void Followups(HtmlWriter h, ExecutiveReport r)
    {
        if (!Open(h, r, ReportSections.Followups, r.Value is not null && r.WhyMissing(ReportSections.Followups) is null)) return;
        var loop = r.Value!.ClosedLoop;
        h.P($"As of {loop.AsOf:yyyy-MM-dd}: {loop.Cases:N0} follow-ups on {loop.Rule ?? "answers"}, {loop.Open:N0} open, {loop.Assigned:N0} assigned, {loop.Closed:N0} closed, {loop.Overdue:N0} overdue.");
        var rows = new List<string[]> { new[] { Cell("Days to close"), Number(loop.DaysToClose) }, new[] { Cell("Closed within the agreed time"), Percent(loop.WithinSla) } };
        foreach (var c in new[] { loop.LaterScore, loop.Outcome }.Where(c => c.Missing is null))
        {
            var format = c.IsShare ? (Func<Estimate, string>)(e => Percent(e)) : c.Unit.StartsWith("NPS", StringComparison.Ordinal) ? e => Number(e) : e => Number(e, "0.00");
            rows.Add([Cell($"{Phrases.Capital(c.Measure)} after a closed follow-up"), format(c.FollowedUp)]);
            rows.Add([Cell($"{Phrases.Capital(c.Measure)} without one"), format(c.NotFollowedUp)]);
        }
        h.Table("Closed-loop measures (95% CI)", ["Measure", "Estimate"], rows);
        // A measure the store cannot support is left out of the table, with the reason.
        foreach (var c in new[] { loop.LaterScore, loop.Outcome }.Where(c => c.Missing is not null))
            h.P($"{Phrases.Capital(c.Measure)}: not measured. {c.Missing}", "muted");
        h.P(loop.Caveat, "muted");
        Close(h);
    }

    static void Assumptions(HtmlWriter h, ExecutiveReport r)
    {
        Open(h, r, ReportSections.Assumptions, true);
        h.Table("The finance inputs behind every money figure (`fulcrum assumptions list`)", ["Assumption", "Value", "Unit", "Default", "Meaning"],
            r.Assumptions.Select(a => new[] { Cell(a.Name), Num(a.Value.ToString("#,0.####", C)), Cell(a.Unit), Num(double.IsNaN(a.Default) ? "—" : a.Default.ToString("#,0.####", C)), Cell(a.Description) }));
        h.List(Methods(r));
        Close(h);
    }

    static IEnumerable<string> Methods(ExecutiveReport r)
    {
        if (r.Trends is { } t) foreach (var note in t.Notes) yield return "Metrics — " + note;
        if (r.Growth is { } g) yield return $"Growth-check — the change in {g.Metric.ToUpperInvariant()} split into mix (the customer base changed) and rate (change within segments) by Kitagawa's decomposition; every segment and pair of segments scanned against the rest (difference-in-differences, account-clustered), Benjamini–Hochberg false discovery rate.";
        if (r.BusinessCase is not null) yield return "Levers — churn and expansion at renewal (logistic) and tickets and handle time (log-linear) modelled on NPS/CES with segment, tenure, product count and size; each lever moves accounts between levels and projects revenue and cost to serve month by month, discounted; intervals from 1,000 account resamples.";
        if (r.Themes is not null) yield return "Themes — comments split into sentences, embedded locally and clustered; ARR at risk from each theme's churn beyond what the linkage model predicts (associations, not proven causes).";
        if (r.Value is not null) yield return "Initiatives — difference-in-differences against matched untreated accounts, as an event study with a pre-trend check and a placebo; money = effect × exposure. References — Wilson and Newcombe intervals.";
        yield return "Full descriptions: docs/methods.md in the Fulcrum repository.";
    }

    static void Coverage(HtmlWriter h, ExecutiveReport r)
    {
        Open(h, r, ReportSections.Coverage, true);
        h.Table("What the store holds", ["Table", "Rows", "From", "To"],
            r.Coverage.Select(c => new[] { Cell(c.Table), Num(c.Rows), Cell(c.From?.ToString("yyyy-MM-dd", C) ?? "—"), Cell(c.To?.ToString("yyyy-MM-dd", C) ?? "—") }));
        if (r.Missing.Count > 0)
        {
            h.Raw("<h3>Sections left out</h3>");
            h.List(r.Missing.Select(m => $"{m.Section}: {m.Reason}"));
        }
        if (r.Warnings.Count > 0)
        {
            h.Raw("<h3>Warnings</h3>");
            h.List(r.Warnings);
        }
        Close(h);
    }
}
