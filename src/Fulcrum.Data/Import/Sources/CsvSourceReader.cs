using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Fulcrum.Data.Import.Sources;

/// <summary>CSV/TSV via CsvHelper's parser (RFC 4180 quoting, fields spanning lines), tracking physical line numbers.</summary>
public sealed class CsvSourceReader : ISourceReader
{
    readonly FileStream _stream;
    readonly StreamReader _text;
    readonly CsvParser _parser;
    string[] _record = [];
    long _lastRawRow;

    public CsvSourceReader(string path, string? delimiter = null)
    {
        FilePath = path;
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        _text = new StreamReader(_stream, StrictUtf8.Encoding, detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter ?? ",",
            DetectDelimiter = delimiter is null,
            // Blank lines come through as empty records (skipped in Read) so that line numbers stay physical.
            IgnoreBlankLines = false,
            BadDataFound = args => throw new SourceFormatException(path, args.Context.Parser?.RawRow,
                $"malformed quoting near: {Truncate(args.RawRecord)}"),
        };
        _parser = new CsvParser(_text, config);
        try
        {
            if (!_parser.Read())
                throw new SourceFormatException(path, 1, "the file is empty; expected a header row.");
        }
        catch (CsvHelperException e) when (e is not null)
        {
            throw new SourceFormatException(path, 1, e.Message.Split('\n')[0], e);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            throw StrictUtf8.Error(path, 1, e);
        }
        var header = _parser.Record ?? [];
        Columns = header.Select(h => h.Trim()).ToArray();
        ValidateHeader(path, Columns);
        _lastRawRow = _parser.RawRow;
    }

    public string FilePath { get; }
    public IReadOnlyList<string> Columns { get; }
    public long Line { get; private set; }
    public int FieldCount => _record.Length;
    public double Progress => _stream.Length == 0 ? 1 : (double)_stream.Position / _stream.Length;

    public bool Read()
    {
        try
        {
            while (_parser.Read())
            {
                Line = _lastRawRow + 1;
                _lastRawRow = _parser.RawRow;
                _record = _parser.Record ?? [];
                if (_record.Length == 0 || (_record.Length == 1 && _record[0].Length == 0)) continue; // blank line
                return true;
            }
            return false;
        }
        catch (CsvHelperException e) when (e.InnerException is System.Text.DecoderFallbackException)
        {
            throw StrictUtf8.Error(FilePath, _lastRawRow + 1, e);
        }
        catch (CsvHelperException e)
        {
            throw new SourceFormatException(FilePath, _lastRawRow + 1, e.Message.Split('\n')[0], e);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            throw StrictUtf8.Error(FilePath, _lastRawRow + 1, e);
        }
    }

    public string? Get(int index)
    {
        if (index >= _record.Length) return null;
        var value = _record[index];
        return value.Length == 0 ? null : value;
    }

    internal static void ValidateHeader(string path, IReadOnlyList<string> columns)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Length == 0)
                throw new SourceFormatException(path, 1, $"header column {i + 1} is empty; every column needs a name.");
            if (!seen.Add(columns[i]))
                throw new SourceFormatException(path, 1, $"header column '{columns[i]}' appears twice.");
        }
    }

    static string Truncate(string text) => text.Length <= 60 ? text : text[..60] + "…";

    public void Dispose()
    {
        _parser.Dispose();
        _text.Dispose();
        _stream.Dispose();
    }
}
