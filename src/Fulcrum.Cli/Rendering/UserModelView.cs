using System.Globalization;
using Fulcrum.Analytics.Linkage.UserModels;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Cli.Rendering;

public static class UserModelView
{
    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void Render(UserModelReport r)
    {
        var ci = $"{(r.Coefficients.FirstOrDefault()?.Coefficient.ConfidenceLevel ?? 0.95) * 100:0}% CI";
        AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(r.Formula)}[/]").LeftJustified());
        var outcome = r.IsYesNo ? $"{r.Events:N0} with {r.Outcome}" : r.Outcome == "revenue" ? $"net revenue {r.Events:N0} in all" : $"{r.Events:N0} {r.Outcome}";
        AnsiConsole.MarkupLine(Markup.Escape($"{r.Method}; {r.Accounts:N0} accounts ({outcome})."));
        foreach (var m in r.Missing)
            AnsiConsole.MarkupLine($"[yellow]Left out:[/] {Markup.Escape($"{m.Accounts:N0} accounts have no value for {m.Term}.")}");

        var logistic = r.IsYesNo;
        var table = new Table().Border(TableBorder.Rounded).Title($"Coefficients ({ci})");
        table.AddColumns("term", "coefficient (SE)", ci);
        if (logistic) table.AddColumns("odds ratio", "average marginal effect");
        table.AddColumn("p");
        foreach (var c in r.Coefficients)
        {
            if (c.Withheld is { } reason)
            {
                var cells = new List<string> { Markup.Escape(c.Name), $"[grey]{Markup.Escape(reason)}[/]", "" };
                if (logistic) cells.AddRange(["", ""]);
                cells.Add("");
                table.AddRow(cells.ToArray());
                continue;
            }
            var e = c.Coefficient;
            var row = new List<string>
            {
                Markup.Escape(c.Name), string.Create(C, $"{e.Value:0.0000} ({e.StandardError:0.0000})"), string.Create(C, $"{e.Lower:0.0000} to {e.Upper:0.0000}"),
            };
            if (logistic)
            {
                row.Add(c.Ratio is { } or ? string.Create(C, $"{or.Value:0.000} ({or.Lower:0.000}–{or.Upper:0.000})") : "");
                row.Add(Points(c.MarginalEffect));
            }
            row.Add(string.Create(C, $"{c.PValue:0.0000}"));
            table.AddRow(row.ToArray());
        }
        AnsiConsole.Write(table);

        if (r.Levels.Count > 0)
        {
            var levels = new Table().Border(TableBorder.Rounded).Title(logistic ? $"Observed {r.Outcome} by level (exact Clopper–Pearson {ci})" : $"Observed {r.Outcome} per account by level ({ci})")
                .AddColumns("term", "level", "accounts", r.Outcome, "observed");
            foreach (var l in r.Levels)
                levels.AddRow(Markup.Escape(l.Term), Markup.Escape(l.Level) + (l.IsBaseline ? " [grey](baseline)[/]" : "") + (l.Separated ? " [yellow](separates)[/]" : ""),
                    l.Accounts.ToString("N0", C), l.Events.ToString("N0", C),
                    logistic ? string.Create(C, $"{l.Observed.Value * 100:0.0}% ({l.Observed.Lower * 100:0.0}–{l.Observed.Upper * 100:0.0})")
                             : string.Create(C, $"{l.Observed.Value:0.00} ({l.Observed.Lower:0.00}–{l.Observed.Upper:0.00})"));
            AnsiConsole.Write(levels);
        }
        if (r.Auc.IsDefined)
            AnsiConsole.MarkupLine(Markup.Escape(string.Create(C, $"AUC {r.Auc.Value:0.000} ({r.Auc.Lower:0.000}–{r.Auc.Upper:0.000}): {r.Auc.Method}.")));
        LinkageView.RenderWarnings(r.Warnings);
    }

    static string Points(Estimate e) => $"{SignedPoints.Format(e.Value)} pts ({SignedPoints.Format(e.Lower)} to {SignedPoints.Format(e.Upper)})";
}
