using System.Globalization;
using Fulcrum.Data.Demo;

namespace Fulcrum.Cli.Rendering;

public static class DemoReport
{
    public static void RenderGeneration(FulcrumStore store, GenerationResult result)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Generated in {result.Elapsed.TotalSeconds:F1} s into {Markup.Escape(store.Location.ShortName)}")
            .AddColumn("table").AddColumn(new TableColumn("rows").RightAligned());
        table.AddRow("accounts", result.Accounts.ToString("N0"));
        table.AddRow("subscriptions", result.Subscriptions.ToString("N0"));
        table.AddRow("responses", result.Responses.ToString("N0"));
        table.AddRow("tickets", result.Tickets.ToString("N0"));
        table.AddRow("outcomes", result.Outcomes.ToString("N0"));
        table.AddRow("reference requests", result.References.ToString("N0"));
        table.AddRow("opportunities", result.Opportunities.ToString("N0"));
        table.AddRow("initiatives", result.Initiatives.ToString("N0"));
        AnsiConsole.Write(table);
    }

    /// <summary>The generation in one line (the table is for --verbose).</summary>
    public static void RenderGenerationLine(FulcrumStore store, GenerationResult result) =>
        AnsiConsole.MarkupLine($"Generated {result.Accounts:N0} accounts, {result.Responses:N0} survey answers, {result.Tickets:N0} tickets and {result.Outcomes:N0} renewal outcomes " +
                               $"in {result.Elapsed.TotalSeconds:F1} s into [bold]{Markup.Escape(Path.GetFileName(store.Path))}[/].");

    public static void RenderGroundTruth(FulcrumStore store)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("effect", "planted", "realized in this data", "unit");
        foreach (var e in GroundTruth.Read(store))
            table.AddRow(Markup.Escape(e.Description), Format(e.Nominal), Format(e.Realized), Markup.Escape(e.Unit));
        table.Columns[1].RightAligned();
        table.Columns[2].RightAligned();
        AnsiConsole.Write(table);
    }

    static string Format(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.##", CultureInfo.InvariantCulture) : "—";
}
