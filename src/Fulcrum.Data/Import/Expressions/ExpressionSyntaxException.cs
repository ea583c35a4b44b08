namespace Fulcrum.Data.Import.Expressions;

/// <summary>
/// Thrown by <see cref="MappingExpression.Parse"/> when the text is not a valid expression.
/// The message has the form <c>at position N: reason</c>, where N is the 1-based character position.
/// </summary>
public sealed class ExpressionSyntaxException : Exception
{
    public ExpressionSyntaxException(string expression, int position, string reason)
        : base($"at position {position}: {reason}")
    {
        Expression = expression;
        Position = position;
        Reason = reason;
    }

    /// <summary>The expression text that failed to parse.</summary>
    public string Expression { get; }

    /// <summary>1-based character position of the error (text length + 1 for "end of expression").</summary>
    public int Position { get; }

    /// <summary>The message without the position prefix.</summary>
    public string Reason { get; }
}
