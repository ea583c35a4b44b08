namespace Fulcrum.Data.Import.Mapping;

/// <summary>A mapping file that cannot be used, with the file and line of the problem.</summary>
public sealed class MappingException(string? file, int? line, string message, Exception? inner = null)
    : Exception((file, line) switch
    {
        (null, _) => message,
        (_, null or 0) => $"{file}: {message}",
        _ => $"{file}, line {line}: {message}",
    }, inner);
