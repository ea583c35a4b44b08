using System.Globalization;
using Fulcrum.Analytics.Value.ClosedLoop;

namespace Fulcrum.Cli.Rendering;

public static class FollowupsView
{
    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void RenderList(IReadOnlyList<Followup> cases)
    {
        if (cases.Count == 0) { AnsiConsole.MarkupLine("No follow-ups match. `fulcrum followups sync` opens one for every detractor answer."); return; }
        var table = new Table().Border(TableBorder.Rounded).AddColumns("response", "account", "score", "owner", "status", "due", "resolution");
        foreach (var f in cases)
            table.AddRow(Markup.Escape(f.ResponseId), Markup.Escape(f.AccountId ?? ""), f.Score?.ToString(C) ?? "", Markup.Escape(f.Owner ?? ""), f.Status,
                f.Due?.ToString("yyyy-MM-dd", C) ?? "", Markup.Escape(f.Resolution ?? ""));
        AnsiConsole.Write(table);
    }

    public static void RenderOne(Followup f, IReadOnlyList<FollowupEvent> history)
    {
        RenderList([f]);
        var table = new Table().Border(TableBorder.Simple).Title("history").AddColumns("#", "from", "to", "when", "owner", "note");
        foreach (var e in history)
            table.AddRow(e.Seq.ToString(C), e.FromStatus ?? "", e.ToStatus, e.ChangedAt.ToString("yyyy-MM-dd HH:mm", C), Markup.Escape(e.Owner ?? ""), Markup.Escape(e.Note ?? ""));
        AnsiConsole.Write(table);
    }

    public static void RenderMeasures(ClosedLoopReport r)
    {
        AnsiConsole.Write(new Rule($"[bold]Closed loop[/] as of {r.AsOf:yyyy-MM-dd}").LeftJustified());
        AnsiConsole.MarkupLine($"{r.Cases:N0} cases: {r.Open:N0} open, {r.Assigned:N0} assigned, {r.Closed:N0} closed; [yellow]{r.Overdue:N0} overdue[/].");
        AnsiConsole.MarkupLine($"Days to close: {InitiativesView.Fmt(r.DaysToClose)} (median {(double.IsNaN(r.MedianDaysToClose) ? "—" : r.MedianDaysToClose.ToString("0.0", C))}).");
        AnsiConsole.MarkupLine($"Closed within SLA: {InitiativesView.Fmt(r.WithinSla)} of the cases due.");
        AnsiConsole.MarkupLine($"Next NPS after a closed follow-up {InitiativesView.Fmt(r.LaterNpsFollowedUp)} vs not closed {InitiativesView.Fmt(r.LaterNpsNotFollowedUp)}: difference {InitiativesView.Fmt(r.LaterNpsDifference.Difference)}.");
        AnsiConsole.MarkupLine($"12-month churn after a closed follow-up {InitiativesView.Fmt(r.ChurnFollowedUp)} vs not closed {InitiativesView.Fmt(r.ChurnNotFollowedUp)}: difference {InitiativesView.Fmt(r.ChurnDifference.Difference)}.");
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(r.Caveat)}[/]");
    }
}
