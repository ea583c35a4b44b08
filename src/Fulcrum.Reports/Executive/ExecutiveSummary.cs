using System.Globalization;
using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Analytics.Value.Ledger;
using Fulcrum.Reports.Executive.Model;
using static Fulcrum.Reports.Executive.Phrases;

namespace Fulcrum.Reports.Executive;

/// <summary>Page 1 of the report: plain sentences from the sections' results, each figure with its interval, the period against the one compared.</summary>
public static class ExecutiveSummary
{
    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static IReadOnlyList<SummaryPoint> Write(ExecutiveReport r) =>
        new[]
        {
            new SummaryPoint("How customers feel", Feel(r).ToList()),
            new SummaryPoint("What CX is worth", Worth(r).ToList()),
            new SummaryPoint("Levers to fund", Levers(r).ToList()),
            new SummaryPoint("Trouble hidden under growth", Growth(r).ToList()),
            new SummaryPoint("What customers complain about", Themes(r).ToList()),
            new SummaryPoint($"Value delivered in {r.Period.Label} vs {r.ComparedWith.Label}", Value(r).ToList()),
        }.Where(p => p.Sentences.Count > 0).ToList();

    static IEnumerable<string> Feel(ExecutiveReport r)
    {
        // The growth-check runs on the company's survey metric (NPS, else CSAT, else CES); the others are listed by quarter.
        var headline = r.Growth is { } g && Shown(g.TotalAfter) && Shown(g.TotalChange.Difference) ? g : null;
        if (headline is not null)
        {
            var (format, unit) = headline.Metric == "nps" ? ("0.0", " points") : ("0.00", "");
            yield return $"{headline.Metric.ToUpperInvariant()} in {r.Period.Label} was {Number(headline.TotalAfter, format)}, {Number(headline.TotalChange.Difference, format, signed: true)}{unit} against {r.ComparedWith.Label} " +
                         $"({(headline.TotalChange.IsSignificant() ? "a real change" : "not distinguishable from no change")}).";
        }
        foreach (var metric in new[] { "csat", "ces" }.Where(m => m != headline?.Metric))
            if (r.Trends?.Cells.FirstOrDefault(c => c.Metric == metric && c.Period == r.Period.From) is { } cell && Shown(cell.Estimate))
                yield return $"{metric.ToUpperInvariant()} in {r.Period.Label}: {Number(cell.Estimate, "0.00")}, n = {cell.Estimate.N:N0}.";
        if (r.WhyMissing(ReportSections.Trends) is { } why) yield return why;
    }

    static IEnumerable<string> Worth(ExecutiveReport r)
    {
        if (r.RepeatPurchase is { } repeat)
        {
            // A shop: what a score is worth is the reorders that follow it.
            var top = repeat.Levels.LastOrDefault();
            var bottom = repeat.Levels.FirstOrDefault();
            if (bottom is not null && top is not null && Shown(bottom.Observed) && Shown(top.Observed))
                yield return $"Within {repeat.WindowDays} days, {Percent(bottom.Observed)} of {bottom.Level} answers were followed by another order, against {Percent(top.Observed)} of {top.Level} ones; " +
                             $"odds ratio lowest vs top level {Number(repeat.OddsRatioLowestVsTop, "0.00")}.";
            yield break;
        }
        if (r.BusinessCase is not { } bc)
        {
            if (r.WhyMissing(ReportSections.Levers) is { } why) yield return why;
            yield break;
        }
        var l = bc.Linkage;
        if (l.ValueOfOneNpsPoint.FirstOrDefault(v => v.Months == bc.HorizonMonths) is { } point && Shown(point.Arr))
            yield return $"One point of NPS is worth {Money(point.Arr)} of ARR over {point.Months} months.";
        if (Shown(l.ArrLostPerDetractorPerYear))
            yield return $"Each account that is a detractor rather than a promoter loses {Money(l.ArrLostPerDetractorPerYear!)} of ARR a year to churn.";
        var costs = l.CostToServeByNps.Where(c => Shown(c.CostPerAccountYear)).ToList();
        // Without NPS answers every account is "no answer": one level compares nothing.
        if (costs.Any(c => !c.IsNoAnswer))
            yield return "Cost to serve per account and year: " + string.Join("; ", costs.Select(c => $"{c.Level}s {Money(c.CostPerAccountYear)}")) + ".";
    }

