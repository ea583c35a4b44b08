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

    // ArgumentOutOfRangeException appends " (Parameter 'name')" and the actual value: the user needs only the sentence.
    static string WithoutParameter(string message) => message.Split(" (Parameter", 2)[0];
}
