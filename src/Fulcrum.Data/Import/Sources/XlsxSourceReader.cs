using System.Globalization;
using ClosedXML.Excel;

namespace Fulcrum.Data.Import.Sources;

/// <summary>XLSX via ClosedXML: the named (or first) worksheet, first row as header; Line is the sheet row number.</summary>
public sealed class XlsxSourceReader : ISourceReader
{
    readonly XLWorkbook _workbook;
    readonly IXLWorksheet _sheet;
    readonly int _lastRow;
    readonly int _columnCount;
    readonly string?[] _values;
    int _row;

    public XlsxSourceReader(string path, string? sheetName)
    {
        FilePath = path;
        try
        {
            _workbook = new XLWorkbook(path);
        }
        catch (Exception e) when (e is not SourceFormatException)
        {
            throw new SourceFormatException(path, null, $"not a readable XLSX workbook ({e.Message}).", e);
        }
        if (sheetName is null)
            _sheet = _workbook.Worksheets.First();
        else if (!_workbook.TryGetWorksheet(sheetName, out _sheet!))
            throw new SourceFormatException(path, null,
                $"no worksheet named '{sheetName}'. Sheets: {string.Join(", ", _workbook.Worksheets.Select(w => w.Name))}.");

        var used = _sheet.RangeUsed();
        _lastRow = used?.LastRow().RowNumber() ?? 0;
        _columnCount = used?.LastColumn().ColumnNumber() ?? 0;
        if (_lastRow == 0)
            throw new SourceFormatException(path, 1, "the worksheet is empty; expected a header row.");
        Columns = Enumerable.Range(1, _columnCount).Select(c => CellText(_sheet.Cell(1, c))?.Trim() ?? "").ToArray();
        CsvSourceReader.ValidateHeader(path, Columns);
        _values = new string?[_columnCount];
        _row = 1;
    }

    public string FilePath { get; }
    public IReadOnlyList<string> Columns { get; }
    public long Line => _row;
    public int FieldCount => _columnCount;
    public double Progress => _lastRow <= 1 ? 1 : (double)_row / _lastRow;

    public bool Read()
    {
        while (++_row <= _lastRow)
        {
            var row = _sheet.Row(_row);
            if (row.IsEmpty()) continue;
            for (var c = 0; c < _columnCount; c++) _values[c] = CellText(row.Cell(c + 1));
            return true;
        }
        return false;
    }

    public string? Get(int index) => index < _values.Length ? _values[index] : null;

    /// <summary>Cell text in invariant form: numbers round-trip, dates as ISO 8601.</summary>
    static string? CellText(IXLCell cell)
    {
        if (cell.IsEmpty()) return null;
        string text = cell.DataType switch
        {
            XLDataType.Number => cell.GetDouble().ToString("R", CultureInfo.InvariantCulture),
            XLDataType.Boolean => cell.GetBoolean() ? "true" : "false",
            XLDataType.DateTime => cell.GetDateTime().TimeOfDay == TimeSpan.Zero
                ? cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : cell.GetDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            XLDataType.TimeSpan => cell.GetTimeSpan().ToString("c", CultureInfo.InvariantCulture),
            _ => cell.GetString(),
        };
        return text.Length == 0 ? null : text;
    }

    public void Dispose() => _workbook.Dispose();
}
