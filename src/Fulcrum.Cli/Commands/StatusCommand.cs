namespace Fulcrum.Cli.Commands;

[Description("Show what the database holds: row counts per table, recent imports and rejects.")]
public sealed class StatusCommand : StoreCommand<StoreSettings>
{
    protected override bool RequiresExistingDatabase => true;

    protected override int Run(FulcrumStore store, StoreSettings settings, CancellationToken cancellationToken)
    {
        var status = StoreStatus.Read(store);
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(status.Path)}[/]  schema v{status.SchemaVersion}" +
                               (status.GeneratedBy is null ? "" : $"  [grey]({Markup.Escape(status.GeneratedBy)})[/]"));
        var counts = new Table().Border(TableBorder.Rounded).AddColumn("table").AddColumn(new TableColumn("rows").RightAligned());
        foreach (var (table, rows) in status.Tables) counts.AddRow(table, rows.ToString("N0"));
        AnsiConsole.Write(counts);

        if (status.RecentImports.Count == 0)
        {
            AnsiConsole.MarkupLine("No imports yet.");
            return 0;
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
        return 0;
    }
}