    static IEnumerable<string> Levers(ExecutiveReport r)
    {
        if (r.RepeatPurchase is { } repeat)
        {
            yield return repeat.Headline;
            yield break;
        }
        if (r.BusinessCase is null) yield break;
        if (r.Levers.Count == 0)
        {
            yield return "No lever can be valued on these data" + (r.BusinessCase.SharedUnavailableReason is { } why ? $": {why}." : ".");
            yield break;
        }
        if (!r.Levers[0].Confident)
            yield return "No lever pays back with confidence at the current assumptions: every NPV interval includes zero or lies below it. The largest estimates:";
        foreach (var lever in r.Levers.Take(3))
            yield return (lever.Confident ? "" : "Not proven — ") + lever.Result.Sentence;
    }

    static IEnumerable<string> Growth(ExecutiveReport r) =>
        r.Growth is { } g ? g.Statements.Skip(1) : r.WhyMissing(ReportSections.Growth) is { } why && r.Trends is not null ? [why] : [];

    static IEnumerable<string> Themes(ExecutiveReport r)
    {
        if (r.Themes is not { } themes)
        {
            if (r.WhyMissing(ReportSections.Themes) is { } why) yield return why;
            yield break;
        }
        if (ExecutiveReportBuilder.WhyNoThemeRisk(themes) is { } noRisk)
        {
            // No money on any theme: what customers raise most, by comments, and why it is not valued.
            foreach (var t in ExecutiveReportBuilder.ShownThemes(themes, 3).Where(t => t.Kind == Analytics.Themes.ThemeKind.Problem))
                yield return $"\"{t.Label}\": raised in {t.Comments:N0} comments by {t.Accounts:N0} customers" +
                             (Shown(t.MeanSentiment) ? $", mean sentiment {Number(t.MeanSentiment, "0.00", signed: true)}." : ".");
            yield return $"No theme is valued in money. {noRisk}";
            yield break;
        }
        foreach (var t in ExecutiveReportBuilder.TopThemes(themes, 3))
        {
            var risk = ExecutiveReportBuilder.ThemeRisk(t)!;
            var basis = t.ArrAtRiskBeyondScores is not null ? "beyond what their scores and other complaints predict, over the next 12 months" : "against comparable accounts";
            var proven = !HasInterval(risk) ? " (its uncertainty could not be measured, so it is not shown to differ from no risk)"
                : risk.Lower > 0 ? "" : " (the interval includes zero: not distinguishable from no risk)";
            yield return $"\"{t.Label}\": {t.Accounts:N0} accounts raised it; {Money(risk)} of ARR at risk {basis}{proven}.";
        }
    }

    static IEnumerable<string> Value(ExecutiveReport r)
    {
        if (r.Value is not { } v) yield break;
        foreach (var line in v.Ledger.ByKind.Append(v.Ledger.References))
            if (Quarter(line, r.Period) is { } now && Shown(now.Total))
                yield return $"{Capital(line.Name)}: {Money(now.Total)} in {r.Period.Label}" +
                             (Quarter(line, r.ComparedWith) is { } before && Shown(before.Total) ? $", against {Money(before.Total)} in {r.ComparedWith.Label}." : $"; nothing was measured in {r.ComparedWith.Label}.");
        var loop = v.ClosedLoop;
        if (loop.Cases > 0 && Shown(loop.WithinSla))
            yield return string.Create(C, $"Closed loop: {loop.Cases:N0} {loop.Rule ?? "answers"} followed up so far, {loop.Closed:N0} closed, {Percent(loop.WithinSla)} closed within the agreed time; {loop.Overdue:N0} overdue.");
    }

    static LedgerQuarter? Quarter(LedgerLine line, ReportPeriod period) => line.Quarters.FirstOrDefault(q => q.QuarterStart == period.From);
}
