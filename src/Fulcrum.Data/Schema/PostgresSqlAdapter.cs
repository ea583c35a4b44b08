using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Fulcrum.Data.Schema;

/// <summary>
/// Rewrites the DuckDB-only spellings the analytics use into PostgreSQL, outside string literals and quoted names:
/// <c>$name</c> parameters → <c>@name</c> (Npgsql's form), <c>AS DOUBLE)</c> → <c>AS DOUBLE PRECISION)</c>,
/// <c>AS JSON)</c> → <c>AS JSONB)</c>, <c>AVG(x)</c> → an average as DOUBLE PRECISION, (the stores' JSON columns are JSONB), <c>string_split</c> → <c>string_to_array</c>, <c>to_base64(x)</c> → <c>encode(x, 'base64')</c>,
/// and <c>CREATE OR REPLACE [TEMP] TABLE t AS</c> → <c>DROP TABLE IF EXISTS t; CREATE [TEMP] TABLE t AS</c>.
/// One rewriter instead of edits across every query keeps the SQL written once and new queries working on both stores.
/// </summary>
public static partial class PostgresSqlAdapter
{
    static readonly ConcurrentDictionary<string, string> Cache = new();

    public static string Adapt(string sql) => sql.Length > 20_000 ? Rewrite(sql) : Cache.GetOrAdd(sql, Rewrite);

    static string Rewrite(string sql)
    {
        var output = new StringBuilder(sql.Length + 32);
        var code = new StringBuilder();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c is '\'' or '"')
            {
                output.Append(RewriteCode(code.ToString()));
                code.Clear();
                var end = i + 1;
                while (end < sql.Length && !(sql[end] == c && (end + 1 >= sql.Length || sql[end + 1] != c))) end += sql[end] == c ? 2 : 1;
                output.Append(sql, i, Math.Min(end + 1, sql.Length) - i);
                i = end + 1;
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                var end = sql.IndexOf('\n', i);
                i = end < 0 ? sql.Length : end;
            }
            else
            {
                code.Append(c);
                i++;
            }
        }
        output.Append(RewriteCode(code.ToString()));
        return AverageAsDouble(output.ToString());
    }

    /// <summary>
    /// AVG(x) → AVG(CAST(x AS DOUBLE PRECISION)): PostgreSQL averages integers as NUMERIC, DuckDB as DOUBLE; the
    /// readers expect a double and the two stores must agree to the last digits.
    /// </summary>
    static string AverageAsDouble(string sql)
    {
        var start = FindAverage(sql, 0);
        if (start < 0) return sql;
        var output = new StringBuilder(sql.Length + 64);
        var copied = 0;
        while (start >= 0)
        {
            var open = sql.IndexOf('(', start);
            var close = MatchingParenthesis(sql, open);
            var argument = sql[(open + 1)..close].Trim();
            var distinct = argument.StartsWith("DISTINCT ", StringComparison.OrdinalIgnoreCase) ? "DISTINCT " : "";
            output.Append(sql, copied, open + 1 - copied)
                .Append(distinct).Append("CAST(").Append(AverageAsDouble(argument[distinct.Length..])).Append(" AS DOUBLE PRECISION))");
            copied = close + 1;
            start = FindAverage(sql, copied);
        }
        return output.Append(sql, copied, sql.Length - copied).ToString();
    }

    static int FindAverage(string sql, int from)
    {
        for (var i = from; i < sql.Length; i++)
        {
            if (sql[i] is '\'' or '"') { i = EndOfQuoted(sql, i); continue; }
            if (Average().Match(sql, i) is { Success: true, Index: var index } && index == i) return i;
        }
        return -1;
    }

    static int MatchingParenthesis(string sql, int open)
    {
        var depth = 0;
        for (var i = open; i < sql.Length; i++)
        {
            if (sql[i] is '\'' or '"') { i = EndOfQuoted(sql, i); continue; }
            if (sql[i] == '(') depth++;
            else if (sql[i] == ')' && --depth == 0) return i;
        }
        throw new ArgumentException("Unbalanced parentheses in SQL: " + sql);
    }

    static int EndOfQuoted(string sql, int start)
    {
        var quote = sql[start];
        for (var i = start + 1; i < sql.Length; i++)
            if (sql[i] == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote) i++;
                else return i;
            }
        return sql.Length;
    }

    static string RewriteCode(string code)
    {
        if (code.Length == 0) return code;
        code = Parameter().Replace(code, "@$1");
        code = DoubleCast().Replace(code, "DOUBLE PRECISION");
        code = JsonCast().Replace(code, "AS JSONB$1");
        code = StringSplit().Replace(code, "string_to_array(");
        code = ToBase64().Replace(code, "encode($1, 'base64')");
        return CreateOrReplace().Replace(code, m => $"DROP TABLE IF EXISTS {m.Groups[2].Value}; CREATE {m.Groups[1].Value}TABLE {m.Groups[2].Value}");
    }

    [GeneratedRegex(@"(?<![\w$])\$([A-Za-z_]\w*)")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\bDOUBLE\b(?!\s+PRECISION)", RegexOptions.IgnoreCase)]
    private static partial Regex DoubleCast();

    [GeneratedRegex(@"\bAS\s+JSON\b(\s*[),])", RegexOptions.IgnoreCase)]
    private static partial Regex JsonCast();

    [GeneratedRegex(@"\bstring_split\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex StringSplit();

    [GeneratedRegex(@"\G(?<![\w.])AVG\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex Average();

    [GeneratedRegex(@"\bto_base64\s*\(([^()]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex ToBase64();

    [GeneratedRegex(@"\bCREATE\s+OR\s+REPLACE\s+(TEMP\s+|TEMPORARY\s+)?TABLE\s+([\w.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateOrReplace();
}
