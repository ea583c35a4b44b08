namespace Fulcrum.Data.Import.Expressions;

/// <summary>Node of the parsed expression tree. Trees are immutable and safe to evaluate from several threads.</summary>
internal abstract class Node
{
    public abstract Value Eval(IExpressionRow row);
}

internal sealed class ConstNode(Value value) : Node
{
    public readonly Value Value = value;

    public override Value Eval(IExpressionRow row) => Value;
}

internal sealed class ColumnNode(string name) : Node
{
    public readonly string Name = name;

    public override Value Eval(IExpressionRow row)
    {
        var text = row.Get(Name);
        return string.IsNullOrEmpty(text) ? Value.Null : Value.FromText(text, Name);
    }
}

internal sealed class NegateNode(Node operand) : Node
{
    public override Value Eval(IExpressionRow row)
    {
        var v = operand.Eval(row);
        return Conv.TryNumber(v, out var d) ? Value.FromNumber(-d) : Value.Null;
    }
}

internal enum ArithOp : byte
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}

internal sealed class ArithNode(ArithOp op, Node left, Node right) : Node
{
    public override Value Eval(IExpressionRow row)
    {
        var l = left.Eval(row);
        var r = right.Eval(row);
        if (l.IsNull || r.IsNull)
        {
            return Value.Null;
        }

        if (l.Kind == ValueKind.Date || r.Kind == ValueKind.Date)
        {
            return DateArith(l, r);
        }

        var a = Conv.Number(l);
        var b = Conv.Number(r);
        switch (op)
        {
            case ArithOp.Add:
                return Value.FromNumber(a + b);
            case ArithOp.Subtract:
                return Value.FromNumber(a - b);
            case ArithOp.Multiply:
                return Value.FromNumber(a * b);
            case ArithOp.Divide:
                if (b == 0)
                {
                    throw new ExpressionEvaluationException("division by zero");
                }

                return Value.FromNumber(a / b);
            default:
                if (b == 0)
                {
                    throw new ExpressionEvaluationException("division by zero");
                }

                return Value.FromNumber(a % b);
        }
    }

    // date - date = days (fractional); date ± number = date shifted by that many days; number + date likewise.
    private Value DateArith(in Value l, in Value r)
    {
        if (l.Kind == ValueKind.Date && r.Kind == ValueKind.Date && op == ArithOp.Subtract)
        {
            return Value.FromNumber((l.Date - r.Date).TotalDays);
        }

        if (l.Kind == ValueKind.Date && r.Kind != ValueKind.Date && (op == ArithOp.Add || op == ArithOp.Subtract))
        {
            var days = Conv.Number(r);
            return Value.FromDate(AddDays(l.Date, op == ArithOp.Add ? days : -days));
        }

        if (r.Kind == ValueKind.Date && l.Kind != ValueKind.Date && op == ArithOp.Add)
        {
            return Value.FromDate(AddDays(r.Date, Conv.Number(l)));
        }

        throw new ExpressionEvaluationException(
            $"operator '{Symbol(op)}' cannot be applied to {Conv.KindName(l.Kind)} '{Conv.ToText(l)}' and {Conv.KindName(r.Kind)} '{Conv.ToText(r)}'",
            l.Column ?? r.Column);
    }

    private static DateTime AddDays(DateTime date, double days)
    {
        try
        {
            return date.AddDays(days);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new ExpressionEvaluationException($"date arithmetic out of range: {Conv.FormatDate(date)} + {Conv.FormatNumber(days)} days");
        }
    }

    private static string Symbol(ArithOp op) => op switch
    {
        ArithOp.Add => "+",
        ArithOp.Subtract => "-",
        ArithOp.Multiply => "*",
        ArithOp.Divide => "/",
        _ => "%",
    };
}

internal enum CompareOp : byte
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary>
/// Comparison. Any null operand gives false. If either side is a number the comparison is numeric
/// (text converted); two texts compare ordinally; booleans and dates compare with their own kind.
/// </summary>
internal sealed class CompareNode(CompareOp op, Node left, Node right) : Node
{
    public override Value Eval(IExpressionRow row)
    {
        var l = left.Eval(row);
        var r = right.Eval(row);
        if (l.IsNull || r.IsNull)
        {
            return Value.False;
        }

        if (l.Kind == ValueKind.Number || r.Kind == ValueKind.Number)
        {
            var a = Conv.Number(l);
            var b = Conv.Number(r);
            return Value.FromBool(op switch
            {
                CompareOp.Equal => a == b,
                CompareOp.NotEqual => a != b,
                CompareOp.Less => a < b,
                CompareOp.LessOrEqual => a <= b,
                CompareOp.Greater => a > b,
                _ => a >= b,
            });
        }

        int c;
        if (l.Kind == ValueKind.Text && r.Kind == ValueKind.Text)
        {
            c = string.CompareOrdinal(l.Text, r.Text);
        }
        else if (l.Kind == ValueKind.Bool || r.Kind == ValueKind.Bool)
        {
            c = Conv.ToBool(l).CompareTo(Conv.ToBool(r));
        }
        else if (l.Kind == ValueKind.Date && r.Kind == ValueKind.Date)
        {
            c = l.Date.CompareTo(r.Date);
        }
        else
        {
            throw new ExpressionEvaluationException(
                $"cannot compare {Conv.KindName(l.Kind)} '{Conv.ToText(l)}' with {Conv.KindName(r.Kind)} '{Conv.ToText(r)}'",
                l.Column ?? r.Column);
        }

        return Value.FromBool(op switch
        {
            CompareOp.Equal => c == 0,
            CompareOp.NotEqual => c != 0,
            CompareOp.Less => c < 0,
            CompareOp.LessOrEqual => c <= 0,
            CompareOp.Greater => c > 0,
            _ => c >= 0,
        });
    }
}

internal sealed class AndNode(Node left, Node right) : Node
{
    public override Value Eval(IExpressionRow row) =>
        Value.FromBool(Conv.IsTrue(left.Eval(row)) && Conv.IsTrue(right.Eval(row)));
}

internal sealed class OrNode(Node left, Node right) : Node
{
    public override Value Eval(IExpressionRow row) =>
        Value.FromBool(Conv.IsTrue(left.Eval(row)) || Conv.IsTrue(right.Eval(row)));
}

internal sealed class NotNode(Node operand) : Node
{
    public override Value Eval(IExpressionRow row) => Value.FromBool(!Conv.IsTrue(operand.Eval(row)));
}
