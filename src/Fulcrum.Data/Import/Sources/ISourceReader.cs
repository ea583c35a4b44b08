namespace Fulcrum.Data.Import.Sources;

/// <summary>
/// Reads a tabular source file one record at a time, every value as its source text, so that
/// validation can name the exact file, line and column of a bad value whatever the format.
/// </summary>
public interface ISourceReader : IDisposable
{
    string FilePath { get; }

    IReadOnlyList<string> Columns { get; }

    /// <summary>Where the current record starts: the physical line for text formats, the sheet row for XLSX, the record number for Parquet.</summary>
    long Line { get; }

    /// <summary>Advances to the next record; false at the end of the file.</summary>
    bool Read();

    /// <summary>The current record's text for column <paramref name="index"/>; null when absent or empty.</summary>
    string? Get(int index);

    /// <summary>Number of fields the current record actually had (text formats can be ragged).</summary>
    int FieldCount { get; }

    /// <summary>Fraction of the file consumed so far, 0..1, for progress display.</summary>
    double Progress { get; }
}

/// <summary>A source file that cannot be read at all (bad format, unreadable header, ...).</summary>
public sealed class SourceFormatException(string file, long? line, string message, Exception? inner = null)
    : Exception(Printable(line is null ? $"{file}: {message}" : $"{file}, line {line}: {message}"), inner)
{
    /// <summary>Control characters and invalid text quoted from a malformed file are shown escaped, never sent raw to a terminal or page.</summary>
    static string Printable(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsControl(c) || c == '\uFFFD' || char.IsSurrogate(c)) builder.Append($"\\x{(int)c:X2}");
            else builder.Append(c);
        }
        return builder.ToString();
    }

    public string File { get; } = file;
    public long? Line { get; } = line;
}
