using System.Globalization;
using System.Text;

namespace Fulcrum.Data.Import.Expressions;

internal enum TokenKind : byte
{
    End,
    Number,
    String,
    Column,
    Identifier,
    LParen,
    RParen,
    Comma,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <param name="Start">0-based index of the token's first character.</param>
/// <param name="Raw">The token's source text.</param>
/// <param name="Text">Identifier name, column name or unescaped string.</param>
internal readonly record struct Token(TokenKind Kind, int Start, string Raw, string? Text = null, double Number = 0)
{
    public string Describe() => Kind switch
    {
        TokenKind.End => "end of expression",
        TokenKind.String => $"string {Raw}",
        TokenKind.Column => $"column {Raw}",
        _ => $"'{Raw}'",
    };
}

internal static class Lexer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, text.Length, ""));
                return tokens;
            }

            var start = i;
            var c = text[i];
            switch (c)
            {
                case '(':
                    tokens.Add(new Token(TokenKind.LParen, start, "("));
                    i++;
                    continue;
                case ')':
                    tokens.Add(new Token(TokenKind.RParen, start, ")"));
                    i++;
                    continue;
                case ',':
                    tokens.Add(new Token(TokenKind.Comma, start, ","));
                    i++;
                    continue;
                case '+':
                    tokens.Add(new Token(TokenKind.Plus, start, "+"));
                    i++;
                    continue;
                case '-':
                    tokens.Add(new Token(TokenKind.Minus, start, "-"));
                    i++;
                    continue;
                case '*':
                    tokens.Add(new Token(TokenKind.Star, start, "*"));
                    i++;
                    continue;
                case '/':
                    tokens.Add(new Token(TokenKind.Slash, start, "/"));
                    i++;
                    continue;
                case '%':
                    tokens.Add(new Token(TokenKind.Percent, start, "%"));
                    i++;
                    continue;
                case '=':
                    i += Peek(text, i + 1) == '=' ? 2 : 1;
                    tokens.Add(new Token(TokenKind.Equal, start, text[start..i]));
                    continue;
                case '!':
                    if (Peek(text, i + 1) != '=')
                    {
                        throw Error(text, start, "unexpected character '!' (use 'not' or '!=')");
                    }

                    i += 2;
                    tokens.Add(new Token(TokenKind.NotEqual, start, "!="));
                    continue;
                case '<':
                    if (Peek(text, i + 1) == '=')
                    {
                        i += 2;
                        tokens.Add(new Token(TokenKind.LessOrEqual, start, "<="));
                    }
                    else if (Peek(text, i + 1) == '>')
                    {
                        i += 2;
                        tokens.Add(new Token(TokenKind.NotEqual, start, "<>"));
                    }
                    else
                    {
                        i++;
                        tokens.Add(new Token(TokenKind.Less, start, "<"));
                    }

                    continue;
                case '>':
                    if (Peek(text, i + 1) == '=')
                    {
                        i += 2;
                        tokens.Add(new Token(TokenKind.GreaterOrEqual, start, ">="));
                    }
                    else
                    {
                        i++;
                        tokens.Add(new Token(TokenKind.Greater, start, ">"));
                    }

                    continue;
                case '[':
                {
                    // "]]" inside the brackets is one ']' of the name ([score [0-10]]] is the column "score [0-10]").
                    var name = new System.Text.StringBuilder();
                    var close = i + 1;
                    while (close < text.Length)
                    {
                        if (text[close] != ']') { name.Append(text[close++]); continue; }
                        if (Peek(text, close + 1) != ']') break;
                        name.Append(']');
                        close += 2;
                    }

                    if (close >= text.Length)
                    {
                        throw Error(text, text.Length, "expected ']' to close the column reference started at position "
                            + (start + 1).ToString(CultureInfo.InvariantCulture) + " but found end of expression"
                            // "]]" was read as a ']' of the name: say how a name's ']' and the closing one are written.
                            + (name.ToString().Contains(']', StringComparison.Ordinal) ? " (']]' is a ']' in the column name; close the reference with one more ']')" : ""));
                    }

                    if (close == i + 1)
                    {
                        throw Error(text, start, "empty column reference '[]'");
                    }

                    i = close + 1;
                    tokens.Add(new Token(TokenKind.Column, start, text[start..i], name.ToString()));
                    continue;
                }

                case '\'':
                    tokens.Add(LexString(text, ref i));
                    continue;
            }

            if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(text, i + 1))))
            {
                tokens.Add(LexNumber(text, ref i));
                continue;
            }

            if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && IsIdentifierChar(text[i]))
                {
                    i++;
                }

                var name = text[start..i];
                tokens.Add(new Token(TokenKind.Identifier, start, name, name));
                continue;
            }

            var hint = c == '"' ? " (string literals use single quotes)" : "";
            throw Error(text, start, $"unexpected character '{c}'{hint}");
        }
    }

    private static char Peek(string text, int index) => index < text.Length ? text[index] : '\0';

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static Token LexString(string text, ref int i)
    {
        var start = i;
        i++;
        StringBuilder? sb = null;
        var segment = i;
        while (true)
        {
            if (i >= text.Length)
            {
                throw Error(text, text.Length, "expected closing quote of the string started at position "
                    + (start + 1).ToString(CultureInfo.InvariantCulture) + " but found end of expression");
            }

            if (text[i] == '\'')
            {
                if (Peek(text, i + 1) == '\'')
                {
                    sb ??= new StringBuilder();
                    sb.Append(text, segment, i + 1 - segment);
                    i += 2;
                    segment = i;
                    continue;
                }

                var value = sb is null ? text[segment..i] : sb.Append(text, segment, i - segment).ToString();
                i++;
                return new Token(TokenKind.String, start, text[start..i], value);
            }

            i++;
        }
    }

    private static Token LexNumber(string text, ref int i)
    {
        var start = i;
        while (char.IsAsciiDigit(Peek(text, i)))
        {
            i++;
        }

        if (Peek(text, i) == '.')
        {
            i++;
            while (char.IsAsciiDigit(Peek(text, i)))
            {
                i++;
            }
        }

        if (Peek(text, i) is 'e' or 'E')
        {
            var j = i + 1;
            if (Peek(text, j) is '+' or '-')
            {
                j++;
            }

            if (char.IsAsciiDigit(Peek(text, j)))
            {
                i = j;
                while (char.IsAsciiDigit(Peek(text, i)))
                {
                    i++;
                }
            }
        }

        if (IsIdentifierChar(Peek(text, i)) || Peek(text, i) == '.')
        {
            while (IsIdentifierChar(Peek(text, i)) || Peek(text, i) == '.')
            {
                i++;
            }

            throw Error(text, start, $"invalid number '{text[start..i]}'");
        }

        var raw = text[start..i];
        var value = double.Parse(raw, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            throw Error(text, start, $"number '{raw}' is out of range");
        }

        return new Token(TokenKind.Number, start, raw, null, value);
    }

    internal static ExpressionSyntaxException Error(string text, int index, string reason) => new(text, index + 1, reason);
}
