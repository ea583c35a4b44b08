using Fulcrum.Data.Import;

namespace Fulcrum.Cli.Commands;

[Description("Import a CSV, TSV, XLSX, Parquet or JSON Lines file into a canonical table (or, with a mapping, into every table it fills).")]
public sealed class ImportCommand : StoreCommand<ImportCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<TABLE>")]
        [Description("accounts, subscriptions, responses, tickets, outcomes, orders, reference_requests, opportunities, initiatives, followups, assumptions — or 'all' with --mapping.")]
        public string Table { get; init; } = "";

        [CommandArgument(1, "<FILE>")]
        [Description("The file to import. Its format comes from the extension (.csv .tsv .xlsx .parquet .jsonl).")]
        public string File { get; init; } = "";

        [CommandOption("-m|--mapping <FILE>")]
        [Description("YAML/JSON mapping from the file's columns to canonical fields (see docs/mapping.md). Without it, columns must be named like the fields.")]
        public string? Mapping { get; init; }

        [CommandOption("--dry-run")]
        [Description("Validate and report what would change; write nothing. Exits 65, as the import would, when rows are invalid and --skip-invalid is not given.")]
        public bool DryRun { get; init; }

        [CommandOption("--skip-invalid")]
        [Description("Import the valid rows and record every reject, instead of refusing the whole file.")]
        public bool SkipInvalid { get; init; }

        [CommandOption("--show <N>")]
        [Description("How many rejects to print.")]
        [DefaultValue(20)]
        public int Show { get; init; } = 20;

        [CommandOption("--json")]
        [Description("Print the result (tables, rejects, date warnings) as JSON instead of tables.")]
        public bool AsJson { get; init; }

        public override ValidationResult Validate() => OptionCheck.ImportTable(Table, Mapping) is { Successful: false } table ? table : OptionCheck.ImportFiles(File, Mapping);
    }

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken)
    {
        var request = new ImportRequest(settings.Table, settings.File, settings.Mapping, settings.DryRun, settings.SkipInvalid);
        ImportResult? result = null;
        if (settings.AsJson)
        {
            result = new Importer(store).Run(request, cancellation: cancellationToken);
            Json.Write(ImportReport.ForJson(result, settings.Show));
            return ExitCode(result);
        }
        ProgressBars.Create().Start(ctx =>
        {
            var task = ctx.AddTask($"Importing {Path.GetFileName(settings.File)}", maxValue: 1);
            var progress = new SynchronousProgress<ImportProgress>(p =>
            {
                task.Description = $"{p.Phase} ({p.RowsRead:N0} rows)";
                task.Value = p.Fraction;
            });
                result = new Importer(store).Run(request, progress, cancellationToken);
                task.Value = 1;
            });
        ImportReport.Render(result!, settings.Show);
        // The closed loop: the import opened a follow-up on every new answer that needs one, in the same commit.
        if (result!.FollowupsOpened > 0)
            AnsiConsole.MarkupLine($"Opened {result.FollowupsOpened:N0} follow-ups on new {Markup.Escape(result.FollowupRule ?? "answers")} (`fulcrum followups list`).");
        return ExitCode(result);
    }

    /// <summary>65 (a data error) when nothing was or would be written because of invalid rows (a dry run fails as the import would), else 0.</summary>
    static int ExitCode(ImportResult result) => result.Status == ImportStatus.Rejected || result.WouldBeRefused ? FulcrumApp.DataError : 0;
}
