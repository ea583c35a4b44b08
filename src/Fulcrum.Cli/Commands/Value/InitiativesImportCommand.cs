using Fulcrum.Analytics.Value.Initiatives;
using Fulcrum.Data.Import;
using Fulcrum.Data.Import.Sources;

namespace Fulcrum.Cli.Commands.Value;

[Description("Import initiatives from a file (CSV, TSV, XLSX, Parquet, JSON Lines) through the validated importer; targets are checked as segment filters before anything is written.")]
public sealed class InitiativesImportCommand : Command<InitiativesImportCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("Columns named like the fields: initiative_id, name, kind, start_date, end_date, cost, target, lever, owner, status.")]
        public string File { get; init; } = "";

        [CommandOption("-m|--mapping <FILE>")]
        [Description("A mapping from the file's columns to the fields (docs/mapping.md).")]
        public string? Mapping { get; init; }

        [CommandOption("--dry-run")]
        [Description("Validate and report; write nothing. Exits 65, as the import would, when rows are invalid.")]
        public bool DryRun { get; init; }

        public override ValidationResult Validate() => OptionCheck.ImportFiles(File, Mapping);
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Mapping is null)
        {
            var bad = InvalidTargets(settings.File);
            if (bad.Count > 0)
            {
                foreach (var problem in bad) AnsiConsole.MarkupLine($"[red]{Markup.Escape(problem)}[/]");
                AnsiConsole.MarkupLine($"[red]Nothing imported:[/] {bad.Count} row(s) have a target that is not a valid segment filter.");
                return FulcrumApp.DataError;
            }
        }
        using var store = FulcrumStore.Open(settings.Db);
        var result = new Importer(store).Run(new ImportRequest("initiatives", settings.File, settings.Mapping, settings.DryRun), null, cancellationToken);
        ImportReport.Render(result, 20);
        if (result.Status == ImportStatus.Rejected || result.WouldBeRefused) return FulcrumApp.DataError;
        // With a mapping the targets could only be checked once mapped: name any that cannot be measured.
        var problems = new InitiativeRegistry(store).Validate();
        foreach (var problem in problems) AnsiConsole.MarkupLine($"[yellow]Cannot be measured until fixed:[/] {Markup.Escape(problem)}");
        return problems.Count > 0 ? FulcrumApp.DataError : 0;
    }

    static List<string> InvalidTargets(string file)
    {
        using var reader = SourceReaders.Open(file);
        var column = reader.Columns.Select((c, i) => (c, i)).FirstOrDefault(x => string.Equals(x.c.Trim(), "target", StringComparison.OrdinalIgnoreCase));
        var problems = new List<string>();
        if (column.c is null) return problems;
        while (reader.Read())
            if (!TargetFilter.TryParse(reader.Get(column.i), out _, out var error))
                problems.Add($"{file}:{reader.Line} column 'target': {error}");
        return problems;
    }
}
