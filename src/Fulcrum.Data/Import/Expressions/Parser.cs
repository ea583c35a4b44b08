using System.Globalization;

namespace Fulcrum.Data.Import.Expressions;

/// <summary>
/// Recursive-descent parser. Precedence, loosest first: or, and, not, comparison (not chainable),
/// + -, * / %, unary -, primary. Constant sub-expressions are folded at parse time.
/// Nesting (parentheses, calls, unary operators) and chains of binary operators both count towards <see cref="MaxDepth"/>,
/// because evaluation recurses once per level of the tree either makes: a mapping cannot overflow the stack.
/// </summary>
internal sealed class Parser
{
    private const int MaxDepth = 200;

    private static readonly IExpressionRow EmptyRow = new NoColumns();

    private readonly string text;
    private readonly List<Token> tokens;
    private readonly List<string> columns = [];
    private readonly HashSet<string> seenColumns = new(StringComparer.Ordinal);
    private int pos;
    private int depth;

    private Parser(string text)
    {
        this.text = text;
        tokens = Lexer.Tokenize(text);
    }

    public static Node Parse(string text, out string[] columnReferences)
    {
        var parser = new Parser(text);
        var root = parser.ParseOr();
        if (parser.Current.Kind != TokenKind.End)
        {
            var what = parser.Current.Kind == TokenKind.RParen ? "end of expression (unbalanced ')')" : "an operator or end of expression";
            throw parser.Error(parser.Current, $"expected {what} but found {parser.Current.Describe()}");
        }

        columnReferences = [.. parser.columns];
        return root;
    }

    private Token Current => tokens[pos];

    private Token Advance() => tokens[pos++];

    private bool AtKeyword(string keyword) =>
        Current.Kind == TokenKind.Identifier && string.Equals(Current.Text, keyword, StringComparison.OrdinalIgnoreCase);

    private Node ParseOr()
    {
        var left = ParseAnd();
        var chain = 0;
        while (AtKeyword("or"))
        {
            Enter(Advance());
            chain++;
            var right = ParseAnd();
            left = Fold(new OrNode(left, right), left, right);
        }

        depth -= chain;
        return left;
    }

    private Node ParseAnd()
    {
        var left = ParseNot();
        var chain = 0;
        while (AtKeyword("and"))
        {
            Enter(Advance());
            chain++;
            var right = ParseNot();
            left = Fold(new AndNode(left, right), left, right);
        }

        depth -= chain;
        return left;
    }

    private Node ParseNot()
    {
        if (!AtKeyword("not"))
        {
            return ParseComparison();
        }

        Enter(Advance());
        var operand = ParseNot();
        depth--;
        return Fold(new NotNode(operand), operand);
    }

    private Node ParseComparison()
    {
        var left = ParseAdditive();
        if (!TryCompareOp(Current.Kind, out var op))
        {
            return left;
        }

        Advance();
        var right = ParseAdditive();
        if (TryCompareOp(Current.Kind, out _))
        {
            throw Error(Current, $"comparisons cannot be chained; found '{Current.Raw}' after a comparison (use 'and')");
        }

        return Fold(new CompareNode(op, left, right), left, right);
    }

    private static bool TryCompareOp(TokenKind kind, out CompareOp op)
    {
        switch (kind)
        {
            case TokenKind.Equal:
                op = CompareOp.Equal;
                return true;
            case TokenKind.NotEqual:
                op = CompareOp.NotEqual;
                return true;
            case TokenKind.Less:
                op = CompareOp.Less;
                return true;
            case TokenKind.LessOrEqual:
                op = CompareOp.LessOrEqual;
                return true;
            case TokenKind.Greater:
                op = CompareOp.Greater;
                return true;
            case TokenKind.GreaterOrEqual:
                op = CompareOp.GreaterOrEqual;
                return true;
            default:
                op = default;
                return false;
        }
    }

    private Node ParseAdditive()
    {
        var left = ParseMultiplicative();
        var chain = 0;
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var token = Advance();
            Enter(token);
            chain++;
            var op = token.Kind == TokenKind.Plus ? ArithOp.Add : ArithOp.Subtract;
            var right = ParseMultiplicative();
            left = Fold(new ArithNode(op, left, right), left, right);
        }

