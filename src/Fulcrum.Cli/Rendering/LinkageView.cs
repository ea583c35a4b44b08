using System.Globalization;
using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Cli.Rendering;

public static class LinkageView
{
    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void Render(LinkageReport r)
    {
        var ci = $"{(r.ChurnByLevel.FirstOrDefault()?.Observed.ConfidenceLevel ?? r.BookChurnedArrNextYear.ConfidenceLevel) * 100:0}% CI";
        AnsiConsole.Write(new Rule("[bold]Soft → hard: what CX does to churn, expansion and cost to serve[/]").LeftJustified());
        AnsiConsole.MarkupLine(Markup.Escape($"{r.Data.Renewals:N0} renewal decisions ({r.Data.Churns:N0} churned, {r.Data.Expansions:N0} expanded) of {r.Data.Accounts:N0} accounts; " +
                                             $"{r.Data.ServiceAccountQuarters:N0} account-quarters of support; "
                                             + (r.Data.BookAccounts == 0 ? $"today's book: none ({LinkageReport.NoBook})." : $"today's book {r.Data.BookAccounts:N0} accounts, {MoneyFormat.Short(r.Data.BookArr)} ARR.")));
        if (r.FitCaution is { } caution) AnsiConsole.MarkupLine($"[yellow]Caution: {Markup.Escape(caution)}.[/]");
        if (r.SoftMetricChoice is { } why) AnsiConsole.MarkupLine(Markup.Escape($"Survey metric: {why}."));
        AnsiConsole.MarkupLine(Markup.Escape($"Soft metrics: {string.Join(", ", r.SoftMetrics)}; controls: {string.Join(", ", r.Controls)}. Intervals: {ci}, account bootstrap ({r.Resamples - r.FailedResamples:N0} resamples)."));

        var levels = new Table().Border(TableBorder.Rounded).Title("Churn at renewal by level")
            .AddColumns("metric", "level", "churned / renewals", "observed (exact CI)", "adjusted", "effect vs baseline (adjusted)", "expansion (adjusted)");
        foreach (var l in r.ChurnByLevel)
            levels.AddRow(l.Metric, Markup.Escape(l.Level) + (l.IsBaseline ? " [grey](baseline)[/]" : "") + (l.Withheld is null ? "" : " [yellow](separates)[/]"),
                $"{l.Churns.ToString("N0", C)} / {l.Renewals.ToString("N0", C)}",
                Pct(l.Exact), l.Withheld is null ? Pct(l.Adjusted) : "[grey]withheld[/]", l.IsBaseline ? "" : l.Withheld is null ? Points(l.MarginalEffect) : "[grey]withheld[/]",
                l.Withheld is null ? Pct(l.ExpansionAdjusted) : "[grey]withheld[/]");
        AnsiConsole.Write(levels);
        foreach (var l in r.ChurnByLevel.Where(l => l.Withheld is not null))
            AnsiConsole.MarkupLine($"[grey]{Markup.Escape($"{l.Metric} = {l.Level}: {l.Withheld}.")}[/]");
        if (r.ChurnByLevel.FirstOrDefault(l => !l.ExpansionAdjusted.IsDefined && l.Withheld is null) is { } noExpansion)
            AnsiConsole.MarkupLine($"[grey]Expansion: {Markup.Escape(noExpansion.ExpansionAdjusted.Method)}.[/]");

        if (r.DetractorPromoterChurnRatioObserved is { } observed)
            AnsiConsole.MarkupLine(Markup.Escape($"Detractors churn at {Ratio(observed)} the promoters' rate (descriptive)") +
                                   (r.DetractorPromoterChurnRatioAdjusted is { } adjusted ? Markup.Escape($"; {Ratio(adjusted)} adjusted.") : "."));
        if (r.ChurnChangePerCesPoint is { } cesChurn)
            AnsiConsole.MarkupLine(Markup.Escape($"One more point of effort (CES), NPS held fixed: churn {Points(cesChurn)}") +
                                   (r.ExpansionChangePerCesPoint is { } cesExpansion ? Markup.Escape($", expansion {Points(cesExpansion)}.") : "."));
        if (r.ArrLostPerDetractorPerYear is { } lost)
            AnsiConsole.MarkupLine(Markup.Escape($"ARR lost to churn per account per year, detractor vs promoter: {Money(lost)}."));
        foreach (var v in r.ValueOfOneNpsPoint)
            AnsiConsole.MarkupLine(Markup.Escape($"One point of account NPS over {v.Months} months: {Money(v.Arr)} ARR, NPV {Money(v.Npv)}."));
        if (r.CostToServeByNps.Count > 0)
            AnsiConsole.MarkupLine(Markup.Escape("Cost to serve per account-year by NPS level (descriptive): " +
                                                 string.Join("; ", r.CostToServeByNps.Select(c => $"{c.Level} {Money(c.CostPerAccountYear)}"))));
        if (r.TicketsRateRatioPerCesPoint is { IsDefined: true } tickets)
            AnsiConsole.MarkupLine(Markup.Escape($"Per CES point: tickets ×{Multiplier(tickets, "0.000")}" +
                                                 (r.HandleMinutesRateRatioPerCesPoint is { IsDefined: true } m ? $", handle minutes ×{Multiplier(m, "0.000")}" : "") + " per account-quarter, adjusted."));

        if (r.ThemeChurn.Count > 0)
        {
            var themes = new Table().Border(TableBorder.Rounded).Title("Themes: churn beyond what the scores predict (observed / predicted, top 8)")
                .AddColumns("theme", "renewals after it", "churned", "churn ratio", "accounts raising it now", "ARR at risk, next 12 months");
            foreach (var t in r.ThemeChurn.Take(8))
                themes.AddRow(Markup.Escape($"{t.ThemeId} {t.Label}"), t.Renewals.ToString("N0", C), t.Churns.ToString("N0", C), Ratio(t.ChurnRatio),
                    t.RaisingAccounts.ToString("N0", C), t.ArrAtRisk is { } risk ? Money(risk) : "—");
            AnsiConsole.Write(themes);
        }

        var models = new Table().Border(TableBorder.Rounded).Title("Models").AddColumns("model", "outcome", "method", "n", "terms", "converged");
        foreach (var m in r.Models)
            models.AddRow(m.Name, Markup.Escape(m.Outcome), Markup.Escape(m.Method), m.Observations.ToString("N0", C), m.Parameters.ToString(C), m.Converged ? "yes" : "[red]no[/]");
        AnsiConsole.Write(models);
        foreach (var m in r.Models.Where(m => m.NotEstimated is not null))
            AnsiConsole.MarkupLine($"[grey]{Markup.Escape(char.ToUpperInvariant(m.NotEstimated![0]) + m.NotEstimated[1..])}.[/]");

        var odds = new Table().Border(TableBorder.Rounded).Title("Churn odds ratios (vs each factor's baseline)").AddColumns("term", "odds ratio (Wald)", "bootstrap interval");
        foreach (var o in r.ChurnOddsRatios)
            odds.AddRow(Markup.Escape(o.Term), o.Withheld is null ? string.Create(C, $"{o.Wald.Value:0.00} ({o.Wald.Lower:0.00}–{o.Wald.Upper:0.00})") : "[grey]withheld (separation)[/]",
                o.Withheld is null && !double.IsNaN(o.Bootstrap.Lower) ? string.Create(C, $"{o.Bootstrap.Lower:0.00}–{o.Bootstrap.Upper:0.00}") : "[grey]—[/]");
        AnsiConsole.Write(odds);

        if (!r.BookCostToServePerYear.IsDefined)
            AnsiConsole.MarkupLine($"[grey]Cost to serve: {Markup.Escape(r.BookCostToServePerYear.Method)}.[/]");
        var q = r.Quality;
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(C, $"Model quality ({q.Folds}-fold cross-validation by account): AUC {q.Auc.Value:0.000} ({q.Auc.Lower:0.000}–{q.Auc.Upper:0.000}), " +
                                                                $"calibration slope {q.CalibrationSlope.Value:0.00} ({q.CalibrationSlope.Lower:0.00}–{q.CalibrationSlope.Upper:0.00}), observed − predicted churn {q.CalibrationInTheLarge * 100:+0.00;-0.00;0.00} points.")));
        RenderWarnings(r.Warnings);
        AnsiConsole.MarkupLine("[grey]" + Markup.Escape("Assumptions: " + string.Join(", ", r.Assumptions.Where(a => !a.Name.StartsWith("lever_", StringComparison.Ordinal)).Select(a => $"{a.Name} {a.Value.ToString("#,0.####", C)}"))) + "[/]");
    }

    internal static void RenderWarnings(IReadOnlyList<string> warnings)
    {
        foreach (var w in warnings) AnsiConsole.MarkupLine($"[yellow]Warning:[/] {Markup.Escape(w)}");
    }

    /// <summary>Money with its interval; "n/a" for a figure without data behind it, "—" for one that is zero by construction (a lever that moves no ARR), the value alone when its interval is withheld.</summary>
    internal static string Money(Estimate e) => !e.IsDefined ? "n/a" : e is { Value: 0, Lower: 0, Upper: 0 } ? "—" : double.IsNaN(e.Lower) ? $"{MoneyFormat.Short(e.Value)} (no interval)"
        : $"{MoneyFormat.Short(e.Value)} ({MoneyFormat.Short(e.Lower)}–{MoneyFormat.Short(e.Upper)})";
    static string Pct(Estimate e) => !e.IsDefined ? "n/a" : double.IsNaN(e.Lower) ? string.Create(C, $"{e.Value * 100:0.0}% (no interval)")
        : string.Create(C, $"{e.Value * 100:0.0}% ({e.Lower * 100:0.0}–{e.Upper * 100:0.0})");
    static string Points(Estimate e) => !e.IsDefined ? "n/a" : double.IsNaN(e.Lower) ? $"{SignedPoints.Format(e.Value)} pts (no interval)"
        : $"{SignedPoints.Format(e.Value)} pts ({SignedPoints.Format(e.Lower)} to {SignedPoints.Format(e.Upper)})";
    static string Ratio(Estimate e) => Multiplier(e, "0.00") + "×";
    static string Multiplier(Estimate e, string format) => !e.IsDefined ? "n/a" : double.IsNaN(e.Lower)
        ? e.Value.ToString(format, C) + " (no interval)" : string.Create(C, $"{e.Value.ToString(format, C)} ({e.Lower.ToString(format, C)}–{e.Upper.ToString(format, C)})");
}
