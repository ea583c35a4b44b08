using System.Globalization;

namespace Fulcrum.Data.Import.Expressions;

internal enum ValueKind : byte
{
    Null,
    Number,
    Text,
    Bool,
    Date,
}

/// <summary>
/// Unboxed intermediate value used while evaluating. Text remembers the column it came from
/// so conversion errors can name it.
/// </summary>
internal readonly struct Value
{
    public readonly ValueKind Kind;
    public readonly double Number; // Number; Bool as 1 / 0
    public readonly DateTime Date;
    public readonly string? Text;
    public readonly string? Column;

    private Value(ValueKind kind, double number, DateTime date, string? text, string? column)
    {
        Kind = kind;
        Number = number;
        Date = date;
        Text = text;
        Column = column;
    }

    public static Value Null => default;

    public static readonly Value True = new(ValueKind.Bool, 1, default, null, null);
    public static readonly Value False = new(ValueKind.Bool, 0, default, null, null);

    public bool IsNull => Kind == ValueKind.Null;

    public static Value FromNumber(double number) => new(ValueKind.Number, number, default, null, null);

    public static Value FromText(string text, string? column = null) => new(ValueKind.Text, 0, default, text, column);

    public static Value FromBool(bool value) => value ? True : False;

    public static Value FromDate(DateTime date) => new(ValueKind.Date, 0, date, null, null);

    public bool BoolValue => Number != 0;
}

/// <summary>Conversions and shared evaluation helpers. Nothing here allocates on the success path.</summary>
internal static class Conv
{
    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;

    public static object? Box(in Value v) => v.Kind switch
    {
        ValueKind.Number => v.Number,
        ValueKind.Text => v.Text,
        ValueKind.Bool => v.BoolValue ? BoxedTrue : BoxedFalse,
        ValueKind.Date => v.Date,
        _ => null,
    };

    /// <summary>Null or empty text.</summary>
    public static bool IsMissing(in Value v) => v.Kind == ValueKind.Null || (v.Kind == ValueKind.Text && v.Text!.Length == 0);

    /// <summary>
    /// Converts a non-null value to a number (text is parsed with the invariant culture).
    /// Returns false for null; throws <see cref="ExpressionEvaluationException"/> when not convertible.
    /// </summary>
    public static bool TryNumber(in Value v, out double number)
    {
        switch (v.Kind)
        {
            case ValueKind.Number:
                number = v.Number;
                return true;
            case ValueKind.Text:
                if (TryParseSimpleDecimal(v.Text!, out number)
                    || (double.TryParse(v.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number)))
                {
                    return true;
                }

                throw NotA(v, "a number");
            case ValueKind.Null:
                number = 0;
                return false;
            default:
                throw NotA(v, "a number");
        }
    }

    private static readonly double[] PowersOf10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>
    /// Fast path for the common "[-]123.45" shape with at most 15 digits: the mantissa is exact in a double and
    /// 10^k (k ≤ 15) is exact, so one IEEE division gives the correctly rounded result, identical to double.Parse.
    /// Anything else (exponent, white space, more digits) returns false and goes through double.TryParse.
    /// </summary>
    internal static bool TryParseSimpleDecimal(string s, out double result)
    {
        result = 0;
        if (s.Length is 0 or > 17)
        {
            return false;
        }

        var i = 0;
        var negative = false;
        if (s[0] == '-')
        {
            negative = true;
            i = 1;
        }

        long mantissa = 0;
        var digits = 0;
        var fractionDigits = -1;
        for (; i < s.Length; i++)
        {
            var d = (uint)(s[i] - '0');
            if (d <= 9)
            {
                mantissa = (mantissa * 10) + d;
                digits++;
                if (fractionDigits >= 0)
                {
                    fractionDigits++;
                }
            }
            else if (s[i] == '.' && fractionDigits < 0)
            {
                fractionDigits = 0;
            }
            else
            {
                return false;
            }
        }

        if (digits is 0 or > 15)
        {
            return false;
        }

        double value = mantissa;
        if (fractionDigits > 0)
        {
            value /= PowersOf10[fractionDigits];
        }

        result = negative ? -value : value;
        return true;
    }

    /// <summary>Converts a non-null value to a number; callers must have checked for null.</summary>
    public static double Number(in Value v)
    {
        TryNumber(v, out var number);
        return number;
    }

