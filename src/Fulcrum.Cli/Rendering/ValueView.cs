using System.Globalization;
using Fulcrum.Analytics.Value;
using Fulcrum.Analytics.Value.Initiatives;
using Fulcrum.Analytics.Value.Ledger;
using Fulcrum.Analytics.Value.References;

namespace Fulcrum.Cli.Rendering;

public static class ValueView
{
    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void Render(ValueReport report)
    {
        foreach (var problem in report.InvalidInitiatives) AnsiConsole.MarkupLine($"[yellow]Not measured:[/] {Markup.Escape(problem)}");
        var ledger = report.Ledger;
        // A ledger with no quarter measured is said by the lines below, not drawn as an empty table.
        if (ledger.Total.Quarters.Count > 0) RenderLine(ledger.Total);
        foreach (var line in ledger.LeftOut) AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(line)}[/]");
        var summary = new Table().Border(TableBorder.Rounded).Title("Value delivered since each start (95% CI)").AddColumns("line", "kind", "cost", "value", "verdict");
        foreach (var line in ledger.ByInitiative.Concat(ledger.ByKind).Append(ledger.References).Append(ledger.Total))
            summary.AddRow(Markup.Escape(line.Name), Markup.Escape(line.Kind?.Replace('_', ' ') ?? ""), line.Cost?.ToString("#,0", C) ?? "",
                LedgerMoney(line.Total), Markup.Escape(line.Verdict));
        AnsiConsole.Write(summary);

        // The survey outcome is NPS, or CSAT where customers answer only CSAT.
        var survey = report.Initiatives.Any(i => i.Outcome(InitiativeImpactAnalysis.Csat) is not null) ? InitiativeImpactAnalysis.Csat : InitiativeImpactAnalysis.Nps;
        var effects = new Table().Border(TableBorder.Rounded).Title("Measured effects, average since the start (95% CI)").AddColumns("initiative", "design", $"{survey.ToUpperInvariant()} points", "churn (pp/quarter)", "expansion ARR / account-quarter", "cost to serve / account-quarter");
        foreach (var i in report.Initiatives)
            effects.AddRow(Markup.Escape(i.Initiative.InitiativeId), i.Design?.ToString() ?? "not measurable",
                Cell(i, survey), Cell(i, "churn"), Cell(i, "expansion"), Cell(i, "cost_to_serve"));
        if (report.Initiatives.Count > 0) AnsiConsole.Write(effects);
        foreach (var i in report.Initiatives) AnsiConsole.MarkupLine($"• {Markup.Escape(i.Summary)}");
        AnsiConsole.MarkupLine("[grey]`fulcrum initiatives show ID` gives the effect by quarter since the start, the pre-trend check and the placebo test.[/]");
        RenderReferences(report.References);
        FollowupsView.RenderMeasures(report.ClosedLoop);
        foreach (var note in ledger.Notes) AnsiConsole.MarkupLine($"[grey]• {Markup.Escape(note)}[/]");
    }

    static string Cell(Analytics.Value.Initiatives.InitiativeImpact impact, string outcome) =>
        impact.Outcome(outcome) is { } o ? (o.Detected ? "[green]" : "") + InitiativesView.Fmt(o.AverageSinceStart) + (o.Detected ? "[/]" : "")
        : impact.NotMeasured.TryGetValue(outcome, out var why) ? $"[grey]absent: {Markup.Escape(why)}[/]"
        : "—";

    // A ledger figure the data cannot give is absent (its reason is printed under the ledger), never 0 [0 to 0].
    // A part nothing was measured for in a quarter (no initiative running) is a dash.
    static string LedgerMoney(Core.Statistics.Estimate e) =>
        !e.IsDefined ? "[grey]absent[/]" : e is { N: 0, Value: 0, Lower: 0, Upper: 0 } ? "—" : InitiativesView.Money(e);

    static void RenderLine(LedgerLine line)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Value ledger — {Markup.Escape(line.Name)}, per quarter (95% CI)")
            .AddColumns("quarter", "saved (cost to serve)", "retained (churn avoided, ARR)", "made (expansion, references)", "total", "cumulative");
        foreach (var q in line.Quarters)
            table.AddRow(q.Quarter, LedgerMoney(q.Saved), LedgerMoney(q.Retained), LedgerMoney(q.Made), LedgerMoney(q.Total), LedgerMoney(q.Cumulative));
        AnsiConsole.Write(table);
    }

    public static void RenderReferences(ReferenceProgramReport r)
    {
        AnsiConsole.Write(new Rule("[bold]Reference program[/]").LeftJustified());
        // Without opportunities the funnel's later steps, the win rates and the revenue would be 0 or NaN: absent, with why.
        if (r.Unmeasurable is { } why)
        {
            AnsiConsole.MarkupLine($"[yellow]Not measured: {Markup.Escape(why)}.[/] {r.UnmeasuredRequests:N0} reference requests on record.");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Title("Funnel from promoter answers (conversion from the step before, 95% Wilson CI)").AddColumn("period");
        var stages = r.PromoterFunnel.Stages.Select(s => s.Stage).ToList();
        foreach (var s in stages) table.AddColumn(s);
        table.AddColumn("won revenue");
        foreach (var p in r.PromoterFunnelByPeriod.Append(r.PromoterFunnel))
            table.AddRow([p.Period, .. stages.Select(name => p.Stages.FirstOrDefault(s => s.Stage == name) is { } s
                ? s.Count.ToString("N0", C) + (s.Conversion is { IsDefined: true } c ? string.Create(C, $" [grey]{100 * c.Value:0.0}% [[{100 * c.Lower:0.0}, {100 * c.Upper:0.0}]][/]") : "") : ""),
                p.WonRevenue.ToString("#,0", C)]);
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("Agree rate by the answer after which they were asked: "
            + string.Join("; ", r.AgreeRateByCategory.Select(a => $"{a.Category} {InitiativesView.Fmt(a.Rate)}")));
        AnsiConsole.MarkupLine($"Win rate: referenced deals {InitiativesView.Fmt(r.ReferencedWinRate)}, others {InitiativesView.Fmt(r.OtherWinRate)}; uplift {InitiativesView.Fmt(r.WinRateUplift.Difference)} (p = {r.WinRateUplift.PValue.ToString("0.####", C)}).");
        AnsiConsole.MarkupLine(string.Create(C, $"Revenue influenced: {r.RevenueInfluenced:#,0} closed won with a reference; {r.RevenueInfluencedByNpsProgram:#,0} of it from references asked after a promoter answer (the NPS program); incremental {InitiativesView.Money(r.IncrementalRevenue)}."));
        foreach (var note in r.Notes) AnsiConsole.MarkupLine($"[grey]• {Markup.Escape(note)}[/]");
    }
}
