namespace Fulcrum.Data.Import.Expressions;

/// <summary>
/// Thrown by <see cref="MappingExpression.Evaluate"/> when a row's data cannot be evaluated,
/// e.g. <c>column 'Monthly Charge' value 'abc' is not a number</c> or <c>division by zero</c>.
/// </summary>
public sealed class ExpressionEvaluationException : Exception
{
    public ExpressionEvaluationException(string message, string? column = null, string? value = null)
        : base(message)
    {
        Column = column;
        Value = value;
    }

    /// <summary>The source column the offending value came from, when known.</summary>
    public string? Column { get; }

    /// <summary>The offending value as text, when there is one.</summary>
    public string? Value { get; }
}
