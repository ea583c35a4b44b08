using System.Text.Json;

namespace Fulcrum.Data.Import.Sources;

/// <summary>
/// JSON Lines: one object per line. Columns are the union of top-level keys (a first pass collects them);
/// nested values are kept as their JSON text.
/// </summary>
public sealed class JsonLinesSourceReader : ISourceReader
{
    readonly StreamReader _reader;
    readonly Dictionary<string, int> _index;
    readonly string?[] _values;
    long _line;

    public JsonLinesSourceReader(string path)
    {
        FilePath = path;
        var columns = new List<string>();
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        long line = 0;
        try
        {
            foreach (var text in File.ReadLines(path, StrictUtf8.Encoding))
            {
                line++;
                if (string.IsNullOrWhiteSpace(text)) continue;
                using var document = Parse(text, line);
                foreach (var property in document.RootElement.EnumerateObject())
                    if (_index.TryAdd(property.Name, columns.Count)) columns.Add(property.Name);
            }
        }
        catch (System.Text.DecoderFallbackException e)
        {
            throw StrictUtf8.Error(path, line + 1, e);
        }
        if (columns.Count == 0)
            throw new SourceFormatException(path, null, "no JSON objects found; expected one object per line.");
        Columns = columns;
        _values = new string?[columns.Count];
        _reader = new StreamReader(path, StrictUtf8.Encoding);
    }

    public string FilePath { get; }
    public IReadOnlyList<string> Columns { get; }
    public long Line => _line;
    public int FieldCount => _values.Length;
    public double Progress => _reader.BaseStream.Length == 0 ? 1 : (double)_reader.BaseStream.Position / _reader.BaseStream.Length;

    public bool Read()
    {
        string? text;
        while ((text = ReadLine()) is not null)
        {
            _line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            Array.Clear(_values);
            using var document = Parse(text, _line);
            foreach (var property in document.RootElement.EnumerateObject())
                _values[_index[property.Name]] = ValueText(property.Value);
            return true;
        }
        return false;
    }

    public string? Get(int index) => index < _values.Length ? _values[index] : null;

    string? ReadLine()
    {
        try { return _reader.ReadLine(); }
        catch (System.Text.DecoderFallbackException e) { throw StrictUtf8.Error(FilePath, _line + 1, e); }
    }

    JsonDocument Parse(string text, long line)
    {
        try
        {
            var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new SourceFormatException(FilePath, line, "expected a JSON object on this line.");
            }
            return document;
        }
        catch (JsonException e)
        {
            throw new SourceFormatException(FilePath, line, $"invalid JSON: {e.Message}", e);
        }
    }

    static string? ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : null,
        // The literal text keeps every digit: large integer ids (tweet ids) do not survive a round trip through double.
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    public void Dispose() => _reader.Dispose();
}
