namespace Fulcrum.Data.Import.Sources;

/// <summary>Options a mapping may give about the source file's format.</summary>
public sealed record SourceOptions(string? Format = null, string? Delimiter = null, string? Sheet = null);

/// <summary>Chooses a reader from the file extension (or the mapping's explicit format).</summary>
public static class SourceReaders
{
    public static readonly IReadOnlyList<string> SupportedFormats = ["csv", "tsv", "xlsx", "parquet", "jsonl"];

    public static ISourceReader Open(string path, SourceOptions? options = null)
    {
        options ??= new SourceOptions();
        if (!File.Exists(path))
            throw new SourceFormatException(path, null, "file not found.");
        var format = (options.Format ?? FormatFromExtension(path)).ToLowerInvariant();
        return format switch
        {
            "csv" => new CsvSourceReader(path, options.Delimiter),
            "tsv" => new CsvSourceReader(path, options.Delimiter ?? "\t"),
            "xlsx" => new XlsxSourceReader(path, options.Sheet),
            "parquet" => new ParquetSourceReader(path),
            "jsonl" => new JsonLinesSourceReader(path),
            _ => throw new SourceFormatException(path, null,
                $"unsupported format '{format}'. Supported: {string.Join(", ", SupportedFormats)} (set source.format in the mapping to override the extension)."),
        };
    }

    static string FormatFromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" or ".txt" => "csv",
        ".tsv" or ".tab" => "tsv",
        ".xlsx" or ".xlsm" => "xlsx",
        ".parquet" or ".pq" => "parquet",
        ".jsonl" or ".ndjson" or ".json" => "jsonl",
        var other => other.TrimStart('.'),
    };
}