        depth -= chain;
        return left;
    }

    private Node ParseMultiplicative()
    {
        var left = ParseUnary();
        var chain = 0;
        while (Current.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            var token = Advance();
            Enter(token);
            chain++;
            var op = token.Kind switch
            {
                TokenKind.Star => ArithOp.Multiply,
                TokenKind.Slash => ArithOp.Divide,
                _ => ArithOp.Modulo,
            };
            var right = ParseUnary();
            left = Fold(new ArithNode(op, left, right), left, right);
        }

        depth -= chain;
        return left;
    }

    private Node ParseUnary()
    {
        if (Current.Kind != TokenKind.Minus)
        {
            return ParsePrimary();
        }

        Enter(Advance());
        var operand = ParseUnary();
        depth--;
        return Fold(new NegateNode(operand), operand);
    }

    private Node ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new ConstNode(Value.FromNumber(token.Number));
            case TokenKind.String:
                Advance();
                return new ConstNode(Value.FromText(token.Text!));
            case TokenKind.Column:
                Advance();
                return Column(token.Text!);
            case TokenKind.LParen:
            {
                Enter(Advance());
                var inner = ParseOr();
                Expect(TokenKind.RParen, "')'");
                depth--;
                return inner;
            }

            case TokenKind.Identifier:
                return ParseIdentifier();
            default:
                throw Error(token, $"expected an expression but found {token.Describe()}");
        }
    }

    private Node ParseIdentifier()
    {
        var token = Advance();
        var name = token.Text!;
        switch (name.ToLowerInvariant())
        {
            case "true":
                return new ConstNode(Value.True);
            case "false":
                return new ConstNode(Value.False);
            case "null":
                return new ConstNode(Value.Null);
            case "and":
            case "or":
            case "not":
                throw Error(token, $"expected an expression but found {token.Describe()}");
        }

        if (Current.Kind == TokenKind.LParen)
        {
            if (!Functions.TryGet(name, out var function))
            {
                throw Error(token, $"unknown function '{name}'");
            }

            return ParseCall(token, function);
        }

        if (Functions.IsFunctionName(name))
        {
            throw Error(Current, $"expected '(' after function name '{name}' but found {Current.Describe()} (write [{name}] for a column with that name)");
        }

        return Column(name);
    }

    private Node ParseCall(Token nameToken, Functions.Info function)
    {
        Enter(Advance()); // '('
        var args = new List<Node>();
        if (Current.Kind != TokenKind.RParen)
        {
            while (true)
            {
                args.Add(ParseOr());
                if (Current.Kind == TokenKind.Comma)
                {
                    Advance();
                    continue;
                }

                if (Current.Kind != TokenKind.RParen)
                {
                    throw Error(Current, $"expected ',' or ')' but found {Current.Describe()}");
                }

                break;
            }
        }

        Advance(); // ')'
        depth--;
        if (args.Count < function.MinArgs || args.Count > function.MaxArgs)
        {
            throw Error(nameToken, $"function '{function.Name}' expects {ArgCount(function)} but got {args.Count.ToString(CultureInfo.InvariantCulture)}");
        }

        var array = args.ToArray();
        return Fold(function.Create(array), array);
    }

    private static string ArgCount(Functions.Info f)
    {
        static string Plural(int n) => n == 1 ? "1 argument" : $"{n.ToString(CultureInfo.InvariantCulture)} arguments";
        if (f.MaxArgs == int.MaxValue)
        {
            return $"at least {Plural(f.MinArgs)}";
        }

        return f.MinArgs == f.MaxArgs
            ? Plural(f.MinArgs)
            : $"{f.MinArgs.ToString(CultureInfo.InvariantCulture)} to {Plural(f.MaxArgs)}";
    }

    private Node Column(string name)
    {
        if (seenColumns.Add(name))
        {
            columns.Add(name);
        }

        return new ColumnNode(name);
    }

    private void Expect(TokenKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            throw Error(Current, $"expected {what} but found {Current.Describe()}");
        }

        Advance();
    }

    private void Enter(Token token)
    {
        if (++depth > MaxDepth)
        {
            throw Error(token, $"expression is nested too deeply (more than {MaxDepth.ToString(CultureInfo.InvariantCulture)} levels of parentheses, calls or chained operators)");
        }
    }

    /// <summary>Replaces a node whose operands are all constants by its value, unless evaluating it fails (then the error surfaces per row).</summary>
    private static Node Fold(Node node, params ReadOnlySpan<Node> operands)
    {
        foreach (var operand in operands)
        {
            if (operand is not ConstNode)
            {
                return node;
            }
        }

        try
        {
            return new ConstNode(node.Eval(EmptyRow));
        }
        catch (ExpressionEvaluationException)
        {
            return node;
        }
    }

    private ExpressionSyntaxException Error(Token token, string reason) => Lexer.Error(text, token.Start, reason);

    private sealed class NoColumns : IExpressionRow
    {
        public string? Get(string column) => null;
    }
}
