using Fulcrum.Data.Import.Expressions;

namespace Fulcrum.Data.Tests.Import.Expressions;

internal sealed class TestRow(params (string Column, string? Value)[] values) : IExpressionRow
{
    private readonly Dictionary<string, string?> values = values.ToDictionary(v => v.Column, v => v.Value, StringComparer.Ordinal);

    public static readonly TestRow Empty = new();

    public string? Get(string column) => values.TryGetValue(column, out var v) ? v : null;
}
