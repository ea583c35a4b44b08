using ClosedXML.Excel;
using Fulcrum.Reports.Executive.Model;

namespace Fulcrum.Reports.Executive.Xlsx;

/// <summary>The levers in the summary's order, every horizon, and the top lever's sensitivity (tornado) as numbers.</summary>
internal static class LeverSheets
{
    public static void Write(IXLWorksheet s, ExecutiveReport r)
    {
        var bc = r.BusinessCase!;
        var w = new SheetWriter(s, [new("Order", Kind.Count), new("Business-case rank", Kind.Count), new("Lever", Kind.Text), new("Months", Kind.Count),
            new("NPV", Kind.Money, true), new("ARR gained", Kind.Money, true), new("ARR retained", Kind.Money, true), new("Expansion ARR", Kind.Money, true),
            new("Cost to serve saved", Kind.Money, true), new("ROI", Kind.Number, true), new("Payback months", Kind.Number, true), new("Lever cost", Kind.Money),
            new("NPV above zero with confidence", Kind.Text)]);
        foreach (var l in r.Levers)
            foreach (var h in l.Result.Horizons)
                w.Row(l.Order, l.Result.Rank, l.Result.Lever.Title, h.Months, h.Npv, h.ArrTotal, h.ArrRetained, h.ArrExpansion, h.CostSaved, h.Roi, h.PaybackMonths,
                    l.Result.Lever.Cost, l.Confident ? "yes" : "no");
        var tornado = new SheetWriter(s, [new("Sensitivity of lever", Kind.Text), new("Assumption", Kind.Text), new("Low", Kind.Number), new("NPV at low", Kind.Money),
            new("High", Kind.Number), new("NPV at high", Kind.Money), new("Swing", Kind.Money)], w.NextRow + 1);
        foreach (var sensitivity in bc.Sensitivity)
            foreach (var b in sensitivity.Bars) tornado.Row(sensitivity.Title, b.Assumption, b.Low, b.NpvAtLow, b.High, b.NpvAtHigh, b.Swing);
        // Levers that could not be valued are listed with the reason, so an empty lever table is never left unexplained.
        var notValued = new SheetWriter(s, [new("Not valued", Kind.Text)], tornado.NextRow + 1);
        foreach (var line in bc.NotValued) notValued.Row(line);
        notValued.Finish();
    }
}
