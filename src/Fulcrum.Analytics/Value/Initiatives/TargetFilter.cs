using System.Globalization;
using System.Text;

namespace Fulcrum.Analytics.Value.Initiatives;

/// <summary>
/// The accounts an initiative targets, written as a small segment filter: <c>region = 'EMEA'</c>,
/// <c>segment=Mid-Market</c>, <c>region IN ('EMEA', 'APAC') AND segment != 'SMB'</c>. Fields are account fields
/// (segment, region, industry, owner, account_id); conditions are joined by AND. The filter is parsed into conditions and
/// evaluated in memory against account rows — never spliced into SQL — so any text a user types is either a valid filter
/// or a clear error. An empty filter targets every account.
/// </summary>
public sealed class TargetFilter
{
    public static readonly IReadOnlyList<string> Fields = ["segment", "region", "industry", "owner", "account_id"];

    public sealed record Condition(string Field, bool Negated, IReadOnlyList<string> Values);

    TargetFilter(string text, IReadOnlyList<Condition> conditions)
    {
        Text = text;
        Conditions = conditions;
    }

    public string Text { get; }
    public IReadOnlyList<Condition> Conditions { get; }
    public bool TargetsEveryone => Conditions.Count == 0;

    /// <summary>The account fields the filter constrains (so matching on them would be pointless).</summary>
    public IReadOnlySet<string> ConstrainedFields => Conditions.Select(c => c.Field).ToHashSet();

    public bool Matches(Func<string, string?> field) =>
        Conditions.All(c =>
        {
            var value = field(c.Field) ?? "";
            var hit = c.Values.Any(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase));
            return c.Negated ? !hit : hit;
        });

    public override string ToString() => Text;

    /// <exception cref="FormatException">With a message naming what is wrong and where.</exception>
    public static TargetFilter Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new TargetFilter("", []);
        var tokens = Tokenize(text);
        var conditions = new List<Condition>();
        var i = 0;
        while (true)
        {
            conditions.Add(ParseCondition(tokens, ref i, text));
            if (i == tokens.Count) break;
            if (!tokens[i].Is("AND"))
                throw new FormatException($"Target '{text}': expected AND or the end after a condition, found '{tokens[i].Text}' at position {tokens[i].Position + 1}.");
            i++;
            if (i == tokens.Count) throw new FormatException($"Target '{text}': a condition must follow AND.");
        }
        return new TargetFilter(text.Trim(), conditions);
    }

    public static bool TryParse(string? text, out TargetFilter? filter, out string? error)
    {
        try { filter = Parse(text); error = null; return true; }
        catch (FormatException e) { filter = null; error = e.Message; return false; }
    }

    static Condition ParseCondition(List<Token> tokens, ref int i, string text)
    {
        var field = tokens[i];
        if (field.Kind != TokenKind.Word)
            throw new FormatException($"Target '{text}': expected a field ({string.Join(", ", Fields)}) at position {field.Position + 1}, found '{field.Text}'.");
        var name = field.Text.ToLowerInvariant();
        if (!Fields.Contains(name))
            throw new FormatException($"Target '{text}': unknown field '{field.Text}'. Use one of {string.Join(", ", Fields)}.");
        i++;
        if (i == tokens.Count) throw new FormatException($"Target '{text}': '{field.Text}' needs a comparison (=, != or IN).");
        var op = tokens[i];
        if (op.Is("NOT") && i + 1 < tokens.Count && tokens[i + 1].Is("IN"))
        {
            i += 2;
            return new Condition(name, true, ParseList(tokens, ref i, text));
        }
        if (op.Is("IN"))
        {
            i++;
            return new Condition(name, false, ParseList(tokens, ref i, text));
        }
        if (op.Kind != TokenKind.Operator)
            throw new FormatException($"Target '{text}': expected =, != or IN after '{field.Text}', found '{op.Text}'.");
        i++;
        if (i == tokens.Count || tokens[i].Kind is not (TokenKind.Word or TokenKind.Quoted))
            throw new FormatException($"Target '{text}': '{field.Text} {op.Text}' needs a value.");
        return new Condition(name, op.Text != "=", [tokens[i++].Text]);
    }

    static List<string> ParseList(List<Token> tokens, ref int i, string text)
    {
        if (i == tokens.Count || tokens[i].Text != "(") throw new FormatException($"Target '{text}': IN needs a list in parentheses, e.g. IN ('EMEA', 'APAC').");
        i++;
        var values = new List<string>();
        while (true)
        {
            if (i == tokens.Count || tokens[i].Kind is not (TokenKind.Word or TokenKind.Quoted))
                throw new FormatException($"Target '{text}': expected a value in the IN list.");
            values.Add(tokens[i++].Text);
            if (i == tokens.Count) throw new FormatException($"Target '{text}': the IN list is not closed with ')'.");
            if (tokens[i].Text == ")") { i++; return values; }
            if (tokens[i].Text != ",") throw new FormatException($"Target '{text}': expected ',' or ')' in the IN list, found '{tokens[i].Text}'.");
            i++;
        }
    }

    enum TokenKind { Word, Quoted, Operator, Punctuation }

    sealed record Token(TokenKind Kind, string Text, int Position)
    {
        public bool Is(string keyword) => Kind == TokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
    }

    static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            if (c is '\'' or '"')
            {
                var sb = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new FormatException($"Target '{text}': the quote opened at position {start + 1} is not closed.");
                    if (text[i] == c)
                    {
                        if (i + 1 < text.Length && text[i + 1] == c) { sb.Append(c); i += 2; continue; }
                        i++;
                        break;
                    }
                    sb.Append(text[i++]);
                }
                tokens.Add(new Token(TokenKind.Quoted, sb.ToString(), start));
            }
            else if (c is '=') { tokens.Add(new Token(TokenKind.Operator, "=", start)); i++; }
            else if (c is '!' && i + 1 < text.Length && text[i + 1] == '=') { tokens.Add(new Token(TokenKind.Operator, "!=", start)); i += 2; }
            else if (c is '<' && i + 1 < text.Length && text[i + 1] == '>') { tokens.Add(new Token(TokenKind.Operator, "!=", start)); i += 2; }
            else if (c is '(' or ')' or ',') { tokens.Add(new Token(TokenKind.Punctuation, c.ToString(), start)); i++; }
            else if (char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or ':')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '-' or '.' or ':')) i++;
                tokens.Add(new Token(TokenKind.Word, text[start..i], start));
            }
            else throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                $"Target '{text}': unexpected character '{c}' at position {start + 1}. Write conditions like region = 'EMEA' AND segment != 'SMB'."));
        }
        return tokens;
    }
}
