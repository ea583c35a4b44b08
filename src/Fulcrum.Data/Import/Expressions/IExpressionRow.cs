namespace Fulcrum.Data.Import.Expressions;

/// <summary>
/// One source row as seen by a <see cref="MappingExpression"/>: the raw text of each source column.
/// </summary>
public interface IExpressionRow
{
    /// <summary>
    /// Returns the raw source text of <paramref name="column"/>; <c>null</c> or <c>""</c> means the value is missing.
    /// Called once per column reference per evaluation, so it should be cheap (no allocation).
    /// </summary>
    string? Get(string column);
}
