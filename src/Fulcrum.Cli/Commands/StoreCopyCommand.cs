using Fulcrum.Data.Store;

namespace Fulcrum.Cli.Commands;

[Description("Copy a whole store to another (DuckDB file ↔ PostgreSQL), in one transaction, and verify every table by row count and checksum.")]
public sealed class StoreCopyCommand : Command<StoreCopyCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--from <PATH_OR_URL>")]
        [Description("The store to copy: a DuckDB file or a PostgreSQL URL / connection string.")]
        public string From { get; init; } = "";

        [CommandOption("--to <PATH_OR_URL>")]
        [Description("Where to copy it: a DuckDB file (created if missing) or a PostgreSQL database (must exist).")]
        public string To { get; init; } = "";

        [CommandOption("--replace")]
        [Description("Overwrite a target that already holds data (by default it is refused).")]
        public bool Replace { get; init; }

        public override ValidationResult Validate() =>
            From.Length == 0 || To.Length == 0 ? ValidationResult.Error("Give both --from and --to.")
            : OptionCheck.StoreAt("--from", From) == OptionCheck.StoreAt("--to", To) ? ValidationResult.Error("--from and --to are the same store.")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var from = StoreLocation.Parse(settings.From);
        if (!from.IsPostgres && !File.Exists(from.Target)) throw new UsageException($"--from: no database at {from.Target}.");
        using var source = FulcrumStore.Open(from);
        using var target = FulcrumStore.Open(settings.To);
        var copies = AnsiConsole.Status().Start($"Copying {source.Path} to {target.Path}…", _ => StoreCopier.Copy(source, target, settings.Replace));
        var table = new Table().Border(TableBorder.Rounded).AddColumn("table").AddColumn(new TableColumn("rows").RightAligned()).AddColumn("checksum").AddColumn("verified");
        foreach (var c in copies)
            table.AddRow(c.Table, c.TargetRows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), c.TargetChecksum,
                c.Verified ? "[green]yes[/]" : $"[red]no[/] (source {c.SourceRows:N0} rows, {c.SourceChecksum})");
        AnsiConsole.Write(table);
        var failed = copies.Where(c => !c.Verified).ToList();
        if (failed.Count > 0)
        {
            AnsiConsole.MarkupLine($"[red]{failed.Count} table(s) differ after the copy:[/] {Markup.Escape(string.Join(", ", failed.Select(f => f.Table)))}.");
            return 1;
        }
        AnsiConsole.MarkupLine($"Copied {copies.Count} tables, {copies.Sum(c => c.TargetRows):N0} rows, from [bold]{Markup.Escape(source.Path)}[/] to [bold]{Markup.Escape(target.Path)}[/]; row counts and checksums match. Fact tables are rebuilt by the first analysis.");
        return 0;
    }
}
