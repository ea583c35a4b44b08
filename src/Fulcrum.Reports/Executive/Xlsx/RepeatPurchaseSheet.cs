using ClosedXML.Excel;
using Fulcrum.Analytics.Transactions;

namespace Fulcrum.Reports.Executive.Xlsx;

/// <summary>The "Levers" sheet of a business that sells by order: repeat purchase per score level, then the lever it values.</summary>
internal static class RepeatPurchaseSheet
{
    public static void Write(IXLWorksheet sheet, RepeatPurchaseReport rp)
    {
        var levels = new SheetWriter(sheet, [new("Level", Kind.Text), new("Answers", Kind.Count), new($"Repeat rate within {rp.WindowDays} days", Kind.Percent, true),
            new("Adjusted repeat rate", Kind.Percent, true)]);
        foreach (var l in rp.Levels) levels.Row(l.Level, l.Answers, l.Observed, l.Adjusted);
        levels.Finish();
        var row = levels.NextRow + 1;
        var figures = new SheetWriter(sheet, [new("Figure", Kind.Text), new("Value", Kind.Number, true)], row);
        figures.Row("Odds of a repeat purchase, lowest vs top level", rp.OddsRatioLowestVsTop);
        figures.Finish();
        if (rp.Lever is not { } lever) return;
        var money = new SheetWriter(sheet, [new("Lever", Kind.Text), new("Extra customers ordering again a year", Kind.Number, true), new("Extra net revenue a year", Kind.Money, true),
            new("Extra gross margin a year", Kind.Money, true), new($"Cost over {lever.HorizonMonths} months", Kind.Money), new("NPV", Kind.Money, true)], figures.NextRow + 1);
        money.Row(lever.Description, lever.ExtraRepeatCustomers, lever.ExtraRevenue, lever.ExtraGrossMargin, lever.Cost, lever.Npv);
        money.Finish();
    }
}
