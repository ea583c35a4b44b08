using Fulcrum.Data.Survey;

namespace Fulcrum.Cli.Rendering;

/// <summary>`fulcrum status`: the store's tables, the CSAT/CES scales its answers are on, recent imports and rejects.</summary>
public static class StatusView
{
    /// <summary>A table's row count (the status holds them as tuples, which JSON would write without names).</summary>
    public sealed record TableRows(string Table, long Rows);

    /// <summary>The status as `status --json` writes it.</summary>
    public sealed record StatusJson(string Path, int SchemaVersion, string? GeneratedBy, IReadOnlyList<TableRows> Tables,
        IReadOnlyList<StoredScale> Scales, IReadOnlyList<ImportRunSummary> RecentImports, long TotalRejects);

    public static StatusJson ForJson(StoreStatus status) => new(status.Path, status.SchemaVersion, status.GeneratedBy,
        status.Tables.Select(t => new TableRows(t.Table, t.Rows)).ToList(), status.Scales, status.RecentImports, status.TotalRejects);

    public static void Render(StoreStatus status)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(status.Path)}[/]  schema v{status.SchemaVersion}" +
                               (status.GeneratedBy is null ? "" : $"  [grey]({Markup.Escape(status.GeneratedBy)})[/]"));
        var counts = new Table().Border(TableBorder.Rounded).AddColumn("table").AddColumn(new TableColumn("rows").RightAligned());
        foreach (var (table, rows) in status.Tables) counts.AddRow(table, rows.ToString("N0"));
        AnsiConsole.Write(counts);
        // Every reader of levels (closed loop, repeat purchase, linkage, intervals) reads these: say which hold.
        AnsiConsole.MarkupLine("Scales: " + string.Join(", ", status.Scales.Select(s => Markup.Escape(s.Description))));

        if (status.RecentImports.Count == 0)
        {
            AnsiConsole.MarkupLine("No imports yet.");
            return;
        }
        var imports = new Table().Border(TableBorder.Rounded).Title("Recent imports")
            .AddColumns("import", "when (UTC)", "file", "tables", "status", "read", "new", "updated", "rejected");
        foreach (var run in status.RecentImports)
            imports.AddRow(run.ImportId, run.StartedAt.ToString("yyyy-MM-dd HH:mm"), Markup.Escape(Path.GetFileName(run.SourceFile)), run.Target,
                run.Status == "committed" ? "[green]committed[/]" : $"[red]{run.Status}[/]",
                run.RowsRead.ToString("N0"), run.RowsInserted.ToString("N0"), run.RowsUpdated.ToString("N0"),
                run.RowsRejected == 0 ? "0" : $"[red]{run.RowsRejected:N0}[/]");
        AnsiConsole.Write(imports);
        if (status.TotalRejects > 0)
            AnsiConsole.MarkupLine($"{status.TotalRejects:N0} rejects recorded in all. List them with `fulcrum rejects [[IMPORT]]`.");
    }
}
