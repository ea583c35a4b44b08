namespace Fulcrum.Data.Import.Mapping;

/// <summary>
/// One place where a mapping reads a source column, kept so that a column the file lacks can be reported at the
/// mapping's line and column and by the field that wanted it (<c>outcomes.kind</c>, <c>outcomes where</c>).
/// </summary>
/// <param name="Place">The table and field (or <c>where</c>/<c>repeat</c>) that reads the column.</param>
/// <param name="Line">1-based line in the mapping file.</param>
/// <param name="Col">1-based column in that line.</param>
public sealed record ColumnUse(string Column, string Place, int Line, int Col);
