namespace Fulcrum.Data.Import.Expressions;

/// <summary>
/// A derived-value expression from a mapping file, e.g. <c>[Monthly Charge] * 12</c>.
/// Parse once with <see cref="Parse"/>, then call <see cref="Evaluate"/> per row; instances are immutable and thread-safe.
/// </summary>
public sealed class MappingExpression
{
    private readonly Node root;
    private readonly string[] columnReferences;
    private readonly bool isConstant;
    private readonly object? constantResult;

    private MappingExpression(string text, Node root, string[] columnReferences)
    {
        Text = text;
        this.root = root;
        this.columnReferences = columnReferences;
        if (root is ConstNode constant)
        {
            isConstant = true;
            constantResult = Conv.Box(constant.Value);
        }
    }

    /// <summary>A reference to column <paramref name="name"/> in an expression: <c>[name]</c>, each ']' in the name written ']]'.</summary>
    public static string ColumnReference(string name) => "[" + name.Replace("]", "]]", StringComparison.Ordinal) + "]";

    /// <summary>Parses <paramref name="text"/>; throws <see cref="ExpressionSyntaxException"/> naming the position and what was expected.</summary>
    public static MappingExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // A mapping may come from an untrusted upload: a bounded text bounds the tree, and so the work per row.
        if (text.Length > MaxLength)
        {
            throw new ExpressionSyntaxException(text, MaxLength + 1,
                $"the expression is {text.Length:N0} characters long; at most {MaxLength:N0} are allowed");
        }

        var root = Parser.Parse(text, out var columns);
        return new MappingExpression(text, root, columns);
    }

    /// <summary>The longest expression text accepted.</summary>
    public const int MaxLength = 4_000;

    /// <summary>The source text as given to <see cref="Parse"/>.</summary>
    public string Text { get; }

    /// <summary>Distinct column names referenced (ordinal), in order of first appearance.</summary>
    public IReadOnlyList<string> ColumnReferences => columnReferences;

    /// <summary>
    /// Evaluates against one row. Returns <c>null</c>, <see cref="double"/>, <see cref="string"/>, <see cref="bool"/> or <see cref="DateTime"/>.
    /// Throws <see cref="ExpressionEvaluationException"/> for bad data (e.g. non-numeric text in arithmetic, division by zero).
    /// </summary>
    public object? Evaluate(IExpressionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return isConstant ? constantResult : Conv.Box(root.Eval(row));
    }

    public override string ToString() => Text;
}
