using ClosedXML.Excel;
using Fulcrum.Analytics.Value.Ledger;
using Fulcrum.Reports.Executive.Model;

namespace Fulcrum.Reports.Executive.Xlsx;

/// <summary>
/// The report as a workbook: a README sheet (period, data range, assumptions, sections left out), the summary, and one sheet
/// per section with every table as numbers — each estimate as estimate, lower, upper and n in separate formatted columns.
/// </summary>
public static class ReportWorkbook
{
    public static void Write(ExecutiveReport r, Stream output)
    {
        using var book = new XLWorkbook();
        Readme(book.AddWorksheet("README"), r);
        Summary(book.AddWorksheet("Summary"), r);
        Sheet(book, "Trends", r, ReportSections.Trends, r.Trends is not null, s =>
        {
            var w = new SheetWriter(s, [new("Metric", Kind.Text), new("Quarter", Kind.Text), new("Value", Kind.Number, true), new("Change vs quarter before", Kind.Number, true)]);
            foreach (var c in r.Trends!.Cells.OrderBy(c => c.Metric).ThenBy(c => c.Period)) w.Row(c.Metric, c.PeriodLabel, c.Estimate, c.VsPrevious?.Difference);
            w.Finish();
        });
        Sheet(book, "Growth-check", r, ReportSections.Growth, r.Growth is not null, s => GrowthSheet.Write(s, r.Growth!));
        Sheet(book, "Levers", r, ReportSections.Levers, r.BusinessCase is not null || r.RepeatPurchase is not null, s =>
        {
            if (r.RepeatPurchase is { } repeat) RepeatPurchaseSheet.Write(s, repeat);
            else LeverSheets.Write(s, r);
        });
        Sheet(book, "Themes", r, ReportSections.Themes, r.Themes is not null, s =>
        {
            var w = new SheetWriter(s, [new("Theme id", Kind.Text), new("Theme", Kind.Text), new("Accounts", Kind.Count), new("Comments", Kind.Count),
                new($"{r.Themes!.ScoreMetric ?? "Score"} impact", Kind.Number, true), new("ARR at risk beyond the scores", Kind.Money, true), new("ARR at risk vs comparable accounts", Kind.Money, true)]);
            foreach (var t in r.Themes!.Themes) w.Row(t.ThemeId, t.Label, t.Accounts, t.Comments, t.ScoreImpact, t.ArrAtRiskBeyondScores, t.ArrAtRisk);
            w.Finish();
        });
        Sheet(book, "Initiatives", r, ReportSections.Initiatives, r.Value is { Initiatives.Count: > 0 }, s =>
        {
            var w = new SheetWriter(s, [new("Initiative", Kind.Text), new("Kind", Kind.Text), new("Outcome", Kind.Text), new("Quarters since start", Kind.Count), new("Quarter", Kind.Text), new("Effect", Kind.Number, true)]);
            foreach (var i in r.Value!.Initiatives)
                foreach (var o in i.Outcomes)
                    foreach (var q in o.ByQuarterSinceStart) w.Row(i.Initiative.Name, i.Initiative.Kind, o.Outcome, q.QuartersSinceStart, q.Quarter, q.Effect);
            w.Finish();
        });
        Sheet(book, "Value ledger", r, ReportSections.Initiatives, r.Value is not null, s =>
        {
            var w = new SheetWriter(s, [new("Line", Kind.Text), new("Quarter", Kind.Text), new("Saved", Kind.Money, true), new("Retained", Kind.Money, true),
                new("Made", Kind.Money, true), new("Total", Kind.Money, true), new("Cumulative", Kind.Money, true)]);
            IEnumerable<LedgerLine> lines = [.. r.Value!.Ledger.ByInitiative, .. r.Value.Ledger.ByKind, r.Value.Ledger.References, r.Value.Ledger.Total];
            foreach (var l in lines)
                foreach (var q in l.Quarters) w.Row(l.Name, q.Quarter, q.Saved, q.Retained, q.Made, q.Total, q.Cumulative);
            w.Finish();
        });
        Sheet(book, "References", r, ReportSections.References, r.Value is not null && r.WhyMissing(ReportSections.References) is null, s =>
        {
            var refs = r.Value!.References;
            var w = new SheetWriter(s, [new("Step (after promoter answers)", Kind.Text), new("Count", Kind.Count), new("Conversion", Kind.Percent, true)]);
            foreach (var st in refs.PromoterFunnel.Stages) w.Row(st.Stage, st.Count, st.Conversion);
            var m = new SheetWriter(s, [new("Measure", Kind.Text), new("Rate", Kind.Percent, true)], w.NextRow + 1);
            m.Row("Win rate of referenced deals", refs.ReferencedWinRate).Row("Win rate of the other deals", refs.OtherWinRate).Row("Difference", refs.WinRateUplift.Difference);
            var money = new SheetWriter(s, [new("Revenue", Kind.Text), new("Amount", Kind.Money, true)], m.NextRow + 1);
            money.Row("Incremental won revenue", refs.IncrementalRevenue);
            money.Finish();
        });
        Sheet(book, "Follow-ups", r, ReportSections.Followups, r.Value is not null && r.WhyMissing(ReportSections.Followups) is null, s =>
        {
            var loop = r.Value!.ClosedLoop;
            var counts = new SheetWriter(s, [new("Follow-ups", Kind.Text), new("Count", Kind.Count)]);
            counts.Row("cases", loop.Cases).Row("open", loop.Open).Row("assigned", loop.Assigned).Row("closed", loop.Closed).Row("overdue", loop.Overdue);
            var rates = new SheetWriter(s, [new("Measure", Kind.Text), new("Share", Kind.Percent, true)], counts.NextRow + 1);
            rates.Row("closed within the agreed time", loop.WithinSla);
            // Only the measures the store supports (a shop without renewals has no churn; the reason is in the HTML report).
            var measured = new[] { loop.LaterScore, loop.Outcome }.Where(c => c.Missing is null).ToList();
            foreach (var c in measured.Where(c => c.IsShare))
                rates.Row($"{c.Measure} after a closed follow-up", c.FollowedUp).Row($"{c.Measure} without one", c.NotFollowedUp);
            var numbers = new SheetWriter(s, [new("Measure", Kind.Text), new("Value", Kind.Number, true)], rates.NextRow + 1);
            numbers.Row("days to close", loop.DaysToClose);
            foreach (var c in measured.Where(c => !c.IsShare))
                numbers.Row($"{c.Measure} after a closed follow-up", c.FollowedUp).Row($"{c.Measure} without one", c.NotFollowedUp);
            numbers.Finish();
        });
        Sheet(book, "Coverage", r, ReportSections.Coverage, true, s =>
        {
            var w = new SheetWriter(s, [new("Table", Kind.Text), new("Rows", Kind.Count), new("From", Kind.Date), new("To", Kind.Date)]);
            foreach (var c in r.Coverage) w.Row(c.Table, c.Rows, c.From, c.To);
            var notes = new SheetWriter(s, [new("Warnings and sections left out", Kind.Text)], w.NextRow + 1);
            foreach (var m in r.Missing) notes.Row($"{m.Section}: {m.Reason}");
            foreach (var warning in r.Warnings) notes.Row(warning);
            w.Finish();
        });
        book.SaveAs(output);
    }

