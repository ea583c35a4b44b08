using System.Globalization;

namespace Fulcrum.Data.Import.Expressions;

/// <summary>Function table: name (case-insensitive) → argument count range and node factory.</summary>
internal static class Functions
{
    internal sealed record Info(string Name, int MinArgs, int MaxArgs, Func<Node[], Node> Create);

    private static readonly Dictionary<string, Info> Table = Build();

    public static bool TryGet(string name, out Info info) => Table.TryGetValue(name, out info!);

    public static bool IsFunctionName(string name) => Table.ContainsKey(name);

    private static Dictionary<string, Info> Build()
    {
        var all = new Info[]
        {
            new("if", 3, 3, a => new IfNode(a[0], a[1], a[2])),
            new("coalesce", 1, int.MaxValue, a => new CoalesceNode(a)),
            new("concat", 1, int.MaxValue, a => new ConcatNode(a)),
            new("lower", 1, 1, a => new TextMapNode(a[0], TextMap.Lower)),
            new("upper", 1, 1, a => new TextMapNode(a[0], TextMap.Upper)),
            new("trim", 1, 1, a => new TextMapNode(a[0], TextMap.Trim)),
            new("text", 1, 1, a => new TextMapNode(a[0], TextMap.None)),
            new("round", 1, 2, a => new RoundNode(a[0], a.Length > 1 ? a[1] : null)),
            new("floor", 1, 1, a => new MathNode(a[0], Math.Floor)),
            new("ceil", 1, 1, a => new MathNode(a[0], Math.Ceiling)),
            new("abs", 1, 1, a => new MathNode(a[0], Math.Abs)),
            new("int", 1, 1, a => new MathNode(a[0], Math.Truncate)),
            new("min", 1, int.MaxValue, a => new MinMaxNode(a, max: false)),
            new("max", 1, int.MaxValue, a => new MinMaxNode(a, max: true)),
            new("number", 1, 1, a => new NumberNode(a[0])),
            new("len", 1, 1, a => new LenNode(a[0])),
            new("contains", 2, 2, a => new TextTestNode(a[0], a[1], startsWith: false)),
            new("startswith", 2, 2, a => new TextTestNode(a[0], a[1], startsWith: true)),
            new("replace", 3, 3, a => new ReplaceNode(a[0], a[1], a[2])),
            new("date", 2, 2, a => new DateNode(a[0], a[1])),
            new("isnull", 1, 1, a => new IsNullNode(a[0])),
            new("addmonths", 2, 2, a => new AddMonthsNode(a[0], a[1])),
            new("days", 2, 2, a => new DaysNode(a[0], a[1])),
        };
        var table = new Dictionary<string, Info>(StringComparer.OrdinalIgnoreCase);
        foreach (var info in all)
        {
            table.Add(info.Name, info);
        }

        return table;
    }
}

internal sealed class IfNode(Node condition, Node whenTrue, Node whenFalse) : Node
{
    public override Value Eval(IExpressionRow row) =>
        Conv.IsTrue(condition.Eval(row)) ? whenTrue.Eval(row) : whenFalse.Eval(row);
}

/// <summary>First argument that is neither null nor empty text.</summary>
internal sealed class CoalesceNode(Node[] args) : Node
{
    public override Value Eval(IExpressionRow row)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var v = args[i].Eval(row);
            if (!Conv.IsMissing(v))
            {
                return v;
            }
        }

        return Value.Null;
    }
}

/// <summary>Concatenates the text of all arguments; null arguments count as empty text.</summary>
internal sealed class ConcatNode(Node[] args) : Node
{
    public override Value Eval(IExpressionRow row)
    {
        var parts = new string?[args.Length];
        long length = 0;
        for (var i = 0; i < args.Length; i++)
        {
            parts[i] = Conv.ToText(args[i].Eval(row));
            length += parts[i]?.Length ?? 0;
        }

        TextLimit.Check(length, "concat");
        return Value.FromText(string.Concat(parts));
    }
}

internal enum TextMap : byte
{
    None,
    Lower,
    Upper,
    Trim,
}

/// <summary>text / lower / upper / trim. Keeps the source column so later conversion errors can name it.</summary>
internal sealed class TextMapNode(Node arg, TextMap map) : Node
{
    public override Value Eval(IExpressionRow row)
    {
        var v = arg.Eval(row);
        var text = Conv.ToText(v);
        if (text is null)
        {
            return Value.Null;
        }

        text = map switch
        {
            TextMap.Lower => text.ToLowerInvariant(),
            TextMap.Upper => text.ToUpperInvariant(),
            TextMap.Trim => text.Trim(),
            _ => text,
        };
        return Value.FromText(text, v.Column);
    }
}

