using Fulcrum.Analytics.Cohorts;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Cli.Rendering;

public static class CohortsView
{
    public static void Render(ProductTransitionReport report)
    {
        foreach (var cohort in report.Cohorts)
        {
            AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(cohort.Name)}[/] ({cohort.Accounts:N0} accounts"
                + (cohort.FirstTransition is { } first ? $", {first:yyyy-MM-dd} to {cohort.LastTransition:yyyy-MM-dd})" : ")")).LeftJustified());
            if (cohort.Accounts == 0)
            {
                AnsiConsole.MarkupLine(Markup.Escape(cohort.Summary));
                continue;
            }

            var window = report.Options.WindowMonths;
            var table = new Table().Border(TableBorder.Rounded)
                .Title($"Before vs after ({window} months each side, paired by account)")
                .AddColumns("measure", "before", "after", "change (95% CI)", "accounts", "left out");
            var nps = cohort.Nps;
            table.AddRow("NPS", Value(nps.Before), Value(nps.After), Change(nps.Difference, fallIsBad: true), nps.Coverage.BothSides.ToString("N0"), LeftOut(nps.Coverage));
            table.AddRow("[grey]mean score 0–10[/]", "", "", Change(nps.MeanScoreDifference, fallIsBad: true, format: "0.00"), "", "");
            var trend = nps.TrendAdjusted;
            if (trend.Difference.IsDefined)
                table.AddRow("NPS net of comparable accounts", "", $"[grey]comparable {trend.ComparableChange.Value:+0.0;-0.0;0.0}[/]",
                    Change(trend.Difference, fallIsBad: true), $"{trend.ComparableAccounts:N0} comparable",
                    trend.CohortAccountsWithoutComparable > 0 ? $"{trend.CohortAccountsWithoutComparable:N0} unmatched" : "");
            if (cohort.Contacts is { } contacts)
            {
                table.AddRow("tickets per quarter", Value(contacts.BeforePerQuarter), Value(contacts.AfterPerQuarter),
                    Change(contacts.DifferencePerQuarter, fallIsBad: false) + $" ({Percent(contacts.RelativeChange)})", contacts.Coverage.BothSides.ToString("N0"), LeftOut(contacts.Coverage));
                if (contacts.CostToServe is { } cost)
                    table.AddRow("cost to serve per quarter", Money(cost.BeforePerQuarter), Money(cost.AfterPerQuarter),
                        Change(cost.DifferencePerQuarter, fallIsBad: false, format: "#,0", prefix: "$") + $", {TransitionSummary.Money(cost.ExtraPerYear.Value)} a year",
                        contacts.Coverage.BothSides.ToString("N0"), "");
            }
            var churn = cohort.Churn;
            table.AddRow("renewal churn", Rate(churn.Before), Rate(churn.After), "[grey]see below[/]", "", "");
            AnsiConsole.Write(table);

            if (churn.Comparable.IsDefined)
                AnsiConsole.MarkupLine($"Renewal churn after the transition {Rate(churn.CohortMatched)} vs comparable accounts {Rate(churn.Comparable)}: "
                    + $"{Change(Points(churn.DifferenceVsComparable), fallIsBad: false)} points [grey]({churn.ComparableAccounts:N0} comparable accounts, {churn.Strata:N0} strata)[/]");
            AnsiConsole.MarkupLine($"[grey]{Markup.Escape(churn.Caveat)}[/]");
            AnsiConsole.MarkupLine($"ARR held now: [bold]{cohort.Arr.ArrNow.Value:$#,0}[/] by {cohort.Arr.AccountsActiveNow:N0} accounts"
                + (double.IsNaN(cohort.Arr.ShareOfTotalArr) ? "" : $" ({100 * cohort.Arr.ShareOfTotalArr:0}% of all ARR)")
                + (cohort.Arr.ArrChurnedSinceTransition > 0 ? $"; {cohort.Arr.ArrChurnedSinceTransition:$#,0} ARR churned since the transition" : "") + ".");
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(cohort.Summary)}[/]");
            AnsiConsole.WriteLine();
        }
        foreach (var note in report.Notes) AnsiConsole.MarkupLine($"[grey]• {Markup.Escape(note)}[/]");
    }

    static string Value(Estimate e) => e.IsDefined ? $"{e.Value:0.0} [grey][[{e.Lower:0.0}, {e.Upper:0.0}]][/]" : "—";

    static string Money(Estimate e) => e.IsDefined ? $"{e.Value:$#,0} [grey][[{e.Lower:$#,0}, {e.Upper:$#,0}]][/]" : "—";

    static string Rate(Estimate e) => e.IsDefined ? $"{Pct(e.Value)} [grey][[{Pct(e.Lower)}, {Pct(e.Upper)}]] n={e.N:N0}[/]" : "—";

    static string Percent(Estimate e) => e.IsDefined ? $"{Signed(100 * e.Value, "0")}% [[{Signed(100 * e.Lower, "0")}%, {Signed(100 * e.Upper, "0")}%]]" : "—";

    static string Pct(double share) => (100 * share).ToString("0.0") + "%";

    /// <summary>Rounded first, so that −0.04 prints as 0.0 rather than −0.0.</summary>
    static string Signed(double value, string format)
    {
        var text = value.ToString(format);
        return double.Parse(text) switch { > 0 => "+" + text, < 0 => text, _ => text.TrimStart('-') };
    }

    /// <summary>A change with its interval: grey when the interval holds 0, else red in the bad direction and green in the good one.</summary>
    static string Change(Estimate e, bool fallIsBad, string format = "0.0", string prefix = "")
    {
        if (!e.IsDefined) return "—";
        string F(double v)
        {
            var t = Signed(v, format);
            return t[0] is '+' or '-' ? t[0] + prefix + t[1..] : prefix + t;
        }

        var text = $"{F(e.Value)} [[{F(e.Lower)}, {F(e.Upper)}]]";
        if (e.Contains(0) || double.IsNaN(e.Lower)) return $"[grey]{text}[/]";
        var worse = fallIsBad ? e.Value < 0 : e.Value > 0;
        return worse ? $"[red]{text}[/]" : $"[green]{text}[/]";
    }

    static Estimate Points(Estimate rate) => rate with { Value = 100 * rate.Value, Lower = 100 * rate.Lower, Upper = 100 * rate.Upper };

    static string LeftOut(PairCoverage c)
    {
        if (c.Excluded == 0) return "";
        var parts = new[] { (c.BeforeOnly, "before only"), (c.AfterOnly, "after only"), (c.Neither, "neither side") }
            .Where(p => p.Item1 > 0).Select(p => $"{p.Item1:N0} {p.Item2}");
        return string.Join(", ", parts);
    }
}
