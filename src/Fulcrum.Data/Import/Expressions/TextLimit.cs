using System.Globalization;

namespace Fulcrum.Data.Import.Expressions;

/// <summary>The longest text an expression may build (concat, replace): far above any real field, far below what exhausts memory.</summary>
internal static class TextLimit
{
    public const int MaxChars = 1_000_000;

    public static void Check(long length, string function)
    {
        if (length > MaxChars)
        {
            throw new ExpressionEvaluationException(
                $"{function} would make a text of {length.ToString("N0", CultureInfo.InvariantCulture)} characters; an expression may make at most {MaxChars.ToString("N0", CultureInfo.InvariantCulture)}");
        }
    }
}