internal sealed class MathNode(Node arg, Func<double, double> func) : Node
{
    public override Value Eval(IExpressionRow row) =>
        Conv.TryNumber(arg.Eval(row), out var d) ? Value.FromNumber(func(d)) : Value.Null;
}

/// <summary>round(x[, digits]): half away from zero; negative digits round to tens, hundreds, ...</summary>
internal sealed class RoundNode(Node arg, Node? digits) : Node
{
    public override Value Eval(IExpressionRow row)
    {
        if (!Conv.TryNumber(arg.Eval(row), out var x))
        {
            return Value.Null;
        }

        var d = 0.0;
        if (digits is not null && !Conv.TryNumber(digits.Eval(row), out d))
        {
            return Value.Null;
        }

        return Value.FromNumber(Round(x, d));
    }

    internal static double Round(double x, double digits)
    {
        var n = (int)Math.Clamp(Math.Truncate(digits), -308, 308);
        if (n >= 0)
        {
            return n > 15 ? x : Math.Round(x, n, MidpointRounding.AwayFromZero);
        }

        var factor = Math.Pow(10, -n);
        return Math.Round(x / factor, MidpointRounding.AwayFromZero) * factor;
    }
}

/// <summary>min / max of the non-null arguments (numbers, or all dates); null when all are null.</summary>
internal sealed class MinMaxNode(Node[] args, bool max) : Node
{
    public override Value Eval(IExpressionRow row)
    {
        var best = Value.Null;
        for (var i = 0; i < args.Length; i++)
        {
            var v = args[i].Eval(row);
            if (v.IsNull)
            {
                continue;
            }

            if (best.IsNull)
            {
                best = v.Kind == ValueKind.Date ? v : Value.FromNumber(Conv.Number(v));
                continue;
            }

            if (best.Kind == ValueKind.Date)
            {
                if (v.Kind != ValueKind.Date)
                {
                    throw Mixed(v);
                }

                if (max ? v.Date > best.Date : v.Date < best.Date)
                {
                    best = v;
                }
            }
            else
            {
                if (v.Kind == ValueKind.Date)
                {
                    throw Mixed(v);
                }

                var d = Conv.Number(v);
                if (max ? d > best.Number : d < best.Number)
                {
                    best = Value.FromNumber(d);
                }
            }
        }

        return best;
    }

    private ExpressionEvaluationException Mixed(in Value v) =>
        new($"{(max ? "max" : "min")}() cannot mix dates and numbers ({Conv.KindName(v.Kind)} '{Conv.ToText(v)}')", v.Column, Conv.ToText(v));
}

/// <summary>number(s): lenient parse allowing "1,234.5", "$12", "-€3", "(4.50)".</summary>
internal sealed class NumberNode(Node arg) : Node
{
    public override Value Eval(IExpressionRow row)
    {
        var v = arg.Eval(row);
        switch (v.Kind)
        {
            case ValueKind.Null:
                return Value.Null;
            case ValueKind.Number:
                return v;
            case ValueKind.Bool:
                return Value.FromNumber(v.Number);
            case ValueKind.Text:
                if (Conv.TryParseLenient(v.Text, out var d))
                {
                    return Value.FromNumber(d);
                }

                throw Conv.NotA(v, "a number");
            default:
                throw Conv.NotA(v, "a number");
        }
    }
}

internal sealed class LenNode(Node arg) : Node
{
    public override Value Eval(IExpressionRow row)
    {
        var text = Conv.ToText(arg.Eval(row));
        return text is null ? Value.Null : Value.FromNumber(text.Length);
    }
}

/// <summary>contains / startswith: ordinal, case-sensitive; null if either argument is null.</summary>
internal sealed class TextTestNode(Node text, Node sub, bool startsWith) : Node
{
    public override Value Eval(IExpressionRow row)
    {
        var s = Conv.ToText(text.Eval(row));
        var t = Conv.ToText(sub.Eval(row));
        if (s is null || t is null)
        {
            return Value.Null;
        }

        return Value.FromBool(startsWith ? s.StartsWith(t, StringComparison.Ordinal) : s.Contains(t, StringComparison.Ordinal));
    }
}

