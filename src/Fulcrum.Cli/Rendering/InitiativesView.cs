using System.Globalization;
using Fulcrum.Analytics.Value.Initiatives;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Cli.Rendering;

public static class InitiativesView
{
    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void RenderList(IReadOnlyList<Initiative> initiatives)
    {
        if (initiatives.Count == 0)
        {
            AnsiConsole.MarkupLine("No initiatives registered. Add one with `fulcrum initiatives add` or import a file with `fulcrum initiatives import`.");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).AddColumns("id", "name", "kind", "start", "end", "cost", "target", "lever", "owner", "status");
        foreach (var i in initiatives)
            table.AddRow(Esc(i.InitiativeId), Esc(i.Name), Esc(i.Kind.Replace('_', ' ')), i.StartDate.ToString("yyyy-MM-dd", C), i.EndDate?.ToString("yyyy-MM-dd", C) ?? "",
                i.Cost?.ToString("#,0", C) ?? "", Esc(string.IsNullOrEmpty(i.Target) ? "(every account)" : i.Target), Esc(i.Lever ?? ""), Esc(i.Owner ?? ""), Esc(i.Status));
        AnsiConsole.Write(table);
    }

    public static void RenderImpact(InitiativeImpact impact)
    {
        var i = impact.Initiative;
        AnsiConsole.Write(new Rule($"[bold]{Esc(i.InitiativeId)}[/] {Esc(i.Name)} ({Esc(i.Kind.Replace('_', ' '))}, from {i.StartDate:yyyy-MM-dd}, target {Esc(string.IsNullOrEmpty(i.Target) ? "every account" : i.Target)})").LeftJustified());
        var s = impact.Sample;
        AnsiConsole.MarkupLine(impact.Design switch
        {
            ImpactDesign.DifferenceInDifferences =>
                $"Difference-in-differences: {s.TreatedAnalysed:N0} of {s.TargetedAccounts:N0} targeted accounts against {s.Controls:N0} matched untreated accounts (matched on {Esc(string.Join(", ", s.MatchedOn))}); "
                + $"[grey]left out: {s.TreatedWithoutHistory:N0} without data before the start, {s.TreatedWithoutControls:N0} without a comparable control; {s.ControlsExcludedForOtherInitiatives:N0} accounts of other initiatives not used as controls[/]",
            ImpactDesign.InterruptedTimeSeries =>
                $"Interrupted time series: no comparable untreated accounts, so {s.TreatedAnalysed:N0} targeted accounts are compared with their own trend before the start.",
            _ => "",
        });
        foreach (var o in impact.Outcomes)
        {
            var table = new Table().Border(TableBorder.Simple).Title($"{Esc(o.Outcome)} ({Esc(o.Unit)})")
                .AddColumns("quarter since start", "quarter", "effect (95% CI)", "money (95% CI)");
            foreach (var lead in o.Leads) table.AddRow(lead.QuartersSinceStart.ToString(C), Esc(lead.Quarter), "[grey]" + Fmt(lead.Effect) + "[/]", "");
            var money = o.Money?.ByQuarter.ToDictionary(q => q.QuartersSinceStart);
            foreach (var e in o.ByQuarterSinceStart)
                table.AddRow(e.QuartersSinceStart.ToString(C), Esc(e.Quarter), Fmt(e.Effect), money is not null && money.TryGetValue(e.QuartersSinceStart, out var m) ? Money(m.Amount) : "");
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"  {(o.Detected ? "[green]" : "[yellow]")}{Esc(o.Verdict)}[/]");
            if (o.PreTrend is { } pt) AnsiConsole.MarkupLine($"  pre-trend: {Esc(pt.Verdict)}");
            if (o.Placebo is { } pl) AnsiConsole.MarkupLine($"  placebo (fake start {Esc(pl.FakeStart)}): {Esc(pl.Verdict)}; {Fmt(pl.Effect)}");
            if (o.Money is { } total) AnsiConsole.MarkupLine($"  {Esc(total.Kind)} since the start: [bold]{Money(total.Total)}[/]");
            AnsiConsole.MarkupLine($"  [grey]{Esc(o.Method)}[/]");
        }
        AnsiConsole.MarkupLine($"[bold]{Esc(impact.Summary)}[/]");
    }

    internal static string Fmt(Estimate e) => e.IsDefined ? Esc(e.ToString()) : "not estimable";

    internal static string Money(Estimate e) => e.IsDefined
        ? string.Create(C, $"{e.Value:#,0} [grey][[{e.Lower:#,0} to {e.Upper:#,0}]][/]")
        : "not estimable";

    static string Esc(string text) => Markup.Escape(text);
}
