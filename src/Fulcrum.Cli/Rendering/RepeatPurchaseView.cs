using System.Globalization;
using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Analytics.Transactions;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Cli.Rendering;

public static class RepeatPurchaseView
{
    public static void Render(RepeatPurchaseReport report)
    {
        if (!report.IsDefined)
        {
            AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(report.Missing!)}[/]");
            return;
        }
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(report.Headline)}[/]");
        AnsiConsole.MarkupLine($"[bold]Repeat purchases within {report.WindowDays} days of {SurveyMetricNames.WithArticle(report.Soft)} answer[/] ({report.Answers:N0} answers from {report.Customers:N0} customers)");
        var table = new Table().AddColumns("level", "answers", "observed repeat rate", "adjusted repeat rate");
        foreach (var level in report.Levels)
            table.AddRow(Markup.Escape(level.Level), level.Answers.ToString("N0", CultureInfo.InvariantCulture), Percent(level.Observed), Percent(level.Adjusted));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Odds of a repeat purchase, lowest vs top level: {Ratio(report.OddsRatioLowestVsTop)}");
        AnsiConsole.MarkupLine($"Net revenue per answer followed by an order: {Money(report.RevenuePerRepeat)}");
        if (report.Lever is { } lever)
        {
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(lever.Description)}[/] ({lever.BaseAnswers:N0} such answers in the last year):");
            AnsiConsole.MarkupLine($"  extra customers ordering again per year {Count(lever.ExtraRepeatCustomers)}; extra net revenue {Money(lever.ExtraRevenue)}; extra gross margin {Money(lever.ExtraGrossMargin)} per year");
            AnsiConsole.MarkupLine($"  against a cost of {Markup.Escape(MoneyFormat.Short(lever.Cost))} over {lever.HorizonMonths} months the NPV is {Money(lever.Npv)}"
                + (double.IsNaN(lever.ProbabilityNpvPositive) ? "" : FormattableString.Invariant($", positive in {lever.ProbabilityNpvPositive * 100:0}% of resamples")));
        }
        foreach (var warning in report.Warnings) AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(warning)}[/]");
        foreach (var note in report.Notes) AnsiConsole.MarkupLine($"[grey]{Markup.Escape(note)}[/]");
    }

    static string Level(Estimate e) => $"{e.ConfidenceLevel * 100:0.##}%";

    static string Percent(Estimate e) => !e.IsDefined ? "[grey]withheld[/]"
        : string.Create(CultureInfo.InvariantCulture, $"{e.Value * 100:0.0}% ({e.Lower * 100:0.0}–{e.Upper * 100:0.0}%)");

    static string Ratio(Estimate e) => !e.IsDefined ? $"[grey]{Markup.Escape(e.Method)}[/]"
        : string.Create(CultureInfo.InvariantCulture, $"{e.Value:0.00} ({Level(e)} CI {e.Lower:0.00}–{e.Upper:0.00})");

    static string Count(Estimate e) => !e.IsDefined ? "[grey]withheld[/]"
        : string.Create(CultureInfo.InvariantCulture, $"{e.Value:N0} ({e.Lower:N0} to {e.Upper:N0})");

    static string Money(Estimate e) => !e.IsDefined ? "[grey]withheld[/]"
        : Markup.Escape($"{MoneyFormat.Short(e.Value)} ({Level(e)} CI {MoneyFormat.Short(e.Lower)} to {MoneyFormat.Short(e.Upper)})");
}
