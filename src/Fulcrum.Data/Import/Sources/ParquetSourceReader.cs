using System.Globalization;
using System.Reflection;
using Parquet;
using Parquet.Schema;

namespace Fulcrum.Data.Import.Sources;

/// <summary>Parquet via Parquet.Net, one row group in memory at a time; Line is the 1-based record number.</summary>
public sealed class ParquetSourceReader : ISourceReader
{
    readonly FileStream _stream;
    readonly ParquetReader _reader;
    readonly DataField[] _fields;
    Array[] _columns = [];
    int _rowGroup = -1;
    int _rowInGroup;
    int _rowsInGroup;
    long _record;

    public ParquetSourceReader(string path)
    {
        FilePath = path;
        _stream = File.OpenRead(path);
        try
        {
            _reader = ParquetReader.CreateAsync(_stream).GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            _stream.Dispose();
            throw new SourceFormatException(path, null, $"not a readable Parquet file ({e.Message}).", e);
        }
        // Nested columns (lists, structs, maps) have no single text per row; they are refused by name, not failed on later.
        if (_reader.Schema.Fields.FirstOrDefault(f => f.SchemaType != SchemaType.Data) is { } nested)
        {
            _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _stream.Dispose();
            throw new SourceFormatException(path, null, $"column '{nested.Name}' is a {nested.SchemaType.ToString().ToLowerInvariant()}; Fulcrum imports flat columns only (flatten it, e.g. to text, before importing).");
        }
        _fields = _reader.Schema.GetDataFields();
        Columns = _fields.Select(f => f.Name).ToArray();
        CsvSourceReader.ValidateHeader(path, Columns);
    }

    public string FilePath { get; }
    public IReadOnlyList<string> Columns { get; }
    public long Line => _record;
    public int FieldCount => _fields.Length;
    public double Progress => _reader.RowGroupCount == 0 ? 1 : (_rowGroup + 1.0) / _reader.RowGroupCount;

    public bool Read()
    {
        while (_rowInGroup >= _rowsInGroup)
        {
            if (++_rowGroup >= _reader.RowGroupCount) return false;
            using var group = _reader.OpenRowGroupReader(_rowGroup);
            _rowsInGroup = checked((int)group.RowCount);
            _columns = _fields.Select(f => ReadColumn(FilePath, group, f, _rowsInGroup)).ToArray();
            _rowInGroup = 0;
        }
        _rowInGroup++;
        _record++;
        return true;
    }

    public string? Get(int index)
    {
        if (index >= _columns.Length) return null;
        return _columns[index].GetValue(_rowInGroup - 1) switch
        {
            null => null,
            string s => s.Length == 0 ? null : s,
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            decimal m => m.ToString(CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            DateTime t => t.TimeOfDay == TimeSpan.Zero && t.Kind != DateTimeKind.Utc
                ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            DateTimeOffset o => o.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString(),
        };
    }

    static Array ReadColumn(string path, ParquetRowGroupReader group, DataField field, int rows)
    {
        if (field.ClrType == typeof(string))
        {
            var strings = new string?[rows];
            group.ReadAsync(field, strings.AsMemory(), null, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            return strings;
        }
        if (field.ClrType == typeof(byte[]))
            throw new SourceFormatException(path, null, $"column '{field.Name}' holds binary data, which cannot be imported.");
        var read = typeof(ParquetSourceReader).GetMethod(nameof(ReadValues), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(field.ClrType);
        try
        {
            return (Array)read.Invoke(null, [group, field, rows])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new SourceFormatException(path, null, $"column '{field.Name}' cannot be read ({e.InnerException.Message}).", e.InnerException);
        }
    }

    static Array ReadValues<T>(ParquetRowGroupReader group, DataField field, int rows) where T : struct
    {
        var values = new T?[rows];
        group.ReadAsync(field, values.AsMemory(), null, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return values;
    }

    public void Dispose()
    {
        _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }
}