    static void Readme(IXLWorksheet s, ExecutiveReport r)
    {
        var about = new SheetWriter(s, [new("About this workbook", Kind.Text), new("", Kind.Text)]);
        about.Row("Report", r.Title)
            .Row("Period", $"{r.Period.Label} ({r.Period.From:yyyy-MM-dd} to {r.Period.To:yyyy-MM-dd})")
            .Row("Compared with", $"{r.ComparedWith.Label} ({r.ComparedWith.From:yyyy-MM-dd} to {r.ComparedWith.To:yyyy-MM-dd})")
            .Row("Survey data from", r.DataRange is { } d ? $"{d.From:yyyy-MM-dd} to {d.To:yyyy-MM-dd}" : "no survey data")
            .Row("Source", r.Source)
            .Row("Generated (UTC)", r.GeneratedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture))
            .Row("How to read", "Each estimate has four columns: the estimate, the lower and upper bounds of its confidence interval, and n. A blank estimate is one the data cannot support (never 0).");
        foreach (var m in r.Missing) about.Row("Left out", $"{m.Section}: {m.Reason}");
        var assumptions = new SheetWriter(s, [new("Assumption", Kind.Text), new("Value", Kind.Number), new("Unit", Kind.Text), new("Default", Kind.Number), new("Meaning", Kind.Text)], about.NextRow + 1);
        foreach (var a in r.Assumptions) assumptions.Row(a.Name, a.Value, a.Unit, a.Default, a.Description);
        assumptions.Finish();
    }

    static void Summary(IXLWorksheet s, ExecutiveReport r)
    {
        var w = new SheetWriter(s, [new("Topic", Kind.Text), new("Sentence", Kind.Text)]);
        foreach (var p in r.Summary)
            foreach (var sentence in p.Sentences) w.Row(p.Topic, sentence);
        w.Finish();
    }

    /// <summary>A section's sheet, or the sentence saying what data would fill it.</summary>
    static void Sheet(XLWorkbook book, string name, ExecutiveReport r, string section, bool hasData, Action<IXLWorksheet> fill)
    {
        var sheet = book.AddWorksheet(name);
        if (hasData) fill(sheet);
        else sheet.Cell(1, 1).SetValue(r.WhyMissing(section) ?? "No data for this section.");
    }
}
