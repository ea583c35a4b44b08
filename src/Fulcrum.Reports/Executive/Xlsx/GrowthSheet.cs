using ClosedXML.Excel;
using Fulcrum.Analytics.Segments;

namespace Fulcrum.Reports.Executive.Xlsx;

/// <summary>The growth-check as numbers: total, mix and rate; each group's shares and metric (NPS, else CSAT, else CES); the segments found.</summary>
internal static class GrowthSheet
{
    public static void Write(IXLWorksheet s, GrowthCheckReport g)
    {
        var d = g.Decomposition;
        var parts = new SheetWriter(s, [new("Part of the change", Kind.Text), new(g.Metric == "nps" ? "NPS points" : $"{g.Metric.ToUpperInvariant()} (mean answer)", Kind.Number, true)]);
        parts.Row("total change", d.TotalChange).Row("mix", d.MixEffect).Row("rate", d.RateEffect);
        var groups = new SheetWriter(s, [new(d.Dimension, Kind.Text), new($"share {g.Before.Label}", Kind.Percent), new($"share {g.After.Label}", Kind.Percent),
            new(g.Before.Label, Kind.Number, true), new(g.After.Label, Kind.Number, true), new("change", Kind.Number, true), new("mix contribution", Kind.Number),
            new("rate contribution", Kind.Number), new("ARR now", Kind.Money)], parts.NextRow + 1);
        foreach (var x in d.Groups) groups.Row(x.Group, x.ShareBefore, x.ShareAfter, x.Before, x.After, x.Change.Difference, x.MixContribution, x.RateContribution, x.ArrNow);
        var findings = new SheetWriter(s, [new("Segment", Kind.Text), new("change", Kind.Number, true), new("vs the rest", Kind.Number, true), new("p", Kind.Number), new("q", Kind.Number), new("ARR exposed", Kind.Money)], groups.NextRow + 1);
        foreach (var f in g.Findings)
            findings.Row(string.Join(" and ", f.Segment.Select(c => $"{c.Dimension} = {c.Value}")), f.Change.Difference, f.DifferenceVsRest, f.PValue, f.QValue, f.ArrExposed);
        findings.Finish();
    }
}
