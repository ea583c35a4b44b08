using Fulcrum.Data.Import;

namespace Fulcrum.Cli.Rendering;

public static class ImportReport
{
    public static void Render(ImportResult result, int showRejects)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(Path.GetFileName(result.File))}[/]: {result.RowsRead:N0} rows read")
            .AddColumns("table", "staged", "new", "updated", "unchanged", "rejected", "filtered", "identical repeats");
        var folds = result.Tables.Any(t => t.Folded > 0);
        if (folds) table.AddColumn("folded (group_by)");
        foreach (var t in result.Tables)
        {
            string[] cells = [t.Table, N(t.Staged), N(t.Inserted), N(t.Updated), N(t.Unchanged), t.Rejected == 0 ? "0" : $"[red]{t.Rejected:N0}[/]", N(t.Filtered), N(t.CollapsedDuplicates)];
            table.AddRow(folds ? [.. cells, N(t.Folded)] : cells);
        }
        foreach (var c in table.Columns.Skip(1)) c.RightAligned();
        AnsiConsole.Write(table);

        if (result.Rejects.Count > 0)
        {
            var rejects = new Table().Border(TableBorder.Simple).Title($"[red]{result.Rejects.Count:N0} rejects[/] (first {Math.Min(showRejects, result.Rejects.Count)})")
                .AddColumns("line", "table", "column", "value", "reason");
            foreach (var r in result.Rejects.Take(showRejects))
                rejects.AddRow(Markup.Escape(Where(r)), r.Table ?? "", Markup.Escape(r.Column ?? ""), Markup.Escape(Truncate(r.Value)), Markup.Escape(r.Reason));
            AnsiConsole.Write(rejects);
        }
        if (result.Warnings.Count > 0)
        {
            var warnings = new Table().Border(TableBorder.Simple)
                .Title($"[yellow]{result.Warnings.Sum(w => w.Count):N0} dates to check[/] (imported; first examples)")
                .AddColumns("line", "table", "field", "value", "why");
            foreach (var warning in result.Warnings)
            {
                AnsiConsole.MarkupLine($"[yellow]Warning:[/] {Markup.Escape(warning.Message)}");
                foreach (var e in warning.Examples)
                    warnings.AddRow(e.Line.ToString("N0"), e.Table, e.Field, Markup.Escape(e.Value), Markup.Escape(e.Detail));
            }
            AnsiConsole.Write(warnings);
        }
        if (result.UnmappedColumns.Count > 0)
            AnsiConsole.MarkupLine($"[yellow]Not imported[/] (no mapping uses them): {Markup.Escape(string.Join(", ", result.UnmappedColumns))}");

        AnsiConsole.MarkupLine(result.Status switch
        {
            ImportStatus.DryRun when result.WouldBeRefused =>
                $"[blue]Dry run:[/] nothing was written. [red]The import would be refused:[/] {result.Rejects.Count:N0} invalid rows. Fix them, or import with --skip-invalid to take the valid rows.",
            ImportStatus.DryRun => "[blue]Dry run:[/] nothing was written.",
            ImportStatus.Rejected => $"[red]Nothing was written:[/] the file has invalid rows. Fix them, or re-run with --skip-invalid to import the valid rows. Rejects are kept: `fulcrum rejects {result.ImportId}`.",
            _ when result.Rejects.Count > 0 => $"[green]Imported[/] {result.Inserted:N0} new and {result.Updated:N0} updated rows; {result.RejectedRows:N0} rows rejected and recorded (`fulcrum rejects {result.ImportId}`).",
            _ => $"[green]Imported[/] {result.Inserted:N0} new and {result.Updated:N0} updated rows ({result.ImportId}).",
        });
    }

    /// <summary>The --json shape: what the tables show, with every date warning and the first <paramref name="showRejects"/> rejects.</summary>
    public static object ForJson(ImportResult result, int showRejects) => new
    {
        importId = result.ImportId,
        status = result.Status.ToString().ToLowerInvariant(),
        wouldBeRefused = result.WouldBeRefused,
        file = result.File,
        mapping = result.MappingFile,
        rowsRead = result.RowsRead,
        inserted = result.Inserted,
        updated = result.Updated,
        rejectedRows = result.RejectedRows,
        tables = result.Tables,
        warnings = result.Warnings,
        rejects = result.Rejects.Take(showRejects),
        unmappedColumns = result.UnmappedColumns,
        followupsOpened = result.FollowupsOpened,
        followupRule = result.FollowupRule,
    };

    static string N(long n) => n.ToString("N0");

    /// <summary>A reject's line, with the joined file's name when the value came from one (its reason names the imported file's row).</summary>
    static string Where(Reject r) => r.RowLine is null ? r.Line?.ToString("N0") ?? "" : $"{Path.GetFileName(r.File)}:{r.Line:N0}";

    static string Truncate(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}
