using ClosedXML.Excel;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Reports.Executive.Xlsx;

/// <summary>How a column's numbers are formatted; an estimate column becomes four: estimate, lower, upper and n.</summary>
internal enum Kind { Text, Count, Money, Number, Percent, Date }

internal sealed record Column(string Header, Kind Kind, bool IsEstimate = false);

/// <summary>
/// Writes one table onto a sheet: a bold, frozen header row, then rows whose cells are numbers (never numbers as text), an
/// estimate spread over estimate/lower/upper/n columns, and an undefined estimate left blank (never 0).
/// </summary>
internal sealed class SheetWriter
{
    readonly IXLWorksheet _sheet;
    readonly IReadOnlyList<Column> _columns;
    int _row;

    public SheetWriter(IXLWorksheet sheet, IReadOnlyList<Column> columns, int startRow = 1)
    {
        (_sheet, _columns, _row) = (sheet, columns, startRow);
        var c = 1;
        foreach (var column in columns)
            foreach (var header in column.IsEstimate ? [column.Header, $"{column.Header} lower", $"{column.Header} upper", $"{column.Header} n"] : new[] { column.Header })
                sheet.Cell(_row, c++).SetValue(header).Style.Font.SetBold();
        if (startRow == 1) sheet.SheetView.FreezeRows(1);
        _row++;
    }

    public int NextRow => _row;

    public SheetWriter Row(params object?[] values)
    {
        var c = 1;
        for (var i = 0; i < _columns.Count; i++)
        {
            var (column, value) = (_columns[i], values[i]);
            if (column.IsEstimate)
            {
                var e = value as Estimate;
                var shown = Phrases.Shown(e);
                Number(c++, shown ? e!.Value : null, column.Kind);
                Number(c++, shown ? e!.Lower : null, column.Kind);
                Number(c++, shown ? e!.Upper : null, column.Kind);
                Number(c++, e?.N, Kind.Count);
            }
            else if (column.Kind == Kind.Text) _sheet.Cell(_row, c++).SetValue(value?.ToString() ?? "");
            else if (column.Kind == Kind.Date && value is DateOnly d) _sheet.Cell(_row, c++).SetValue(d.ToDateTime(TimeOnly.MinValue)).Style.NumberFormat.Format = "yyyy-mm-dd";
            else Number(c++, value is null ? null : Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), column.Kind);
        }
        _row++;
        return this;
    }

    void Number(int column, double? value, Kind kind)
    {
        if (value is not { } v || !double.IsFinite(v)) return;
        var cell = _sheet.Cell(_row, column);
        cell.SetValue(v);
        cell.Style.NumberFormat.Format = kind switch
        {
            Kind.Count => "#,##0",
            Kind.Money => "$#,##0",
            Kind.Percent => "0.0%",
            _ => "0.00",
        };
    }

    /// <summary>Widths from the longest text in each column (ClosedXML's AdjustToContents needs GDI+, absent on Linux servers).</summary>
    public void Finish()
    {
        foreach (var column in _sheet.ColumnsUsed())
        {
            var longest = column.CellsUsed().Max(c => c.DataType == XLDataType.Number ? 12 : c.GetString().Length);
            column.Width = Math.Clamp(longest + 2, 9, 70);
        }
    }
}
