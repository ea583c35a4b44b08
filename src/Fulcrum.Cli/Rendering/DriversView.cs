using Fulcrum.Analytics.Drivers;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Cli.Rendering;

public static class DriversView
{
    public static void Render(DriverReport report)
    {
        var method = report.Options.Method == DriverMethod.Shapley ? "Shapley share" : "relative weight";
        AnsiConsole.Write(new Rule($"[bold]Key drivers of {Markup.Escape(report.Outcome.Name)}[/] ({report.Rows:N0} rows, {report.Accounts:N0} accounts)").LeftJustified());
        AnsiConsole.MarkupLine($"R² = [bold]{Fixed(report.RSquared, "0.000")}[/]: the drivers together account for {100 * report.RSquared.Value:0.#}% of the variation in {Markup.Escape(report.Outcome.Name)}.");
        // Shares always sum to 100%, so a model that explains nothing still has a largest driver: it is not headlined.
        if (report.NoTopDriver is { } none) AnsiConsole.MarkupLine($"[yellow]No top driver:[/] {Markup.Escape(none)} The shares and quadrants below split next to nothing.");

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("driver", $"{method} [[95% CI]]", "% of R² [[95% CI]]", "mean [[95% CI]]", "performance 0–100", "quadrant");
        foreach (var d in report.Drivers)
        {
            table.AddRow(
                Markup.Escape(d.Name),
                Fixed(d.Weight, "0.0000"),
                Fixed(d.ShareOfR2, "0.0"),
                Fixed(d.Mean, MeanFormat(d)),
                Fixed(d.Performance, "0"),
                Label(d.Quadrant));
        }

        AnsiConsole.Write(table);
        foreach (var d in report.Drivers)
            AnsiConsole.MarkupLine($"[grey]{Markup.Escape(d.Name)}: {Markup.Escape(d.Description)}; r = {Signed(d.Correlation.Value)} with {Markup.Escape(report.Outcome.Name)}; "
                                   + $"scale {Markup.Escape(Number(d.ScaleMin))}–{Markup.Escape(Number(d.ScaleMax))}, {Markup.Escape(d.GoodEnd)}"
                                   + (d.VarianceInflation > Collinearity.VifThreshold ? $"; VIF {d.VarianceInflation:0.0}" : "") + "[/]");
        var fixFirst = report.Drivers.Where(d => d.Quadrant == Quadrant.FixFirst).Select(d => d.Name).ToList();
        if (fixFirst.Count > 0 && report.NoTopDriver is null) AnsiConsole.MarkupLine($"[bold]Fix first:[/] {Markup.Escape(string.Join(", ", fixFirst))}.");
        if (report.Missing.Count > 0)
            AnsiConsole.MarkupLine($"[grey]Rows left out for a missing driver ({report.OutcomeRows - report.Rows:N0} of {report.OutcomeRows:N0}): "
                                   + Markup.Escape(string.Join(", ", report.Missing.Select(m => $"{m.Name} {m.Rows:N0}"))) + "[/]");
        foreach (var u in report.Unused) AnsiConsole.MarkupLine($"[grey]Not used: {Markup.Escape(u.Name)} — {Markup.Escape(u.Reason)}[/]");
        foreach (var w in report.Warnings) AnsiConsole.MarkupLine($"[yellow]Warning:[/] {Markup.Escape(w)}");
        foreach (var note in report.Notes) AnsiConsole.MarkupLine($"[grey]• {Markup.Escape(note)}[/]");
    }

    static string Label(Quadrant q) => q switch
    {
        Quadrant.FixFirst => "[red]fix first[/]",
        Quadrant.Keep => "[green]keep[/]",
        Quadrant.Secondary => "[grey]secondary[/]",
        _ => "[blue]over-invested[/]",
    };

    static string MeanFormat(DriverResult d) => d.ScaleMax - d.ScaleMin <= 2 ? "0.000" : d.ScaleMax - d.ScaleMin <= 20 ? "0.00" : "#,0.0";

    static string Fixed(Estimate e, string format) =>
        e.IsDefined ? $"{e.Value.ToString(format)} [grey][[{e.Lower.ToString(format)}, {e.Upper.ToString(format)}]][/]" : "—";

    static string Number(double x) => x.ToString("0.###");

    /// <summary>Rounded first, so that −0.001 prints as 0.00 rather than −0.00.</summary>
    static string Signed(double x)
    {
        var rounded = Math.Round(x, 2);
        return rounded == 0 ? "0.00" : rounded.ToString("+0.00;-0.00;0.00");
    }
}
