using Fulcrum.Analytics.Segments;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Cli.Rendering;

public static class GrowthCheckView
{
    public static void Render(GrowthCheckReport report)
    {
        // NPS in tenths of a point; a mean score (CSAT, CES) in hundredths, where a tenth is a large move (as the statements).
        var (value, signed) = report.Metric == "nps" ? ("0.0", "+0.0;-0.0;0.0") : ("0.00", "+0.00;-0.00;0.00");
        string Value(Estimate e) => e.IsDefined ? $"{e.Value.ToString(value)} [grey](n={e.N:N0})[/]" : "—";
        // The total is one test (its p); the groups are as many tests as groups, coloured by their BH q at the chosen FDR.
        string Change(Comparison c, bool significant) => c.Difference.IsDefined
            ? Colour(significant && c.Difference.Value < 0, $"{c.Difference.Value.ToString(signed)} [[{c.Difference.Lower.ToString(value)}, {c.Difference.Upper.ToString(value)}]]", significant)
            : "—";
        var d = report.Decomposition;
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{Markup.Escape(report.Metric.ToUpperInvariant())}[/] {Markup.Escape(report.Before.Label)} → {Markup.Escape(report.After.Label)} by {Markup.Escape(d.Dimension)}")
            .AddColumns("group", "share before", "share after", "before", "after", "change (95% CI)", "q", "mix", "rate", "ARR now");
        foreach (var g in d.Groups)
            table.AddRow(Markup.Escape(g.Group), g.ShareBefore.ToString("P1"), g.ShareAfter.ToString("P1"), Value(g.Before), Value(g.After),
                Change(g.Change, g.QValue <= report.Fdr), g.QValue is { } q ? (q < 0.001 ? "<0.001" : q.ToString("0.###")) : "—", g.MixContribution.ToString(signed), g.RateContribution.ToString(signed), g.ArrNow == 0 ? "—" : g.ArrNow.ToString("$#,0"));
        table.AddRow("[bold]total[/]", "", "", Value(report.TotalBefore), Value(report.TotalAfter), Change(report.TotalChange, report.TotalChange.IsSignificant()), "",
            $"[bold]{d.MixEffect.Value.ToString(signed)}[/]", $"[bold]{d.RateEffect.Value.ToString(signed)}[/]", "");
        AnsiConsole.Write(table);

        if (report.Findings.Count > 0)
        {
            var findings = new Table().Border(TableBorder.Rounded)
                .Title($"Segments whose change differs from the rest ({report.Findings.Count} of {report.SegmentsTested} tested, FDR {report.Fdr:P0}, n ≥ {report.MinN})")
                .AddColumns("segment", "before", "after", "vs rest (95% CI)", "q", "ARR exposed");
            foreach (var f in report.Findings.Take(15))
                findings.AddRow(Markup.Escape(string.Join(" & ", f.Segment.Select(s => $"{s.Dimension}={s.Value}"))), Value(f.Before), Value(f.After),
                    Colour(f.DifferenceVsRest.Value < 0, $"{f.DifferenceVsRest.Value.ToString(signed)} [[{f.DifferenceVsRest.Lower.ToString(value)}, {f.DifferenceVsRest.Upper.ToString(value)}]]"),
                    f.QValue < 0.001 ? "<0.001" : f.QValue.ToString("0.###"), f.ArrExposed.ToString("$#,0"));
            AnsiConsole.Write(findings);
        }
        foreach (var statement in report.Statements) AnsiConsole.MarkupLine("• " + Markup.Escape(statement));
        if (report.MetricChoice is { } why) AnsiConsole.MarkupLine(Markup.Escape($"Survey metric: {why}."));
    }

    static string Colour(bool bad, string text, bool significant = true) => !significant ? $"[grey]{text}[/]" : bad ? $"[red]{text}[/]" : $"[green]{text}[/]";
}