/// <summary>replace(s, a, b): ordinal, all occurrences; null if any argument is null.</summary>
internal sealed class ReplaceNode(Node text, Node find, Node with) : Node
{
    public override Value Eval(IExpressionRow row)
    {
        var v = text.Eval(row);
        var s = Conv.ToText(v);
        var a = Conv.ToText(find.Eval(row));
        var b = Conv.ToText(with.Eval(row));
        if (s is null || a is null || b is null)
        {
            return Value.Null;
        }

        if (a.Length == 0)
        {
            return Value.FromText(s, v.Column);
        }

        if (b.Length > a.Length)
        {
            // The result's length is known before it is built, so nested replaces cannot blow one character up to gigabytes.
            var count = 0L;
            for (var at = s.IndexOf(a, StringComparison.Ordinal); at >= 0; at = s.IndexOf(a, at + a.Length, StringComparison.Ordinal))
            {
                count++;
            }

            TextLimit.Check(s.Length + count * (b.Length - a.Length), "replace");
        }

        return Value.FromText(s.Replace(a, b, StringComparison.Ordinal), v.Column);
    }
}

/// <summary>date(s, format): DateTime.ParseExact with the invariant culture (surrounding white space allowed).</summary>
internal sealed class DateNode(Node text, Node format) : Node
{
    public override Value Eval(IExpressionRow row)
    {
        var v = text.Eval(row);
        if (v.IsNull)
        {
            return Value.Null;
        }

        if (v.Kind == ValueKind.Date)
        {
            return v;
        }

        var f = Conv.ToText(format.Eval(row));
        if (f is null)
        {
            return Value.Null;
        }

        var s = Conv.ToText(v)!;
        if (f.Length > 0 && DateTime.TryParseExact(s, f, CultureInfo.InvariantCulture,
                DateTimeStyles.AllowLeadingWhite | DateTimeStyles.AllowTrailingWhite, out var date))
        {
            return Value.FromDate(date);
        }

        throw Conv.NotA(v, $"a date in format '{f}'");
    }
}

/// <summary>isnull(x): true when x is null or empty text.</summary>
internal sealed class IsNullNode(Node arg) : Node
{
    public override Value Eval(IExpressionRow row) => Value.FromBool(Conv.IsMissing(arg.Eval(row)));
}

/// <summary>addmonths(date, n): the date n calendar months later (n may be negative; fractions are truncated).</summary>
internal sealed class AddMonthsNode(Node date, Node months) : Node
{
    public override Value Eval(IExpressionRow row)
    {
        var d = date.Eval(row);
        var n = months.Eval(row);
        if (d.IsNull || n.IsNull)
        {
            return Value.Null;
        }

        if (d.Kind != ValueKind.Date)
        {
            throw Conv.NotA(d, "a date (use date(text, 'format') first)");
        }

        var count = Conv.Number(n);
        if (Math.Abs(count) > 12_000)
        {
            throw Conv.NotA(n, "a month count between -12000 and 12000");
        }

        return Value.FromDate(d.Date.AddMonths((int)Math.Truncate(count)));
    }
}

/// <summary>
/// days(later, earlier): whole calendar days from the second date to the first (negative when the first is earlier), e.g.
/// <c>days([delivered], [estimated])</c> is how many days late a delivery was. Dates come from date(text, 'format') or are
/// ISO 8601 text (yyyy-MM-dd, with or without a time, which is ignored); an empty argument gives null.
/// </summary>
internal sealed class DaysNode(Node later, Node earlier) : Node
{
    public override Value Eval(IExpressionRow row)
    {
        var a = later.Eval(row);
        var b = earlier.Eval(row);
        if (Conv.IsMissing(a) || Conv.IsMissing(b))
        {
            return Value.Null;
        }

        return Value.FromNumber(DayNumber(a) - DayNumber(b));
    }

    private static int DayNumber(in Value v)
    {
        if (v.Kind == ValueKind.Date)
        {
            return DateOnly.FromDateTime(v.Date).DayNumber;
        }

        var text = v.Kind == ValueKind.Text ? v.Text!.Trim() : null;
        // The calendar day as written: a time or an offset after it does not move the date (no conversion to UTC here).
        if (text is { Length: >= 10 } && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && (text.Length == 10 || text[10] is 'T' or 't' or ' '))
        {
            return day.DayNumber;
        }

        throw Conv.NotA(v, "a date (yyyy-MM-dd, optionally followed by a time; use date(text, 'format') for other layouts)");
    }
}