    /// <summary>
    /// Lenient number parsing for number(): thousands separators, a leading or trailing currency
    /// symbol ($ € £), a sign before or after the symbol, and accounting negatives "(1,234.50)".
    /// </summary>
    public static bool TryParseLenient(ReadOnlySpan<char> s, out double result)
    {
        result = 0;
        s = s.Trim();
        var negative = false;
        if (s.Length >= 2 && s[0] == '(' && s[^1] == ')')
        {
            negative = true;
            s = s[1..^1].Trim();
        }

        var signSeen = negative;
        if (!signSeen && s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            signSeen = true;
            s = s[1..].TrimStart();
        }

        var currencySeen = false;
        if (s.Length > 0 && IsCurrency(s[0]))
        {
            currencySeen = true;
            s = s[1..].TrimStart();
        }

        if (!signSeen && s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (!currencySeen && s.Length > 0 && IsCurrency(s[^1]))
        {
            s = s[..^1].TrimEnd();
        }

        if (s.Length == 0)
        {
            return false;
        }

        Span<char> buffer = s.Length <= 128 ? stackalloc char[s.Length] : new char[s.Length];
        var n = 0;
        var inInteger = true;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == ',')
            {
                // Thousands separator: only between digits of the integer part.
                if (!inInteger || i == 0 || !char.IsAsciiDigit(s[i - 1]) || i + 1 >= s.Length || !char.IsAsciiDigit(s[i + 1]))
                {
                    return false;
                }

                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                inInteger = false;
            }

            buffer[n++] = c;
        }

        if (!double.TryParse(buffer[..n], NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out result)
            || !double.IsFinite(result))
        {
            result = 0;
            return false;
        }

        if (negative)
        {
            result = -result;
        }

        return true;
    }

    private static bool IsCurrency(char c) => c is '$' or '€' or '£';

    /// <summary>Text form of a value (null stays null). Numbers use the shortest round-trip invariant form.</summary>
    public static string? ToText(in Value v) => v.Kind switch
    {
        ValueKind.Text => v.Text,
        ValueKind.Number => FormatNumber(v.Number),
        ValueKind.Bool => v.BoolValue ? "true" : "false",
        ValueKind.Date => FormatDate(v.Date),
        _ => null,
    };

    public static string FormatNumber(double d) => d == 0 ? "0" : d.ToString(CultureInfo.InvariantCulture);

    public static string FormatDate(DateTime d) => d.TimeOfDay == TimeSpan.Zero
        ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : d.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>Truthiness for if/and/or/not: null is false; text must spell a boolean; numbers are true when non-zero.</summary>
    public static bool IsTrue(in Value v) => v.Kind switch
    {
        ValueKind.Null => false,
        ValueKind.Bool => v.BoolValue,
        ValueKind.Number => v.Number != 0,
        ValueKind.Text => ParseBool(v),
        _ => throw NotA(v, "a boolean"),
    };

    /// <summary>Converts a non-null value to a boolean.</summary>
    public static bool ToBool(in Value v) => v.Kind switch
    {
        ValueKind.Bool => v.BoolValue,
        ValueKind.Text => ParseBool(v),
        _ => throw NotA(v, "a boolean"),
    };

    private static bool ParseBool(in Value v)
    {
        var s = v.Text.AsSpan().Trim();
        if (s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Equals("yes", StringComparison.OrdinalIgnoreCase)
            || s.Equals("y", StringComparison.OrdinalIgnoreCase) || s.Equals("t", StringComparison.OrdinalIgnoreCase) || s.SequenceEqual("1"))
        {
            return true;
        }

        if (s.Equals("false", StringComparison.OrdinalIgnoreCase) || s.Equals("no", StringComparison.OrdinalIgnoreCase)
            || s.Equals("n", StringComparison.OrdinalIgnoreCase) || s.Equals("f", StringComparison.OrdinalIgnoreCase) || s.SequenceEqual("0"))
        {
            return false;
        }

        throw NotA(v, "a boolean");
    }

    /// <summary>"column 'X' value 'abc' is not a number" / "value 'abc' is not a number".</summary>
    public static ExpressionEvaluationException NotA(in Value v, string what)
    {
        var text = ToText(v);
        return v.Column is not null
            ? new ExpressionEvaluationException($"column '{v.Column}' value '{text}' is not {what}", v.Column, text)
            : new ExpressionEvaluationException($"{(v.Kind == ValueKind.Text ? "value" : KindName(v.Kind))} '{text}' is not {what}", null, text);
    }

    public static string KindName(ValueKind kind) => kind switch
    {
        ValueKind.Number => "number",
        ValueKind.Bool => "boolean",
        ValueKind.Date => "date",
        ValueKind.Null => "null",
        _ => "text",
    };
}
