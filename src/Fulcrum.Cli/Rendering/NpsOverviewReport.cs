using System.Globalization;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Analytics.Segments;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Cli.Rendering;

public static class NpsOverviewReport
{
    public static void Render(NpsOverview overview)
    {
        var years = new Table().Border(TableBorder.Rounded).AddColumns("year", "NPS", "95% CI", "responses");
        foreach (var y in overview.ByYear)
            years.AddRow(y.Year.ToString(), y.Nps.Value.ToString("F1"), Interval(y.Nps), y.Nps.N.ToString("N0"));
        AnsiConsole.Write(years);

        var shifts = new Table().Border(TableBorder.Rounded)
            .AddColumns("by", "group", "first year", "last year", "change (95% CI)", "p", "q", "ARR now");
        foreach (var s in overview.Shifts)
        {
            var change = s.Change.Difference;
            // Coloured by q at the overview's FDR: the groups are as many tests as groups, as growth-check's.
            var colour = !(s.QValue <= overview.Fdr) ? "grey" : change.Value < 0 ? "red" : "green";
            shifts.AddRow(s.Dimension, Markup.Escape(s.Group), $"{s.First.Value:F1} (n={s.First.N:N0})", $"{s.Last.Value:F1} (n={s.Last.N:N0})",
                $"[{colour}]{change.Value:+0.0;-0.0;0.0} {Interval(change)}[/]", s.Change.PValue < 0.001 ? "<0.001" : s.Change.PValue.ToString("F3"),
                s.QValue is { } q ? (q < 0.001 ? "<0.001" : q.ToString("F3")) : "—", s.ArrNow > 0 ? s.ArrNow.ToString("$#,0") : "");
        }
        AnsiConsole.Write(shifts);
        if (overview.Adopters is { } adopters)
        {
            var change = adopters.Change.Difference;
            AnsiConsole.MarkupLine(
                $"[bold]Accounts that went from one product to several[/] ({adopters.Accounts:N0} accounts, {adopters.ArrNow:$#,0} ARR now): " +
                $"NPS {adopters.Before.Value:F1} before (n={adopters.Before.N:N0}) → {adopters.After.Value:F1} after (n={adopters.After.N:N0}), " +
                $"[{(adopters.Change.IsSignificant() && change.Value < 0 ? "red" : "grey")}]{change.Value:+0.0;-0.0;0.0} points {Interval(change)}[/], p {(adopters.Change.PValue < 0.001 ? "< 0.001" : $"= {adopters.Change.PValue:F3}")}.");
        }
        if (HiddenUnderGrowth(overview) is { } hidden) AnsiConsole.MarkupLine($"[yellow]Hidden under growth:[/] {Markup.Escape(hidden)}");
    }

    /// <summary>
    /// The groups that fell while the total did not, each with its q across the groups (growth-check's rule,
    /// <see cref="GroupFalls"/>), and the accounts that added products with their p (one test of its own); null when none fell.
    /// </summary>
    public static string? HiddenUnderGrowth(NpsOverview overview)
    {
        var c = CultureInfo.InvariantCulture;
        var hidden = overview.Shifts.Where(s => s.FellAt(overview.Fdr)).ToList();
        var total = overview.ByYear.Count >= 2 ? overview.ByYear[^1].Nps.Value - overview.ByYear[0].Nps.Value : 0;
        var adopterDecline = overview.Adopters is { } x && x.Change.IsSignificant() && x.Change.Difference.Value < 0;
        if ((hidden.Count == 0 && !adopterDecline) || total < -1) return null;
        var declines = hidden.Select(h => string.Create(c, $"{h.Group} ({h.Change.Difference.Value:+0.0;-0.0;0.0}, q {GroupFalls.Q(h.QValue!.Value)})")).ToList();
        if (adopterDecline)
            declines.Add(string.Create(c, $"accounts that added products ({overview.Adopters!.Change.Difference.Value:+0.0;-0.0;0.0}, p {P(overview.Adopters.Change.PValue)})"));
        var control = hidden.Count > 0
            ? string.Create(c, $" (segments: Benjamini–Hochberg q across the {overview.Shifts.Count(s => s.QValue is not null)} segments at FDR {overview.Fdr:0.##})")
            : "";
        return string.Create(c, $"total NPS moved {total:+0.0;-0.0;0.0} points, yet {string.Join(" and ", declines)} declined{control}.");
    }

    static string P(double p) => p < 0.001 ? "< 0.001" : "= " + p.ToString("0.###", CultureInfo.InvariantCulture);

    static string Interval(Estimate e) => $"[[{e.Lower:F1}, {e.Upper:F1}]]";
}
