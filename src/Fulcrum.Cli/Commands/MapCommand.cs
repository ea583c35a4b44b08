using System.Globalization;
using Fulcrum.Data.Import.Proposal;

namespace Fulcrum.Cli.Commands;

[Description("Propose a mapping for a source file from its column names and contents: which canonical tables it fills and which column gives each field, " +
             "joining the data files beside it (at most 20, same folder) where they name the customer or an order's time. " +
             "Writes YAML to edit (every choice commented; what it cannot tell is a TODO), then check it with `import all FILE --mapping M --dry-run`.")]
public sealed class MapCommand : Command<MapCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The source file (.csv .tsv .xlsx .parquet .jsonl).")]
        public string File { get; init; } = "";

        [CommandOption("-o|--out <PATH>")]
        [Description("Write the proposed mapping here (default: print it). An existing file is not overwritten.")]
        public string? Out { get; init; }

        [CommandOption("--rows <N>")]
        [Description("How many rows to sample for types and ranges, of the file and of each file beside it.")]
        [DefaultValue(MappingProposer.DefaultSampleRows)]
        public int Rows { get; init; } = MappingProposer.DefaultSampleRows;

        public override ValidationResult Validate() =>
            !System.IO.File.Exists(File) ? ValidationResult.Error($"File not found: {File}")
            : Rows < 1 ? ValidationResult.Error("--rows must be at least 1.")
            : Out is not null && System.IO.File.Exists(Out) ? ValidationResult.Error($"{Out} exists; choose another --out or remove it.")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var proposal = MappingProposer.Propose(settings.File, settings.Rows);
        var table = new Table().AddColumns("column", "looks like", "filled", "distinct", "examples");
        foreach (var c in proposal.Columns)
            table.AddRow(Markup.Escape(c.Name), c.Kind.ToString().ToLowerInvariant() + (c.Format is { } f ? $" ({Markup.Escape(f)})" : "")
                + (c is { Min: { } min, Max: { } max } ? FormattableString.Invariant($" {min:0.##}–{max:0.##}") : ""),
                (c.FillRate * 100).ToString("0", CultureInfo.InvariantCulture) + "%", c.Unique ? "unique" : c.DistinctLabel,
                Markup.Escape(string.Join(" | ", c.Examples.Select(e => e.Length > 24 ? e[..24] + "…" : e))));
        if (settings.Out is { } path)
        {
            System.IO.File.WriteAllText(path, proposal.Yaml);
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"Proposed mapping written to [bold]{Markup.Escape(path)}[/] ({proposal.SampledRows:N0} rows sampled).");
        }
        else
        {
            // Only the YAML goes to stdout, so `fulcrum map FILE > mapping.yaml` gives a clean file; the TODOs go to stderr.
            Console.Out.Write(proposal.Yaml);
            foreach (var todo in proposal.Todos) Console.Error.WriteLine($"TODO {todo}");
            return 0;
        }
        foreach (var todo in proposal.Todos) AnsiConsole.MarkupLine($"[yellow]TODO[/] {Markup.Escape(todo)}");
        AnsiConsole.MarkupLine($"Next: [bold]fulcrum import all {Markup.Escape(settings.File)} --mapping {Markup.Escape(path)} --dry-run[/]");
        return 0;
    }
}
