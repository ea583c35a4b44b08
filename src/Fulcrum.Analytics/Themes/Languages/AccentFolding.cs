using System.Globalization;
using System.Text;

namespace Fulcrum.Analytics.Themes.Languages;

/// <summary>
/// Accent folding: "não recebi" and "nao recebi", "atención" and "atencion" become one key. Customers type without accents
/// on phones and keyboards that lack them, so a theme, a key phrase or a lexicon entry keyed on the accented spelling
/// would split one complaint in two. Letters are decomposed (Unicode NFD) and their combining marks dropped; ß, æ, œ and ø
/// have no combining mark and are kept as written.
/// </summary>
public static class AccentFolding
{
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ascii = true;
        foreach (var c in text) if (c > 0x7F) { ascii = false; break; }
        if (ascii) return text;
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) folded.Append(c);
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }
}
