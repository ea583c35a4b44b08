using System.Text;
using Fulcrum.Data.Import.Expressions;

namespace Fulcrum.Data.Import.Mapping;

/// <summary>
/// A text template such as "{Customer ID}-referral-{#}": braces hold a column name, {#} is the repeat index.
/// "{{" and "}}" are literal braces.
/// </summary>
public sealed class Template
{
    readonly (string Text, string? Column, bool IsIndex)[] _parts;

    Template(string text, (string, string?, bool)[] parts)
    {
        Text = text;
        _parts = parts;
        ColumnReferences = parts.Where(p => p.Item2 is not null).Select(p => p.Item2!).Distinct().ToArray();
    }

    public string Text { get; }
    public IReadOnlyList<string> ColumnReferences { get; }

    public static Template Parse(string text)
    {
        var parts = new List<(string, string?, bool)>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{') { literal.Append('{'); i++; continue; }
            if (c == '}' && i + 1 < text.Length && text[i + 1] == '}') { literal.Append('}'); i++; continue; }
            if (c == '}') throw new FormatException($"template '{text}': unmatched '}}' at position {i + 1}.");
            if (c != '{') { literal.Append(c); continue; }
            var end = text.IndexOf('}', i + 1);
            if (end < 0) throw new FormatException($"template '{text}': '{{' at position {i + 1} is never closed.");
            var name = text[(i + 1)..end].Trim();
            if (name.Length == 0) throw new FormatException($"template '{text}': empty '{{}}' at position {i + 1}.");
            if (literal.Length > 0) { parts.Add((literal.ToString(), null, false)); literal.Clear(); }
            parts.Add(("", name == "#" ? null : name, name == "#"));
            i = end;
        }
        if (literal.Length > 0) parts.Add((literal.ToString(), null, false));
        return new Template(text, parts.ToArray());
    }

    /// <returns>The rendered text, or null when a referenced column is empty (the field is then missing).</returns>
    public string? Render(IExpressionRow row, int repeatIndex)
    {
        var builder = new StringBuilder();
        foreach (var (text, column, isIndex) in _parts)
        {
            if (isIndex) builder.Append(repeatIndex);
            else if (column is null) builder.Append(text);
            else
            {
                var value = row.Get(column);
                if (string.IsNullOrEmpty(value)) return null;
                builder.Append(value);
            }
        }
        return builder.ToString();
    }
}
