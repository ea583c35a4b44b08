namespace Fulcrum.Cli.Commands;

[Description("List the rejects of an import (default: the latest import that had any), with file, line, column, value and reason.")]
public sealed class RejectsCommand : StoreCommand<RejectsCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "[IMPORT]")]
        [Description("Import id, as shown by `fulcrum status`.")]
        public string? ImportId { get; init; }

        [CommandOption("--limit <N>")]
        [Description("Maximum rejects to list.")]
        [DefaultValue(100)]
        public int Limit { get; init; } = 100;
    }

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken)
    {
        // An import id that names no import is refused, not listed as "0 rejects".
        if (settings.ImportId is { } asked && store.Scalar<long>("SELECT COUNT(*) FROM import_runs WHERE import_id = $asked", new { asked }) == 0)
            throw new UsageException($"No import '{asked}'. `fulcrum status` lists the recent imports.");
        var (importId, rejects, total) = RejectQueries.For(store, settings.ImportId, settings.Limit);
        if (importId is null)
        {
            AnsiConsole.MarkupLine("No rejects recorded.");
            return 0;
        }
        var table = new Table().Border(TableBorder.Rounded).Title($"{importId}: {total:N0} rejects" + (total > rejects.Count ? $" (first {rejects.Count:N0})" : ""))
            .AddColumns("file", "line", "table", "column", "value", "reason");
        foreach (var r in rejects)
            table.AddRow(Markup.Escape(Path.GetFileName(r.File)), r.Line?.ToString("N0") ?? "", r.Table ?? "", Markup.Escape(r.Column ?? ""),
                Markup.Escape(r.Value ?? ""), Markup.Escape(r.Reason));
        AnsiConsole.Write(table);
        return 0;
    }
}
