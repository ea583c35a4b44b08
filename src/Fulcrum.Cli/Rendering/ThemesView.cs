using System.Globalization;
using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Themes;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Cli.Rendering;

public static class ThemesView
{
    public static void Render(ThemeRunResult run, ThemeImpactReport? impact)
    {
        AnsiConsole.MarkupLine(Markup.Escape(
            $"{run.Comments:N0} comments, {run.Mentions:N0} sentences ({run.DistinctTexts:N0} distinct, {run.NewlyEmbedded:N0} embedded now) with {run.Model}; " +
            $"{run.Themes.Count} active themes ({run.Matched} kept their id, {run.Created} new, {run.Absorbed} absorbed by your themes, {run.Retired} retired) in {run.Elapsed.TotalSeconds:F1} s"));
        AnsiConsole.MarkupLine(Markup.Escape(Discovery(run.Discovery)));
        if (run.Stored is { } stored)
            AnsiConsole.MarkupLine(Markup.Escape(stored.Written == 0 ? "Stored: nothing changed since the last run." : $"Stored only what changed: {stored}."));
        AnsiConsole.MarkupLine(Markup.Escape($"Sentiment: {run.SentimentMethod}."));
        if (run.Languages is { Count: > 0 } languages)
            AnsiConsole.MarkupLine(Markup.Escape("Languages: " + string.Join(", ", languages.Select(l =>
                string.Create(CultureInfo.InvariantCulture, $"{l.Name} {l.Comments:N0} ({l.Share:P1})") + (l.HasSentiment ? "" : ", no sentiment model")))));
        foreach (var notice in run.Notices ?? []) AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(notice)}[/]");
        var byId = impact?.Themes.ToDictionary(t => t.ThemeId) ?? [];
        var money = impact?.Money.IsDefined ?? false;
        if (impact is null) AnsiConsole.Write(Table("Themes", run.Themes.Select(t => t.ThemeId), run, byId, money, null));
        else
        {
            var shown = impact.Themes.Where(t => run.Themes.Any(r => r.ThemeId == t.ThemeId)).ToList();
            var byScore = impact.Themes.Any(t => t.ScoreImpact.IsDefined);
            AnsiConsole.Write(Table(money ? "Problems by ARR at risk beyond the scores" : byScore ? $"Problems by {impact.ScoreMetric} impact" : "Problems by comments",
                shown.Where(t => t.Kind == ThemeKind.Problem).Select(t => t.ThemeId), run, byId, money, impact.ScoreMetric));
            var strengths = shown.Where(t => t.Kind == ThemeKind.Strength).Select(t => t.ThemeId).ToList();
            if (strengths.Count > 0) AnsiConsole.Write(Table("Strengths (praise on balance; not ranked as ARR at risk)", strengths, run, byId, money: false, impact.ScoreMetric));
        }
        foreach (var t in run.Themes.Take(5))
            AnsiConsole.MarkupLine($"[bold]{t.ThemeId}[/] {Markup.Escape(string.Join(", ", t.Keywords))}: [grey]{Markup.Escape(string.Join(" | ", t.Representatives))}[/]");
        if (impact is not null)
        {
            foreach (var e in impact.Themes.Where(t => t.Emerging is { Emerging: true }))
                AnsiConsole.MarkupLine($"[yellow]Emerging:[/] {e.ThemeId} {Markup.Escape(e.Label)} — {e.Emerging!.Latest.Value:P1} of comments in {e.Emerging.LatestQuarter} vs {e.Emerging.Before.Value:P1} before (q = {e.Emerging.QValue:G2})");
            var untested = impact.Themes.Where(t => t.Emerging is { NotTested: not null }).ToList();
            if (untested.Count > 0)
                AnsiConsole.MarkupLine($"[grey]{untested.Count} themes were raised by too few comments in {Markup.Escape(untested[0].Emerging!.LatestQuarter)} to test whether they are emerging (--emerging-min); their trend is shown, never flagged.[/]");
            if (money)
                AnsiConsole.MarkupLine($"[grey]{Markup.Escape(impact.Method)}. \"Vs peers\" compares accounts raising a theme with comparable accounts (same segment and product count; excess churn in --json); \"beyond scores\" compares their churn with what the linkage model with every theme predicts without this one, from their scores (NPS, CSAT, CES as answered), profile and the other themes they raised (q: false-discovery-adjusted evidence of excess churn). Associations, not proven causes.[/]");
            else AnsiConsole.MarkupLine($"[grey]{Markup.Escape(impact.Method)}.[/]");
            if (money && impact.Themes.Any(t => t.ScoreConfirms == false))
                AnsiConsole.MarkupLine($"[grey]\"{impact.ScoreMetric} not lower\": the customers raising it do not score you lower than the others with 95% confidence, so only the sentence model calls it a complaint (it takes some praise for one); such problems are ranked after those their scores confirm.[/]");
            if (!impact.Themes.Any(t => t.ScoreImpact.IsDefined) && impact.Themes.FirstOrDefault() is { } first)
                AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(first.ScoreImpact.Method)}[/]");
            if (impact.Money.Reason is { } reason) AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(reason)}[/]");
            if (impact.LinkageNote is { } note) AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(note)}[/]");
            if (impact.LinkageCaution is { } caution) AnsiConsole.MarkupLine($"[yellow]Caution: {Markup.Escape(caution)}.[/]");
        }
    }

    /// <summary>The highest-ranked themes in a narrow table (the demo): what each costs beyond the scores, with examples.</summary>
    public static void RenderTop(ThemeRunResult run, ThemeImpactReport impact, int top)
    {
        AnsiConsole.MarkupLine(Markup.Escape($"{run.Comments:N0} comments, {run.Mentions:N0} sentences, {run.Themes.Count} themes ({run.Model}, {run.Elapsed.TotalSeconds:F0} s)."));
        var problems = impact.Themes.Where(t => t.Kind == ThemeKind.Problem).ToList();
        var table = new Table().Border(TableBorder.Rounded).Title($"Top {Math.Min(top, problems.Count)} of {problems.Count} problems by ARR at risk beyond the scores")
            .AddColumns("id", "theme", "accounts", $"{impact.ScoreMetric ?? "score"} impact", "churn vs predicted", "ARR at risk, 12 mo");
        foreach (var i in problems.Take(top))
            table.AddRow(i.ThemeId, Markup.Escape(i.Label), i.Accounts.ToString("N0", CultureInfo.InvariantCulture),
                i.ScoreImpact.IsDefined ? i.ScoreImpact.Value.ToString(ImpactFormat(impact.ScoreMetric), CultureInfo.InvariantCulture) : "n/a",
                i.ChurnRatioBeyondScores is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r.Value:0.00}× ({r.Lower:0.00}–{r.Upper:0.00})") : "n/a",
                i.ArrAtRiskBeyondScores is { } a ? Money(a) : "n/a");
        AnsiConsole.Write(table);
        foreach (var i in problems.Take(3))
            if (run.Themes.FirstOrDefault(t => t.ThemeId == i.ThemeId) is { Representatives.Count: > 0 } t)
                AnsiConsole.MarkupLine($"[bold]{t.ThemeId}[/] [grey]e.g. \"{Markup.Escape(t.Representatives[0])}\"[/]");
        AnsiConsole.MarkupLine("[grey]Churn vs predicted: churn after the theme over what NPS, CES and profile predict (95% intervals). An association, not a proven cause; `fulcrum themes` lists every theme.[/]");
        if (impact.LinkageNote is { } note) AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(note)}[/]");
        if (impact.LinkageCaution is { } caution) AnsiConsole.MarkupLine($"[yellow]Caution: {Markup.Escape(caution)}.[/]");
    }

    /// <summary>NPS impact in whole-number points to one decimal; a mean score's impact (CSAT, CES) is a fraction of a point, so two decimals.</summary>
    static string ImpactFormat(string? metric) => metric == "NPS" ? "+0.0;-0.0;0.0" : "+0.00;-0.00;0.00";

    static Table Table(string title, IEnumerable<string> ids, ThemeRunResult run, IReadOnlyDictionary<string, ThemeImpact> byId, bool money, string? scoreMetric)
    {
        var withImpact = byId.Count > 0;
        var withScore = byId.Values.Any(i => i.ScoreImpact.IsDefined); // without any scored answer the reason is printed once below the tables
        var table = new Table().Border(TableBorder.Rounded).Title(title).AddColumns("id", "theme", "comments (share)", "sentiment");
        if (withScore) table.AddColumns(scoreMetric == "NPS" ? "NPS impact (pts)" : $"{scoreMetric} impact");
        if (money) table.AddColumns("churn: raising vs others", "ARR at risk vs peers", "churn vs predicted", "ARR at risk beyond scores, 12 mo");
        if (withImpact) table.AddColumns("trend");
        foreach (var id in ids)
        {
            var t = run.Themes.Single(x => x.ThemeId == id);
            var cells = new List<string>
            {
                id, Markup.Escape(t.Label) + (t.Origin == "discovered" ? "" : $" [grey]({t.Origin})[/]")
                    + (byId.GetValueOrDefault(id)?.ScoreConfirms == false ? $" [grey]({scoreMetric} not lower)[/]" : ""),
                $"{t.Comments:N0} ({t.Share.Value:P1})", Interval(t.Sentiment, "+0.00;-0.00;0.00"),
            };
            if (byId.GetValueOrDefault(id) is { } i)
            {
                if (withScore) cells.Add(Interval(i.ScoreImpact, ImpactFormat(scoreMetric)));
                if (money) cells.AddRange(MoneyCells(i));
                cells.Add(Trend(i));
            }
            table.AddRow(cells.ToArray());
        }
        return table;
    }

    static string Discovery(DiscoverySummary d) =>
        $"Discovery created {d.Created} themes: {d.Complaints} among {d.ComplaintSentences:N0} complaint sentences, {d.Other} among {d.OtherSentences:N0} other sentences" +
        (d.FixedCount is { } k ? $" (--clusters {k})." : string.Create(CultureInfo.InvariantCulture,
            $" ({d.MicroClusters} {(d.Neighbours is { } n ? $"communities of the sentences' {n}-nearest-neighbour graph" : "k-means groups")} merged while their sentences are ≥ {d.MergeSimilarity:0.00} similar on average; {d.Folded} themes under {d.MinimumSize:N0} sentences folded into their nearest)."));

    static IEnumerable<string> MoneyCells(ThemeImpact i)
    {
        yield return i.ChurnRaising is { IsDefined: true } raising && i.ChurnOthers is { IsDefined: true } others ? $"{raising.Value:P1} vs {others.Value:P1}" : "[grey]n/a[/]";
        yield return i.ArrAtRisk is { } atRisk ? Money(atRisk) : "[grey]n/a[/]";
        yield return i.ChurnRatioBeyondScores is { } ratio
            ? Interval(ratio, "0.00×") + (i.ExcessChurnQValue is { } q ? $" [grey]q {q.ToString("0.000", CultureInfo.InvariantCulture)}[/]" : "") : "";
        yield return i.ArrAtRiskBeyondScores is { } beyond ? Money(beyond) : "";
    }

    static string Trend(ThemeImpact impact)
    {
        const string bars = "▁▂▃▄▅▆▇█";
        var values = impact.Trend.Select(p => p.Share.Value).Where(v => !double.IsNaN(v)).ToList();
        if (values.Count == 0) return "";
        var max = values.Max();
        return string.Concat(values.Select(v => bars[max <= 0 ? 0 : (int)Math.Round(v / max * (bars.Length - 1))]));
    }

    static string Interval(Estimate e, string format)
    {
        if (!e.IsDefined) return "[grey]n/a[/]";
        string F(double x) => x.ToString(format, CultureInfo.InvariantCulture);
        return $"{F(e.Value)} [grey]({F(e.Lower)} to {F(e.Upper)})[/]";
    }

    static string Money(Estimate e) =>
        !e.IsDefined ? "[grey]n/a[/]" : $"{MoneyFormat.Short(e.Value)} [grey]({MoneyFormat.Short(e.Lower)} to {MoneyFormat.Short(e.Upper)})[/]";
}
