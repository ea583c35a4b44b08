using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Analytics.Transactions;
using Fulcrum.Reports.BusinessCase;

namespace Fulcrum.Cli.Commands;

[Description("The executive business case: levers ranked by NPV with ROI and payback (bootstrap intervals), their sensitivity to each assumption, written as a one-page Markdown and HTML document.")]
public sealed class BusinessCaseCommand : StoreCommand<BusinessCaseCommand.Settings>
{
    public sealed class Settings : LinkageSettings
    {
        [CommandOption("--out <PATH>")]
        [Description("Where to write the one-page business case: PATH.md and PATH.html (the extension, if given, is replaced).")]
        [DefaultValue("business-case")]
        public string Out { get; init; } = "business-case";
    }

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken)
    {
        BusinessCaseChoice choice;
        try
        {
            choice = BusinessCaseBasis.Choose(store, () => settings.WithProgress(progress => BusinessCaseAnalysis.Run(new AnalysisFacts(store), settings.Options, progress)),
                new RepeatPurchaseOptions(Resamples: settings.Resamples, ConfidenceLevel: settings.Confidence));
        }
        catch (MissingDataException missing) { return MissingDataView.Render(missing, settings.Json); }
        if (choice.RepeatPurchase is { } repeat)
        {
            // No renewals but orders: a business that sells by order; its hard outcome is the repeat purchase.
            return Print.JsonOrTables(settings.Json, repeat, report =>
            {
                AnsiConsole.MarkupLine("[grey]No renewal decisions on record but orders: the business case values repeat purchases (`fulcrum repeat-purchase` has the options).[/]");
                RepeatPurchaseView.Render(report);
            });
        }
        var run = choice.Renewals!;
        var (markdown, html) = Write(run.Report, settings.Out, store.Location.ShortName);
        return Print.JsonOrTables(settings.Json, run.Report, report =>
        {
            BusinessCaseView.Render(report);
            AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(markdown)}[/] and [bold]{Markup.Escape(html)}[/].");
        });
    }

    internal static (string Markdown, string Html) Write(BusinessCaseReport report, string outPath, string source)
    {
        var basePath = Path.ChangeExtension(Path.GetFullPath(outPath), null);
        var directory = Path.GetDirectoryName(basePath);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var now = DateTime.UtcNow;
        File.WriteAllText(basePath + ".md", BusinessCaseDocument.Markdown(report, now, source));
        File.WriteAllText(basePath + ".html", BusinessCaseDocument.Html(report, now, source));
        return (basePath + ".md", basePath + ".html");
    }
}
