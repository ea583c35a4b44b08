using System.Globalization;
using Fulcrum.Analytics.BusinessCase;

namespace Fulcrum.Cli.Rendering;

public static class BusinessCaseView
{
    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void Render(BusinessCaseReport report)
    {
        var h = report.HorizonMonths;
        AnsiConsole.Write(new Rule($"[bold]Business case over {h} months[/] ({report.ConfidenceLevel * 100:0}% CI, account bootstrap)").LeftJustified());
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(report.Headline)}[/]");
        var table = new Table().Border(TableBorder.Rounded).Title($"Levers, ranked by the lower bound of their NPV ({report.ConfidenceLevel * 100:0}% CI)")
            .AddColumns("#", "lever", $"ARR over {h} mo", "cost to serve saved", "NPV", "P(NPV > 0)", "ROI", "payback", "lever cost");
        foreach (var r in report.Levers)
        {
            var x = r.At(h);
            table.AddRow(r.Rank.ToString(C), Markup.Escape(r.Lever.Title), Markup.Escape(LinkageView.Money(x.ArrTotal)), Markup.Escape(LinkageView.Money(x.CostSaved)),
                (x.Npv.Lower > 0 ? "[green]" : x.Npv.Upper < 0 ? "[red]" : "[yellow]") + Markup.Escape(LinkageView.Money(x.Npv)) + "[/]",
                double.IsNaN(x.ProbabilityNpvPositive) ? "n/a" : (x.ProbabilityNpvPositive * 100).ToString("0", C) + "%",
                double.IsNaN(x.Roi.Value) ? "n/a" : string.Create(C, $"{x.Roi.Value:0.0}×"),
                x.NeverPaysBack ? $"> {h} mo" : !x.PaybackMonths.IsDefined ? "n/a" : string.Create(C, $"{x.PaybackMonths.Value:0} mo"),
                Markup.Escape(MoneyFormat.Short(r.Lever.Cost)));
        }
        // With no lever valued the table would be headers only: the headline and "Not valued" lines say why.
        if (report.Levers.Count > 0) AnsiConsole.Write(table);
        foreach (var r in report.Levers) AnsiConsole.MarkupLine($"{r.Rank}. {Markup.Escape(r.Sentence)}");
        foreach (var line in report.NotValued) AnsiConsole.MarkupLine($"[grey]Not valued: {Markup.Escape(line)}.[/]");

        foreach (var s in report.Sensitivity)
        {
            var tornado = new Table().Border(TableBorder.Rounded).Title($"Sensitivity: {Markup.Escape(s.Title)} (NPV {MoneyFormat.Short(s.BaseNpv)})")
                .AddColumns("assumption", "low → NPV", "high → NPV", "swing");
            foreach (var b in s.Bars)
                tornado.AddRow(Markup.Escape(b.Assumption), Markup.Escape($"{b.Low.ToString("#,0.###", C)} → {MoneyFormat.Short(b.NpvAtLow)}"),
                    Markup.Escape($"{b.High.ToString("#,0.###", C)} → {MoneyFormat.Short(b.NpvAtHigh)}"), Markup.Escape(MoneyFormat.Short(b.Swing)));
            AnsiConsole.Write(tornado);
        }
        LinkageView.RenderWarnings(report.Warnings);
        AnsiConsole.MarkupLine("[grey]" + Markup.Escape("Assumptions: " + string.Join(", ", report.Assumptions.Select(a => $"{a.Name} {a.Value.ToString("#,0.####", C)}"))) + "[/]");
        AnsiConsole.MarkupLine("[grey]Change them with `fulcrum assumptions set NAME VALUE`; `fulcrum linkage` shows the models behind these figures.[/]");
    }
}
