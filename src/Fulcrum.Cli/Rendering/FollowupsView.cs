using System.Globalization;
using Fulcrum.Analytics.Value.ClosedLoop;

namespace Fulcrum.Cli.Rendering;

public static class FollowupsView
{
    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void RenderList(IReadOnlyList<Followup> cases)
    {
        if (cases.Count == 0) { AnsiConsole.MarkupLine("No follow-ups match. `fulcrum followups sync` opens one for every answer that needs one (NPS detractors; CSAT only: dissatisfied; CES only: high effort)."); return; }
        var table = new Table().Border(TableBorder.Rounded).AddColumns("response", "account", "score", "owner", "status", "due", "resolution");
        foreach (var f in cases)
            table.AddRow(Markup.Escape(f.ResponseId), Markup.Escape(f.AccountId ?? ""), f.Score?.ToString("0.##", C) ?? "", Markup.Escape(f.Owner ?? ""), f.Status,
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
        AnsiConsole.MarkupLine(r.Rule is null ? "No answer on record has a survey score, so none needs a follow-up." : $"A follow-up opens for each of the {Markup.Escape(r.Rule)}.");
        AnsiConsole.MarkupLine($"{r.Cases:N0} cases: {r.Open:N0} open, {r.Assigned:N0} assigned, {r.Closed:N0} closed; [yellow]{r.Overdue:N0} overdue[/].");
        AnsiConsole.MarkupLine($"Days to close: {InitiativesView.Fmt(r.DaysToClose)} (median {(double.IsNaN(r.MedianDaysToClose) ? "—" : r.MedianDaysToClose.ToString("0.0", C))}).");
        AnsiConsole.MarkupLine($"Closed within SLA: {InitiativesView.Fmt(r.WithinSla)} of the cases due.");
        RenderComparison(r.LaterScore);
        RenderComparison(r.Outcome);
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(r.Caveat)}[/]");
    }

    /// <summary>"Measure after a closed follow-up X vs not closed Y: difference D", or the measure and why it is absent.</summary>
    static void RenderComparison(FollowupComparison c)
    {
        var measure = char.ToUpperInvariant(c.Measure[0]) + c.Measure[1..];
        if (c.Missing is { } missing) { AnsiConsole.MarkupLine($"{Markup.Escape(measure)}: not measured. {Markup.Escape(missing)}"); return; }
        AnsiConsole.MarkupLine($"{Markup.Escape(measure)} after a closed follow-up {InitiativesView.Fmt(c.FollowedUp)} vs not closed {InitiativesView.Fmt(c.NotFollowedUp)}: difference {InitiativesView.Fmt(c.Difference.Difference)}.");
    }
}
