using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Analytics.Transactions;
using Fulcrum.Reports.Executive.Model;
using static Fulcrum.Reports.Executive.Html.HtmlWriter;

namespace Fulcrum.Reports.Executive.Html;

public static partial class ReportHtml
{
    /// <summary>
    /// The levers section of a business that sells by order: repeat purchase after each score level and the one lever it
    /// values, as `fulcrum business-case` and `fulcrum repeat-purchase` show them.
    /// </summary>
    static void RepeatPurchaseLevers(HtmlWriter h, RepeatPurchaseReport rp)
    {
        h.P(rp.Headline);
        h.Table($"Repeat purchases within {rp.WindowDays} days of {SurveyMetricNames.WithArticle(rp.Soft)} answer ({rp.Answers:N0} answers from {rp.Customers:N0} customers)",
            ["Level", "Answers", "Observed repeat rate", "Adjusted repeat rate"],
            rp.Levels.Select(l => new[] { Cell(l.Level), Num(l.Answers), Percent(l.Observed), Percent(l.Adjusted) }));
        h.P($"Odds of a repeat purchase, lowest vs top level: {Number(rp.OddsRatioLowestVsTop, "0.00")}. Net revenue per answer followed by an order: {Money(rp.RevenuePerRepeat)}.");
        if (rp.Lever is { } lever)
            h.Table($"{lever.Description} ({lever.BaseAnswers:N0} such answers in the last year)",
                ["Extra customers ordering again a year", "Extra net revenue a year", "Extra gross margin a year", $"Cost over {lever.HorizonMonths} months", "NPV", "NPV above zero with confidence"],
                [[Number(lever.ExtraRepeatCustomers, "0"), Money(lever.ExtraRevenue), Money(lever.ExtraGrossMargin), Num(MoneyFormat.Short(lever.Cost)), Money(lever.Npv),
                    Cell(lever.PaysBackWithConfidence ? "yes" : "no: the interval includes zero or lies below it")]]);
        foreach (var note in rp.Notes) h.P(note, "muted");
    }
}
