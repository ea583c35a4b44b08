using Fulcrum.Data.Import;
using Fulcrum.Data.Schema;

namespace Fulcrum.Cli.Commands;

/// <summary>Turns the errors that parsing and checking options throw into a usage error (exit 64) that names the problem.</summary>
public static class OptionCheck
{
    /// <summary>Runs <paramref name="check"/>; an <see cref="ArgumentException"/> or <see cref="FormatException"/> becomes the error message.</summary>
    public static ValidationResult Run(Action check)
    {
        try { check(); }
        catch (Exception e) when (e is ArgumentException or FormatException) { return ValidationResult.Error(WithoutParameter(e.Message)); }
        return ValidationResult.Success();
    }

    /// <summary>Runs <paramref name="check"/> only when the <paramref name="earlier"/> checks (usually the base settings') passed.</summary>
    public static ValidationResult Run(ValidationResult earlier, Action check) => earlier.Successful ? Run(check) : earlier;

    /// <summary>The file to import, and its mapping when one is given, must exist.</summary>
    public static ValidationResult ImportFiles(string file, string? mapping) =>
        !File.Exists(file) ? ValidationResult.Error($"File not found: {file}")
        : mapping is not null && !File.Exists(mapping) ? ValidationResult.Error($"Mapping file not found: {mapping}")
        : ValidationResult.Success();

    /// <summary>Where <paramref name="text"/> names a store; a value that cannot name one is a usage error that says why.</summary>
    public static StoreLocation StoreAt(string option, string text)
    {
        try { return Fulcrum.Data.Store.StoreLocation.Parse(text); }
        catch (StoreException e) { throw new UsageException($"{option}: {e.Message}"); }
    }

    /// <summary>The table to import into must exist, and `all` needs a mapping that names the tables.</summary>
    public static ValidationResult ImportTable(string table, string? mapping) =>
        table.Equals(ImportRequest.AllTables, StringComparison.OrdinalIgnoreCase)
            ? mapping is null ? ValidationResult.Error("Importing into 'all' tables needs a --mapping that names them; otherwise give the table, e.g. `fulcrum import responses answers.csv`.") : ValidationResult.Success()
            : CanonicalSchema.Find(table) is null
                ? ValidationResult.Error($"Unknown table '{table}'. Tables: {string.Join(", ", CanonicalSchema.Tables.Select(t => t.Name))}, or 'all' with a mapping.")
                : ValidationResult.Success();

    // ArgumentOutOfRangeException appends " (Parameter 'name')" and the actual value: the user needs only the sentence.
    internal static string WithoutParameter(string message) => message.Split(" (Parameter", 2)[0];
}
